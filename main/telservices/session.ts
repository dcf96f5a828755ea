/**
 * One TelServices session for one device (DESIGN rule 7): an explicit status machine, every
 * transition emitted (and logged through `log`), events from this session's own UDP listener (or
 * its long-poll) routed to typed subscribers, a keep-alive when the server times sessions out,
 * and pending requests rejected with 'cancelled' on close.
 *
 * Keep-alive: the spec resets sessionTimeout "after each action requested by the client", so any
 * request through `session.client` pushes the keep-alive back; when the line is quiet we send a
 * plain `snapshot`: it needs the open session (so it proves the session still exists), changes
 * nothing on the PBX and works for every device, agent or not (queryAgentState may not).
 *
 * Reconnect and resync are not here: the line core drives them (using `backoffDelay`).
 */
import { CtiError } from '../../common/errors';
import type { EventUpdate } from '../../common/telservices/enums';
import type { TelEvent } from '../../common/telservices/events';
import type { OpenSessionRequest } from '../../common/telservices/requests';
import { TelClient } from './client';
import { EventHub, type DroppedEvent } from './event-hub';
import { UdpEventListener } from './events';
import { IdleTimer } from './keepalive';
import { SnapshotPoller } from './poller';
import { Subscribers } from './subscribers';
import type { RequestOptions, Transport } from './transport';

export type SessionStatus = 'idle' | 'opening' | 'open' | 'closing' | 'closed' | 'failed';

/** The transitions the machine allows; anything else is a bug and throws CtiError('internal'). */
const NEXT: Record<SessionStatus, readonly SessionStatus[]> = {
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
  at: number;
}

export type SessionEventsMode =
  /** Events by UDP to a listener of this session (port 0: the OS picks). */
  | { mode: 'udp'; host?: string; port?: number; endOfPdu?: string }
  /** Events by snapshot long-poll (clients UDP cannot reach). */
  | { mode: 'poll'; pollTimeoutS?: number; marginMs?: number; backoff?: { baseMs: number; maxMs: number } }
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
}

/** Subscriptions (on, onEvent, onDropped, onError) come from EventHub; onStatus is the session's own. */
export class TelSession extends EventHub {
  /** Requests through this client are cancelled on close and count as activity for the keep-alive. */
  readonly client: TelClient;
  private readonly base: TelClient;
  private statusNow: SessionStatus = 'idle';
  private pending = new AbortController();
  private listener: UdpEventListener | null = null;
  private poller: SnapshotPoller | null = null;
  private keepAlive: IdleTimer | null = null;
  private opening: Promise<void> | null = null;
  private closing: Promise<void> | null = null;
  private readonly statusSubs = new Subscribers<StatusChange>();

  constructor(private readonly opts: TelSessionOptions) {
    super();
    this.base = new TelClient(opts.transport);
    this.client = new TelClient({
      request: async (xml: string, ropts: RequestOptions = {}) => {
        const signal = ropts.signal ? AbortSignal.any([this.pending.signal, ropts.signal]) : this.pending.signal;
        if (signal.aborted) throw new CtiError('cancelled', 'the session is closed');
        this.keepAlive?.touch();
        try {
          return await opts.transport.request(xml, { ...ropts, signal });
        } finally {
          this.keepAlive?.touch();
        }
      },
    });
  }

  get status(): SessionStatus {
    return this.statusNow;
  }

  get deviceNumber(): string {
    return this.opts.deviceNumber;
  }

  /** The UDP port events arrive on (udp mode, once opening has bound it). */
  get eventPort(): number | undefined {
    return this.listener?.port;
  }

  onStatus(fn: (change: StatusChange) => void): () => void {
    return this.statusSubs.add(fn);
  }

