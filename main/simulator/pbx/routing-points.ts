/**
 * Routing points: their state machine (start/stop/suspend/resume/update), the agents that serve
 * them, and the choice of a ready agent (cyclic, sequential, most-idle). Delivering the call to
 * the chosen agent is delivery.ts's job.
 */
import type { HistoryCause, RoutingPointStateName } from '../../../common/telservices/enums';
import type { RoutingPointConfig } from '../../../common/telservices/structures';
import { partyOfEnd, type Call, type Ctx, type Device, type Leg, type RoutingPoint } from './context';

export function newRoutingPoint(service: string, now: number, number?: string, config: RoutingPointConfig = {}): RoutingPoint {
  const rp: RoutingPoint = {
    service,
    state: 'started-running',
    config: { agentsDistribution: 'cyclic', ...config },
    startedAt: now,
    assignedAgents: new Map(),
    queue: [],
    stats: {
      incoming: 0,
      routed: 0,
      routedToAssigned: 0,
      failureRoute: 0,
      queued: [],
      abandonedImmediately: 0,
      abandonedOnAgent: 0,
      abandonedOnQueue: 0,
      connected: 0,
      alerting: [],
      connectedDurations: [],
      outgoing: [],
    },
  };
  if (number !== undefined) rp.number = number;
  return rp;
}

/** Every agent device configured for the service (a campaign: its outbound service), in numbering order. */
export function agentsOf(ctx: Ctx, rp: RoutingPoint): Device[] {
  const serves = (d: Device): boolean | undefined =>
    rp.campaign ? d.agent?.outboundServices.includes(rp.service) : d.agent?.inboundServices.includes(rp.service);
  return [...ctx.devices.values()].filter(serves);
}

function isLoggedOn(dev: Device): boolean {
  const state = dev.agent?.state;
  return state !== undefined && state !== 'loggedOff' && state !== 'null';
}

/**
 * The started states as the spec describes them: started-failed when no agent is defined for the
 * routing point, started while none of them is logged on (waiting for agents), started-running
 * once one is. Stopped, suspended and completed are left to the requests that cause them.
 */
export function liveState(ctx: Ctx, rp: RoutingPoint): RoutingPointStateName {
  switch (rp.state) {
    case 'stopped':
    case 'started-suspended':
    case 'started-completed':
      return rp.state;
    case 'started':
    case 'started-running':
    case 'started-failed': {
      const agents = agentsOf(ctx, rp);
      if (agents.length === 0) return 'started-failed';
      return agents.some(isLoggedOn) ? 'started-running' : 'started';
    }
    default: {
      const never: never = rp.state;
      return never;
    }
  }
}

/** After a change of agents (state, services) or of a routing point: every started one's state follows. */
export function refreshRoutingPointStates(ctx: Ctx): void {
  for (const rp of ctx.routingPoints.values()) rp.state = liveState(ctx, rp);
}

/** Agent devices listed in statistics: those of the service, else every agent device (the spec's example lists 8001-8005). */
export function statisticsAgents(ctx: Ctx, rp: RoutingPoint): Device[] {
  const all = [...ctx.devices.values()].filter((d) => d.agent);
  return all.length > 0 ? all : agentsOf(ctx, rp);
}

function isAvailable(dev: Device): boolean {
  return dev.agent?.state === 'ready' && dev.legs.length === 0;
}

export function pickAgent(ctx: Ctx, rp: RoutingPoint): Device | undefined {
  const agents = agentsOf(ctx, rp);
  const ready = agents.filter(isAvailable);
  if (ready.length === 0) return undefined;
  const distribution = rp.config.agentsDistribution ?? 'cyclic';
  switch (distribution) {
    case 'sequential':
      return ready[0];
    case 'cyclic': {
      // The next ready agent after the last one served, wrapping around the list.
      const lastIndex = rp.lastAgent === undefined ? -1 : agents.findIndex((a) => a.number === rp.lastAgent);
      for (let i = 1; i <= agents.length; i++) {
        const candidate = agents[(lastIndex + i) % agents.length];
        if (candidate && isAvailable(candidate)) return candidate;
      }
      return undefined;
    }
    case 'most-idle':
      // Ready the longest: the earliest 'since' among ready agents (ties: numbering order).
      return ready.reduce((best, d) => ((d.agent?.since ?? 0) < (best.agent?.since ?? 0) ? d : best));
    default: {
      const never: never = distribution;
      return never;
    }
  }
}

