/**
 * The 36 requests of TelServices (`<TelServiceRequest><X>…</X></TelServiceRequest>`), one variant per
 * request, discriminated by `type` (the element name). Field order in each interface is the order
 * the spec lists the parameters, which is the order the codec writes them (XER follows the schema).
 */
import type {
  EventUpdate,
  ForwardType,
  HistoryRecordType,
  OnOff,
  RequestableAgentState,
  StatisticsType,
} from './enums';
import type { Party, RoutingPointConfig } from './structures';

// ---- session ----
export interface OpenSessionRequest {
  type: 'openSession';
  deviceNumber: string;
  eventUDPPort?: string;
  eventUpdate?: EventUpdate;
  userID?: string;
  userPassword?: string;
  sessionTimeout?: string;
  startPbxMonitor?: boolean;
}
export interface CloseSessionRequest {
  type: 'closeSession';
  deviceNumber: string;
  actualCloseSessionTimeout?: string;
  clientOnly?: boolean;
}

// ---- user services (26) ----
export interface AddPartyToCallRequest {
  type: 'addPartyToCall';
  deviceNumber: string;
  otherNumber?: string;
  addedDeviceNumber: string;
  extraData?: string;
}
export interface AgentStateRequest {
  type: 'agentState';
  deviceNumber: string;
  state: RequestableAgentState;
}
/** alternateCall, conferenceCall, reconnectCall, transferCall share these fields. */
export interface TwoCallRequest {
  type: 'alternateCall' | 'conferenceCall' | 'reconnectCall' | 'transferCall';
  deviceNumber: string;
  primOtherNumber?: string;
  secOtherNumber?: string;
}
export interface AnswerCallRequest {
  type: 'answerCall';
  deviceNumber: string;
  callingNumber?: string;
}
export interface ConsultationCallRequest {
  type: 'consultationCall';
  deviceNumber: string;
  otherNumber?: string;
  consultedDeviceNumber: string;
  extraData?: string;
}
export interface DivertCallRequest {
  type: 'divertCall';
  deviceNumber: string;
  otherNumber?: string;
  divertedDeviceNumber: string;
  extraData?: string;
}
export interface DoNotDisturbRequest {
  type: 'doNotDisturb';
  deviceNumber: string;
  state: OnOff;
}
/** dropCall, holdCall, retrieveCall share these fields. */
export interface OneCallRequest {
  type: 'dropCall' | 'holdCall' | 'retrieveCall';
  deviceNumber: string;
  otherNumber?: string;
}
export interface ForwardRequest {
  type: 'forward';
  deviceNumber: string;
  /** `<info>`: number, type, state */
  info: { number?: string; type: ForwardType; state: OnOff };
}
export interface MakeCallRequest {
  type: 'makeCall';
  deviceNumber: string;
  calledDeviceNumber: string;
  extraData?: string;
}
export interface QualifyCallRequest {
  type: 'qualifyCall';
  deviceNumber: string;
  /** Server default: true */
  answerCall?: boolean;
  /** Server default: true */
  needName?: boolean;
}
/** queryAgentState, queryDoNotDisturb, queryForward, queryMsgWaiting: the device only. */
export interface DeviceQueryRequest {
  type: 'queryAgentState' | 'queryDoNotDisturb' | 'queryForward' | 'queryMsgWaiting';
  deviceNumber: string;
}
export interface QueryHistoryRequest {
  type: 'queryHistory';
  recordType?: HistoryRecordType;
  deviceNumber?: string;
  userID?: string;
  /** yyyy-MM-dd */
  startDate?: string;
  /** 0..23, used only with startDate */
  startHour?: string;
  endDate?: string;
  search?: string;
  limit?: string;
}
export interface QueryUserStatisticsRequest {
  type: 'queryUserStatistics';
  deviceNumber: string;
  userID?: string;
  statisticsType: StatisticsType;
}
export interface SearchNameRequest {
  type: 'searchName';
  userID?: string;
  deviceNumber?: string;
  name: string;
  limit?: string;
}
export interface SearchNumberRequest {
  type: 'searchNumber';
  userID?: string;
  deviceNumber?: string;
  number: string;
}
export interface SnapshotRequest {
  type: 'snapshot';
  deviceNumber: string;
  /** Long-poll: the server answers on a change or when `timeout` (seconds) expires. */
  resultOnEvent?: { timeout: string; snapshotSeq?: string };
}
export interface UpdateUserDirectoryRequest {
  type: 'updateUserDirectory';
  userID?: string;
  deviceNumber?: string;
  directoryName: string;
  parties: Party[];
}

