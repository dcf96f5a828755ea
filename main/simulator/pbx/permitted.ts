/**
 * The one table of permitted services by device state. The lists for the states the spec shows
 * (call examples 1-6, snapshot example 1) are copied in the spec's order; the others follow the
 * same pattern: the service that acts on the active call first, then the ones that combine calls.
 */
import type { CallServiceName, CallStateName } from '../../../common/telservices/enums';
import type { Leg } from './context';

function single(state: CallStateName, conference: boolean): CallServiceName[] {
  switch (state) {
    case 'initiated':
    case 'originated':
    case 'delivered':
    case 'queued':
    case 'failed':
      return ['dropCall'];
    case 'alerting':
      return ['answerCall', 'divertCall'];
    case 'connected':
      // A conference cannot be diverted as a whole: that would be a transfer of several parties.
      return conference ? ['holdCall', 'dropCall', 'consultationCall'] : ['holdCall', 'dropCall', 'divertCall', 'consultationCall'];
    case 'hold':
      return ['retrieveCall', 'dropCall'];
    case 'cleared':
      return [];
    default: {
      const never: never = state;
      return never;
    }
  }
}

/** A held call plus another one: the consultation family. */
function withHeld(other: CallStateName): CallServiceName[] {
  switch (other) {
    case 'initiated':
    case 'originated':
    case 'queued':
    case 'failed':
      return ['dropCall', 'reconnectCall'];
    case 'delivered':
      return ['dropCall', 'reconnectCall', 'transferCall'];
    case 'connected':
      return ['dropCall', 'holdCall', 'reconnectCall', 'alternateCall', 'transferCall', 'conferenceCall'];
    case 'alerting':
      return ['answerCall', 'divertCall', 'retrieveCall', 'dropCall'];
    case 'hold':
      return ['retrieveCall', 'dropCall'];
    case 'cleared':
      return ['retrieveCall', 'dropCall'];
    default: {
      const never: never = other;
      return never;
    }
  }
}

export function permittedServices(legs: readonly Leg[]): CallServiceName[] {
  const live = legs.filter((l) => l.state !== 'cleared');
  const [a, b] = live;
  if (!a) return [];
  if (!b) return single(a.state, a.call.conference);
  if (a.state === 'hold' || b.state === 'hold') {
    const other = a.state === 'hold' ? b : a;
    return withHeld(other.state);
  }
  const alerting = a.state === 'alerting' ? a : b.state === 'alerting' ? b : undefined;
  if (alerting) {
    const other = alerting === a ? b : a;
    if (other.state === 'alerting') return ['answerCall', 'divertCall'];
    if (other.state === 'connected') return ['holdCall', 'dropCall', 'answerCall', 'divertCall'];
    return ['dropCall', 'answerCall', 'divertCall'];
  }
  return single(a.state, a.call.conference);
}
