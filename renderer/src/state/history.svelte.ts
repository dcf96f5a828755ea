/**
 * The History view's state: the filter form, the records of the last query, Call back, and the
 * missed-calls count of the line (the badge on the tab and in the header) with its "seen" verb.
 * Queries run through a CommandRunner; a newer query wins over a slower older one.
 */
import type { HistoryEntry } from '../../../common/domain';
import { EMPTY_FORM, HISTORY_PAGE, formProblem, historyArgs, type HistoryForm } from '../history';
import { t } from '../i18n/i18n.svelte';
import type { CtiStore } from '../lib/cti-store.svelte';
import type { Announcer } from './announcer.svelte';
import { CommandRunner } from './command-runner.svelte';

export class HistoryState {
  form = $state<HistoryForm>({ ...EMPTY_FORM });
  entries = $state.raw<HistoryEntry[]>([]);
  /** True once a query answered (an empty list then means "nothing matches", not "not loaded"). */
  loaded = $state(false);
  error = $state<string | undefined>(undefined);
  readonly runner: CommandRunner;
  readonly #store: CtiStore;
  readonly #announcer: Announcer | undefined;
  #seq = 0;
  /** Missed calls of the line not seen yet: the badge. */
  readonly missed: number;
  problem = $derived(formProblem(this.form));
  /** More records may exist: the last answer filled the limit. */
  mayHaveMore = $derived(this.loaded && this.entries.length >= this.form.limit);

  constructor(store: CtiStore, announcer?: Announcer) {
    this.#store = store;
    this.missed = $derived(store.line?.missedCalls ?? 0);
    this.#announcer = announcer;
    this.runner = new CommandRunner();
  }

  get loading(): boolean {
    return this.runner.isBusy(`history:${this.#seq}`);
  }

  #line(): { line?: string } {
    const line = this.#store.line?.lineId;
    return line === undefined ? {} : { line };
  }

  /** Runs the query of the form (refused while the form has a problem). */
  async load(): Promise<void> {
    if (this.problem) return;
    const seq = ++this.#seq;
    const result = await this.runner.run(`history:${seq}`, () => this.#store.cti.history({ ...this.#line(), ...historyArgs(this.form) }));
    if (seq !== this.#seq) return;
    if (result.ok) {
      this.entries = result.value;
      this.error = undefined;
      this.loaded = true;
    } else this.error = this.runner.lastError?.text;
  }

  /** Asks for the next page (the server has no offset: a larger limit). */
  async more(): Promise<void> {
    this.form.limit = Math.min(1000, this.form.limit + HISTORY_PAGE);
    await this.load();
  }

  async reset(): Promise<void> {
    this.form = { ...EMPTY_FORM };
    await this.load();
  }

  isCallingBack(number: string): boolean {
    return this.runner.isBusy(`callBack:${number}`);
  }

  async callBack(number: string): Promise<void> {
    const result = await this.runner.run(`callBack:${number}`, () => this.#store.cti.dial({ ...this.#line(), number }));
    if (result.ok) this.#announcer?.say(t('dial.dialling', { number }));
    else this.#announcer?.say(this.runner.lastError?.text ?? '');
  }

  /** The view was seen: the badge goes (and the header's count with it, through the core's patch). */
  async markSeen(): Promise<void> {
    if (this.missed === 0) return;
    await this.runner.run('markMissedSeen', () => this.#store.cti.markMissedSeen(this.#line()));
  }
}
