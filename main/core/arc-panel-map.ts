/**
 * Pure parts of the agent remote-control panel: the poll schedule (backoff on failures) and the
 * mapping from the service's entities (main/rest/arc-entities.ts) to the views of the contract
 * (common/arc-panel.ts). No I/O, no timers: tested directly.
 */
import type {
  ArcAcdQueueView,
  ArcCallView,
  ArcCallsView,
  ArcCampaignView,
  ArcLeadPhoneView,
  ArcResultCodeView,
  ArcUserView,
} from '../../common/arc-panel';
import type { AcdQueue, AgentNameIdPair, ArcCall, Campaign, LeadPhone, ResultCode } from '../rest/arc-entities';

export interface ArcPollSchedule {
  /** Between polls while the service answers. */
  baseMs: number;
  /** The longest wait while it fails. */
  maxMs: number;
}

export const DEFAULT_ARC_SCHEDULE: ArcPollSchedule = { baseMs: 2000, maxMs: 60_000 };

/** The wait before the next poll after `failures` failed polls in a row: base, then doubling, capped. */
export function nextPollDelay(failures: number, s: ArcPollSchedule = DEFAULT_ARC_SCHEDULE): number {
  if (!Number.isFinite(failures) || failures <= 0) return s.baseMs;
  // 2 ** 30 and more only matter as "the cap": keep the exponent small so the product stays exact.
  return Math.min(s.maxMs, s.baseMs * 2 ** Math.min(failures, 30));
}

/** Keeps only the keys whose value is set (the views carry no `undefined`: exactOptionalPropertyTypes). */
function set<T extends object>(obj: T): T {
  return Object.fromEntries(Object.entries(obj).filter(([, v]) => v !== undefined)) as T;
}

const idOf = (n: number | undefined): string => (n === undefined ? '' : String(n));

export function toCallView(c: ArcCall): ArcCallView {
  return set<ArcCallView>({
    callId: idOf(c.CallId),
    phone: c.PhoneNumber ?? '',
    customerName: c.CustomerName,
    customerName2: c.CustomerName2,
    startTime: c.CallStartTime,
    state: c.CallState,
    status: c.CallStatus,
    recording: c.RecordingState === undefined ? undefined : c.RecordingState !== 0,
  });
}

/** The calls the panel lists: those with an id (an action needs one), in the service's order. */
export function toCallViews(calls: readonly ArcCall[]): ArcCallView[] {
  return calls.filter((c) => c.CallId !== undefined).map(toCallView);
}

/** A start time that moves less than this between polls is the same start, read again. */
const START_JITTER_MS = 2000;

/**
 * Keeps a call's start time from the previous poll when the new one is within a second or two of
 * it: a service that derives CallStartTime from a whole-second duration moves it a little at every
 * poll, which would make every quiet poll look like a change (and the duration jump back).
 */
export function steadyStarts(prev: readonly ArcCallView[], next: ArcCallView[]): ArcCallView[] {
  const before = new Map(prev.map((c) => [c.callId, c.startTime]));
  return next.map((c) => {
    const old = before.get(c.callId);
    if (old === undefined || c.startTime === undefined) return c;
    const delta = Math.abs(Date.parse(c.startTime) - Date.parse(old));
    return Number.isFinite(delta) && delta < START_JITTER_MS ? { ...c, startTime: old } : c;
  });
}

export function toCampaignView(c: Campaign): ArcCampaignView {
  return set<ArcCampaignView>({
    id: idOf(c.CampaignID),
    name: c.CampaignName ?? idOf(c.CampaignID),
    active: c.Active,
    description: c.Description,
    callerId: c.CallerID,
  });
}

export function toUserView(u: AgentNameIdPair): ArcUserView {
  return { id: idOf(u.ID), name: u.FullName ?? idOf(u.ID) };
}

export function toResultCodeView(r: ResultCode): ArcResultCodeView {
  return set<ArcResultCodeView>({
    code: r.Code ?? '',
    description: r.Description ?? r.Code ?? '',
    // Unsaid means viewable: only a code the service marks hidden is kept from the agent's picks.
    agentViewable: r.IsAgentViewable !== false,
    isSuccess: r.IsSuccess,
    isCallback: r.IsCallback,
  });
}

export function toAcdQueueView(q: AcdQueue): ArcAcdQueueView {
  return set<ArcAcdQueueView>({ id: idOf(q.ID), name: q.AcdName ?? idOf(q.ID), active: q.Active });
}

export function toLeadPhoneView(p: LeadPhone): ArcLeadPhoneView {
  return set<ArcLeadPhoneView>({ leadPhoneId: idOf(p.RecordTypeId), leadId: idOf(p.LeadId), phone: p.PhoneNumber ?? '', recordType: p.RecordType });
}

/**
 * What makes a view worth emitting: everything but the times, which move at every poll (only the
 * first success counts: "loading" becomes "up to date"). A quiet poll sends nothing.
 */
export function viewChangeKey(v: ArcCallsView): string {
  return JSON.stringify([v.configured, v.watching, v.calls, v.lastError?.code, v.lastError?.message, v.failures, v.pollMs, v.updatedAt !== undefined]);
}
