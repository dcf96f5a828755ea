/**
 * An immutable index over one directory's parties for the spec's smart search:
 *   1. names starting with the text,
 *   2. else names containing ' text' (a word after a space),
 *   3. else companies starting with the text,
 * case- and accent-insensitive (see fold.ts), ordered by name. Each stage is a binary search over a
 * sorted array of keys, so a search costs O(log n + matches), not a scan of the directory.
 */
import type { Party } from '../../../common/telservices/structures';
import type { NumberType } from '../../../common/telservices/enums';
import { fold } from './fold';

export type SearchStage = 'prefix' | 'word' | 'company';
export const SEARCH_STAGES: readonly SearchStage[] = ['prefix', 'word', 'company'];

const TYPE_RANK: Readonly<Record<NumberType, number>> = { work: 0, home: 1, mobile: 2, ip: 3 };

/** Order of results: folded name, then number type (work, home, mobile, ip), then number. */
export function compareEntries(a: IndexedParty, b: IndexedParty): number {
  if (a.key !== b.key) return a.key < b.key ? -1 : 1;
  if (a.rank !== b.rank) return a.rank - b.rank;
  return a.party.number < b.party.number ? -1 : a.party.number > b.party.number ? 1 : 0;
}

export interface IndexedParty {
  party: Party;
  /** fold(name) */
  key: string;
  rank: number;
}

/** First index in `sorted` whose value is >= `value`. */
function lowerBound(sorted: readonly string[], value: string): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((sorted[mid] as string) < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** [start, end) of the keys starting with `prefix` in a sorted array. */
function prefixRange(sorted: readonly string[], prefix: string): [number, number] {
  const start = lowerBound(sorted, prefix);
  // Every string starting with prefix sorts before prefix + U+FFFF (no folded name contains it).
  const end = lowerBound(sorted, prefix + '\uffff');
  return [start, end];
}

/** A sorted list of (key, entry position) pairs, kept as two parallel arrays. */
class KeyList {
  readonly keys: string[];
  readonly positions: Int32Array;
  constructor(pairs: Array<[string, number]>) {
    pairs.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[1] - b[1]));
    this.keys = pairs.map((p) => p[0]);
    this.positions = Int32Array.from(pairs, (p) => p[1]);
  }
  /** Entry positions whose key starts with prefix, deduplicated, in entry order. */
  lookup(prefix: string): Int32Array {
    const [start, end] = prefixRange(this.keys, prefix);
    const found = this.positions.slice(start, end).sort();
    let n = 0;
    for (let i = 0; i < found.length; i++) if (i === 0 || found[i] !== found[i - 1]) found[n++] = found[i] as number;
    return found.subarray(0, n);
  }
}

export class PartyIndex {
  /** Sorted by compareEntries. */
  readonly entries: readonly IndexedParty[];
  private readonly nameKeys: string[];
  private readonly words: KeyList;
  private readonly companies: KeyList;
  private readonly byNumber = new Map<string, number[]>();

  constructor(parties: readonly Party[]) {
    // A party without a number type sorts after the typed ones of the same name.
    const entries = parties.map((party) => ({
      party,
      key: fold(party.name ?? ''),
      rank: party.numberType ? TYPE_RANK[party.numberType] : 4,
    }));
    entries.sort(compareEntries);
    this.entries = entries;
    this.nameKeys = entries.map((e) => e.key);
    const wordPairs: Array<[string, number]> = [];
    const companyPairs: Array<[string, number]> = [];
    entries.forEach((e, pos) => {
      for (let i = e.key.indexOf(' '); i >= 0; i = e.key.indexOf(' ', i + 1)) {
        if (i + 1 < e.key.length && e.key[i + 1] !== ' ') wordPairs.push([e.key.slice(i + 1), pos]);
      }
      if (e.party.company) companyPairs.push([fold(e.party.company), pos]);
      const same = this.byNumber.get(e.party.number);
      if (same) same.push(pos);
      else this.byNumber.set(e.party.number, [pos]);
    });
    this.words = new KeyList(wordPairs);
    this.companies = new KeyList(companyPairs);
  }

  get size(): number {
    return this.entries.length;
  }

  /** Entries matching one stage of the smart search, in order, at most `limit`. */
  match(stage: SearchStage, foldedText: string, limit = Infinity): IndexedParty[] {
    switch (stage) {
      case 'prefix': {
        const [start, end] = prefixRange(this.nameKeys, foldedText);
        return this.entries.slice(start, Math.min(end, start + limit));
      }
      case 'word':
        return this.pick(this.words.lookup(foldedText), limit);
      case 'company':
        return this.pick(this.companies.lookup(foldedText), limit);
      default: {
        const never: never = stage;
        throw new Error(`unknown stage ${String(never)}`);
      }
    }
  }

  /** Exact number match (the spec: the number as recorded in the directory). */
  matchNumber(number: string): IndexedParty[] {
    return (this.byNumber.get(number) ?? []).map((pos) => this.entries[pos] as IndexedParty);
  }

  private pick(positions: Int32Array, limit: number): IndexedParty[] {
    const n = Math.min(positions.length, limit);
    const out: IndexedParty[] = new Array<IndexedParty>(n);
    for (let i = 0; i < n; i++) out[i] = this.entries[positions[i] as number] as IndexedParty;
    return out;
  }
}
