/**
 * queryUserStatistics replies -> UserStatisticsView (common/statistics.ts). Pure.
 *
 * The wire keeps every value a string: counters, `HH:MM:SS` durations (hours may pass 24) and
 * percentages that may be written `1.0E2`. A counter the server left out, or wrote unreadably,
 * counts as 0: a chart of zeros is honest about "nothing counted", and bad bytes never crash.
 */
import type { UserSnapshotStatistics, UserTotalCounter, UserTotalStatistics } from '../../common/telservices/structures';
import {
  STATE_TIME_KEYS,
  type AgentCallFigures,
  type CallFigures,
  type StateTime,
  type StateTimeKey,
  type UserStatisticsView,
} from '../../common/statistics';

/** `HH:MM:SS` (or `MM:SS`) -> seconds; undefined when it is not one. */
export function parseHms(text: string | undefined): number | undefined {
  const m = text === undefined ? null : /^(?:(\d+):)?([0-5]?\d):([0-5]?\d)$/.exec(text.trim());
  if (!m) return undefined;
  return Number(m[1] ?? 0) * 3600 + Number(m[2]) * 60 + Number(m[3]);
}

/** `0`, `33.3`, `1.0E2` -> a number in 0..100; undefined when it is not one. */
export function parsePercent(text: string | undefined): number | undefined {
  if (text === undefined || !/^\s*[0-9.]+(?:[eE][+-]?\d+)?\s*$/.test(text)) return undefined;
  const n = Number(text);
  return Number.isFinite(n) ? Math.min(100, n) : undefined;
}

export function parseCount(text: string | undefined): number | undefined {
  if (text === undefined || !/^\s*\d+\s*$/.test(text)) return undefined;
  return Number(text);
}

// Which wire counter feeds which field: one table each, so a new counter is one line.
const CALL_COUNTERS: { readonly [K in keyof CallFigures]: UserTotalCounter } = {
  incoming: 'incomingCallsAlertingCount',
  incomingAnswered: 'incomingCallsConnectedCount',
  incomingAbandoned: 'incomingCallsAbandonedCount',
  incomingFailed: 'incomingCallsFailedCount',
  outgoing: 'outgoingCallsOriginatedCount',
  outgoingAnswered: 'outgoingCallsConnectedCount',
  ringSeconds: 'incomingCallsAlertingDuration',
  ringAvgSeconds: 'incomingCallsAlertingAvgDuration',
  ringMaxSeconds: 'incomingCallsAlertingMaxDuration',
  talkInSeconds: 'incomingCallsConnectedDuration',
  talkInAvgSeconds: 'incomingCallsConnectedAvgDuration',
  talkInMaxSeconds: 'incomingCallsConnectedMaxDuration',
  talkOutSeconds: 'outgoingCallsConnectedDuration',
  talkOutAvgSeconds: 'outgoingCallsConnectedAvgDuration',
  talkOutMaxSeconds: 'outgoingCallsConnectedMaxDuration',
};

const AGENT_CALL_COUNTERS: { readonly [K in keyof AgentCallFigures]: UserTotalCounter } = {
  incoming: 'agentIncomingCallsAlertingCount',
  incomingAnswered: 'agentIncomingCallsConnectedCount',
  incomingAbandoned: 'agentIncomingCallsAbandonedCount',
  outgoing: 'agentOutgoingCallsOriginatedCount',
  outgoingAnswered: 'agentOutgoingCallsConnectedCount',
  ringSeconds: 'agentIncomingCallsAlertingDuration',
  ringAvgSeconds: 'agentIncomingCallsAlertingAvgDuration',
  talkInSeconds: 'agentIncomingCallsConnectedDuration',
  talkInAvgSeconds: 'agentIncomingCallsConnectedAvgDuration',
  talkOutSeconds: 'agentOutgoingCallsConnectedDuration',
  talkOutAvgSeconds: 'agentOutgoingCallsConnectedAvgDuration',
};

const STATE_COUNTERS: { readonly [K in StateTimeKey]: readonly [UserTotalCounter, UserTotalCounter] } = {
  loggedOff: ['agentLoggedOffDuration', 'agentLoggedOffPercentage'],
  loggedOn: ['agentLoggedOnDuration', 'agentLoggedOnPercentage'],
  notReady: ['agentNotReadyDuration', 'agentNotReadyPercentage'],
  ready: ['agentReadyDuration', 'agentReadyPercentage'],
  directCall: ['agentDirectCallDuration', 'agentDirectCallPercentage'],
  workingAfterCall: ['agentWorkingAfterCallDuration', 'agentWorkingAfterCallPercentage'],
  busy: ['agentBusyDuration', 'agentBusyPercentage'],
};

function figures<F extends object>(table: { readonly [K in keyof F]: UserTotalCounter }, total: UserTotalStatistics): F {
  const out: Record<string, number> = {};
  for (const [field, counter] of Object.entries<UserTotalCounter>(table)) {
    const text = total[counter];
    const value = counter.endsWith('Duration') ? parseHms(text) : parseCount(text);
    out[field] = value ?? 0;
  }
  return out as F;
}

function stateTimes(total: UserTotalStatistics): Partial<Record<StateTimeKey, StateTime>> {
  const out: Partial<Record<StateTimeKey, StateTime>> = {};
  for (const key of STATE_TIME_KEYS) {
    const [durationKey, percentKey] = STATE_COUNTERS[key];
    const seconds = parseHms(total[durationKey]);
    const percent = parsePercent(total[percentKey]);
    if (seconds === undefined && percent === undefined) continue;
    out[key] = { seconds: seconds ?? 0, percent: percent ?? 0 };
  }
  return out;
}

export function toUserStatisticsView(snapshot: UserSnapshotStatistics, total: UserTotalStatistics, fetchedAt: number): UserStatisticsView {
  const view: UserStatisticsView = {
    fetchedAt,
    inboundServices: snapshot.inboundServices ?? total.inboundServices ?? [],
    calls: figures<CallFigures>(CALL_COUNTERS, total),
    agentCalls: figures<AgentCallFigures>(AGENT_CALL_COUNTERS, total),
    stateTimes: stateTimes(total),
  };
  if (snapshot.agentState !== undefined) view.agentState = snapshot.agentState;
  if (total.start !== undefined) view.since = total.start;
  return view;
}
