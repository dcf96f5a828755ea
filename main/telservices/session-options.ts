/**
 * The shapes of a TelSession (./session.ts): its status machine, its options, and how its events
 * arrive. Apart from the class so both stay readable.
 */
import type { CtiError } from '../../common/errors';
import type { EventUpdate } from '../../common/telservices/enums';
import type { OpenSessionRequest } from '../../common/telservices/requests';
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
  /**
   * closing -> closed only: the closeSession that failed. The session is closed locally anyway;
   * apart from `error` because nothing ended the session under its owner.
   */
  closeError?: CtiError;
  at: number;
}

/** Where a problem that stops nothing came from (the session's onProblem). */
export type ProblemSource = 'udp' | 'poll' | 'keep-alive' | 'subscriber';

/** A non-fatal error with where it happened: what onError gives, plus its source. */
export interface SessionProblem {
  error: CtiError;
  source: ProblemSource;
}

export interface PollSettings {
  pollTimeoutS?: number;
  marginMs?: number;
  backoff?: { baseMs: number; maxMs: number };
  /** Consecutive failed polls after which the session is `failed` (the owner reopens it). Default: never. */
  giveUpAfter?: number;
  /**
   * A link of the poll's own (the TelServer's HTTP port while requests go over raw TCP: the spec
   * reserves resultOnEvent for HTTP clients). Default: the session's transport.
   */
  transport?: Transport;
}

export type SessionEventsMode =
  /**
   * Events by UDP to a listener of this session (port 0: the OS picks). `fallbackToPoll`: when no
   * UDP socket can be bound, poll instead. `poll`: the settings used once polling (fallback, usePolling).
   */
  | {
      mode: 'udp';
      host?: string;
      port?: number;
      endOfPdu?: string;
      fallbackToPoll?: boolean;
      poll?: PollSettings;
      /** The TelServer's host: the listener binds the local address that routes to it (when no `host`). */
      routeTo?: string;
      /** Only datagrams from these hosts are read (the TelServer, a cluster's members). */
      allowedSources?: readonly string[];
    }
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

/** The openSession a session sends for these options and the UDP port it bound (none: poll mode). */
export function openSessionFields(opts: TelSessionOptions, eventUDPPort: number | undefined): Omit<OpenSessionRequest, 'type'> {
  const req: Omit<OpenSessionRequest, 'type'> = { deviceNumber: opts.deviceNumber };
  if (eventUDPPort !== undefined) req.eventUDPPort = String(eventUDPPort);
  if (opts.eventUpdate) req.eventUpdate = opts.eventUpdate;
  if (opts.userID !== undefined) req.userID = opts.userID;
  if (opts.userPassword !== undefined) req.userPassword = opts.userPassword;
  if (opts.sessionTimeoutS !== undefined) req.sessionTimeout = String(opts.sessionTimeoutS);
  if (opts.startPbxMonitor !== undefined) req.startPbxMonitor = opts.startPbxMonitor;
  return req;
}

/** The poll mode a udp-mode session switches to (fallback, usePolling), with its poll settings. */
export function pollModeOf(e: Exclude<SessionEventsMode, PollMode>): PollMode {
  return e.mode === 'udp' ? { mode: 'poll', ...e.poll } : { mode: 'poll' };
}
