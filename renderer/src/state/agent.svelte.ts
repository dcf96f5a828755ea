/**
 * The Agent view's state: the agent as the line reports it, the state change verb (limited to the
 * permitted states), the working-after-call countdown, and the user statistics, fetched on demand
 * and every minute while the view shows them.
 */
import type { AgentView } from '../../../common/domain';
import type { UserStatisticsView } from '../../../common/statistics';
import type { RequestableAgentState } from '../../../common/telservices/enums';
import { selectableStates, wrapUpLeft } from '../agent';
import type { CtiStore } from '../lib/cti-store.svelte';
import type { Announcer } from './announcer.svelte';
import { CommandRunner } from './command-runner.svelte';

export const STATS_REFRESH_MS = 60_000;

export class AgentState {
  readonly runner: CommandRunner;
  readonly #store: CtiStore;
  readonly #now: () => number;
  now = $state(0);
  readonly agent: AgentView | undefined;
  readonly choices: RequestableAgentState[];
  readonly wrapUpLeft: number | undefined;
  stats = $state.raw<UserStatisticsView | undefined>(undefined);
  statsError = $state<string | undefined>(undefined);
  /** The last failed state change, in words. */
  error = $state<string | undefined>(undefined);

  constructor(store: CtiStore, announcer?: Announcer, now: () => number = Date.now) {
    this.#store = store;
    this.agent = $derived(store.line?.agent);
    this.choices = $derived(this.agent ? selectableStates(this.agent) : []);
    this.wrapUpLeft = $derived(wrapUpLeft(this.agent, this.now));
    this.#now = now;
    this.now = now();
    this.runner = new CommandRunner({ onError: (f) => announcer?.say(f.text) });
  }

  #line(): { line?: string } {
    const line = this.#store.line?.lineId;
    return line === undefined ? {} : { line };
  }

  get changing(): boolean {
    return this.runner.isBusy('agentState');
  }

  get loadingStats(): boolean {
    return this.runner.isBusy('statistics');
  }

  async setState(state: RequestableAgentState): Promise<void> {
    const r = await this.runner.run('agentState', () => this.#store.cti.setAgentState({ ...this.#line(), state }));
    this.error = r.ok ? undefined : this.runner.lastError?.text;
  }

  async loadStats(): Promise<void> {
    const r = await this.runner.run('statistics', () => this.#store.cti.userStatistics(this.#line()));
    if (r.ok) {
      this.stats = r.value;
      this.statsError = undefined;
    } else this.statsError = this.runner.lastError?.text;
  }

  /**
   * While the view shows: statistics now and every minute, and the countdown's clock each second.
   * Returns the stop function (for an $effect).
   */
  watch(refreshMs = STATS_REFRESH_MS): () => void {
    void this.loadStats();
    const stats = setInterval(() => void this.loadStats(), refreshMs);
    const clock = setInterval(() => (this.now = this.#now()), 1000);
    return () => {
      clearInterval(stats);
      clearInterval(clock);
    };
  }
}
