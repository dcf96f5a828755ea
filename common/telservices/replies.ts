/**
 * Replies (`<TelServiceReturn>`): a result (standard or specific) or one of the nine errors.
 */
import type { OnOff, ProtocolErrorName, RoutingPointStateName, UnknownValue } from './enums';
import type {
  AgentInfo,
  ForwardInfo,
  HistoryRecord,
  Party,
  RoutingPointStatistics,
  SnapshotInfo,
  UserStatistics,
} from './structures';

/** The `<result>` content, discriminated by `type` (the element name inside `<result>`). */
export type TelResult =
  | { type: 'standard' }
  | { type: 'qualifyCall'; number: string; name?: string }
  | { type: 'agent'; agent: AgentInfo }
  | { type: 'doNotDisturb'; state: OnOff }
  | { type: 'msgWaiting'; state: OnOff }
  | { type: 'forwards'; forwards: ForwardInfo[] }
  | { type: 'history'; records: HistoryRecord[] }
  | { type: 'userStatistics'; statistics: UserStatistics }
  | { type: 'searchDirectory'; parties: Party[] }
  | { type: 'snapshot'; snapshot: SnapshotInfo }
  /** A newer server's routing-point state is kept as UnknownValue. */
  | { type: 'routingPointState'; state: RoutingPointStateName | UnknownValue }
  | { type: 'routingPointStatistics'; statistics: RoutingPointStatistics };

export type TelResultType = TelResult['type'];
export type ResultOf<T extends TelResultType> = Extract<TelResult, { type: T }>;

/** An error name the spec does not list (a newer server's) is kept as UnknownValue: a server error, not a malformed reply. */
export type TelReply = { kind: 'result'; result: TelResult } | { kind: 'error'; error: ProtocolErrorName | UnknownValue };
