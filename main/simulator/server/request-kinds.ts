/**
 * Which requests need an open session, from the spec's "This service requires an opened session"
 * lines (every other request says it does not).
 */
import type { TelRequest, TelRequestType } from '../../../common/telservices/requests';
import type { TelEvent } from '../../../common/telservices/events';

export const SESSION_REQUIRED: ReadonlySet<TelRequestType> = new Set<TelRequestType>([
  'addPartyToCall',
  'agentState',
  'alternateCall',
  'answerCall',
  'conferenceCall',
  'consultationCall',
  'divertCall',
  'dropCall',
  'holdCall',
  'qualifyCall',
  'queryAgentState',
  'reconnectCall',
  'retrieveCall',
  'snapshot',
  'transferCall',
]);

/** The device a request concerns (its session timeout is reset by it), if it names one. */
export function deviceOf(req: TelRequest): string | undefined {
  return 'deviceNumber' in req ? req.deviceNumber : undefined;
}

/** eventUpdate restricted: the spec's "receiving only alerting events". */
export function isAlertingEvent(event: TelEvent): boolean {
  if (event.type !== 'call') return false;
  return event.call.primCall?.state === 'alerting' || event.call.secCall?.state === 'alerting';
}
