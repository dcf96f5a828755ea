/** A queryHistory record as the contract's HistoryEntry: numbers as seconds, parties as views. */
import type { HistoryEntry } from '../../common/domain';
import type { HistoryRecord } from '../../common/telservices/structures';
import { defined } from './call-handlers';
import { toPartyView } from './call-mapping';

function seconds(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const n = Number.parseInt(text, 10);
  return Number.isFinite(n) ? n : undefined;
}

export function toHistoryEntry(r: HistoryRecord): HistoryEntry {
  return defined<HistoryEntry>({
    deviceNumber: r.deviceNumber,
    userID: r.userID,
    date: r.creationDate,
    time: r.creationTime,
    otherParty: r.otherParty ? toPartyView(r.otherParty, new Map()) : undefined,
    alertingSeconds: seconds(r.alertingDuration),
    durationSeconds: seconds(r.duration),
    isOutgoing: r.isOutgoing,
    isConnected: r.isConnected,
    cause: r.cause,
    agentState: r.agentState,
  });
}