export type RoutingPointAction = 'start' | 'stop' | 'suspend' | 'resume';

/** The next state, or undefined when the action is not accepted in the current state. */
export function transition(state: RoutingPointStateName, action: RoutingPointAction): RoutingPointStateName | undefined {
  switch (action) {
    case 'start':
      return 'started-running';
    case 'stop':
      return state === 'stopped' ? undefined : 'stopped';
    case 'suspend':
      return state === 'started-running' || state === 'started' || state === 'started-failed' ? 'started-suspended' : undefined;
    case 'resume':
      return state === 'started-suspended' ? 'started-running' : undefined;
    default: {
      const never: never = action;
      return never;
    }
  }
}

/** Config elements present in the update replace the current ones. */
export function mergeConfig(current: RoutingPointConfig, update: RoutingPointConfig | undefined): RoutingPointConfig {
  return { ...current, ...(update ?? {}) };
}

/** A routed agent leg ended: the routing point's totals learn how (connected, abandoned while ringing). */
export function noteRoutedLegEnd(leg: Leg, alertingMs: number, connectedMs: number | undefined, abandoned: boolean): void {
  const rp = leg.routedBy;
  if (!rp) return;
  if (connectedMs === undefined && abandoned && isImmediateAbandon(rp, alertingMs)) {
    // Too short to mean anything: the statistics ignore it but for this counter.
    rp.stats.abandonedImmediately += 1;
    return;
  }
  rp.stats.alerting.push(alertingMs);
  if (connectedMs !== undefined) {
    const caller = (leg.detached?.other ?? leg.lastOther)?.number;
    if (caller !== undefined && isAssignable(caller)) rp.assignedAgents.set(caller, leg.device.number);
    rp.stats.connected += 1;
    rp.stats.connectedDurations.push(connectedMs);
  } else if (abandoned) {
    rp.stats.abandonedOnAgent += 1;
  }
}

/** statisticsIncomingCallImmediateAbandonTimeout (seconds): abandoned sooner than this is "immediately". */
export function isImmediateAbandon(rp: RoutingPoint, waitedMs: number): boolean {
  const t = rp.config.statisticsIncomingCallImmediateAbandonTimeout;
  return t !== undefined && /^\d+$/.test(t) && waitedMs < Number(t) * 1000;
}

/** An agent's outgoing call ended: each running campaign the agent works for counts it as one of its calls. */
export function noteOutgoingLegEnd(ctx: Ctx, leg: Leg, cause: HistoryCause): void {
  const agent = leg.device.agent;
  if (!leg.isOutgoing || !agent) return;
  const end = leg.endedAt ?? ctx.clock.now();
  for (const service of agent.outboundServices) {
    const rp = ctx.routingPoints.get(service);
    if (!rp?.campaign || rp.state === 'stopped' || leg.createdAt < rp.startedAt) continue;
    rp.stats.outgoing.push({
      connected: leg.everConnected,
      failed: !leg.everConnected && (cause === 'busy' || cause === 'destNotObtainable'),
      connectedMs: leg.connectedAt === undefined ? 0 : Math.max(0, end - leg.connectedAt),
    });
  }
}

/** A hidden caller (`*****-<reference>`) or no number at all cannot be recognised next time. */
function isAssignable(number: string): boolean {
  return number !== '' && !number.startsWith('*');
}

/**
 * The caller's assigned agent: the one who last talked with this caller through the routing point
 * (the spec routes "to the assigned agent or the default distribution"), when that agent is free.
 */
export function assignedAgent(ctx: Ctx, rp: RoutingPoint, call: Call): Device | undefined {
  const caller = call.ends[0];
  const number = caller ? partyOfEnd(caller).number : '';
  const agentNumber = isAssignable(number) ? rp.assignedAgents.get(number) : undefined;
  const dev = agentNumber === undefined ? undefined : ctx.devices.get(agentNumber);
  return dev && agentsOf(ctx, rp).includes(dev) && isAvailable(dev) ? dev : undefined;
}
