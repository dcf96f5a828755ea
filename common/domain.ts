/**
 * What the UI sees: the state of each configured line as the core keeps it. Pure data (JSON-safe),
 * shared by main, preload, the web bridge and the renderer.
 *
 * Durations are never counters: a leg carries `connectedAt` (epoch ms) and the UI computes the
 * elapsed time, so the core emits no per-second patches. The same holds for the agent's
 * working-after-call countdown (`autoStateAt`).
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
  SessionEventName,
  UnknownValue,
} from './telservices/enums';
import type { Party } from './telservices/structures';
import type { ErrorShape } from './errors';

export type { AgentStateName, CallServiceName, CallStateName, ForwardType, OnOff, NumberType, UnknownValue };

/** A directory entry is the protocol's party (a searchName / searchNumber result), field for field. */
export type DirectoryEntry = Pick<Party, 'number' | 'name' | 'company' | 'numberType'>;

/** A party with what we know of it (name, company and number type resolved through the directory). */
export interface PartyView extends DirectoryEntry {
  /** True when the number was hidden by the network (`*****-<reference>` on the wire). */
  hidden: boolean;
}

export type LegRole = 'primary' | 'secondary';

/** One leg of a call (`primCall` or `secCall`). */
export interface CallLegView {
  role: LegRole;
  /** A newer server's call state is kept as `{ unknown: name }` (show its name; no action depends on it). */
  state: CallStateName | UnknownValue;
  otherParty: PartyView;
  addedParties: PartyView[];
  /** The number that was dialled first (e.g. the DID of an inbound call), when it differs from us. */
  dialledNumber?: string;
  /** The original party shown on the consulted device after a consultation call. */
  firstOtherParty?: PartyView;
  /** Who diverted (cause redirect/route) or transferred (cause transfer) the call to us. */
  redirectedBy?: PartyView;
  redirectKind?: 'diverted' | 'transferred';
  isOutgoing: boolean;
  isConference: boolean;
  callReference?: string;
  cause?: CallCause;
  /** Epoch ms when the leg was connected; absent until then. The UI ticks from it. */
  connectedAt?: number;
  /** Epoch ms when the leg was first seen (ringing or dialling). */
  since: number;
}

export interface CallView {
  id: string;
  primary?: CallLegView;
  secondary?: CallLegView;
  permittedServices: CallServiceName[];
  /** Correlator data (`extraData`). */
  correlatorData?: string;
}

export interface AgentView {
  /** A newer server's agent state is kept as `{ unknown: name }`. */
  state: AgentStateName | UnknownValue;
  userID?: string;
  /** Epoch ms when the server will change the state by itself (working-after-call countdown). */
  autoStateAt?: number;
  permittedStates: AgentStateName[];
  inboundServices: string[];
  outboundServices: string[];
}

export interface ForwardView {
  type: ForwardType;
  number?: string;
  on: boolean;
}

/** The explicit connection status machine of a line. */
export const CONNECTION_STATES = ['connecting', 'monitored', 'reconnecting', 'linkOutOfService', 'stopped'] as const;
export type ConnectionState = (typeof CONNECTION_STATES)[number];

export type EventMode = 'udp' | 'poll' | 'auto';
/** The mechanism actually used right now ('auto' resolves to one of these). */
export type ActiveEventMode = 'udp' | 'poll';

export interface ConnectionView {
  state: ConnectionState;
  /** How events arrive now. */
  eventMode: ActiveEventMode;
  /** The last failure, while not monitored. */
  lastError?: ErrorShape;
  /** Retry attempt number (1-based) while reconnecting. */
  attempt?: number;
  /** Epoch ms of the next retry while reconnecting. */
  nextRetryAt?: number;
  /** Epoch ms of the last transition. */
  since: number;
  /**
   * Why the line is in this state, when the state alone does not say it (typed, for the UI to word):
   * - 'closedByAdmin' / 'monitoringRejected' (state 'stopped'): the server ended the session on
   *   purpose; the line waits for the user's `reconnectLine` command before opening it again;
   * - 'sessionTimeout' / 'sessionLost' (state 'reconnecting'): the line reopens by itself;
   * - 'linkOutOfService' (state 'linkOutOfService'): the session is kept, the line waits for
   *   `pbxlinkInService` and resyncs then;
   * - 'stoppedByClient' (state 'stopped'): the app stopped the line.
   */
  reason?: ConnectionReason;
  /** The last session event the server sent this line (the spec's `<session>` value), if any. */
  sessionEvent?: SessionEventValue;
  /**
   * How events reach the line in detail ('udp', 'httpLongPoll', 'tcpLongPoll', or 'periodicSnapshot'
   * when the server answers TCP long-polls at once and the line falls back to a bounded-rate
   * snapshot). `eventMode` stays the coarse udp/poll view.
   */
  eventSource?: EventSource;
}

