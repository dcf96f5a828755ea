/**
 * Where a dialled number leads, before anything changes: do not disturb, immediate and busy
 * forwards (internal/external variants), capacity, routing points, external numbers. Pure: the
 * plan is executed by delivery.ts only once the whole operation is known to succeed.
 */
import type { CallCause, ForwardType } from '../../../common/telservices/enums';
import type { Party } from '../../../common/telservices/structures';
import { partyOfDevice, type Ctx, type Device, type RoutingPoint } from './context';
import { classify } from './plan';
import { canTakeCall } from './view';
import { isWorkingTime } from './working-hours';

/** How a call reached its destination other than by direct dialling. */
export interface Redirect {
  /** Shown as firstCalledParty (diverts, forwards, routes); absent for transfers (spec example 4). */
  firstCalled?: Party;
  lastRedirection: Party;
  /** The cause on the new destination's alerting leg (route, transfer); none for a plain divert (example 5). */
  targetCause?: CallCause;
  /** The cause the calling side sees (redirect, route, transfer). */
  callerCause: CallCause;
  routedBy?: RoutingPoint;
}

export type Plan =
  | { kind: 'device'; device: Device; redirect?: Redirect; noAnswerTo?: string; viaNumber?: string }
  | { kind: 'routingPoint'; rp: RoutingPoint; redirect?: Redirect }
  | { kind: 'external'; number: string; redirect?: Redirect }
  | { kind: 'fail'; cause: 'busy' | 'destNotObtainable'; missed?: Device; rp?: RoutingPoint };

/** Forward chains longer than this are loops. */
const MAX_HOPS = 5;

type Family = 'immediate' | 'busy' | 'noAnswer';
const FAMILY: Record<Family, { all: ForwardType; int: ForwardType; ext: ForwardType }> = {
  immediate: { all: 'immediate', int: 'immInt', ext: 'immExt' },
  busy: { all: 'busy', int: 'busyInt', ext: 'busyExt' },
  noAnswer: { all: 'noAnswer', int: 'noAnswerInt', ext: 'noAnswerExt' },
};

export function forwardFor(dev: Device, family: Family, callerInternal: boolean): string | undefined {
  const f = FAMILY[family];
  return dev.forwards.get(f.all) ?? dev.forwards.get(callerInternal ? f.int : f.ext);
}

export function forwardRedirect(dev: Device, previous: Redirect | undefined): Redirect {
  return {
    firstCalled: previous?.firstCalled ?? partyOfDevice(dev),
    lastRedirection: partyOfDevice(dev),
    callerCause: 'redirect',
  };
}

function isRunning(rp: RoutingPoint): boolean {
  return rp.state === 'started-running' || rp.state === 'started';
}

export function resolve(ctx: Ctx, number: string, callerInternal: boolean, redirect?: Redirect, hops = 0): Plan {
  const dest = classify(ctx, number);
  switch (dest.kind) {
    case 'device': {
      const dev = dest.device;
      if (dev.dnd === 'on') return { kind: 'fail', cause: 'busy', missed: dev };
      const imm = forwardFor(dev, 'immediate', callerInternal);
      if (imm !== undefined && hops < MAX_HOPS && imm !== number) {
        return resolve(ctx, imm, callerInternal, forwardRedirect(dev, redirect), hops + 1);
      }
      if (!canTakeCall(dev)) {
        const busy = forwardFor(dev, 'busy', callerInternal);
        if (busy !== undefined && hops < MAX_HOPS && busy !== number) {
          return resolve(ctx, busy, callerInternal, forwardRedirect(dev, redirect), hops + 1);
        }
        return { kind: 'fail', cause: 'busy', missed: dev };
      }
      const noAnswer = hops < MAX_HOPS ? forwardFor(dev, 'noAnswer', callerInternal) : undefined;
      const plan: Plan = { kind: 'device', device: dev };
      if (redirect) plan.redirect = redirect;
      if (dest.viaNumber !== undefined) plan.viaNumber = dest.viaNumber;
      if (noAnswer !== undefined && noAnswer !== number) plan.noAnswerTo = noAnswer;
      return plan;
    }
    case 'routingPoint':
      if (!isRunning(dest.rp) || !isWorkingTime(dest.rp.config, ctx.today())) {
        return { kind: 'fail', cause: 'destNotObtainable', rp: dest.rp };
      }
      return redirect ? { kind: 'routingPoint', rp: dest.rp, redirect } : { kind: 'routingPoint', rp: dest.rp };
    case 'external':
      return redirect ? { kind: 'external', number: dest.number, redirect } : { kind: 'external', number: dest.number };
    case 'invalid':
      return { kind: 'fail', cause: 'destNotObtainable' };
    default: {
      const never: never = dest;
      return never;
    }
  }
}