  /** idle/closed/failed -> opening -> open (or failed, rejecting with the cause). */
  open(): Promise<void> {
    if (this.statusNow === 'open') return Promise.resolve();
    if (this.opening) return this.opening;
    if (this.statusNow === 'closing') return Promise.reject(new CtiError('notConnected', 'the session is closing'));
    this.opening = this.doOpen().finally(() => {
      this.opening = null;
    });
    return this.opening;
  }

  /** Closes the session (closeSession), cancelling pending requests. Never rejects: the line is closed locally anyway. */
  close(opts: CloseOptions = {}): Promise<void> {
    if (this.closing) return this.closing;
    if (this.statusNow === 'idle' || this.statusNow === 'closed') return Promise.resolve();
    this.closing = this.doClose(opts).finally(() => {
      this.closing = null;
    });
    return this.closing;
  }

  private async doOpen(): Promise<void> {
    this.transition('opening');
    this.pending = new AbortController();
    const events = this.opts.events ?? { mode: 'udp' };
    try {
      const req: Omit<OpenSessionRequest, 'type'> = { deviceNumber: this.opts.deviceNumber };
      if (events.mode === 'udp') {
        const listener = await UdpEventListener.start(udpOptions(events));
        if (this.statusNow !== 'opening') {
          // close() ran while we were binding: it could not release what did not exist yet.
          await listener.close();
          throw new CtiError('cancelled', 'the session was closed while opening');
        }
        this.listener = listener;
        listener.onEvent((e) => this.route(e));
        listener.onDropped((d) => this.reportDropped(d));
        listener.onError((e) => this.reportError(e));
        req.eventUDPPort = String(listener.port);
      }
      if (this.opts.eventUpdate) req.eventUpdate = this.opts.eventUpdate;
      if (this.opts.userID !== undefined) req.userID = this.opts.userID;
      if (this.opts.userPassword !== undefined) req.userPassword = this.opts.userPassword;
      if (this.opts.sessionTimeoutS !== undefined) req.sessionTimeout = String(this.opts.sessionTimeoutS);
      if (this.opts.startPbxMonitor !== undefined) req.startPbxMonitor = this.opts.startPbxMonitor;
      await this.base.openSession(req, { signal: this.pending.signal });
      if (this.statusNow !== 'opening') throw new CtiError('cancelled', 'the session was closed while opening');
      if (events.mode === 'poll') this.startPoller(events);
      this.transition('open');
      this.startKeepAlive();
    } catch (e) {
      const err = e instanceof CtiError ? e : new CtiError('internal', String(e));
      if (this.statusNow === 'opening') {
        await this.release();
        this.transition('failed', `${err.code}: ${err.message}`);
      }
      throw err;
    }
  }

  private async doClose(opts: CloseOptions): Promise<void> {
    if (this.statusNow === 'failed') {
      await this.release();
      this.transition('closed', 'closed after a failure');
      return;
    }
    this.transition('closing');
    await this.release();
    let reason = 'closed by the client';
    try {
      const req: { deviceNumber: string; clientOnly?: boolean; actualCloseSessionTimeout?: string } = {
        deviceNumber: this.opts.deviceNumber,
      };
      if (opts.actualCloseSessionTimeoutS !== undefined) req.actualCloseSessionTimeout = String(opts.actualCloseSessionTimeoutS);
      if (opts.clientOnly !== undefined) req.clientOnly = opts.clientOnly;
      await this.base.closeSession(req);
    } catch (e) {
      reason = `closed locally; closeSession failed: ${e instanceof Error ? e.message : String(e)}`;
    }
    this.transition('closed', reason);
  }

  /** Stops events, keep-alive and pending requests (each rejected with 'cancelled'). */
  private async release(): Promise<void> {
    this.pending.abort();
    this.keepAlive?.stop();
    this.keepAlive = null;
    const poller = this.poller;
    const listener = this.listener;
    this.poller = null;
    this.listener = null;
    await poller?.stop();
    await listener?.close();
  }

