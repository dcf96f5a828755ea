/**
 * The `history` command's two halves, pure: the queryHistory request the TelServer understands, and
 * the filters it does not (direction, end hour: common/history.ts) applied to what it returned.
 */
import type { ArgsOf } from '../../common/schemas';
import type { DirectoryEntry, HistoryEntry } from '../../common/domain';
import { filterHistory } from '../../common/history';
import type { QueryHistoryRequest } from '../../common/telservices/requests';

/** The contract's ceiling for `limit`: also what we ask for when local filters will thin the reply. */
export const HISTORY_FETCH_MAX = 1000;

function needsLocalFilter(a: ArgsOf<'history'>): boolean {
  return (a.direction !== undefined && a.direction !== 'all') || a.endHour !== undefined;
}

export function historyRequest(a: ArgsOf<'history'>, deviceNumber: string, userID: string): QueryHistoryRequest {
  const req: QueryHistoryRequest = { type: 'queryHistory', deviceNumber };
  if (a.recordType !== undefined) req.recordType = a.recordType;
  if (userID !== '') req.userID = userID;
  if (a.startDate !== undefined) {
    req.startDate = a.startDate;
    // The spec: startHour "is used only if there is a startDate".
    if (a.startHour !== undefined) req.startHour = String(a.startHour);
  }
  if (a.endDate !== undefined) req.endDate = a.endDate;
  const search = a.search?.trim();
  if (search) req.search = search;
  // The server's limit counts records before our filters: ask for the most, cut after filtering.
  const limit = needsLocalFilter(a) ? HISTORY_FETCH_MAX : a.limit;
  if (limit !== undefined) req.limit = String(limit);
  return req;
}

export function filterHistoryReply(entries: readonly HistoryEntry[], a: ArgsOf<'history'>): HistoryEntry[] {
  return filterHistory(entries, { direction: a.direction, endHour: a.endHour, endDate: a.endDate, limit: a.limit });
}

/** At most this many directory look-ups name one history answer (the rest stay numbers). */
export const HISTORY_NAME_LOOKUPS = 24;

type Lookup = (number: string) => Promise<DirectoryEntry | null>;

/**
 * Names the parties the server listed by number only, through the directory (cached by the line's
 * DirectoryCache). A failed or unknown look-up leaves the number: history never fails for a name.
 */
export async function withNames(entries: readonly HistoryEntry[], lookup: Lookup): Promise<HistoryEntry[]> {
  const numbers = new Set<string>();
  for (const e of entries) {
    const p = e.otherParty;
    if (p && !p.name && !p.hidden && p.number !== '' && numbers.size < HISTORY_NAME_LOOKUPS) numbers.add(p.number);
  }
  const found = new Map<string, DirectoryEntry>();
  await Promise.all(
    [...numbers].map((n) =>
      lookup(n).then(
        (entry) => void (entry && found.set(n, entry)),
        () => undefined,
      ),
    ),
  );
  return entries.map((e) => {
    const hit = e.otherParty ? found.get(e.otherParty.number) : undefined;
    if (!e.otherParty || !hit) return e;
    const named = { ...e.otherParty, ...(hit.name ? { name: hit.name } : {}), ...(hit.company ? { company: hit.company } : {}), ...(hit.numberType ? { numberType: hit.numberType } : {}) };
    return { ...e, otherParty: named };
  });
}
