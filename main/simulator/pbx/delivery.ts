/**
 * Executing a resolved plan: ringing a device, seizing a trunk, queueing at a routing point;
 * redirecting an alerting call (divert, no-answer forward, routing); what the calling side sees.
 */
import type { Party } from '../../../common/telservices/structures';
import { othersOf, partyOfDevice, type Call, type Ctx, type ExternalEnd, type Leg, type QueuedEnd, type RoutingPoint } from './context';
import { recordMissed } from './history';
import { setAgentState } from './agents';
import { agentsOf, assignedAgent, pickAgent } from './routing-points';
import { resolve, type Plan, type Redirect } from './resolve';
import { connectLeg, detachLeg, emitCall, newLeg } from './view';

export type Outcome = { ok: true; via?: Redirect; queued?: boolean } | { ok: false; cause: 'busy' | 'destNotObtainable' };

export function newCall(ctx: Ctx, extraData?: string): Call {
  const call: Call = { ref: `c${ctx.nextCallRef++}`, ends: [], conference: false };
  if (extraData !== undefined) call.extraData = extraData;
  ctx.calls.set(call.ref, call);
  return call;
}

export function callerPartyOf(call: Call): Party {
  const first = call.ends[0];
  if (!first) return { number: '' };
  if (first.kind === 'leg') return partyOfDevice(first.device);
  if (first.kind === 'external') return first.party;
  return { number: first.rp.number ?? first.rp.service };
}

export function executePlan(ctx: Ctx, call: Call, plan: Plan): Outcome {
  switch (plan.kind) {
    case 'fail':
      if (plan.missed) recordMissed(ctx, plan.missed, callerPartyOf(call), plan.cause);
      if (plan.rp) plan.rp.stats.failureRoute += 1;
      return { ok: false, cause: plan.cause };
    case 'device': {
      const r = plan.redirect;
      const leg = newLeg(ctx, plan.device, { call, state: 'alerting', isOutgoing: false });
      // The DID an external caller dialled is the first called party wherever the call then goes.
      if (call.dnis !== undefined) leg.firstCalledParty = { number: call.dnis };
      else if (plan.viaNumber !== undefined) leg.firstCalledParty = { number: plan.viaNumber };
      if (plan.viaNumber !== undefined && call.firstOther) leg.presentedOther = { ...call.firstOther };
      else if (r?.firstCalled) leg.firstCalledParty = { ...r.firstCalled };
      if (r) leg.lastRedirectionParty = { ...r.lastRedirection };
      if (ctx.settings.firstOtherParty && call.firstOther) leg.firstOtherParty = { ...call.firstOther };
      if (r?.targetCause) leg.cause = r.targetCause;
      if (r?.routedBy) leg.routedBy = r.routedBy;
      call.ends.push(leg);
      const to = plan.noAnswerTo;
      if (to !== undefined) {
        leg.cancelTimer = ctx.later(ctx.settings.noAnswerForwardDelayMs, () => {
          delete leg.cancelTimer;
          if (leg.state === 'alerting') redirectLeg(ctx, leg, to, 'redirect');
        });
      }
      emitCall(ctx, plan.device);
      return r ? { ok: true, via: r } : { ok: true };
    }
    case 'external': {
      const end: ExternalEnd = { kind: 'external', call, party: { number: plan.number }, connected: false };
      call.ends.push(end);
      const delay = ctx.settings.externalAnswerDelayMs;
      if (delay >= 0) {
        end.cancelAnswer = ctx.later(delay, () => {
          delete end.cancelAnswer;
          externalAnswered(ctx, end);
        });
      }
      return plan.redirect ? { ok: true, via: plan.redirect } : { ok: true };
    }
    case 'routingPoint':
      return offerToRoutingPoint(ctx, call, plan.rp);
    default: {
      const never: never = plan;
      return never;
    }
  }
}

function offerToRoutingPoint(ctx: Ctx, call: Call, rp: RoutingPoint, counted = true): Outcome {
  if (counted) rp.stats.incoming += 1;
  const assigned = assignedAgent(ctx, rp, call);
  if (assigned) return routeToAgent(ctx, call, rp, assigned.number, true);
  const agent = pickAgent(ctx, rp);
  if (agent) return routeToAgent(ctx, call, rp, agent.number);
  if (queueFull(ctx, rp)) {
    rp.stats.failureRoute += 1;
    return { ok: false, cause: 'destNotObtainable' };
  }
  const end: QueuedEnd = { kind: 'queued', call, rp, since: ctx.clock.now() };
  call.ends.push(end);
  rp.queue.push(end);
  return { ok: true, queued: true };
}

/** queueLimit is a percentage of the logged-on agents (the spec: 100 with 5 agents busy means 5 calls). */
function queueFull(ctx: Ctx, rp: RoutingPoint): boolean {
  const pct = rp.config.queueLimit;
  if (pct === undefined || !/^\d+$/.test(pct)) return false;
  const loggedOn = agentsOf(ctx, rp).filter((d) => d.agent && d.agent.state !== 'loggedOff' && d.agent.state !== 'null');
  return rp.queue.length >= Math.floor((loggedOn.length * Number(pct)) / 100);
}

function routeRedirect(rp: RoutingPoint): Redirect {
  const party = { number: rp.number ?? rp.service };
  return { firstCalled: party, lastRedirection: party, targetCause: 'route', callerCause: 'route', routedBy: rp };
}

