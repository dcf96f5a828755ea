/**
 * User and routing point statistics, counted from the history and the agent timelines.
 * Durations are HH:MM:SS; percentages are plain decimal strings with at most one decimal
 * ("100", "33.3", "0") -- the spec also shows "1.0E2", which readers must accept anyway.
 */
import type { AgentStateName } from '../../../common/telservices/enums';
import type {
  RoutingPointSnapshotAgent,
  RoutingPointStatistics,
  RoutingPointTotalAgent,
  UserStatistics,
  UserTotalStatistics,
} from '../../../common/telservices/structures';
import type { Ctx, Device, HistoryEntry, RoutingPoint } from './context';
import { formatDate, formatTime } from './history';
import { agentsOf, statisticsAgents } from './routing-points';

export function hms(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  return [h, m, s].map((n) => String(n).padStart(2, '0')).join(':');
}

/**
 * A percentage with at most one decimal; `scientific` writes a non-zero one as the spec's example
 * does ("1.0E2" for 100, "3.33E1" for 33.3), so clients can be tested against that form too.
 */
export function percentage(part: number, whole: number, scientific = false): string {
  if (whole <= 0) return '0';
  const value = Math.round((part / whole) * 1000) / 10;
  return scientific ? scientificText(value) : String(value);
}

/** Java-like `m.mE<e>` with one digit before the point and at least one after it; 0 stays "0". */
export function scientificText(value: number): string {
  if (value === 0) return '0';
  const exponent = Math.floor(Math.log10(Math.abs(value)));
  const mantissa = String(Math.round((value / 10 ** exponent) * 1000) / 1000);
  return `${mantissa.includes('.') ? mantissa : `${mantissa}.0`}E${exponent}`;
}

function sum(xs: readonly number[]): number {
  return xs.reduce((a, b) => a + b, 0);
}
function avg(xs: readonly number[]): number {
  return xs.length === 0 ? 0 : sum(xs) / xs.length;
}
function max(xs: readonly number[]): number {
  return xs.length === 0 ? 0 : Math.max(...xs);
}

export function dateAt(ctx: Ctx, ms: number): Date {
  return new Date(ctx.startDate.getTime() + (ms - ctx.startedAt));
}
function stamp(d: Date): string {
  return `${formatDate(d)}T${formatTime(d)}`;
}

/** Milliseconds spent in each agent state, from the timeline up to now. */
function timeInStates(ctx: Ctx, dev: Device): Map<AgentStateName, number> {
  const out = new Map<AgentStateName, number>();
  const timeline = dev.agent?.timeline ?? [];
  const now = ctx.clock.now();
  timeline.forEach((t, i) => {
    const end = timeline[i + 1]?.from ?? now;
    out.set(t.state, (out.get(t.state) ?? 0) + Math.max(0, end - t.from));
  });
  return out;
}

