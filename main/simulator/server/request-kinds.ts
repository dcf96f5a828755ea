/**
 * What the simulator needs to know about a request: whether it needs a session (the spec's list, in
 * common/ so the line core reads the same one), which device it concerns, what restricted clients get.
 */
import type { TelRequest } from '../../../common/telservices/requests';
import type { TelEvent } from '../../../common/telservices/events';

export { SESSION_REQUIRED } from '../../../common/telservices/session-required';

/** The device a request concerns (its session timeout is reset by it), if it names one. */
export function deviceOf(req: TelRequest): string | undefined {
  return 'deviceNumber' in req ? req.deviceNumber : undefined;
}

/** eventUpdate restricted: the spec's "receiving only alerting events". */
export function isAlertingEvent(event: TelEvent): boolean {
  if (event.type !== 'call') return false;
  return event.call.primCall?.state === 'alerting' || event.call.secCall?.state === 'alerting';
}
