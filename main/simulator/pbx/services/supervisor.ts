/** Routing point services (state, start, stop, suspend, resume, update, statistics) and user statistics. */
import type {
  QueryRoutingPointStatisticsRequest,
  QueryUserStatisticsRequest,
  RoutingPointRequest,
  StartRoutingPointRequest,
  UpdateRoutingPointRequest,
} from '../../../../common/telservices/requests';
import type { TelReply } from '../../../../common/telservices/replies';
import type { Ctx, Device, RoutingPoint } from '../context';
import { dispatchQueues, updateCallers } from '../delivery';
import { setOutboundService } from '../agents';
import { agentsOf, mergeConfig, newRoutingPoint, refreshRoutingPointStates, transition, type RoutingPointAction } from '../routing-points';
import { routingPointStatistics, userStatistics } from '../statistics';
import { OK, fail, result } from './common';

/** Calls waiting in the queue of a routing point that stops fail for their callers. */
function flushQueue(ctx: Ctx, rp: RoutingPoint): void {
  const waiting = rp.queue;
  rp.queue = [];
  for (const entry of waiting) {
    rp.stats.queued.push(ctx.clock.now() - entry.since);
    rp.stats.failureRoute += 1;
    const call = entry.call;
    call.ends = call.ends.filter((e) => e !== entry);
    updateCallers(ctx, call, { ok: false, cause: 'destNotObtainable' });
  }
}

function act(ctx: Ctx, rp: RoutingPoint, action: RoutingPointAction): TelReply {
  const next = transition(rp.state, action);
  if (!next) return fail('pbxReject');
  rp.state = next;
  refreshRoutingPointStates(ctx);
  if (action === 'stop') flushQueue(ctx, rp);
  if (action === 'resume' || action === 'start') dispatchQueues(ctx);
  return OK;
}

/** serviceTimeout (seconds): the server stops the routing point by itself once it has run that long. */
function armServiceTimeout(ctx: Ctx, rp: RoutingPoint): void {
  rp.cancelServiceTimeout?.();
  delete rp.cancelServiceTimeout;
  const t = rp.config.serviceTimeout;
  if (t === undefined || !/^\d+$/.test(t) || Number(t) <= 0 || rp.state === 'stopped') return;
  const startedAt = rp.startedAt;
  rp.cancelServiceTimeout = ctx.later(Math.max(0, startedAt + Number(t) * 1000 - ctx.clock.now()), () => {
    delete rp.cancelServiceTimeout;
    if (rp.startedAt === startedAt && rp.state !== 'stopped') act(ctx, rp, 'stop');
  });
}

export function routingPointRequest(ctx: Ctx, req: RoutingPointRequest): TelReply {
  const rp = ctx.routingPoints.get(req.service);
  if (!rp) return fail('reject');
  switch (req.type) {
    case 'queryRoutingPointState':
      return result({ type: 'routingPointState', state: rp.state });
    case 'stopRoutingPoint': {
      const reply = act(ctx, rp, 'stop');
      // The spec (StopRoutingPoint, outbound): "the routing point used by the campaign is removed".
      // Only on this request: a campaign its serviceTimeout stopped stays visible as stopped.
      if (reply.kind === 'result' && rp.campaign) {
        rp.cancelServiceTimeout?.();
        ctx.routingPoints.delete(rp.service);
        setOutboundService(ctx, agentsOf(ctx, rp), rp.service, false);
      }
      return reply;
    }
    case 'suspendRoutingPoint':
      return act(ctx, rp, 'suspend');
    case 'resumeRoutingPoint':
      return act(ctx, rp, 'resume');
    default: {
      const never: never = req.type;
      return never;
    }
  }
}

export function startRoutingPoint(ctx: Ctx, req: StartRoutingPointRequest): TelReply {
  const existing = ctx.routingPoints.get(req.service);
  if (!existing) {
    // A new routing point (an outbound campaign from a template): it has no number of its own.
    const template = req.template ? ctx.routingPoints.get(req.template) : undefined;
    // A template the configuration does not define is refused, not silently ignored.
    if (req.template !== undefined && !template) return fail('reject');
    const config = mergeConfig(template?.config ?? {}, req.config);
    const rp = newRoutingPoint(req.service, ctx.clock.now(), undefined, config);
    rp.campaign = true;
    ctx.routingPoints.set(req.service, rp);
    // The campaign's agents: the template's, else every agent device (the simulator has no agent table).
    const staff = template ? agentsOf(ctx, template) : [...ctx.devices.values()].filter((d) => d.agent);
    setOutboundService(ctx, staff, rp.service, true);
    refreshRoutingPointStates(ctx);
    armServiceTimeout(ctx, rp);
    return OK;
  }
  if (existing.state !== 'stopped') return fail('pbxReject');
  existing.config = mergeConfig(existing.config, req.config);
  existing.startedAt = ctx.clock.now();
  const reply = act(ctx, existing, 'start');
  armServiceTimeout(ctx, existing);
  return reply;
}

/**
 * A campaign's job is over (the spec: "no more calls to launch and no appointments scheduled"):
 * started-completed. The simulator holds no call list of its own, so whoever plays the campaign
 * (a test, a scenario) says when. Stop still applies (and removes it); suspend and resume do not.
 * False when `service` is no campaign, or one stopped or already completed.
 */
export function completeCampaign(ctx: Ctx, service: string): boolean {
  const rp = ctx.routingPoints.get(service);
  if (!rp?.campaign || rp.state === 'stopped' || rp.state === 'started-completed') return false;
  rp.state = 'started-completed';
  return true;
}

export function updateRoutingPoint(ctx: Ctx, req: UpdateRoutingPointRequest): TelReply {
  const rp = ctx.routingPoints.get(req.service);
  if (!rp) return fail('reject');
  rp.config = mergeConfig(rp.config, req.config);
  if (req.config?.serviceTimeout !== undefined) armServiceTimeout(ctx, rp);
  dispatchQueues(ctx);
  return OK;
}

export function queryRoutingPointStatistics(ctx: Ctx, req: QueryRoutingPointStatisticsRequest): TelReply {
  const rp = ctx.routingPoints.get(req.service);
  if (!rp) return fail('reject');
  return result({ type: 'routingPointStatistics', statistics: routingPointStatistics(ctx, rp, req.statisticsType) });
}

export function queryUserStatistics(ctx: Ctx, dev: Device, req: QueryUserStatisticsRequest): TelReply {
  return result({ type: 'userStatistics', statistics: userStatistics(ctx, dev, req.statisticsType, req.userID) });
}