export const CONNECTION_REASONS = ['closedByAdmin', 'monitoringRejected', 'sessionTimeout', 'sessionLost', 'linkOutOfService', 'stoppedByClient'] as const;
export type ConnectionReason = (typeof CONNECTION_REASONS)[number];

export type EventSource = 'udp' | 'httpLongPoll' | 'tcpLongPoll' | 'periodicSnapshot';

/** A session event's value: one the spec lists, or a newer server's value kept as unknown (see UnknownValue). */
export type SessionEventValue = SessionEventName | UnknownValue;

export interface LineState {
  lineId: string;
  deviceNumber: string;
  connection: ConnectionView;
  calls: CallView[];
  /** Calls whose screen pop is showing (inbound calls, until they end or the user dismisses). */
  popups: string[];
  agent?: AgentView;
  forwards: ForwardView[];
  doNotDisturb: boolean;
  messageWaiting: boolean;
  /** Inbound calls that ended without being answered, since last marked seen. */
  missedCalls: number;
}

export type LineKey = keyof LineState;

/** A change to one top-level field of a line: the field's new value. */
export type LineFieldPatch = { [K in LineKey]: { key: K; value: LineState[K] } }[LineKey];

/**
 * One call of `calls` changed: `value` is the call as it is now (replaced where it was, or appended
 * when new), or absent when the call ended (removed). A busy line sends the call that changed, not
 * the whole list (issue 9 item 11). The core may still send a whole `calls` field patch.
 */
export interface CallPatch {
  key: 'call';
  id: string;
  value?: CallView;
}

/** What a `patch` event carries: field patches and call patches, applied in order by applyLinePatches. */
export type LinePatch = LineFieldPatch | CallPatch;

export interface AppState {
  /** Increases with every patch batch; a client drops batches older than its snapshot. */
  seq: number;
  lines: LineState[];
  /** A settings file that could not be read (kept aside, defaults used). */
  settingsError?: ErrorShape;
}

export interface HistoryEntry {
  deviceNumber?: string;
  userID?: string;
  /** `yyyy-MM-dd HH:mm:ss` as the server wrote it. */
  date: string;
  time: string;
  otherParty?: PartyView;
  alertingSeconds?: number;
  durationSeconds?: number;
  isOutgoing?: boolean;
  isConnected?: boolean;
  cause?: HistoryCause;
  agentState?: AgentStateName;
}

/** An inbound call the UI should pop (sent once per call). */
export interface IncomingCall {
  lineId: string;
  callId: string;
  leg: CallLegView;
  correlatorData?: string;
}

function applyCallPatch(calls: readonly CallView[], p: CallPatch): CallView[] {
  const index = calls.findIndex((c) => c.id === p.id);
  if (p.value === undefined) return index < 0 ? [...calls] : calls.filter((_, i) => i !== index);
  const next = [...calls];
  if (index < 0) next.push(p.value);
  else next[index] = p.value;
  return next;
}

/** Applies patches to a line (what every client does with a `patch` event): the one place that knows their shape. */
export function applyLinePatches(line: LineState, patches: readonly LinePatch[]): LineState {
  const next: Record<string, unknown> = { ...line };
  for (const p of patches) {
    if (p.key === 'call') next.calls = applyCallPatch(next.calls as CallView[], p);
    else if (p.value === undefined) delete next[p.key];
    else next[p.key] = p.value;
  }
  return next as unknown as LineState;
}
