/**
 * Events (`<TelServiceEvent>[<deviceNumber>]<event>…</event></TelServiceEvent>`).
 * Call events carry the device; the others may not and belong to the session whose UDP port
 * received them (or whose long-poll returned them).
 */
import type { OnOff, SessionEventName, UnknownValue } from './enums';
import type { AgentInfo, CallInfo, ForwardInfo } from './structures';

export type TelEventBody =
  | { type: 'agent'; agent: AgentInfo }
  | { type: 'call'; call: CallInfo }
  | { type: 'forward'; forward: ForwardInfo }
  | { type: 'doNotDisturb'; state: OnOff }
  | { type: 'msgWaiting'; state: OnOff }
  /** A newer server's session value is kept as UnknownValue. */
  | { type: 'session'; session: SessionEventName | UnknownValue };

export type TelEventType = TelEventBody['type'];

export type TelEvent = TelEventBody & { deviceNumber?: string };

export const EVENT_TYPES = [
  'agent',
  'call',
  'forward',
  'doNotDisturb',
  'msgWaiting',
  'session',
] as const satisfies readonly TelEventType[];
