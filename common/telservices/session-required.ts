/**
 * Which requests need an open session, from the spec's "This service requires an opened session"
 * lines (every other request says it does not). The simulator refuses these without a session;
 * the line core sends every other one even while its session is being reopened.
 */
import type { TelRequestType } from './requests';

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

/** True when the spec says this request needs the device's session to be open. */
export function needsSession(type: TelRequestType): boolean {
  return SESSION_REQUIRED.has(type);
}
