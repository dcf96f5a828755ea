/** makeCall, answerCall, dropCall, holdCall, retrieveCall, and the dialling steps they share. */
import type { AnswerCallRequest, MakeCallRequest, OneCallRequest } from '../../../../common/telservices/requests';
import type { TelReply } from '../../../../common/telservices/replies';
import type { Ctx, Device, Leg } from '../context';
import { applyOutcome, executePlan, newCall } from '../delivery';
import { resolve } from '../resolve';
import { connectLeg, emitAll, emitCall, newLeg } from '../view';
import { ACTIVE_STATES, OK, dropLeg, fail, findLeg, guard, liveLegs, notifyOthers } from './common';

/** originated now, then (after the optional dial delay) delivered somewhere or failed. */
export function dial(ctx: Ctx, leg: Leg, number: string): void {
  leg.state = 'originated';
  leg.dialled = { number };
  emitCall(ctx, leg.device);
  const deliver = (): void => {
    const plan = resolve(ctx, number, true);
    // Calling oneself (directly or through a forward) finds one's own line busy.
    const self = plan.kind === 'device' && plan.device === leg.device;
    const outcome = executePlan(ctx, leg.call, self ? { kind: 'fail', cause: 'busy' } : plan);
    applyOutcome(ctx, leg, outcome);
    emitCall(ctx, leg.device);
  };
  if (ctx.settings.dialDelayMs <= 0) {
    deliver();
    return;
  }
  leg.cancelTimer = ctx.later(ctx.settings.dialDelayMs, () => {
    delete leg.cancelTimer;
    if (leg.state === 'originated') deliver();
  });
}

/** A new outgoing leg in the initiated state (the caller emits). */
export function initiate(ctx: Ctx, dev: Device, extraData: string | undefined): Leg {
  const call = newCall(ctx, extraData);
  const leg = newLeg(ctx, dev, { call, state: 'initiated', isOutgoing: true });
  call.ends.push(leg);
  return leg;
}

export function makeCall(ctx: Ctx, dev: Device, req: MakeCallRequest): TelReply {
  const live = liveLegs(dev);
  // A new call is possible while idle, or beside a single held call (it becomes the secondary call).
  if (live.length >= 2 || live.some((l) => l.state !== 'hold')) return fail('pbxReject');
  if (req.calledDeviceNumber.trim() === '') return fail('pbxReject');
  const leg = initiate(ctx, dev, req.extraData);
  emitCall(ctx, dev);
  dial(ctx, leg, req.calledDeviceNumber.trim());
  return OK;
}

export function answerLeg(ctx: Ctx, leg: Leg): void {
  const dev = leg.device;
  // Answering a waiting call holds the active one, as a phone does.
  const active = liveLegs(dev).find((l) => l !== leg && l.state === 'connected');
  if (active) active.state = 'hold';
  connectLeg(ctx, leg);
  const callers: Leg[] = [];
  for (const end of leg.call.ends) {
    if (end.kind !== 'leg' || end === leg) continue;
    if (end.state === 'delivered' || end.state === 'queued' || end.state === 'originated') {
      connectLeg(ctx, end);
      callers.push(end);
    }
  }
  emitCall(ctx, dev);
  emitAll(ctx, callers);
  if (active) notifyOthers(ctx, active, 'heldByOtherParty');
}

export function answerCall(ctx: Ctx, dev: Device, req: AnswerCallRequest): TelReply {
  const refused = guard(dev, 'answerCall', req.callingNumber);
  if (refused) return refused;
  const leg = findLeg(dev, ['alerting'], req.callingNumber);
  if (!leg) return fail('noCall');
  answerLeg(ctx, leg);
  return OK;
}

export function oneCall(ctx: Ctx, dev: Device, req: OneCallRequest): TelReply {
  const refused = guard(dev, req.type, req.otherNumber);
  if (refused) return refused;
  switch (req.type) {
    case 'dropCall': {
      const leg = findLeg(dev, [...ACTIVE_STATES, 'hold'], req.otherNumber);
      if (!leg) return fail('noCall');
      dropLeg(ctx, leg);
      return OK;
    }
    case 'holdCall': {
      const leg = findLeg(dev, ['connected'], req.otherNumber);
      if (!leg) return fail('noCall');
      leg.state = 'hold';
      emitCall(ctx, dev);
      notifyOthers(ctx, leg, 'heldByOtherParty');
      return OK;
    }
    case 'retrieveCall': {
      const leg = findLeg(dev, ['hold'], req.otherNumber);
      if (!leg) return fail('noCall');
      leg.state = 'connected';
      emitCall(ctx, dev);
      notifyOthers(ctx, leg, 'retrievedByOtherParty');
      return OK;
    }
    default: {
      const never: never = req.type;
      return never;
    }
  }
}
