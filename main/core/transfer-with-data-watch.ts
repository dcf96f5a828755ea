/**
 * Where a two-step transfer with data stands, read from the line's calls (pure). The device's call
 * keeps its id through a consultation: the held caller is one leg, the consultation to the DNIS
 * the other. Until the consultation has been seen, a single connected leg only means its event has
 * not arrived yet.
 */
import type { CallLegView, CallView } from '../../common/domain';

export type ConsultationReading =
  /** Not seen yet, or ringing / being dialled. */
  | 'pending'
  | 'connected'
  /** The consultation failed (busy, not obtainable) or cleared: the caller is alone on hold. */
  | 'failed'
  /** The caller hung up: only the consultation is left, or nothing. */
  | 'callerLeft';

export interface ConsultationWatch {
  callId: string;
  dnis: string;
  /** True once the call showed two legs: from then on, one leg is an ending, not a delay. */
  seenTwoLegs: boolean;
}

function legs(call: CallView): CallLegView[] {
  return [call.primary, call.secondary].filter((l): l is CallLegView => l !== undefined && l.state !== 'cleared');
}

export function readConsultation(calls: readonly CallView[], watch: ConsultationWatch): ConsultationReading {
  const call = calls.find((c) => c.id === watch.callId);
  if (!call) return watch.seenTwoLegs ? 'callerLeft' : 'pending';
  const live = legs(call);
  if (live.length >= 2) {
    const consultation = call.secondary;
    if (!consultation || consultation.state === 'failed') return 'failed';
    return consultation.state === 'connected' ? 'connected' : 'pending';
  }
  if (!watch.seenTwoLegs) return 'pending';
  const only = live[0];
  if (!only) return 'callerLeft';
  // The held caller alone: the consultation went away. Anything else alone is the consultation.
  return only.state === 'hold' ? 'failed' : 'callerLeft';
}

export function showsTwoLegs(calls: readonly CallView[], callId: string): boolean {
  const call = calls.find((c) => c.id === callId);
  return call !== undefined && legs(call).length >= 2;
}

/** The number the server needs to pick a leg (absent when hidden or unknown). */
export function legNumber(leg: CallLegView | undefined): string | undefined {
  if (!leg || leg.otherParty.hidden || leg.otherParty.number === '') return undefined;
  return leg.otherParty.number;
}
