/**
 * Enumerations of the TelServices protocol. On the wire each value is an empty element
 * (`<alerting/>`, `<on/>`); these const arrays are the one list the codec, the simulator and the
 * schemas check against, and their order is the order the spec gives.
 */

export const AGENT_STATES = [
  'null',
  'loggedOff',
  'loggedOn',
  'busy',
  'notReady',
  'ready',
  'workingAfterCall',
] as const;
export type AgentStateName = (typeof AGENT_STATES)[number];

/** The spec: "null" cannot be requested, "busy" is set by the server only. */
export const REQUESTABLE_AGENT_STATES = [
  'loggedOff',
  'loggedOn',
  'notReady',
  'ready',
  'workingAfterCall',
] as const satisfies readonly AgentStateName[];
export type RequestableAgentState = (typeof REQUESTABLE_AGENT_STATES)[number];

export const CALL_STATES = [
  'initiated',
  'originated',
  'delivered',
  'queued',
  'alerting',
  'connected',
  'cleared',
  'failed',
  'hold',
] as const;
export type CallStateName = (typeof CALL_STATES)[number];

export const CALL_CAUSES = [
  'busy',
  'conference',
  'destNotObtainable',
  'droppedByOtherParty',
  'heldByOtherParty',
  'redirect',
  'retrievedByOtherParty',
  'transfer',
  'route',
] as const;
export type CallCause = (typeof CALL_CAUSES)[number];

/** History records add `normal` (the spec's queryHistory example) to the call causes. */
export const HISTORY_CAUSES = ['normal', ...CALL_CAUSES] as const;
export type HistoryCause = (typeof HISTORY_CAUSES)[number];

export const CALL_SERVICES = [
  'alternateCall',
  'answerCall',
  'conferenceCall',
  'consultationCall',
  'divertCall',
  'dropCall',
  'holdCall',
  'makeCall',
  'reconnectCall',
  'retrieveCall',
  'transferCall',
] as const;
export type CallServiceName = (typeof CALL_SERVICES)[number];

export const FORWARD_TYPES = [
  'immediate',
  'busy',
  'noAnswer',
  'immInt',
  'immExt',
  'busyInt',
  'busyExt',
  'noAnswerInt',
  'noAnswerExt',
] as const;
export type ForwardType = (typeof FORWARD_TYPES)[number];

export const ON_OFF = ['on', 'off'] as const;
export type OnOff = (typeof ON_OFF)[number];

export const NUMBER_TYPES = ['work', 'home', 'mobile', 'ip'] as const;
export type NumberType = (typeof NUMBER_TYPES)[number];

export const EVENT_UPDATES = ['full', 'restricted'] as const;
export type EventUpdate = (typeof EVENT_UPDATES)[number];

export const SESSION_EVENTS = [
  'sessionClosedByAdmin',
  'sessionClosedByTimeout',
  'sessionClosedByMonitoringReject',
  'sessionClosedByClient',
  'pbxlinkOutOfService',
  'pbxlinkInService',
] as const;
export type SessionEventName = (typeof SESSION_EVENTS)[number];

export const ROUTING_POINT_STATES = [
  'started',
  'started-completed',
  'started-failed',
  'started-running',
  'started-suspended',
  'stopped',
] as const;
export type RoutingPointStateName = (typeof ROUTING_POINT_STATES)[number];

export const STATISTICS_TYPES = ['snapshot', 'total'] as const;
export type StatisticsType = (typeof STATISTICS_TYPES)[number];

export const HISTORY_RECORD_TYPES = ['call', 'agent', 'all'] as const;
export type HistoryRecordType = (typeof HISTORY_RECORD_TYPES)[number];

export const AGENTS_DISTRIBUTIONS = ['cyclic', 'sequential', 'most-idle'] as const;
export type AgentsDistribution = (typeof AGENTS_DISTRIBUTIONS)[number];

/** The nine errors a TelServer may answer (`<TelServiceReturn><error><X/></error>`). */
export const PROTOCOL_ERRORS = [
  'pbxlinkOutOfService',
  'pbxReject',
  'pbxTimeout',
  'noCall',
  'noOpenSession',
  'sessionLimitExceeded',
  'reject',
  'invalidCredentials',
  'resourceError',
] as const;
export type ProtocolErrorName = (typeof PROTOCOL_ERRORS)[number];

/**
 * Forward compatibility: an enumeration value a newer server sent that this client does not know
 * (a new call state, agent state, session value ...). The event is kept with the value typed as
 * this, its name preserved for display and logs, instead of losing the whole event.
 */
export interface UnknownValue {
  unknown: string;
}

export function isUnknownValue(value: unknown): value is UnknownValue {
  return typeof value === 'object' && value !== null && typeof (value as { unknown?: unknown }).unknown === 'string';
}

/** The wire name of an enumeration value, known or not (for display and logs). */
export function valueName(value: string | UnknownValue): string {
  return typeof value === 'string' ? value : value.unknown;
}

export function isOneOf<T extends string>(values: readonly T[], value: string): value is T {
  return (values as readonly string[]).includes(value);
}
