/** Shared by the service families: replies, the permitted-service guard, leg lookup, call teardown. */
import type { CallServiceName, CallStateName, ProtocolErrorName } from '../../../../common/telservices/enums';
import type { TelReply, TelResult } from '../../../../common/telservices/replies';
import { othersOf, partyOfEnd, type Call, type Ctx, type Device, type End, type Leg } from '../context';
import { permittedServices } from '../permitted';
import { isImmediateAbandon } from '../routing-points';
import { detachLeg, emitAll, emitCall } from '../view';

export const OK: TelReply = { kind: 'result', result: { type: 'standard' } };
export function fail(error: ProtocolErrorName): TelReply {
  return { kind: 'error', error };
}
export function result(r: TelResult): TelReply {
  return { kind: 'result', result: r };
}

export function liveLegs(dev: Device): Leg[] {
  return dev.legs.filter((l) => l.state !== 'cleared');
}

export function otherNumberOf(leg: Leg): string {
  const first = othersOf(leg)[0];
  // The number the device is shown is the one its requests name (a presented ANI included).
  if (first && leg.presentedOther) return leg.presentedOther.number;
  return first ? partyOfEnd(first).number : (leg.dialled?.number ?? '');
}

/** noCall when there is no call (or none with that other party); pbxReject when the state does not permit it. */
export function guard(dev: Device, service: CallServiceName, otherNumber?: string): TelReply | undefined {
  const live = liveLegs(dev);
  if (live.length === 0) return fail('noCall');
  if (otherNumber && !live.some((l) => otherNumberOf(l) === otherNumber)) return fail('noCall');
  if (!permittedServices(dev.legs).includes(service)) return fail('pbxReject');
  return undefined;
}

/** The first live leg in one of the states (in the order given), matching the other party if asked. */
export function findLeg(dev: Device, states: readonly CallStateName[], otherNumber?: string): Leg | undefined {
  const live = liveLegs(dev).filter((l) => !otherNumber || otherNumberOf(l) === otherNumber);
  for (const state of states) {
    const leg = live.find((l) => l.state === state);
    if (leg) return leg;
  }
  return undefined;
}

export const ACTIVE_STATES: readonly CallStateName[] = ['connected', 'delivered', 'originated', 'initiated', 'queued', 'failed'];

/** The held leg and the other (active) one of a two-call device: the consultation pair. */
export function heldPair(dev: Device): { held: Leg; active: Leg } | undefined {
  const live = liveLegs(dev);
  const held = live.find((l) => l.state === 'hold');
  const active = live.find((l) => l !== held && ACTIVE_STATES.includes(l.state));
  return held && active ? { held, active } : undefined;
}

/** The other parties of a leg learn it was held / retrieved (their state does not change). */
export function notifyOthers(ctx: Ctx, leg: Leg, cause: 'heldByOtherParty' | 'retrievedByOtherParty'): void {
  for (const other of othersOf(leg)) {
    if (other.kind !== 'leg' || other.state === 'cleared') continue;
    other.cause = cause;
    emitCall(ctx, other.device);
  }
}

function releaseEnd(ctx: Ctx, end: End): void {
  switch (end.kind) {
    case 'leg':
      detachLeg(ctx, end, 'droppedByOtherParty', 'droppedByOtherParty');
      emitCall(ctx, end.device);
      return;
    case 'external':
      end.cancelAnswer?.();
      end.call.ends = end.call.ends.filter((e) => e !== end);
      return;
    case 'queued': {
      const rp = end.rp;
      rp.queue = rp.queue.filter((q) => q !== end);
      const waited = ctx.clock.now() - end.since;
      if (isImmediateAbandon(rp, waited)) {
        rp.stats.abandonedImmediately += 1;
      } else {
        rp.stats.queued.push(waited);
        rp.stats.abandonedOnQueue += 1;
      }
      end.call.ends = end.call.ends.filter((e) => e !== end);
      return;
    }
    default: {
      const never: never = end;
      return never;
    }
  }
}

/**
 * A party left the call: a conference goes on (a normal call again when two remain); a two-party
 * call ends for the others, who see droppedByOtherParty.
 */
export function afterLeave(ctx: Ctx, call: Call): void {
  if (call.conference && call.ends.length >= 2) {
    if (call.ends.length === 2) call.conference = false;
    emitAll(ctx, call.ends.filter((e): e is Leg => e.kind === 'leg'));
    return;
  }
  for (const end of [...call.ends]) releaseEnd(ctx, end);
  call.conference = false;
  ctx.calls.delete(call.ref);
}

/** The user drops one of their legs. */
export function dropLeg(ctx: Ctx, leg: Leg): void {
  const call = leg.call;
  detachLeg(ctx, leg, undefined, leg.state === 'failed' ? (leg.failure ?? 'normal') : 'normal');
  emitCall(ctx, leg.device);
  afterLeave(ctx, call);
}
