/**
 * The structures shared by TelServices requests, replies and events.
 *
 * Every scalar from the wire stays a string (numbers keep leading zeros and `+`; hidden numbers
 * look like `*****-<reference>`; durations are seconds or `HH:MM:SS`; percentages may be `1.0E2`).
 * Enumerations become string unions, `<true/>`/`<false/>` become booleans. Optional fields are
 * absent (never `undefined`-valued) when the element was not on the wire.
 */
import type {
  AgentStateName,
  CallCause,
  CallServiceName,
  CallStateName,
  ForwardType,
  HistoryCause,
  NumberType,
  OnOff,
  RoutingPointStateName,
  SessionEventName,
  UnknownValue,
  AgentsDistribution,
} from './enums';

/** A party: `<otherParty>`, `<party>`, `<firstCalledParty>` ... Number may be empty (`<number/>`). */
export interface Party {
  number: string;
  name?: string;
  /** Spec order inside a party: number, name, numberType, company. */
  numberType?: NumberType;
  company?: string;
}

/** `<primCall>` / `<secCall>`; fields in the order the spec lists them. */
export interface CallLeg {
  /** A newer server's call state is kept as UnknownValue (forward compatibility). */
  state: CallStateName | UnknownValue;
  otherParty: Party;
  addedParties?: Party[];
  firstOtherParty?: Party;
  firstCalledParty?: Party;
  lastRedirectionParty?: Party;
  /** Seconds since connected, as on the wire. */
  duration: string;
  isOutgoing: boolean;
  /** The spec: absent means false. */
  isConference: boolean;
  callReference?: string;
  cause?: CallCause;
}

/** `<call>` in a call event and in a snapshot's `<calls>`. */
export interface CallInfo {
  id: string;
  primCall?: CallLeg;
  secCall?: CallLeg;
  /** Absent when the element was absent; `[]` for `<permittedServices/>`. */
  permittedServices?: CallServiceName[];
  extraData?: string;
}

/** AgentInfo: the agent event, queryAgentState's result, the snapshot's `<agent>`. */
export interface AgentInfo {
  userID?: string;
  /** A newer server's agent state is kept as UnknownValue. */
  state: AgentStateName | UnknownValue;
  /** Seconds before the server changes the state by itself (workingAfterCall -> ready). */
  timeout?: string;
  inboundServices?: string[];
  outboundServices?: string[];
  permittedStates?: AgentStateName[];
}

/** A forward record (`<forward>` in queryForward/snapshot/event, `<info>` in the request). */
export interface ForwardInfo {
  /** Absent is allowed when turning a forward off. */
  number?: string;
  /** A newer server's forward type is kept as UnknownValue (a request never sends one: the schemas refuse it). */
  type: ForwardType | UnknownValue;
  state: OnOff;
}

/** A queryHistory `<record>`. */
export interface HistoryRecord {
  deviceNumber?: string;
  userID?: string;
  creationDate: string;
  creationTime: string;
  otherParty?: Party;
  alertingDuration?: string;
  duration?: string;
  isOutgoing?: boolean;
  isConnected?: boolean;
  cause?: HistoryCause;
  agentState?: AgentStateName;
}

/** The `<snapshot>` result. */
export interface SnapshotInfo {
  snapshotSeq?: string;
  calls?: CallInfo[];
  forwards?: ForwardInfo[];
  msgWaiting?: OnOff;
  doNotDisturb?: OnOff;
  agent?: AgentInfo;
  session?: SessionEventName | UnknownValue;
}

/**
 * Counters of the 'total' user statistics, in the spec's order. The same list is used per agent
 * in the routing point 'total' statistics.
 */
export const USER_TOTAL_COUNTERS = [
  'incomingCallsFailedCount',
  'incomingCallsAlertingCount',
  'agentIncomingCallsAlertingCount',
  'incomingCallsConnectedCount',
  'agentIncomingCallsConnectedCount',
  'incomingCallsAbandonedCount',
  'agentIncomingCallsAbandonedCount',
  'incomingCallsAlertingDuration',
  'incomingCallsAlertingAvgDuration',
  'incomingCallsAlertingMaxDuration',
  'agentIncomingCallsAlertingDuration',
  'agentIncomingCallsAlertingAvgDuration',
  'incomingCallsConnectedDuration',
  'incomingCallsConnectedAvgDuration',
  'incomingCallsConnectedMaxDuration',
  'agentIncomingCallsConnectedDuration',
  'agentIncomingCallsConnectedAvgDuration',
  'outgoingCallsOriginatedCount',
  'agentOutgoingCallsOriginatedCount',
  'outgoingCallsConnectedCount',
  'agentOutgoingCallsConnectedCount',
  'outgoingCallsConnectedDuration',
  'outgoingCallsConnectedAvgDuration',
  'outgoingCallsConnectedMaxDuration',
  'agentOutgoingCallsConnectedDuration',
  'agentOutgoingCallsConnectedAvgDuration',
  'agentLoggedOffDuration',
  'agentLoggedOffPercentage',
  'agentLoggedOnDuration',
  'agentLoggedOnPercentage',
  'agentNotReadyDuration',
  'agentNotReadyPercentage',
  'agentReadyDuration',
  'agentReadyPercentage',
  'agentDirectCallDuration',
  'agentDirectCallPercentage',
  'agentWorkingAfterCallDuration',
  'agentWorkingAfterCallPercentage',
  'agentBusyDuration',
  'agentBusyPercentage',
] as const;
export type UserTotalCounter = (typeof USER_TOTAL_COUNTERS)[number];