function routeToAgent(ctx: Ctx, call: Call, rp: RoutingPoint, agentNumber: string, toAssigned = false): Outcome {
  const agent = ctx.devices.get(agentNumber);
  if (!agent) return { ok: false, cause: 'destNotObtainable' };
  if (toAssigned) {
    rp.stats.routedToAssigned += 1;
  } else {
    rp.lastAgent = agentNumber;
    rp.stats.routed += 1;
  }
  const outcome = executePlan(ctx, call, { kind: 'device', device: agent, redirect: routeRedirect(rp) });
  const leg = agent.legs.find((l) => l.call === call && l.state === 'alerting');
  const timeout = rp.config.noAnswerTimeout;
  if (leg && timeout !== undefined && /^\d+$/.test(timeout) && Number(timeout) > 0) {
    leg.cancelTimer = ctx.later(Number(timeout) * 1000, () => {
      delete leg.cancelTimer;
      if (leg.state === 'alerting') reofferUnanswered(ctx, leg, rp);
    });
  }
  return outcome;
}

/** An agent let a routed call ring out: the agent goes notReady and the call is offered again. */
function reofferUnanswered(ctx: Ctx, leg: Leg, rp: RoutingPoint): void {
  const call = leg.call;
  detachLeg(ctx, leg, 'redirect', 'redirect');
  emitCall(ctx, leg.device);
  setAgentState(ctx, leg.device, 'notReady');
  const outcome = offerToRoutingPoint(ctx, call, rp, false);
  updateCallers(ctx, call, outcome);
  if (!outcome.ok && !call.ends.some((e) => e.kind === 'leg')) ctx.calls.delete(call.ref);
}

/** An agent became ready: the oldest queued call of its services goes to the routing point's pick. */
export function dispatchQueues(ctx: Ctx): void {
  for (const rp of ctx.routingPoints.values()) {
    while (rp.queue.length > 0 && (rp.state === 'started-running' || rp.state === 'started')) {
      const agent = pickAgent(ctx, rp);
      const entry = rp.queue[0];
      if (!agent || !entry) break;
      rp.queue.shift();
      rp.stats.queued.push(ctx.clock.now() - entry.since);
      const call = entry.call;
      call.ends = call.ends.filter((e) => e !== entry);
      const outcome = routeToAgent(ctx, call, rp, agent.number);
      updateCallers(ctx, call, outcome);
    }
  }
}

/** What the calling legs of a call see once the call went somewhere (or failed). */
export function updateCallers(ctx: Ctx, call: Call, outcome: Outcome, exclude?: Leg): void {
  for (const end of [...call.ends]) {
    if (end.kind !== 'leg' || end === exclude || !end.isOutgoing) continue;
    if (end.state === 'connected' || end.state === 'hold' || end.state === 'cleared') continue;
    applyOutcome(ctx, end, outcome);
    emitCall(ctx, end.device);
  }
}

/** The calling leg after delivery: delivered/queued, or failed with its cause (it stays until dropped). */
export function applyOutcome(ctx: Ctx, leg: Leg, outcome: Outcome): void {
  if (!outcome.ok) {
    leg.state = 'failed';
    leg.failure = outcome.cause;
    leg.cause = outcome.cause;
    return;
  }
  leg.state = outcome.queued ? 'queued' : 'delivered';
  const via = outcome.via;
  if (via) {
    leg.firstCalledParty = { ...(via.firstCalled ?? leg.dialled ?? { number: '' }) };
    leg.lastRedirectionParty = { ...via.lastRedirection };
    leg.cause = via.callerCause;
  }
  // The far end may already be talking (a transfer onto an answered call).
  const far = othersOf(leg)[0];
  if (far?.kind === 'external' && far.connected) connectLeg(ctx, leg);
}

export function externalAnswered(ctx: Ctx, end: ExternalEnd): boolean {
  if (end.connected || !end.call.ends.includes(end)) return false;
  end.connected = true;
  end.cancelAnswer?.();
  delete end.cancelAnswer;
  for (const leg of end.call.ends) {
    if (leg.kind === 'leg' && (leg.state === 'delivered' || leg.state === 'originated' || leg.state === 'queued')) {
      connectLeg(ctx, leg);
      emitCall(ctx, leg.device);
    }
  }
  return true;
}

/**
 * Moves an alerting (divert, no-answer forward) or connected (single-step transfer) leg's call to
 * another number. False when the new destination cannot take it; then nothing has changed.
 */
export function redirectLeg(ctx: Ctx, leg: Leg, target: string, kind: 'redirect' | 'transfer'): boolean {
  const device = leg.device;
  const callerInternal = othersOf(leg)[0]?.kind === 'leg';
  const me = partyOfDevice(device);
  const redirect: Redirect =
    kind === 'redirect'
      ? { firstCalled: leg.firstCalledParty ?? me, lastRedirection: me, callerCause: 'redirect' }
      : { lastRedirection: me, targetCause: 'transfer', callerCause: 'transfer' };
  if (leg.routedBy) redirect.routedBy = leg.routedBy;
  const plan = resolve(ctx, target, callerInternal, redirect);
  if (plan.kind === 'fail' || (plan.kind === 'device' && plan.device === device)) return false;
  const call = leg.call;
  detachLeg(ctx, leg, kind, kind);
  emitCall(ctx, device);
  const outcome = executePlan(ctx, call, plan);
  for (const end of [...call.ends]) {
    if (end.kind !== 'leg' || end.device === (plan.kind === 'device' ? plan.device : undefined)) continue;
    if (kind === 'transfer' && end.state === 'connected') {
      end.lastRedirectionParty = { ...me };
      end.cause = 'transfer';
      emitCall(ctx, end.device);
      end.connectedAt = ctx.clock.now(); // the spec: the duration restarts after a transfer
    } else if (end.isOutgoing) {
      applyOutcome(ctx, end, outcome);
      emitCall(ctx, end.device);
    }
  }
  return true;
}
