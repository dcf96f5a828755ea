/**
 * The model's internal state: devices, calls (with their ends), routing points, history, and the
 * event fan-out. Services receive this context; nothing here reads real time (the clock is injected).
 */
import type { TelEvent } from '../../../common/telservices/events';
import type {
  AgentStateName,
  CallCause,
  CallStateName,
  ForwardType,
  HistoryCause,
  OnOff,
  RoutingPointStateName,
} from '../../../common/telservices/enums';
import type { Party, RoutingPointConfig } from '../../../common/telservices/structures';
import type { Clock } from './clock';
import type { DeviceConfig } from './types';

/** One device's side of a call. */
export interface Leg {
  kind: 'leg';
  device: Device;
  call: Call;
  state: CallStateName;
  isOutgoing: boolean;
  /** What the user dialled: shown as the other party while nobody answers the call (originated, failed). */
  dialled?: Party;
  firstCalledParty?: Party;
  lastRedirectionParty?: Party;
  firstOtherParty?: Party;
  /**
   * Shown as the other party instead of the far end: a consultation reaching a routed number (another
   * contact centre over the network) presents the consulting device's caller, as a network transfer
   * service passes the original ANI on.
   */
  presentedOther?: Party;
  /** The other party as last seen, for when the far end has already left the call. */
  lastOther?: Party;
  /** Why a failed leg failed (busy, destNotObtainable): its history cause when it is dropped. */
  failure?: CallCause;
  /** Set on the transition that causes it; reported once, then reset. */
  cause?: CallCause;
  createdAt: number;
  /** The calendar time of creation: the history record's creationDate/creationTime. */
  createdDate: Date;
  alertingAt?: number;
  connectedAt?: number;
  everConnected: boolean;
  /** Frozen when the leg leaves its call, so the last event and history keep the right values. */
  endedAt?: number;
  detached?: { other: Party; added?: Party[]; conference: boolean };
  /** The routing point that delivered this (agent) leg. */
  routedBy?: RoutingPoint;
  /** Cancels a pending no-answer forward or a pending dial step. */
  cancelTimer?: () => void;
}

/** The far end of a call outside the plan (a trunk). */
export interface ExternalEnd {
  kind: 'external';
  call: Call;
  party: Party;
  connected: boolean;
  cancelAnswer?: () => void;
}

/** A call waiting in a routing point's queue. */
export interface QueuedEnd {
  kind: 'queued';
  call: Call;
  rp: RoutingPoint;
  since: number;
}

export type End = Leg | ExternalEnd | QueuedEnd;

export interface Call {
  ref: string;
  ends: End[];
  conference: boolean;
  extraData?: string;
  /** The DID of an inbound call: shown as firstCalledParty where it rings. */
  dnis?: string;
  /** A consultation's original party (the held call's other party), for firstOtherParty. */
  firstOther?: Party;
}

export interface AgentRuntime {
  userID: string;
  state: AgentStateName;
  since: number;
  inboundServices: string[];
  /** The campaigns (outbound routing points) the agent works for: set when a campaign starts. */
  outboundServices: string[];
  wacUntil?: number;
  cancelWac?: () => void;
  /** Every state with its start, for the statistics. */
  timeline: { state: AgentStateName; from: number }[];
}

export interface Device {
  number: string;
  config: DeviceConfig;
  /** At most two: prim (first existing) and sec. Cleared legs stay until their last event is sent. */
  legs: Leg[];
  viewId: string;
  viewCounter: number;
  forwards: Map<ForwardType, string>;
  dnd: OnOff;
  mwi: OnOff;
  monitored: boolean;
  agent?: AgentRuntime;
}

export interface RoutingPointStats {
  incoming: number;
  routed: number;
  /** Calls that went straight to the caller's assigned agent rather than to the distribution. */
  routedToAssigned: number;
  failureRoute: number;
  queued: number[];
  abandonedImmediately: number;
  abandonedOnAgent: number;
  abandonedOnQueue: number;
  connected: number;
  alerting: number[];
  connectedDurations: number[];
  /** A campaign's calls, made by its agents while it ran (the spec: it "performs calls" through them). */
  outgoing: { connected: boolean; failed: boolean; connectedMs: number }[];
}

export interface RoutingPoint {
  service: string;
  number?: string;
  /** Created by startRoutingPoint (an outbound campaign): removed when it stops, as the spec says. */
  campaign?: boolean;
  state: RoutingPointStateName;
  config: RoutingPointConfig;
  startedAt: number;
  lastAgent?: string;
  /** Caller number -> the agent who last talked with that caller through this routing point. */
  assignedAgents: Map<string, string>;
  queue: QueuedEnd[];
  stats: RoutingPointStats;
  cancelServiceTimeout?: () => void;
}

export interface HistoryEntry {
  seq: number;
  at: Date;
  kind: 'call' | 'agent';
  deviceNumber: string;
  userID?: string;
  otherParty?: Party;
  alertingSeconds: number;
  durationSeconds: number;
  isOutgoing: boolean;
  isConnected: boolean;
  cause?: HistoryCause;
  agentState?: AgentStateName;
  /** The service of the routing point that delivered the call (agent statistics). */
  routedBy?: string;
}

export interface Settings {
  noAnswerForwardDelayMs: number;
  externalAnswerDelayMs: number;
  workingAfterCallSeconds: number;
  dialDelayMs: number;
  historyLimit: number;
  firstOtherParty: boolean;
  callReference: boolean;
  scientificPercentages: boolean;
}

export interface Ctx {
  clock: Clock;
  settings: Settings;
  today: () => Date;
  startedAt: number;
  /** The calendar date at startedAt (statistics' start stamps). */
  startDate: Date;
  devices: Map<string, Device>;
  calls: Map<string, Call>;
  routingPoints: Map<string, RoutingPoint>;
  /** Numbers outside the plan that ring a device (PbxOptions.numberRoutes): number -> device number. */
  numberRoutes: Map<string, string>;
  history: HistoryEntry[];
  nextCallRef: number;
  nextHistorySeq: number;
  emit(deviceNumber: string, event: TelEvent): void;
  /** The clock's timer, guarded: a failure inside the model's own timer never escapes to the event loop. */
  later(ms: number, fn: () => void): () => void;
  /** Set by the facade: an agent became ready (routing points may hand it a queued call). */
  onAgentReady(dev: Device): void;
}

export function seconds(ms: number): number {
  return Math.max(0, Math.floor(ms / 1000));
}

export function partyOfDevice(dev: Device): Party {
  return dev.config.name ? { number: dev.number, name: dev.config.name } : { number: dev.number };
}

export function partyOfEnd(end: End): Party {
  switch (end.kind) {
    case 'leg':
      return partyOfDevice(end.device);
    case 'external':
      return end.party;
    case 'queued':
      return { number: end.rp.number ?? end.rp.service };
    default: {
      const never: never = end;
      return never;
    }
  }
}

/** The ends of the leg's call other than the leg itself, in call order. */
export function othersOf(leg: Leg): End[] {
  return leg.call.ends.filter((e) => e !== leg);
}

export function otherLegs(leg: Leg): Leg[] {
  return othersOf(leg).filter((e): e is Leg => e.kind === 'leg');
}
