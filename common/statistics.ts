/**
 * The user statistics as the UI reads them (the `userStatistics` command): the TelServer's
 * queryUserStatistics 'snapshot' and 'total' replies, with every counter a number, every duration
 * in seconds (the wire says `HH:MM:SS`) and every percentage a number (the wire may say `1.0E2`).
 * Pure data, JSON-safe.
 */
import type { AgentStateName } from './domain';

/** The agent states the 'total' statistics time, in the spec's order ('directCall': calls no routing point gave). */
export const STATE_TIME_KEYS = ['loggedOff', 'loggedOn', 'notReady', 'ready', 'directCall', 'workingAfterCall', 'busy'] as const;
export type StateTimeKey = (typeof STATE_TIME_KEYS)[number];

export interface StateTime {
  seconds: number;
  /** 0..100 of the time since `since`. */
  percent: number;
}

/** Every call of the device. */
export interface CallFigures {
  /** Inbound calls that rang here. */
  incoming: number;
  incomingAnswered: number;
  /** Rang, then the caller hung up. */
  incomingAbandoned: number;
  /** Never rang (busy, not obtainable). */
  incomingFailed: number;
  outgoing: number;
  outgoingAnswered: number;
  ringSeconds: number;
  ringAvgSeconds: number;
  ringMaxSeconds: number;
  talkInSeconds: number;
  talkInAvgSeconds: number;
  talkInMaxSeconds: number;
  talkOutSeconds: number;
  talkOutAvgSeconds: number;
  talkOutMaxSeconds: number;
}

/** The same for the calls handled as an agent (the server has no failed count and no maxima for those). */
export type AgentCallFigures = Omit<CallFigures, 'incomingFailed' | 'ringMaxSeconds' | 'talkInMaxSeconds' | 'talkOutMaxSeconds'>;

export interface UserStatisticsView {
  /** Epoch ms when the core received both replies. */
  fetchedAt: number;
  /** From the snapshot: the agent's state right now (absent for a device without an agent). */
  agentState?: AgentStateName;
  inboundServices: string[];
  /** Start of the period the totals cover, `yyyy-MM-ddTHH:mm:ss` as the server wrote it. */
  since?: string;
  calls: CallFigures;
  agentCalls: AgentCallFigures;
  /** Only the states the server reported. */
  stateTimes: Partial<Record<StateTimeKey, StateTime>>;
}