  private startPoller(events: Extract<SessionEventsMode, { mode: 'poll' }>): void {
    const poller = new SnapshotPoller({
      client: this.client,
      deviceNumber: this.opts.deviceNumber,
      ...(events.pollTimeoutS !== undefined && { pollTimeoutS: events.pollTimeoutS }),
      ...(events.marginMs !== undefined && { marginMs: events.marginMs }),
      ...(events.backoff && { backoff: events.backoff }),
      onEvent: (e) => this.route(e),
      onError: (err, attempt, retryInMs) => this.reportError(err, `poll failed (attempt ${attempt}, retry in ${retryInMs} ms)`),
    });
    this.poller = poller;
    poller.start();
  }

  /** Keep-alive before the server's sessionTimeout; every request through `client` pushes it back. */
  private startKeepAlive(): void {
    const s = this.opts.sessionTimeoutS;
    if (!s || s <= 0) return;
    const idleMs = Math.max(100, s * 1000 * (this.opts.keepAliveFraction ?? 0.5));
    this.keepAlive = new IdleTimer(idleMs, () => void this.sendKeepAlive());
    this.keepAlive.start();
  }

  private async sendKeepAlive(): Promise<void> {
    try {
      await this.client.snapshot({ deviceNumber: this.opts.deviceNumber });
    } catch (e) {
      const err = e instanceof CtiError ? e : new CtiError('internal', String(e));
      if (err.code === 'cancelled') return;
      if (err.code === 'noOpenSession' && this.statusNow === 'open') {
        await this.lost(`keep-alive: ${err.message}`);
        return;
      }
      this.reportError(err, 'keep-alive failed');
    }
  }

  /** The server no longer has our session (timeout, admin, monitoring reject ...). */
  private async lost(reason: string): Promise<void> {
    this.transition('closed', reason);
    await this.release();
  }

  private route(event: TelEvent): void {
    if (event.deviceNumber !== undefined && event.deviceNumber !== this.opts.deviceNumber) {
      this.reportDropped({
        reason: `event for device ${event.deviceNumber} reached the session of ${this.opts.deviceNumber}`,
        code: 'invalidArgument',
        start: event.type,
      });
      return;
    }
    this.emitEvent(event);
    if (event.type === 'session' && event.session.startsWith('sessionClosedBy') && this.statusNow === 'open') {
      void this.lost(`server: ${event.session}`);
    }
  }

  private reportDropped(d: DroppedEvent): void {
    this.opts.log?.(`session ${this.opts.deviceNumber}: dropped event (${d.reason}): ${d.start}`);
    this.emitDropped(d);
  }

  private reportError(err: CtiError, context?: string): void {
    this.opts.log?.(`session ${this.opts.deviceNumber}: ${context ? `${context}: ` : ''}${err.code}: ${err.message}`);
    this.emitError(err);
  }

  private transition(to: SessionStatus, reason?: string): void {
    const from = this.statusNow;
    if (!NEXT[from].includes(to)) throw new CtiError('internal', `session ${this.opts.deviceNumber}: ${from} -> ${to} is not allowed`);
    this.statusNow = to;
    const change: StatusChange = reason === undefined ? { from, to, at: Date.now() } : { from, to, reason, at: Date.now() };
    this.opts.log?.(`session ${this.opts.deviceNumber}: ${from} -> ${to}${reason ? ` (${reason})` : ''}`);
    this.statusSubs.emit(change, (e) => this.reportError(new CtiError('internal', `status subscriber threw: ${String(e)}`)));
  }
}

function udpOptions(e: Extract<SessionEventsMode, { mode: 'udp' }>): { host?: string; port?: number; endOfPdu?: string } {
  const o: { host?: string; port?: number; endOfPdu?: string } = {};
  if (e.host !== undefined) o.host = e.host;
  if (e.port !== undefined) o.port = e.port;
  if (e.endOfPdu !== undefined) o.endOfPdu = e.endOfPdu;
  return o;
}
