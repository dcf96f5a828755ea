/**
 * History: one record per finished call leg per device and one per agent state change; queryHistory
 * with all its filters, newest first.
 */
import type { AgentStateName, HistoryCause, HistoryRecordType } from '../../../common/telservices/enums';
import type { HistoryRecord } from '../../../common/telservices/structures';
import type { QueryHistoryRequest } from '../../../common/telservices/requests';
import { seconds, type Ctx, type Device, type HistoryEntry, type Leg } from './context';
import { noteOutgoingLegEnd } from './routing-points';

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}
/** Local time, as a desktop user reads it. */
export function formatDate(d: Date): string {
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}
export function formatTime(d: Date): string {
  return `${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`;
}

function push(ctx: Ctx, entry: Omit<HistoryEntry, 'seq' | 'at'>, at: Date = ctx.today()): void {
  ctx.history.push({ seq: ctx.nextHistorySeq++, at, ...entry });
  const excess = ctx.history.length - ctx.settings.historyLimit;
  if (excess > 0) ctx.history.splice(0, excess);
}

export function recordCall(ctx: Ctx, leg: Leg, cause: HistoryCause): void {
  const now = ctx.clock.now();
  const alertEnd = leg.connectedAt ?? leg.endedAt ?? now;
  const dev = leg.device;
  push(ctx, {
    kind: 'call',
    deviceNumber: dev.number,
    ...(dev.config.userID ? { userID: dev.config.userID } : {}),
    otherParty: leg.detached?.other ?? leg.dialled ?? { number: '' },
    alertingSeconds: leg.isOutgoing || leg.alertingAt === undefined ? 0 : seconds(alertEnd - leg.alertingAt),
    durationSeconds: leg.connectedAt === undefined ? 0 : seconds((leg.endedAt ?? now) - leg.connectedAt),
    isOutgoing: leg.isOutgoing,
    isConnected: leg.everConnected,
    cause,
    ...(leg.routedBy ? { routedBy: leg.routedBy.service } : {}),
  }, leg.createdDate);
  noteOutgoingLegEnd(ctx, leg, cause);
}

/** A call that never reached the device (busy, do not disturb) still belongs in its history. */
export function recordMissed(ctx: Ctx, dev: Device, caller: { number: string; name?: string }, cause: HistoryCause): void {
  push(ctx, {
    kind: 'call',
    deviceNumber: dev.number,
    ...(dev.config.userID ? { userID: dev.config.userID } : {}),
    otherParty: { ...caller },
    alertingSeconds: 0,
    durationSeconds: 0,
    isOutgoing: false,
    isConnected: false,
    cause,
  });
}

export function recordAgent(ctx: Ctx, dev: Device, userID: string, state: AgentStateName): void {
  push(ctx, {
    kind: 'agent',
    deviceNumber: dev.number,
    userID,
    alertingSeconds: 0,
    durationSeconds: 0,
    isOutgoing: false,
    isConnected: false,
    agentState: state,
  });
}

/** The device and user are left out when the query named them (as in the spec's example). */
export function toRecord(e: HistoryEntry, req: QueryHistoryRequest = { type: 'queryHistory' }): HistoryRecord {
  const r: HistoryRecord = { creationDate: formatDate(e.at), creationTime: formatTime(e.at) };
  if (!req.deviceNumber) r.deviceNumber = e.deviceNumber;
  if (e.userID && !req.deviceNumber && !req.userID) r.userID = e.userID;
  if (e.kind === 'agent') {
    if (e.agentState) r.agentState = e.agentState;
    return r;
  }
  if (e.otherParty) r.otherParty = { ...e.otherParty };
  r.alertingDuration = String(e.alertingSeconds);
  r.duration = String(e.durationSeconds);
  r.isOutgoing = e.isOutgoing;
  r.isConnected = e.isConnected;
  if (e.cause) r.cause = e.cause;
  return r;
}

function matchesType(type: HistoryRecordType, e: HistoryEntry): boolean {
  switch (type) {
    case 'all':
      return true;
    case 'call':
    case 'agent':
      return e.kind === type;
    default: {
      const never: never = type;
      return never;
    }
  }
}

/** `yyyy-MM-dd` (+ hour) in local time; undefined when unreadable, which disables the filter. */
function parseDay(day: string | undefined, hour = 0): Date | undefined {
  const m = day ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(day.trim()) : null;
  if (!m) return undefined;
  return new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3]), hour);
}

export function queryHistory(ctx: Ctx, req: QueryHistoryRequest): HistoryRecord[] {
  const type = req.recordType ?? 'call';
  const hour = req.startHour !== undefined && /^\d{1,2}$/.test(req.startHour) ? Math.min(23, Number(req.startHour)) : 0;
  const start = parseDay(req.startDate, hour);
  const endDay = parseDay(req.endDate);
  const end = endDay ? new Date(endDay.getFullYear(), endDay.getMonth(), endDay.getDate() + 1) : undefined;
  const search = req.search?.trim().toLowerCase();
  const limit = req.limit !== undefined && /^\d+$/.test(req.limit) ? Number(req.limit) : Infinity;
  const out: HistoryRecord[] = [];
  const newestFirst = [...ctx.history].sort((a, b) => b.at.getTime() - a.at.getTime() || b.seq - a.seq);
  for (const e of newestFirst) {
    if (out.length >= limit) break;
    if (!matchesType(type, e)) continue;
    if (req.deviceNumber && e.deviceNumber !== req.deviceNumber) continue;
    if (req.userID && e.userID !== req.userID) continue;
    if (start && e.at < start) continue;
    if (end && e.at >= end) continue;
    if (search) {
      const p = e.otherParty;
      const hay = p ? [p.number, p.name ?? '', p.company ?? ''].join('\n').toLowerCase() : '';
      if (!hay.includes(search)) continue;
    }
    out.push(toRecord(e, req));
  }
  return out;
}