export interface UserSnapshotStatistics {
  agentState?: AgentStateName;
  inboundServices?: string[];
}

export type UserTotalStatistics = {
  /** `yyyy-MM-ddTHH:mm:ss` */
  start?: string;
  inboundServices?: string[];
} & Partial<Record<UserTotalCounter, string>>;

export type UserStatistics =
  | { type: 'snapshot'; snapshot: UserSnapshotStatistics }
  | { type: 'total'; total: UserTotalStatistics };

export const ROUTING_POINT_SNAPSHOT_COUNTERS = [
  'queuedCallsCount',
  'queuedCallsDuration',
  'readyAvailableAgentsCount',
  'busyOrWorkingAfterCallAgentsCount',
  'notReadyOrDirectCallAgentsCount',
  'agentsInCallCount',
  'loggedOffOrClosedAgentsCount',
] as const;
export type RoutingPointSnapshotCounter = (typeof ROUTING_POINT_SNAPSHOT_COUNTERS)[number];

export interface RoutingPointSnapshotAgent {
  deviceNumber: string;
  userID?: string;
  agentState?: AgentStateName;
  inboundServices?: string[];
}

export type RoutingPointSnapshotStatistics = Partial<Record<RoutingPointSnapshotCounter, string>> & {
  agents?: RoutingPointSnapshotAgent[];
};

/** Counters of the routing point 'total' statistics, in the spec's order (its typos kept: they are the wire names). */
export const ROUTING_POINT_TOTAL_COUNTERS = [
  'workDuration',
  'routedToAssignedAgentCallsCount',
  'routedToDistributionCallsCount',
  'routedToFailureRouteCallsCount',
  'queuedCallsCount',
  'queuedCallsDuration',
  'queuedCallsAvgDuration',
  'queuedCallsMaxDuration',
  'incomingCallsCount',
  'incomingCallsAbandoneddImmediatelCount',
  'incomingCallsAbandonedOnAgentCount',
  'incomingCallsAbandonedOnQueueCount',
  'incomingCallsConnectedCount',
  'incomingCallsAlertingDuration',
  'incomingCallsAlertingAvgDuration',
  'incomingCallsConnectedDuration',
  'incomingCallsConnectedAvgDuration',
  'outgoingCallsOriginatedCount',
  'outgoingCallsConnectedCount',
  'outgoingCallsIntendedCount',
  'outgoingCallsPerformedCount',
  'outgoingCallsRetriedCount',
  'outgoingCallsFailedCount',
  'outgoingCallsConnectedDuration',
  'outgoingCallsConnectedAvgDuration',
] as const;
export type RoutingPointTotalCounter = (typeof ROUTING_POINT_TOTAL_COUNTERS)[number];

/** An agent in the routing point 'total' statistics: deviceNumber, start, userID, inboundServices, then the user counters. */
export type RoutingPointTotalAgent = {
  deviceNumber: string;
  start?: string;
  userID?: string;
  inboundServices?: string[];
} & Partial<Record<UserTotalCounter, string>>;

export type RoutingPointTotalStatistics = {
  start?: string;
} & Partial<Record<RoutingPointTotalCounter, string>> & {
    agents?: RoutingPointTotalAgent[];
  };

export type RoutingPointStatistics =
  | { type: 'snapshot'; snapshot: RoutingPointSnapshotStatistics }
  | { type: 'total'; total: RoutingPointTotalStatistics };

/** A routing point `<config>`, in the spec's order. Lists are single comma-separated strings, as on the wire. */
export interface RoutingPointConfig {
  serviceTimeout?: string;
  /** e.g. "8:30/12:00,12/17" */
  workingHours?: string;
  /** e.g. "1,7" (1 is Sunday) */
  nonWorkingDaysOfWeek?: string;
  /** e.g. "25-12" */
  nonWorkingDays?: string;
  noAnswerTimeout?: string;
  failedCallRetryTimeout?: string;
  failedCallRetryLimit?: string;
  agentWorkingAfterCallTimeout?: string;
  agentsDistribution?: AgentsDistribution;
  queueLimit?: string;
  agentLoggedOnOnOpenSession?: boolean;
  agentReadyOnLoggedOn?: boolean;
  statisticsIncomingCallImmediateAbandonTimeout?: string;
}

export type { RoutingPointStateName };
