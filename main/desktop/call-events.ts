/**
 * The moments of a call the desktop reacts to (call actions, the pop, the redial list), found by
 * comparing two successive states of a line: pure, so "once per call" is a property we can test.
 */
import type { CallActionEvent } from '../../common/desktop-settings';
import type { CallLegView, CallView, LineState } from '../../common/domain';
import { isRingingLeg } from './line-status';

/** What a URL template may name about a call. */
export interface CallFacts {
  readonly lineId: string;
  readonly callId: string;
  /** Our own device. */
  readonly device: string;
  /** The other party's number ('' when hidden). */
  readonly number: string;
  readonly name: string;
  readonly company: string;
  /** The number the caller dialled (the DID/DNIS), when known. */
  readonly dnis: string;
  readonly outgoing: boolean;
}

export interface CallMoment {
  readonly event: CallActionEvent;
  readonly call: CallFacts;
}

const legsOf = (c: CallView): CallLegView[] => [c.primary, c.secondary].filter((l): l is CallLegView => l !== undefined);
const ringing = (c: CallView): boolean => legsOf(c).some(isRingingLeg);
const connected = (c: CallView): boolean => legsOf(c).some((l) => l.state === 'connected' || l.state === 'hold');
const ended = (c: CallView): boolean => legsOf(c).every((l) => l.state === 'cleared' || l.state === 'failed');

export function callFacts(line: LineState, call: CallView): CallFacts {
  const leg = call.primary ?? call.secondary;
  const other = leg?.otherParty;
  return {
    lineId: line.lineId,
    callId: call.id,
    device: line.deviceNumber,
    number: other === undefined || other.hidden ? '' : other.number,
    name: other?.name ?? '',
    company: other?.company ?? '',
    dnis: leg?.dialledNumber ?? '',
    outgoing: leg?.isOutgoing ?? false,
  };
}

/** Ring, answer and hang-up moments between `prev` and `next` (prev undefined: the first state seen). */
export function callMoments(prev: LineState | undefined, next: LineState): CallMoment[] {
  const before = new Map((prev?.calls ?? []).map((c) => [c.id, c]));
  const moments: CallMoment[] = [];
  for (const call of next.calls) {
    const old = before.get(call.id);
    before.delete(call.id);
    if (ended(call)) {
      if (old !== undefined && !ended(old)) moments.push({ event: 'hangUp', call: callFacts(next, call) });
      continue;
    }
    if (ringing(call) && (old === undefined || !ringing(old))) moments.push({ event: 'ring', call: callFacts(next, call) });
    if (connected(call) && (old === undefined || !connected(old))) moments.push({ event: 'answer', call: callFacts(next, call) });
  }
  // Calls that left the state ended.
  for (const old of before.values()) if (!ended(old)) moments.push({ event: 'hangUp', call: callFacts(prev ?? next, old) });
  return moments;
}

/**
 * Remembers which (event, call) pairs already ran, so a resync, a reconnect or a call that goes
 * connected → hold → connected never runs an action twice. Bounded: the oldest are forgotten.
 */
export class OncePerCall {
  readonly #seen = new Set<string>();
  constructor(readonly limit = 1000) {}

  /** True the first time for this pair, false afterwards. */
  first(event: CallActionEvent, call: Pick<CallFacts, 'lineId' | 'callId'>): boolean {
    const key = `${event}\u0000${call.lineId}\u0000${call.callId}`;
    if (this.#seen.has(key)) return false;
    this.#seen.add(key);
    if (this.#seen.size > this.limit) this.#seen.delete(this.#seen.values().next().value as string);
    return true;
  }
}
