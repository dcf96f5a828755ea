/**
 * What a history record is to the agent (incoming, outgoing, missed, an agent state change), and the
 * filters the TelServer does not offer itself. Pure: the core filters with it, the History view
 * labels its rows with it.
 *
 * The spec's queryHistory knows a record type (call / agent / all), a start date and hour, an end
 * date, a text and a limit. An agent asks for "missed calls" or "calls I made", and "from 9 to 12":
 * the direction and the end hour are applied here, on the records the server returned.
 */
import type { HistoryEntry } from './domain';

/** The History view's type filter. 'incoming' is an answered inbound call; 'missed' one never answered. */
export const HISTORY_DIRECTIONS = ['all', 'incoming', 'outgoing', 'missed'] as const;
export type HistoryDirection = (typeof HISTORY_DIRECTIONS)[number];

/** The kind of one record. */
export type HistoryKind = 'incoming' | 'outgoing' | 'missed' | 'agent';

export function kindOf(e: HistoryEntry): HistoryKind {
  if (e.agentState !== undefined && e.otherParty === undefined) return 'agent';
  if (e.isOutgoing === true) return 'outgoing';
  return e.isConnected === true ? 'incoming' : 'missed';
}

export function matchesDirection(e: HistoryEntry, direction: HistoryDirection): boolean {
  switch (direction) {
    case 'all':
      return true;
    case 'incoming':
    case 'outgoing':
    case 'missed':
      return kindOf(e) === direction;
    default: {
      const never: never = direction;
      return never;
    }
  }
}

/** The hour of day (0..23) of a record's `HH:mm:ss`, or undefined when the server wrote something else. */
export function hourOf(e: HistoryEntry): number | undefined {
  const m = /^(\d{1,2}):\d{2}(?::\d{2})?$/.exec(e.time.trim());
  return m ? Number(m[1]) : undefined;
}

export interface LocalHistoryFilter {
  direction?: HistoryDirection | undefined;
  /**
   * Records from this hour of day on are left out (1..24: "until 12" keeps 11:59:59). With an end
   * date it bounds that last day only; without one, every day (a "9 to 12 every day" filter).
   */
  endHour?: number | undefined;
  endDate?: string | undefined;
  limit?: number | undefined;
}

function beforeEndHour(e: HistoryEntry, endHour: number, endDate: string | undefined): boolean {
  if (endDate !== undefined && e.date !== endDate) return true;
  const h = hourOf(e);
  return h === undefined || h < endHour;
}

/** Keeps the server's order (newest first); applies the limit last, after the local filters. */
export function filterHistory(entries: readonly HistoryEntry[], f: LocalHistoryFilter): HistoryEntry[] {
  const direction = f.direction ?? 'all';
  const out: HistoryEntry[] = [];
  for (const e of entries) {
    if (f.limit !== undefined && out.length >= f.limit) break;
    if (!matchesDirection(e, direction)) continue;
    if (f.endHour !== undefined && !beforeEndHour(e, f.endHour, f.endDate)) continue;
    out.push(e);
  }
  return out;
}