function callTotals(entries: readonly HistoryEntry[], isAgent: boolean): Record<string, string> {
  const ms = (s: number): number => s * 1000;
  const incoming = entries.filter((e) => !e.isOutgoing);
  const failed = incoming.filter((e) => e.cause === 'busy' || e.cause === 'destNotObtainable');
  const alerted = incoming.filter((e) => !failed.includes(e));
  const routed = alerted.filter((e) => e.routedBy !== undefined);
  const connected = alerted.filter((e) => e.isConnected);
  const routedConnected = connected.filter((e) => e.routedBy !== undefined);
  const abandoned = alerted.filter((e) => !e.isConnected && e.cause === 'droppedByOtherParty');
  const outgoing = entries.filter((e) => e.isOutgoing);
  const outConnected = outgoing.filter((e) => e.isConnected);
  const alerting = alerted.map((e) => ms(e.alertingSeconds));
  const routedAlerting = routed.map((e) => ms(e.alertingSeconds));
  const talk = connected.map((e) => ms(e.durationSeconds));
  const routedTalk = routedConnected.map((e) => ms(e.durationSeconds));
  const outTalk = outConnected.map((e) => ms(e.durationSeconds));
  const agentOnly = (n: number): number => (isAgent ? n : 0);
  return {
    incomingCallsFailedCount: String(failed.length),
    incomingCallsAlertingCount: String(alerted.length),
    agentIncomingCallsAlertingCount: String(routed.length),
    incomingCallsConnectedCount: String(connected.length),
    agentIncomingCallsConnectedCount: String(routedConnected.length),
    incomingCallsAbandonedCount: String(abandoned.length),
    agentIncomingCallsAbandonedCount: String(abandoned.filter((e) => e.routedBy !== undefined).length),
    incomingCallsAlertingDuration: hms(sum(alerting)),
    incomingCallsAlertingAvgDuration: hms(avg(alerting)),
    incomingCallsAlertingMaxDuration: hms(max(alerting)),
    agentIncomingCallsAlertingDuration: hms(sum(routedAlerting)),
    agentIncomingCallsAlertingAvgDuration: hms(avg(routedAlerting)),
    incomingCallsConnectedDuration: hms(sum(talk)),
    incomingCallsConnectedAvgDuration: hms(avg(talk)),
    incomingCallsConnectedMaxDuration: hms(max(talk)),
    agentIncomingCallsConnectedDuration: hms(sum(routedTalk)),
    agentIncomingCallsConnectedAvgDuration: hms(avg(routedTalk)),
    outgoingCallsOriginatedCount: String(outgoing.length),
    agentOutgoingCallsOriginatedCount: String(agentOnly(outgoing.length)),
    outgoingCallsConnectedCount: String(outConnected.length),
    agentOutgoingCallsConnectedCount: String(agentOnly(outConnected.length)),
    outgoingCallsConnectedDuration: hms(sum(outTalk)),
    outgoingCallsConnectedAvgDuration: hms(avg(outTalk)),
    outgoingCallsConnectedMaxDuration: hms(max(outTalk)),
    agentOutgoingCallsConnectedDuration: hms(agentOnly(sum(outTalk))),
    agentOutgoingCallsConnectedAvgDuration: hms(agentOnly(avg(outTalk))),
  };
}

function agentTotals(ctx: Ctx, dev: Device, entries: readonly HistoryEntry[]): Record<string, string> {
  const t = timeInStates(ctx, dev);
  const get = (s: AgentStateName): number => t.get(s) ?? 0;
  const whole = sum([...t.values()]);
  const loggedOn = whole - get('loggedOff') - get('null');
  // Direct calls: calls the agent had that no routing point gave them.
  const direct = entries.filter((e) => e.routedBy === undefined && e.isConnected).map((e) => e.durationSeconds * 1000);
  const pair = (name: string, ms: number): Record<string, string> => ({
    [`agent${name}Duration`]: hms(ms),
    [`agent${name}Percentage`]: percentage(ms, whole, ctx.settings.scientificPercentages),
  });
  return {
    ...pair('LoggedOff', get('loggedOff')),
    ...pair('LoggedOn', loggedOn),
    ...pair('NotReady', get('notReady')),
    ...pair('Ready', get('ready')),
    ...pair('DirectCall', sum(direct)),
    ...pair('WorkingAfterCall', get('workingAfterCall')),
    ...pair('Busy', get('busy')),
  };
}

function userTotal(ctx: Ctx, dev: Device, userID?: string): UserTotalStatistics {
  const entries = ctx.history.filter(
    (e) => e.kind === 'call' && e.deviceNumber === dev.number && (!userID || e.userID === userID),
  );
  const startMs = dev.agent?.timeline[0]?.from ?? ctx.startedAt;
  const total: UserTotalStatistics = { start: stamp(dateAt(ctx, startMs)) };
  if (dev.agent) total.inboundServices = [...dev.agent.inboundServices];
  Object.assign(total, callTotals(entries, dev.agent !== undefined));
  if (dev.agent) Object.assign(total, agentTotals(ctx, dev, entries));
  return total;
}

export function userStatistics(ctx: Ctx, dev: Device, type: 'snapshot' | 'total', userID?: string): UserStatistics {
  if (type === 'total') return { type: 'total', total: userTotal(ctx, dev, userID) };
  const agent = dev.agent;
  return {
    type: 'snapshot',
    snapshot: agent ? { agentState: agent.state, inboundServices: [...agent.inboundServices] } : {},
  };
}

function isLoggedOff(dev: Device): boolean {
  return !dev.agent || dev.agent.state === 'loggedOff' || dev.agent.state === 'null';
}

function snapshotAgent(dev: Device): RoutingPointSnapshotAgent {
  const state = dev.agent?.state ?? 'null';
  if (isLoggedOff(dev) || !dev.agent) return { deviceNumber: dev.number, agentState: state };
  return { deviceNumber: dev.number, userID: dev.agent.userID, agentState: state, inboundServices: [...dev.agent.inboundServices] };
}

