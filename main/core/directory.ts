/**
 * Directory look-ups through the TelServer (searchName / searchNumber), with a small cache so a
 * busy line does not ask the server for the same caller on every call event, in-flight
 * de-duplication (two events for one new caller make one request), and a bound on the work: a
 * few look-ups at once, a short queue, the rest refused with `limitExceeded` (a stream of unknown
 * callers must not become a stream of requests to the TelServer).
 */
import { MAX_LOOKUP_NUMBER_LENGTH } from './call-mapping';
import { CtiError } from '../../common/errors';
import type { DirectoryEntry } from '../../common/domain';
import type { Party } from '../../common/telservices/structures';
import type { LineLink } from './link';

export interface DirectoryOptions {
  /** Entries kept (least recently used dropped first). */
  maxEntries?: number;
  /** How long an answer stays valid, ms. Unknown numbers are remembered as long. */
  ttlMs?: number;
  /** Look-ups sent at once (default 2). */
  maxConcurrent?: number;
  /** Look-ups waiting for a slot (default 32); more are refused with `limitExceeded`. */
  maxQueued?: number;
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
  readonly #maxConcurrent: number;
  readonly #maxQueued: number;
  #running = 0;
  readonly #queue: (() => void)[] = [];

  constructor(
    private readonly link: () => LineLink,
    private readonly who: { deviceNumber: string; userID?: string },
    opts: DirectoryOptions = {},
  ) {
    this.#max = opts.maxEntries ?? 500;
    this.#ttl = opts.ttlMs ?? 10 * 60_000;
    this.#now = opts.now ?? Date.now;
    this.#maxConcurrent = opts.maxConcurrent ?? 2;
    this.#maxQueued = opts.maxQueued ?? 32;
  }

  get size(): number {
    return this.#cache.size;
  }

  /** No look-up running or waiting (a flood that made it refuse some is over). */
  get idle(): boolean {
    return this.#running === 0 && this.#queue.length === 0;
  }

  #scope(): { userID?: string; deviceNumber: string } {
    return this.who.userID ? { userID: this.who.userID, deviceNumber: this.who.deviceNumber } : { deviceNumber: this.who.deviceNumber };
  }

  /** Who is this number? `null` when the directory does not know it. Rejects on transport errors. */
  lookup(number: string): Promise<DirectoryEntry | null> {
    // No directory holds such a number; asking (and caching the key) would only cost memory.
    if (number.length > MAX_LOOKUP_NUMBER_LENGTH) return Promise.resolve(null);
    const hit = this.#cache.get(number);
    if (hit && this.#now() - hit.at < this.#ttl) {
      // Refresh recency: Map keeps insertion order, so re-insert.
      this.#cache.delete(number);
      this.#cache.set(number, hit);
      return Promise.resolve(hit.entry);
    }
    const pending = this.#inFlight.get(number);
    if (pending) return pending;
    const p = this.#limited(() => this.link().request({ type: 'searchNumber', ...this.#scope(), number }))
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

  /** Runs `job` when a slot is free; refuses it when the queue is full. */
  async #limited<T>(job: () => Promise<T>): Promise<T> {
    if (this.#running >= this.#maxConcurrent) {
      if (this.#queue.length >= this.#maxQueued) {
        throw new CtiError('limitExceeded', `directory: ${this.#running} look-ups running and ${this.#queue.length} waiting`);
      }
      // The slot is handed over as it is freed: #running counts it for us already.
      await new Promise<void>((resolve) => this.#queue.push(resolve));
    } else {
      this.#running += 1;
    }
    try {
      return await job();
    } finally {
      const next = this.#queue.shift();
      if (next) next();
      else this.#running -= 1;
    }
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

  /**
   * The search box: every match, not just one. A name (or company) asks searchName; digits ask
   * searchNumber and searchName together, number matches first (a company may be named with
   * digits). Duplicates (same number) are dropped; `limit` caps the total.
   */
  async search(query: string, limit?: number): Promise<DirectoryEntry[]> {
    const text = query.trim();
    const byName = async (): Promise<DirectoryEntry[]> => {
      const req = { type: 'searchName' as const, ...this.#scope(), name: text, ...(limit !== undefined ? { limit: String(limit) } : {}) };
      const result = await this.link().request(req);
      return result.type === 'searchDirectory' ? result.parties.map(toEntry) : [];
    };
    if (!looksLikeNumber(text)) return byName();
    const number = text.replace(/[\s().-]/g, '');
    const byNumber = async (): Promise<DirectoryEntry[]> => {
      const result = await this.link().request({ type: 'searchNumber', ...this.#scope(), number });
      const entries = result.type === 'searchDirectory' ? result.parties.map(toEntry) : [];
      this.#remember(number, entries.find((e) => e.number === number) ?? entries[0] ?? null);
      return entries;
    };
    const [numbers, names] = await Promise.all([byNumber(), byName()]);
    const seen = new Set<string>();
    const out: DirectoryEntry[] = [];
    for (const e of [...numbers, ...names]) {
      const key = `${e.number}\u0000${e.name ?? ''}`;
      if (seen.has(key)) continue;
      seen.add(key);
      out.push(e);
    }
    return limit === undefined ? out : out.slice(0, limit);
  }
}
