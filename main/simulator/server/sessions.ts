/**
 * Sessions as the spec describes them: one session per device, several clients per session (each
 * known by its host and UDP port, or as a long-poll client when it gave no port), a timeout reset
 * by every request, a delayed close (actualCloseSessionTimeout) and a close for the requesting
 * client only (clientOnly, the default) or for all clients.
 */
import type { Clock } from '../pbx/model';
import type { SessionEventName } from '../../../common/telservices/enums';
import type { CloseSessionRequest, OpenSessionRequest } from '../../../common/telservices/requests';
import type { TelReply } from '../../../common/telservices/replies';

export interface SessionClient {
  host: string;
  /** Absent: a long-poll client (HTTP), which reads changes through snapshot resultOnEvent. */
  udpPort?: number;
  /** eventUpdate restricted: alerting call events only. */
  restricted: boolean;
}

export interface Session {
  readonly device: string;
  userID?: string;
  clients: SessionClient[];
  timeoutMs?: number;
  monitored: boolean;
  cancelTimeout?: () => void;
  cancelPendingClose?: () => void;
}

export interface SessionHooks {
  /** Tell these clients (removed or not) about a session event. */
  notify(device: string, clients: readonly SessionClient[], event: SessionEventName): void;
  monitor(device: string, on: boolean): void;
  hasDevice(device: string): boolean;
}

export interface SessionConfig {
  /** Open sessions (devices) allowed at once; more answers sessionLimitExceeded. */
  sessionLimit?: number;
  /** userID -> password. When set, the first openSession on a device must authenticate. */
  credentials?: Readonly<Record<string, string>>;
  /**
   * Answer snapshot long-polls (resultOnEvent) that come over raw TCP at once instead of holding
   * them: the spec reserves resultOnEvent for HTTP clients, so a real TelServer may do so, and the
   * clients must cope (issue 9 item 5). HTTP long-polls are still held.
   */
  immediateTcpPolls?: boolean;
}

/** The requester of a closeSession, as far as one short TCP connection lets us know it. */
export interface Requester {
  host: string;
  transport: 'tcp' | 'http';
}

const STANDARD: TelReply = { kind: 'result', result: { type: 'standard' } };
const error = (e: Extract<TelReply, { kind: 'error' }>['error']): TelReply => ({ kind: 'error', error: e });

function positiveSeconds(text: string | undefined): number | undefined {
  const n = text === undefined ? NaN : Number(text);
  return Number.isFinite(n) && n > 0 ? n * 1000 : undefined;
}

const sameClient = (a: SessionClient, b: SessionClient): boolean => a.host === b.host && a.udpPort === b.udpPort;

export class SessionTable {
  private readonly sessions = new Map<string, Session>();

  constructor(
    private readonly clock: Clock,
    private readonly config: SessionConfig,
    private readonly hooks: SessionHooks,
  ) {}

  get(device: string): Session | undefined {
    return this.sessions.get(device);
  }

  all(): Session[] {
    return [...this.sessions.values()];
  }

  open(req: OpenSessionRequest, host: string): TelReply {
    if (!this.hooks.hasDevice(req.deviceNumber)) return error('pbxReject');
    let session = this.sessions.get(req.deviceNumber);
    if (!session) {
      const limit = this.config.sessionLimit;
      if (limit !== undefined && this.sessions.size >= limit) return error('sessionLimitExceeded');
      const creds = this.config.credentials;
      // The spec: only the first opening on a device must authenticate; later ones join without.
      if (creds && (req.userID === undefined || creds[req.userID] !== req.userPassword)) {
        return error('invalidCredentials');
      }
      session = { device: req.deviceNumber, clients: [], monitored: false };
      this.sessions.set(req.deviceNumber, session);
    }
    if (req.userID !== undefined) session.userID = req.userID;
    const port = req.eventUDPPort === undefined ? undefined : Number(req.eventUDPPort);
    const client: SessionClient = { host, restricted: req.eventUpdate === 'restricted' };
    if (port !== undefined && Number.isInteger(port) && port > 0 && port < 65536) client.udpPort = port;
    // Reopening (same host and port) updates the client rather than registering it twice.
    session.clients = session.clients.filter((c) => !sameClient(c, client));
    session.clients.push(client);
    session.cancelPendingClose?.();
    delete session.cancelPendingClose;
    const timeoutMs = positiveSeconds(req.sessionTimeout);
    if (timeoutMs !== undefined) session.timeoutMs = timeoutMs;
    if (req.startPbxMonitor !== false) this.startMonitor(session);
    this.armTimeout(session);
    return STANDARD;
  }

  close(req: CloseSessionRequest, from: Requester): TelReply {
    const session = this.sessions.get(req.deviceNumber);
    if (!session) return error('noOpenSession');
    const clientOnly = req.clientOnly !== false;
    const act = (): void => {
      if (this.sessions.get(session.device) !== session) return;
      if (!clientOnly) return this.end(session, 'sessionClosedByClient');
      const client = this.requestingClient(session, from);
      if (!client || session.clients.length <= 1) return this.end(session, 'sessionClosedByClient');
      session.clients = session.clients.filter((c) => c !== client);
      this.hooks.notify(session.device, [client], 'sessionClosedByClient');
    };
    const delayMs = positiveSeconds(req.actualCloseSessionTimeout);
    if (delayMs === undefined) act();
    else {
      session.cancelPendingClose?.();
      session.cancelPendingClose = this.clock.setTimer(delayMs, () => {
        delete session.cancelPendingClose;
        act();
      });
    }
    return STANDARD;
  }

  /** A request concerned this device: the session timeout starts again; a deferred monitor starts. */
  touch(device: string): void {
    const session = this.sessions.get(device);
    if (!session) return;
    this.startMonitor(session);
    this.armTimeout(session);
  }

  /** Restart: every session is lost at once, without events (the server "crashed"). */
  dropAll(): void {
    for (const session of this.sessions.values()) {
      this.clearTimers(session);
      if (session.monitored) this.hooks.monitor(session.device, false);
    }
    this.sessions.clear();
  }

  /** Closes a session for all its clients, telling them why. */
  end(session: Session, why: SessionEventName): void {
    if (this.sessions.get(session.device) !== session) return;
    this.clearTimers(session);
    this.sessions.delete(session.device);
    if (session.monitored) this.hooks.monitor(session.device, false);
    this.hooks.notify(session.device, session.clients, why);
  }

  /**
   * A closeSession carries no client identity: over HTTP it is the host's long-poll client, over
   * TCP the host's most recently registered UDP client; failing both, the newest client.
   */
  private requestingClient(session: Session, from: Requester): SessionClient | undefined {
    const fromHost = session.clients.filter((c) => c.host === from.host);
    const byKind = fromHost.filter((c) => (from.transport === 'http') === (c.udpPort === undefined));
    return byKind.at(-1) ?? fromHost.at(-1) ?? session.clients.at(-1);
  }

  private startMonitor(session: Session): void {
    if (session.monitored) return;
    session.monitored = true;
    this.hooks.monitor(session.device, true);
  }

  private armTimeout(session: Session): void {
    session.cancelTimeout?.();
    delete session.cancelTimeout;
    if (session.timeoutMs === undefined) return;
    session.cancelTimeout = this.clock.setTimer(session.timeoutMs, () => this.end(session, 'sessionClosedByTimeout'));
  }

  private clearTimers(session: Session): void {
    session.cancelTimeout?.();
    session.cancelPendingClose?.();
    delete session.cancelTimeout;
    delete session.cancelPendingClose;
  }
}