// ---- supervisor services (8) ----
/** queryRoutingPointState, resume/stop/suspendRoutingPoint: the service only. */
export interface RoutingPointRequest {
  type: 'queryRoutingPointState' | 'resumeRoutingPoint' | 'stopRoutingPoint' | 'suspendRoutingPoint';
  service: string;
}
export interface QueryRoutingPointStatisticsRequest {
  type: 'queryRoutingPointStatistics';
  service: string;
  statisticsType: StatisticsType;
}
export interface StartRoutingPointRequest {
  type: 'startRoutingPoint';
  service: string;
  template?: string;
  config?: RoutingPointConfig;
}
export interface UpdateRoutingPointRequest {
  type: 'updateRoutingPoint';
  service: string;
  config?: RoutingPointConfig;
}
export interface UpdateDirectoryRequest {
  type: 'updateDirectory';
  directoryName: string;
}

export type TelRequest =
  | OpenSessionRequest
  | CloseSessionRequest
  | AddPartyToCallRequest
  | AgentStateRequest
  | TwoCallRequest
  | AnswerCallRequest
  | ConsultationCallRequest
  | DivertCallRequest
  | DoNotDisturbRequest
  | OneCallRequest
  | ForwardRequest
  | MakeCallRequest
  | QualifyCallRequest
  | DeviceQueryRequest
  | QueryHistoryRequest
  | QueryUserStatisticsRequest
  | SearchNameRequest
  | SearchNumberRequest
  | SnapshotRequest
  | UpdateUserDirectoryRequest
  | RoutingPointRequest
  | QueryRoutingPointStatisticsRequest
  | StartRoutingPointRequest
  | UpdateRoutingPointRequest
  | UpdateDirectoryRequest;

export type TelRequestType = TelRequest['type'];

/** All 36 request element names, in the spec's order. */
export const REQUEST_TYPES = [
  'openSession',
  'closeSession',
  'addPartyToCall',
  'agentState',
  'alternateCall',
  'answerCall',
  'conferenceCall',
  'consultationCall',
  'divertCall',
  'doNotDisturb',
  'dropCall',
  'forward',
  'holdCall',
  'makeCall',
  'qualifyCall',
  'queryAgentState',
  'queryDoNotDisturb',
  'queryForward',
  'queryHistory',
  'queryMsgWaiting',
  'queryUserStatistics',
  'reconnectCall',
  'retrieveCall',
  'searchName',
  'searchNumber',
  'snapshot',
  'transferCall',
  'updateUserDirectory',
  'queryRoutingPointState',
  'queryRoutingPointStatistics',
  'resumeRoutingPoint',
  'startRoutingPoint',
  'stopRoutingPoint',
  'suspendRoutingPoint',
  'updateRoutingPoint',
  'updateDirectory',
] as const satisfies readonly TelRequestType[];

/**
 * Narrow the union to one request type. `Extract` is not enough: several requests share one
 * interface whose `type` is itself a union (dropCall | holdCall | retrieveCall), so distribute.
 */
type PickRequest<R, K> = R extends { type: infer T } ? (K extends T ? R : never) : never;
export type RequestOf<K extends TelRequestType> = PickRequest<TelRequest, K> & { type: K };
