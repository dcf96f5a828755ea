/** consultationCall and the services that combine a held and an active call, plus addPartyToCall. */
import type { AddPartyToCallRequest, ConsultationCallRequest, TwoCallRequest } from '../../../../common/telservices/requests';
import type { TelReply } from '../../../../common/telservices/replies';
import { otherLegs, othersOf, partyOfDevice, partyOfEnd, type Ctx, type Device, type End, type Leg } from '../context';
import { resolve } from '../resolve';
import { canTakeCall, connectLeg, detachLeg, emitAll, emitCall, newLeg } from '../view';
import { dial, initiate } from './basic';
import { OK, afterLeave, fail, findLeg, guard, heldPair, notifyOthers, otherNumberOf } from './common';

export function consultationCall(ctx: Ctx, dev: Device, req: ConsultationCallRequest): TelReply {
  const refused = guard(dev, 'consultationCall', req.otherNumber);
  if (refused) return refused;
  const prim = findLeg(dev, ['connected'], req.otherNumber);
  if (!prim) return fail('noCall');
  const number = req.consultedDeviceNumber.trim();
  if (number === '') return fail('pbxReject');
  // One event shows both: the first call on hold and the consultation initiated (spec example 3).
  prim.state = 'hold';
  const sec = initiate(ctx, dev, req.extraData);
  const original = othersOf(prim)[0];
  if (original) sec.call.firstOther = partyOfEnd(original);
  emitCall(ctx, dev);
  notifyOthers(ctx, prim, 'heldByOtherParty');
  dial(ctx, sec, number);
  return OK;
}

function checkNumbers(held: Leg, active: Leg, req: TwoCallRequest): boolean {
  const numbers = [otherNumberOf(held), otherNumberOf(active)];
  return [req.primOtherNumber, req.secOtherNumber].every((n) => !n || numbers.includes(n));
}

export function twoCall(ctx: Ctx, dev: Device, req: TwoCallRequest): TelReply {
  const refused = guard(dev, req.type);
  if (refused) return refused;
  const pair = heldPair(dev);
  if (!pair || !checkNumbers(pair.held, pair.active, req)) return fail('noCall');
  const { held, active } = pair;
  switch (req.type) {
    case 'alternateCall':
      active.state = 'hold';
      held.state = 'connected';
      emitCall(ctx, dev);
      notifyOthers(ctx, active, 'heldByOtherParty');
      notifyOthers(ctx, held, 'retrievedByOtherParty');
      return OK;
    case 'reconnectCall': {
      const call = active.call;
      detachLeg(ctx, active, undefined, active.state === 'failed' ? (active.failure ?? 'normal') : 'normal');
      held.state = 'connected';
      emitCall(ctx, dev);
      afterLeave(ctx, call);
      notifyOthers(ctx, held, 'retrievedByOtherParty');
      return OK;
    }
    case 'transferCall':
      transfer(ctx, dev, held, active);
      return OK;
    case 'conferenceCall':
      conference(ctx, dev, held, active);
      return OK;
    default: {
      const never: never = req.type;
      return never;
    }
  }
}

/** Moves every end of `from` into `into` (`from` is then empty and forgotten). */
function merge(ctx: Ctx, into: Leg['call'], from: Leg['call']): End[] {
  const moved = from.ends;
  for (const end of moved) end.call = into;
  into.ends.push(...moved);
  from.ends = [];
  ctx.calls.delete(from.ref);
  return moved;
}

/**
 * The held party and the active party are joined; the transferring device leaves both calls. Both
 * parties see cause transfer and the transferring device as lastRedirectionParty, with the
 * duration of their call with it; then their duration restarts (spec, call event).
 */
function transfer(ctx: Ctx, dev: Device, held: Leg, active: Leg): void {
  const into = held.call;
  const from = active.call;
  detachLeg(ctx, held, 'transfer', 'transfer');
  detachLeg(ctx, active, 'transfer', 'transfer');
  emitCall(ctx, dev);
  merge(ctx, into, from);
  if (into.ends.length > 2) into.conference = true;
  const me = partyOfDevice(dev);
  const legs = into.ends.filter((e): e is Leg => e.kind === 'leg');
  for (const leg of legs) {
    leg.lastRedirectionParty = { ...me };
    leg.cause = 'transfer';
  }
  emitAll(ctx, legs);
  for (const leg of legs) if (leg.state === 'connected') leg.connectedAt = ctx.clock.now();
  // Only trunks left (an external call transferred to another): the PBX no longer follows it.
  if (legs.length === 0) {
    for (const end of into.ends) if (end.kind === 'external') end.cancelAnswer?.();
    ctx.calls.delete(into.ref);
  } else if (into.ends.length < 2) {
    afterLeave(ctx, into);
  }
}

function conference(ctx: Ctx, dev: Device, held: Leg, active: Leg): void {
  const into = held.call;
  const from = active.call;
  detachLeg(ctx, active, 'conference', 'conference');
  merge(ctx, into, from);
  into.conference = true;
  held.state = 'connected';
  held.cause = 'conference';
  emitCall(ctx, dev);
  const others = otherLegs(held);
  for (const leg of others) leg.cause = 'conference';
  for (const leg of others) if (leg.state === 'delivered') connectLeg(ctx, leg);
  emitAll(ctx, others);
}

/** A single-step conference: the added device joins at once (connected), a trunk likewise. */
export function addPartyToCall(ctx: Ctx, dev: Device, req: AddPartyToCallRequest): TelReply {
  const leg = findLeg(dev, ['connected', 'hold'], req.otherNumber);
  if (!leg) return fail('noCall');
  const plan = resolve(ctx, req.addedDeviceNumber.trim(), true);
  const call = leg.call;
  switch (plan.kind) {
    case 'device': {
      if (plan.device === dev || !canTakeCall(plan.device) || plan.device.legs.some((l) => l.call === call)) {
        return fail('pbxReject');
      }
      const added = newLeg(ctx, plan.device, { call, state: 'connected', isOutgoing: false });
      connectLeg(ctx, added);
      call.ends.push(added);
      break;
    }
    case 'external':
      call.ends.push({ kind: 'external', call, party: { number: plan.number }, connected: true });
      break;
    case 'routingPoint':
    case 'fail':
      return fail('pbxReject');
    default: {
      const never: never = plan;
      return never;
    }
  }
  if (req.extraData !== undefined) call.extraData = req.extraData;
  call.conference = true;
  const legs = call.ends.filter((e): e is Leg => e.kind === 'leg');
  for (const l of legs) l.cause = 'conference';
  emitAll(ctx, legs);
  return OK;
}
