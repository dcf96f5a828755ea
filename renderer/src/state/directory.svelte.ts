/**
 * Directory search for the Directory view and the dial box: the server's smart search (names,
 * and numbers for digits), grouped by person. Search as you type: the latest query wins, older
 * answers arriving late are dropped.
 */
import type { Result } from '../../../common/contract';
import type { DirectoryEntry } from '../../../common/domain';
import { groupByPerson, type Person } from '../directory';
import type { CtiStore } from '../lib/cti-store.svelte';
import { CommandRunner } from './command-runner.svelte';

/** Entries a dial or divert box asks for: enough for its list of a few people. */
export const LOOKUP_LIMIT = 20;

export class DirectoryState {
  query = $state('');
  people = $state.raw<Person[]>([]);
  searching = $state(false);
  /** The last failure in words, until the next search succeeds. */
  error = $state<string | undefined>(undefined);
  readonly runner = new CommandRunner();
  readonly #store: CtiStore;
  #seq = 0;
  #lookups = 0;

  constructor(store: CtiStore) {
    this.#store = store;
  }

  /** The view's search: updates query, people, searching and error. */
  async search(query: string): Promise<void> {
    this.query = query;
    const seq = ++this.#seq;
    if (query.trim() === '') {
      this.people = [];
      this.searching = false;
      this.error = undefined;
      return;
    }
    this.searching = true;
    const result = await this.#fetch(query);
    if (seq !== this.#seq) return; // a newer query is on its way
    this.searching = false;
    if (result.ok) {
      this.people = groupByPerson(result.value);
      this.error = undefined;
    } else {
      this.error = this.runner.lastError?.text;
    }
  }

  /**
   * A look-up for another component (the dial box, the divert box): the first `limit` matches
   * (a box shows a few people; the Directory view asks for all), or [] on failure.
   */
  async lookup(query: string, limit = LOOKUP_LIMIT): Promise<Person[]> {
    if (query.trim() === '') return [];
    const result = await this.#fetch(query, limit);
    return result.ok ? groupByPerson(result.value) : [];
  }

  #fetch(query: string, limit?: number): Promise<Result<DirectoryEntry[]>> {
    const line = this.#store.line?.lineId;
    // A unique key per request: search-as-you-type never refuses a keystroke as "already running".
    this.#lookups += 1;
    const args = { query: query.trim(), ...(line === undefined ? {} : { line }), ...(limit === undefined ? {} : { limit }) };
    return this.runner.run(`search:${this.#lookups}`, () => this.#store.cti.searchDirectory(args));
  }
}
