/**
 * Agents: states, permitted states, busy on a call, working-after-call with its timeout back to
 * ready, and one agent event plus one history record per change.
 */
import type { AgentStateName, RequestableAgentState } from '../../../common/telservices/enums';
import type { AgentInfo } from '../../../common/telservices/structures';
import type { AgentRuntime, Ctx, Device } from './context';
import { recordAgent } from './history';
import { refreshRoutingPointStates } from './routing-points';

/** Where an agent may go from each state (the spec's example: workingAfterCall -> ready, notReady, workingAfterCall). */
export function permittedStates(state: AgentStateName): AgentStateName[] {
  switch (state) {
    case 'null':
      return [];
    case 'loggedOff':
      return ['loggedOn', 'ready', 'notReady'];
    case 'loggedOn':
      return ['loggedOff', 'ready', 'notReady'];
    case 'ready':
      return ['loggedOff', 'notReady', 'workingAfterCall'];
    case 'notReady':
      return ['loggedOff', 'ready', 'workingAfterCall'];
    case 'busy':
      return ['notReady', 'workingAfterCall'];
    case 'workingAfterCall':
      return ['ready', 'notReady', 'workingAfterCall'];
    default: {
      const never: never = state;
      return never;
    }
  }
}

export function newAgent(userID: string, state: AgentStateName, now: number): AgentRuntime {
  return { userID, state, since: now, inboundServices: ['service1'], outboundServices: [], timeline: [{ state, from: now }] };
}

export function agentInfo(ctx: Ctx, agent: AgentRuntime): AgentInfo {
  const info: AgentInfo = { userID: agent.userID, state: agent.state };
  if (agent.state === 'workingAfterCall' && agent.wacUntil !== undefined) {
    info.timeout = String(Math.max(0, Math.ceil((agent.wacUntil - ctx.clock.now()) / 1000)));
  }
  info.inboundServices = [...agent.inboundServices];
  // Optional in the spec: absent while the agent works for no campaign (as in the spec's examples).
  if (agent.outboundServices.length > 0) info.outboundServices = [...agent.outboundServices];
  info.permittedStates = permittedStates(agent.state);
  return info;
}

/** The routing point's working-after-call timeout wins over the PBX default. */
function wacSeconds(ctx: Ctx, agent: AgentRuntime): number {
  for (const service of agent.inboundServices) {
    const t = ctx.routingPoints.get(service)?.config.agentWorkingAfterCallTimeout;
    if (t !== undefined && /^\d+$/.test(t)) return Number(t);
  }
  return ctx.settings.workingAfterCallSeconds;
}

export function setAgentState(ctx: Ctx, dev: Device, state: AgentStateName): void {
  const agent = dev.agent;
  if (!agent) return;
  agent.cancelWac?.();
  delete agent.cancelWac;
  delete agent.wacUntil;
  const now = ctx.clock.now();
  agent.state = state;
  agent.since = now;
  agent.timeline.push({ state, from: now });
  if (state === 'workingAfterCall') {
    const secs = wacSeconds(ctx, agent);
    agent.wacUntil = now + secs * 1000;
    agent.cancelWac = ctx.later(secs * 1000, () => {
      delete agent.cancelWac;
      if (agent.state === 'workingAfterCall') setAgentState(ctx, dev, 'ready');
    });
  }
  recordAgent(ctx, dev, agent.userID, state);
  ctx.emit(dev.number, { type: 'agent', agent: agentInfo(ctx, agent) });
  refreshRoutingPointStates(ctx);
  if (state === 'ready') ctx.onAgentReady(dev);
}

/** agentState request: true if done, false if the PBX rejects it (not an agent, not permitted now). */
export function requestAgentState(ctx: Ctx, dev: Device, state: RequestableAgentState): boolean {
  const agent = dev.agent;
  if (!agent || !permittedStates(agent.state).includes(state)) return false;
  if (state === 'loggedOn' && readyOnLoggedOn(ctx, agent)) {
    setAgentState(ctx, dev, 'loggedOn');
    setAgentState(ctx, dev, 'ready');
    return true;
  }
  setAgentState(ctx, dev, state);
  return true;
}

function readyOnLoggedOn(ctx: Ctx, agent: AgentRuntime): boolean {
  return agent.inboundServices.some((s) => ctx.routingPoints.get(s)?.config.agentReadyOnLoggedOn === true);
}

/** openSession on an agent device logs it on when a routing point of the agent says so. */
export function onMonitored(ctx: Ctx, dev: Device): void {
  const agent = dev.agent;
  if (!agent || agent.state !== 'loggedOff') return;
  const logOn = agent.inboundServices.some((s) => ctx.routingPoints.get(s)?.config.agentLoggedOnOnOpenSession === true);
  if (logOn) requestAgentState(ctx, dev, 'loggedOn');
}

export function onDeviceTalking(ctx: Ctx, dev: Device): void {
  const agent = dev.agent;
  if (agent && (agent.state === 'ready' || agent.state === 'workingAfterCall')) setAgentState(ctx, dev, 'busy');
}

export function onDeviceIdle(ctx: Ctx, dev: Device): void {
  if (dev.agent?.state === 'busy') setAgentState(ctx, dev, 'workingAfterCall');
}

/** A campaign started or was removed: its agents' outbound services change, told by an agent event. */
export function setOutboundService(ctx: Ctx, devices: readonly Device[], service: string, works: boolean): void {
  for (const dev of devices) {
    const agent = dev.agent;
    if (!agent || agent.outboundServices.includes(service) === works) continue;
    agent.outboundServices = works ? [...agent.outboundServices, service] : agent.outboundServices.filter((s) => s !== service);
    ctx.emit(dev.number, { type: 'agent', agent: agentInfo(ctx, agent) });
  }
}