function totalAgent(ctx: Ctx, dev: Device): RoutingPointTotalAgent {
  const agent = dev.agent;
  const everOn = agent?.timeline.some((t) => t.state !== 'loggedOff' && t.state !== 'null') ?? false;
  if (!agent || !everOn) return agent ? { deviceNumber: dev.number, userID: agent.userID } : { deviceNumber: dev.number };
  const { start, inboundServices, ...counters } = userTotal(ctx, dev);
  const out: RoutingPointTotalAgent = { deviceNumber: dev.number };
  if (start) out.start = start;
  out.userID = agent.userID;
  if (inboundServices) out.inboundServices = inboundServices;
  return { ...out, ...counters };
}

/**
 * A campaign's calls (an inbound routing point has none): every call its agents made is intended,
 * performed and originated at once (the simulator has no call list to retry from).
 */
function outgoingTotals(rp: RoutingPoint): Record<string, string> {
  const calls = rp.stats.outgoing;
  const talk = calls.filter((c) => c.connected).map((c) => c.connectedMs);
  const count = String(calls.length);
  return {
    outgoingCallsOriginatedCount: count,
    outgoingCallsConnectedCount: String(talk.length),
    outgoingCallsIntendedCount: count,
    outgoingCallsPerformedCount: count,
    outgoingCallsRetriedCount: '0',
    outgoingCallsFailedCount: String(calls.filter((c) => c.failed).length),
    outgoingCallsConnectedDuration: hms(sum(talk)),
    outgoingCallsConnectedAvgDuration: hms(avg(talk)),
  };
}

export function routingPointStatistics(ctx: Ctx, rp: RoutingPoint, type: 'snapshot' | 'total'): RoutingPointStatistics {
  const now = ctx.clock.now();
  const waiting = rp.queue.map((q) => now - q.since);
  if (type === 'snapshot') {
    const agents = agentsOf(ctx, rp);
    const count = (f: (d: Device) => boolean): string => String(agents.filter(f).length);
    const st = (d: Device): AgentStateName => d.agent?.state ?? 'null';
    return {
      type: 'snapshot',
      snapshot: {
        queuedCallsCount: String(rp.queue.length),
        queuedCallsDuration: hms(sum(waiting)),
        readyAvailableAgentsCount: count((d) => st(d) === 'ready' && d.legs.length === 0),
        busyOrWorkingAfterCallAgentsCount: count((d) => st(d) === 'busy' || st(d) === 'workingAfterCall'),
        notReadyOrDirectCallAgentsCount: count((d) => st(d) === 'notReady' || (st(d) === 'ready' && d.legs.length > 0)),
        agentsInCallCount: count((d) => d.legs.length > 0),
        loggedOffOrClosedAgentsCount: count(isLoggedOff),
        agents: statisticsAgents(ctx, rp).map(snapshotAgent),
      },
    };
  }
  const s = rp.stats;
  const queued = [...s.queued, ...waiting];
  return {
    type: 'total',
    total: {
      start: stamp(dateAt(ctx, rp.startedAt)),
      workDuration: hms(now - rp.startedAt),
      routedToAssignedAgentCallsCount: String(s.routedToAssigned),
      routedToDistributionCallsCount: String(s.routed),
      routedToFailureRouteCallsCount: String(s.failureRoute),
      queuedCallsCount: String(queued.length),
      queuedCallsDuration: hms(sum(queued)),
      queuedCallsAvgDuration: hms(avg(queued)),
      queuedCallsMaxDuration: hms(max(queued)),
      incomingCallsCount: String(s.incoming),
      incomingCallsAbandoneddImmediatelCount: String(s.abandonedImmediately),
      incomingCallsAbandonedOnAgentCount: String(s.abandonedOnAgent),
      incomingCallsAbandonedOnQueueCount: String(s.abandonedOnQueue),
      incomingCallsConnectedCount: String(s.connected),
      incomingCallsAlertingDuration: hms(sum(s.alerting)),
      incomingCallsAlertingAvgDuration: hms(avg(s.alerting)),
      incomingCallsConnectedDuration: hms(sum(s.connectedDurations)),
      incomingCallsConnectedAvgDuration: hms(avg(s.connectedDurations)),
      ...outgoingTotals(rp),
      agents: statisticsAgents(ctx, rp).map((d) => totalAgent(ctx, d)),
    },
  };
}
