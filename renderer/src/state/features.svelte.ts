/**
 * The phone features' state: do-not-disturb, the nine forwards and message waiting, as the phone
 * reports them (the line's state, so a change made on the handset shows at once), plus the verbs.
 * A switch shows the phone's truth, never a guess: it changes when the core's patch says so, and
 * shows busy meanwhile.
 */
import type { ForwardType, ForwardView } from '../../../common/domain';
import { FORWARD_TYPES } from '../../../common/telservices/enums';
import { forwardNumberProblem, forwardRows, type ForwardRow } from '../features';
import { t, type MessageKey } from '../i18n/i18n.svelte';
import type { CtiStore } from '../lib/cti-store.svelte';
import type { Announcer } from './announcer.svelte';
import { CommandRunner } from './command-runner.svelte';

type Drafts = Record<ForwardType, string>;

export class FeaturesState {
  readonly runner: CommandRunner;
  readonly #store: CtiStore;
  readonly #announcer: Announcer | undefined;
  readonly doNotDisturb: boolean;
  readonly messageWaiting: boolean;
  readonly forwards: ForwardView[];
  readonly rows: ForwardRow[];
  /** The number typed for each forward; '' until typed (the phone's number is the default). */
  drafts = $state<Drafts>(Object.fromEntries(FORWARD_TYPES.map((k) => [k, ''])) as Drafts);
  /** A problem shown under a forward's number field, after an attempt to switch it on. */
  problems = $state<Partial<Record<ForwardType, MessageKey>>>({});
  /** The last failure of a command, in words. */
  readonly error: string | undefined;

  constructor(store: CtiStore, announcer?: Announcer) {
    this.#store = store;
    this.#announcer = announcer;
    this.runner = new CommandRunner({ onError: (f) => announcer?.say(f.text) });
    this.doNotDisturb = $derived(store.line?.doNotDisturb ?? false);
    this.messageWaiting = $derived(store.line?.messageWaiting ?? false);
    this.forwards = $derived(store.line?.forwards ?? []);
    this.rows = $derived(forwardRows(this.forwards));
    this.error = $derived(this.runner.lastError?.text);
  }

  #line(): { line?: string } {
    const line = this.#store.line?.lineId;
    return line === undefined ? {} : { line };
  }

  /** What the number field of a forward holds: the typed draft, else the phone's number. */
  numberOf(type: ForwardType): string {
    const draft = this.drafts[type];
    return draft !== '' ? draft : (this.rows.find((r) => r.type === type)?.number ?? '');
  }

  setDraft(type: ForwardType, text: string): void {
    this.drafts[type] = text;
    if (this.problems[type] !== undefined) this.problems[type] = forwardNumberProblem(text);
  }

  isBusy(key: 'dnd' | ForwardType): boolean {
    return this.runner.isBusy(key === 'dnd' ? 'dnd' : `forward:${key}`);
  }

  async setDnd(on: boolean): Promise<void> {
    const r = await this.runner.run('dnd', () => this.#store.cti.setDnd({ ...this.#line(), on }));
    if (r.ok) this.#announcer?.say(t(on ? 'fwd.dnd.onSaid' : 'fwd.dnd.offSaid'));
  }

  /** Switches a forward; "on" needs a valid number (checked here first, and by the core again). */
  async setForward(type: ForwardType, on: boolean): Promise<void> {
    const number = this.numberOf(type).trim();
    if (on) {
      const problem = forwardNumberProblem(number);
      this.problems[type] = problem;
      if (problem) return;
    }
    // Off: the number goes along only when it is one (the phone may keep it for next time).
    const withNumber = on || forwardNumberProblem(number) === undefined;
    const args = withNumber ? { ...this.#line(), type, on, number } : { ...this.#line(), type, on };
    const r = await this.runner.run(`forward:${type}`, () => this.#store.cti.setForward(args));
    if (r.ok) this.drafts[type] = '';
  }
}
