/**
 * Directory look-ups through the TelServer (searchName / searchNumber), with a small cache so a
 * busy line does not ask the server for the same caller on every call event, and with in-flight
 * de-duplication (two events for one new caller make one request).
 */
import type { DirectoryEntry } from '../../common/domain';
import type { Party } from '../../common/telservices/structures';
import type { LineLink } from './link';

export interface DirectoryOptions {
  /** Entries kept (least recently used dropped first). */
  maxEntries?: number;
  /** How long an answer stays valid, ms. Unknown numbers are remembered as long. */
  ttlMs?: number;
  now?: () => number;
}

function toEntry(p: Party): DirectoryEntry {
  const e: DirectoryEntry = { number: p.number };
  if (p.name !== undefined) e.name = p.name;
  if (p.company !== undefined) e.company = p.company;
  if (p.numberType !== undefined) e.numberType = p.numberType;
  return e;
}

/** A query made only of dialable characters is a number search; anything else searches names. */
export function looksLikeNumber(query: string): boolean {
  return /^[+]?[0-9*#][0-9*#\s().-]*$/.test(query.trim());
}

export class DirectoryCache {
  readonly #cache = new Map<string, { entry: DirectoryEntry | null; at: number }>();
  readonly #inFlight = new Map<string, Promise<DirectoryEntry | null>>();
  readonly #max: number;
  readonly #ttl: number;
  readonly #now: () => number;

  constructor(
    private readonly link: () => LineLink,
    private readonly who: { deviceNumber: string; userID?: string },
    opts: DirectoryOptions = {},
  ) {
    this.#max = opts.maxEntries ?? 500;
    this.#ttl = opts.ttlMs ?? 10 * 60_000;
    this.#now = opts.now ?? Date.now;
  }

  get size(): number {
    return this.#cache.size;
  }

  #scope(): { userID?: string; deviceNumber: string } {
    return this.who.userID ? { userID: this.who.userID, deviceNumber: this.who.deviceNumber } : { deviceNumber: this.who.deviceNumber };
  }

  /** Who is this number? `null` when the directory does not know it. Rejects on transport errors. */
  lookup(number: string): Promise<DirectoryEntry | null> {
    const hit = this.#cache.get(number);
    if (hit && this.#now() - hit.at < this.#ttl) {
      // Refresh recency: Map keeps insertion order, so re-insert.
      this.#cache.delete(number);
      this.#cache.set(number, hit);
      return Promise.resolve(hit.entry);
    }
    const pending = this.#inFlight.get(number);
    if (pending) return pending;
    const p = this.link()
      .request({ type: 'searchNumber', ...this.#scope(), number })
      .then((result) => {
        const parties = result.type === 'searchDirectory' ? result.parties : [];
        const found = parties.find((party) => party.number === number) ?? parties[0];
        const entry = found ? toEntry(found) : null;
        this.#remember(number, entry);
        return entry;
      })
      .finally(() => this.#inFlight.delete(number));
    this.#inFlight.set(number, p);
    return p;
  }

  #remember(number: string, entry: DirectoryEntry | null): void {
    this.#cache.delete(number);
    this.#cache.set(number, { entry, at: this.#now() });
    while (this.#cache.size > this.#max) {
      const oldest = this.#cache.keys().next().value;
      if (oldest === undefined) break;
      this.#cache.delete(oldest);
    }
  }

  /** The search box: by number when the query is a number, else by name. */
  async search(query: string, limit?: number): Promise<DirectoryEntry[]> {
    if (looksLikeNumber(query)) {
      const entry = await this.lookup(query.replace(/[\s().-]/g, ''));
      return entry ? [entry] : [];
    }
    const req = { type: 'searchName' as const, ...this.#scope(), name: query, ...(limit !== undefined ? { limit: String(limit) } : {}) };
    const result = await this.link().request(req);
    return result.type === 'searchDirectory' ? result.parties.map(toEntry) : [];
  }
}
