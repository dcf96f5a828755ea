/**
 * What a Line needs from the protocol layer, and nothing more: send one typed request without a
 * session (directory, history, connection test), and a session for its device. The adapter over
 * main/telservices (./telservices-link.ts) implements it with a real TelSession; keeping the seam
 * this small lets the Line run against any TelServer, or a fake one in a test.
 *
 * The session mechanics (open/close, UDP listener or long-poll, keep-alive, routing events to this
 * device, noticing the server closed it) are the TelSession's; the Line keeps the policy: when to
 * reopen, how long to back off, when to resync by snapshot, when UDP is given up for the long-poll.
 */
import type { CtiError } from '../../common/errors';
import type { TelEvent } from '../../common/telservices/events';
import type { TelRequest } from '../../common/telservices/requests';
import type { TelResult } from '../../common/telservices/replies';
import type { SnapshotInfo } from '../../common/telservices/structures';
import type { StatusChange } from '../telservices/session';

export interface LinkRequestOptions {
  timeoutMs?: number;
  signal?: AbortSignal;
}

export interface LineSessionOptions {
  deviceNumber: string;
  /** 'auto' starts on UDP and polls when no UDP socket can be bound (or when told to, usePolling). */
  eventMode: 'udp' | 'poll' | 'auto';
  /** UDP port to bind (0: any). */
  udpPort: number;
  userID?: string;
  userPassword?: string;
  /** Seconds; the session keeps itself alive before the server's timeout. */
  sessionTimeoutS?: number;
  /** Seconds the server may hold one long-poll. */
  pollTimeoutS: number;
}

/** The TelSession as the Line sees it (main/telservices/session.ts implements every member). */
export interface LineSession {
  readonly status: StatusChange['to'];
  /** 'poll' once the session polls (settings, no UDP socket, usePolling). */
  readonly eventsMode: 'udp' | 'poll' | 'none';
  /** The UDP port events arrive on while open over UDP. */
  readonly eventPort: number | undefined;
  /** Opens (again, after closed/failed); rejects with the cause, the session is then `failed`. */
  open(): Promise<void>;
  /** closeSession (briefly: `timeoutMs`), then `closed`; cancels an open in progress. Never rejects. */
  close(opts?: { timeoutMs?: number }): Promise<void>;
  /** The client found the session dead: `failed`, released locally, no request sent. */
  abandon(error: CtiError): Promise<void>;
  /** A request in this session: cancelled on close, and it counts as activity for the keep-alive. */
  request(req: TelRequest, opts?: LinkRequestOptions): Promise<TelResult>;
  /** Switches this session and every later open to the long-poll (UDP found not to arrive). */
  usePolling(): void;
  /** Events for this device, from UDP or the long-poll. */
  onEvent(fn: (event: TelEvent) => void): () => void;
  /** Datagrams that arrived but were not usable (unreadable, another device's): still signs of UDP life. */
  onDropped(fn: () => void): () => void;
  /** Each whole snapshot the long-poll received (after its events): applied as a resync. */
  onSnapshot(fn: (snapshot: SnapshotInfo) => void): () => void;
  /** True once the long-poll found the server answering at once (events by a periodic snapshot since). */
  readonly periodicPolling: boolean;
  /** The long-poll fell back to a periodic snapshot (the server does not hold long-polls). */
  onPeriodicPolling(fn: (periodMs: number) => void): () => void;
  /** Every status change; `closed`/`failed` from `open` carry the error that ended the session. */
  onStatus(fn: (change: StatusChange) => void): () => void;
}

export interface LineLink {
  /**
   * Resolves with the `<result>` of the reply. Rejects with a CtiError whose code is the protocol
   * error (`noOpenSession`, `pbxlinkOutOfService` ...) or a transport error (`timeout`, ...).
   */
  request(req: TelRequest, opts?: LinkRequestOptions): Promise<TelResult>;
  /** The session of one device over this link (not opened yet). */
  session(opts: LineSessionOptions): LineSession;
}

/** The parameters a link is built from (a subset of the settings). */
export interface LinkTarget {
  host: string;
  port: number;
  transport: 'tcp' | 'http';
  endOfPdu: string;
  requestTimeoutMs: number;
  /** Other hosts (a cluster) whose datagrams are events too; the server's own address always is. */
  eventSources?: readonly string[];
  /** Largest reply accepted (default: the transport's). */
  maxReplyBytes?: number;
  /** The server's HTTP port: over raw TCP the long-poll goes there, on its own link (0/absent: none). */
  httpPort?: number;
}

export type LinkFactory = (target: LinkTarget) => LineLink;
