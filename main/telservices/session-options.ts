/**
 * The shapes of a TelSession (./session.ts): its status machine, its options, and how its events
 * arrive. Apart from the class so both stay readable.
 */
import type { CtiError } from '../../common/errors';
import type { EventUpdate } from '../../common/telservices/enums';
import type { Transport } from './transport';

export type SessionStatus = 'idle' | 'opening' | 'open' | 'closing' | 'closed' | 'failed';

/** The transitions the machine allows; anything else is a bug and throws CtiError('internal'). */
export const NEXT: Record<SessionStatus, readonly SessionStatus[]> = {
  idle: ['opening'],
  opening: ['open', 'failed', 'closing'],
  open: ['closing', 'closed', 'failed'],
  closing: ['closed'],
  closed: ['opening'],
  failed: ['opening', 'closed'],
};

export interface StatusChange {
  from: SessionStatus;
  to: SessionStatus;
  /** Why, in words (an error message, the server's session event ...). */
  reason?: string;
  /** What ended an open session or failed an opening one (closed by the server, lost, failed to open). */
  error?: CtiError;
  at: number;
}

export interface PollSettings {
  pollTimeoutS?: number;
  marginMs?: number;
  backoff?: { baseMs: number; maxMs: number };
  /** Consecutive failed polls after which the session is `failed` (the owner reopens it). Default: never. */
  giveUpAfter?: number;
}

export type SessionEventsMode =
  /**
   * Events by UDP to a listener of this session (port 0: the OS picks). `fallbackToPoll`: when no
   * UDP socket can be bound, poll instead. `poll`: the settings used once polling (fallback, usePolling).
   */
  | { mode: 'udp'; host?: string; port?: number; endOfPdu?: string; fallbackToPoll?: boolean; poll?: PollSettings }
  /** Events by snapshot long-poll (clients UDP cannot reach). */
  | ({ mode: 'poll' } & PollSettings)
  /** No events (queries only). */
  | { mode: 'none' };

export interface TelSessionOptions {
  transport: Transport;
  deviceNumber: string;
  events?: SessionEventsMode;
  eventUpdate?: EventUpdate;
  userID?: string;
  userPassword?: string;
  /** Seconds of inactivity after which the server closes the session; enables the keep-alive. */
  sessionTimeoutS?: number;
  startPbxMonitor?: boolean;
  /** Keep-alive after this fraction of sessionTimeout without a request. Default 0.5. */
  keepAliveFraction?: number;
  /** Every status change and notable problem, one line each. */
  log?: (line: string) => void;
}

export interface CloseOptions {
  clientOnly?: boolean;
  actualCloseSessionTimeoutS?: number;
  /** Reply timeout of the closeSession (a line being stopped only says goodbye briefly). */
  timeoutMs?: number;
}

export type PollMode = Extract<SessionEventsMode, { mode: 'poll' }>;
