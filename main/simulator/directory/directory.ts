/**
 * The simulator's directory: public directories (configured by name, searched by everyone) and
 * private ones per user (updateUserDirectory replaces one named directory of one user, and only
 * that user's searches see it). Answers the four directory requests of the spec.
 */
import type { Party } from '../../../common/telservices/structures';
import type { TelReply } from '../../../common/telservices/replies';
import type {
  SearchNameRequest,
  SearchNumberRequest,
  UpdateDirectoryRequest,
  UpdateUserDirectoryRequest,
} from '../../../common/telservices/requests';
import { fold } from './fold';
import { compareEntries, PartyIndex, SEARCH_STAGES, type IndexedParty } from './party-index';
import { generateDirectory, type GenerateOptions } from './generate';

export type DirectoryRequest =
  | SearchNameRequest
  | SearchNumberRequest
  | UpdateUserDirectoryRequest
  | UpdateDirectoryRequest;

export const DIRECTORY_REQUEST_TYPES = ['searchName', 'searchNumber', 'updateUserDirectory', 'updateDirectory'] as const;

export function isDirectoryRequest(req: { type: string }): req is DirectoryRequest {
  return (DIRECTORY_REQUEST_TYPES as readonly string[]).includes(req.type);
}

export interface DirectoryOptions extends GenerateOptions {
  /** Use these parties as the public directory instead of generating one. */
  parties?: readonly Party[];
  /** The name updateDirectory accepts for the public directory. Default 'ldap' (the spec's example). */
  publicName?: string;
}

/** Who is searching: the userID, else the device number (the spec: "the deviceNumber as a userID"). */
function userKeyOf(req: { userID?: string; deviceNumber?: string }): string | undefined {
  return req.userID ?? req.deviceNumber;
}

function parseLimit(limit: string | undefined): number {
  const n = limit === undefined ? NaN : Number(limit);
  return Number.isInteger(n) && n > 0 ? n : Infinity;
}

export class Directory {
  private publicIndex: PartyIndex;
  private readonly publicName: string;
  private readonly options: DirectoryOptions;
  /** user -> directoryName -> index */
  private readonly privateDirs = new Map<string, Map<string, PartyIndex>>();

  constructor(options: DirectoryOptions = {}) {
    this.options = options;
    this.publicName = options.publicName ?? 'ldap';
    this.publicIndex = new PartyIndex(options.parties ?? generateDirectory(options));
  }

  get size(): number {
    return this.publicIndex.size;
  }

  /** Every public party, in name order (the demo picks callers from it). */
  publicParties(): Party[] {
    return this.publicIndex.entries.map((e) => e.party);
  }

  searchName(text: string, opts: { limit?: number; user?: string } = {}): Party[] {
    const limit = opts.limit ?? Infinity;
    const key = fold(text);
    const indexes = this.indexesFor(opts.user);
    for (const stage of SEARCH_STAGES) {
      const found = mergeOrdered(indexes.map((ix) => ix.match(stage, key, limit)), limit);
      if (found.length > 0) return found;
    }
    return [];
  }

  searchNumber(number: string, user?: string): Party[] {
    return mergeOrdered(
      this.indexesFor(user).map((ix) => ix.matchNumber(number)),
      Infinity,
    );
  }

  /** Whole replacement of one private directory; an empty list deletes it. */
  updateUserDirectory(user: string, directoryName: string, parties: readonly Party[]): void {
    let dirs = this.privateDirs.get(user);
    if (!dirs) {
      dirs = new Map();
      this.privateDirs.set(user, dirs);
    }
    if (parties.length === 0) dirs.delete(directoryName);
    else dirs.set(directoryName, new PartyIndex(parties));
  }

  /** A "synchronization" of a configured directory: we rebuild the public index. False if unknown. */
  updateDirectory(directoryName: string): boolean {
    if (directoryName !== this.publicName) return false;
    this.publicIndex = new PartyIndex(this.options.parties ?? generateDirectory(this.options));
    return true;
  }

  execute(req: DirectoryRequest): TelReply {
    switch (req.type) {
      case 'searchName': {
        const parties = this.searchName(req.name, { limit: parseLimit(req.limit), user: userKeyOf(req) });
        return { kind: 'result', result: { type: 'searchDirectory', parties } };
      }
      case 'searchNumber':
        return {
          kind: 'result',
          result: { type: 'searchDirectory', parties: this.searchNumber(req.number, userKeyOf(req)) },
        };
      case 'updateUserDirectory': {
        const user = userKeyOf(req);
        if (user === undefined || req.directoryName === '') return { kind: 'error', error: 'reject' };
        this.updateUserDirectory(user, req.directoryName, req.parties);
        return { kind: 'result', result: { type: 'standard' } };
      }
      case 'updateDirectory':
        return this.updateDirectory(req.directoryName)
          ? { kind: 'result', result: { type: 'standard' } }
          : { kind: 'error', error: 'reject' };
      default: {
        const never: never = req;
        throw new Error(`not a directory request: ${JSON.stringify(never)}`);
      }
    }
  }

  private indexesFor(user: string | undefined): PartyIndex[] {
    const own = user === undefined ? undefined : this.privateDirs.get(user);
    return own ? [this.publicIndex, ...own.values()] : [this.publicIndex];
  }
}

/** Lists each already in order -> one ordered list of at most `limit` parties. */
function mergeOrdered(lists: IndexedParty[][], limit: number): Party[] {
  const nonEmpty = lists.filter((l) => l.length > 0);
  if (nonEmpty.length === 0) return [];
  const all = nonEmpty.length === 1 ? (nonEmpty[0] as IndexedParty[]) : nonEmpty.flat().sort(compareEntries);
  return all.slice(0, limit).map((e) => e.party);
}
