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
 * Reconnect and resync are policy, not mechanics, so they are not here: the line core (main/core/line.ts)
 * reopens this same session with capped backoff when it reports `closed`/`failed`, and resyncs by
 * snapshot. What it needs from here: a status change that carries the error (`StatusChange.error`),
 * `abandon()` for a session the client found dead, and `usePolling()` for UDP that never arrives.
 * `cti listen` (main/cli/listen.ts) runs on it too and shows a person what `onProblem` and
 * `StatusChange.closeError` report.
 */
import { CtiError } from '../../common/errors';
import type { TelEvent } from '../../common/telservices/events';
import type { SnapshotInfo } from '../../common/telservices/structures';
import { ReportedOnce, unknownValuesOf } from '../../common/telservices/unknown-values';
import { TelClient } from './client';
import { EventHub, type DroppedEvent } from './event-hub';
import { UdpEventListener } from './events';
import { SessionKeepAlive } from './keepalive';
import { SnapshotPoller } from './poller';
import { Subscribers } from './subscribers';
import { NEXT, openSessionFields, pollModeOf, type CloseOptions, type PollMode, type ProblemSource, type SessionEventsMode } from './session-options';
import type { SessionProblem, SessionStatus, StatusChange, TelSessionOptions } from './session-options';
import type { RequestOptions, Transport } from './transport';

export type { CloseOptions, PollSettings, ProblemSource, SessionEventsMode, SessionProblem, SessionStatus, StatusChange, TelSessionOptions } from './session-options';

/** Subscriptions (on, onEvent, onDropped, onError) come from EventHub; onStatus, onSnapshot and onProblem are the session's own. */
export class TelSession extends EventHub {
  /** Requests through this client are cancelled on close and count as activity for the keep-alive. */
  readonly client: TelClient;
  private readonly base: TelClient;
  private statusNow: SessionStatus = 'idle';
  private pending = new AbortController();
  private listener: UdpEventListener | null = null;
  private poller: SnapshotPoller | null = null;
  private keepAlive: SessionKeepAlive | null = null;
  /** Mutable: usePolling() and the UDP fallback switch this and every later open to the long-poll. */
  private events: SessionEventsMode;
  private opening: Promise<void> | null = null;
  /** Unknown enumeration values (a newer server's) already reported. */
  private readonly unknownReported = new ReportedOnce();
  /** The UDP port of the last open: a reopen binds it again (see startListener). */
  private lastPort: number | undefined;
  private closing: Promise<void> | null = null;
  private readonly statusSubs = new Subscribers<StatusChange>();
  private readonly snapshotSubs = new Subscribers<SnapshotInfo>();
  private readonly problemSubs = new Subscribers<SessionProblem>();
  private readonly periodicSubs = new Subscribers<number>();
  private periodic = false;

  constructor(private readonly opts: TelSessionOptions) {
    super();
    this.events = opts.events ?? { mode: 'udp' };
    this.base = new TelClient(opts.transport);
    this.client = this.sessionClient(opts.transport);
  }

  /** A client over `transport` whose requests are cancelled on close and push the keep-alive back. */
  private sessionClient(transport: Transport): TelClient {
    return new TelClient({
      request: async (xml: string, ropts: RequestOptions = {}) => {
        const signal = ropts.signal ? AbortSignal.any([this.pending.signal, ropts.signal]) : this.pending.signal;
        if (signal.aborted) throw new CtiError('cancelled', 'the session is closed');
        this.keepAlive?.touch();
        try {
          return await transport.request(xml, { ...ropts, signal });
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

  /** How events arrive now: 'udp' may have become 'poll' (fallback, usePolling). */
  get eventsMode(): SessionEventsMode['mode'] {
    return this.events.mode;
  }

  /** The UDP port events arrive on (udp mode, once opening has bound it). */
  get eventPort(): number | undefined {
    return this.listener?.port;
  }

  onStatus(fn: (change: StatusChange) => void): () => void {
    return this.statusSubs.add(fn);
  }

  /**
   * Each whole snapshot the long-poll receives, after its events. The events are a diff from what
   * this poller saw before, so a consumer that kept state from earlier (a resync, UDP before the
   * switch) applies the snapshot itself to drop what changed before polling began.
   */
  onSnapshot(fn: (snapshot: SnapshotInfo) => void): () => void {
    return this.snapshotSubs.add(fn);
  }

  /** True once the long-poll found the server answering at once: events come by a periodic snapshot. */
  get periodicPolling(): boolean {
    return this.periodic;
  }

  /** The long-poll found the server answering at once and fell back to a snapshot every `periodMs`. */
  onPeriodicPolling(fn: (periodMs: number) => void): () => void {
    return this.periodicSubs.add(fn);
  }

  /** Each error onError reports, with where it came from: for an owner that shows them to a person (`cti listen`). */
  onProblem(fn: (problem: SessionProblem) => void): () => void {
    return this.problemSubs.add(fn);
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

  /**
   * From now on events come by long-poll: at once if open (the UDP listener stays until close, in
   * case some datagrams do arrive), and every later open asks for no UDP port.
   */
  usePolling(): void {
    if (this.events.mode === 'poll') return;
    this.events = pollModeOf(this.events);
    if (this.statusNow === 'open') this.startPoller(this.events);
  }

  /**
   * The client found the session gone (a request answered noOpenSession, a resync failed): open ->
   * failed, releasing everything locally without a closeSession, so that open() starts afresh.
   */
  async abandon(error: CtiError): Promise<void> {
    if (this.statusNow !== 'open') return;
    await this.lost('failed', error);
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
    try {
      const listener = await this.bindListener();
      await this.base.openSession(openSessionFields(this.opts, listener?.port), { signal: this.pending.signal });
      if (this.statusNow !== 'opening') throw new CtiError('cancelled', 'the session was closed while opening');
      if (this.events.mode === 'poll') this.startPoller(this.events);
      this.transition('open');
      this.startKeepAlive();
    } catch (e) {
      const err = e instanceof CtiError ? e : new CtiError('internal', String(e));
      if (this.statusNow === 'opening') {
        await this.release();
        this.transition('failed', `${err.code}: ${err.message}`, err);
      }
      throw err;
    }
  }

  /** The UDP listener of a udp-mode open, wired to this session; null in poll mode (or after the fallback). */
  private async bindListener(): Promise<UdpEventListener | null> {
    const events = this.events;
    if (events.mode !== 'udp') return null;
    let listener: UdpEventListener;
    try {
      listener = await this.startListener(events);
    } catch (e) {
      if (!events.fallbackToPoll || !(e instanceof CtiError) || e.code !== 'network') throw e;
      this.opts.log?.(`session ${this.opts.deviceNumber}: no UDP socket (${e.message}), polling instead`);
      this.events = pollModeOf(events);
      return null;
    }
    if (this.statusNow !== 'opening') {
      // close() ran while we were binding: it could not release what did not exist yet.
      await listener.close();
      throw new CtiError('cancelled', 'the session was closed while opening');
    }
    this.listener = listener;
    this.lastPort = listener.port;
    listener.onEvent((e) => this.route(e));
    listener.onDropped((d) => this.reportDropped(d));
    listener.onError((e) => this.reportError(e, 'udp'));
    return listener;
  }

  /**
   * A reopen binds the port of the previous open when the settings leave the port to the OS: the
   * server knows a client by host and port, so the same port replaces our old registration instead
   * of leaving a dead client behind (the spec pairs no closeSession with a session we found dead).
   * Taken meanwhile: any free port, as the first time.
   */
  private async startListener(events: Extract<SessionEventsMode, { mode: 'udp' }>): Promise<UdpEventListener> {
    const previous = this.lastPort;
    if (!events.port && previous !== undefined) {
      try {
        return await UdpEventListener.start({ ...events, port: previous });
      } catch (e) {
        this.opts.log?.(`session ${this.opts.deviceNumber}: UDP port ${previous} is taken (${e instanceof Error ? e.message : String(e)}), binding another`);
      }
    }
    return UdpEventListener.start(events);
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
    let closeError: CtiError | undefined;
    try {
      const req: { deviceNumber: string; clientOnly?: boolean; actualCloseSessionTimeout?: string } = {
        deviceNumber: this.opts.deviceNumber,
      };
      if (opts.actualCloseSessionTimeoutS !== undefined) req.actualCloseSessionTimeout = String(opts.actualCloseSessionTimeoutS);
      if (opts.clientOnly !== undefined) req.clientOnly = opts.clientOnly;
      await this.base.closeSession(req, opts.timeoutMs === undefined ? {} : { timeoutMs: opts.timeoutMs });
    } catch (e) {
      reason = `closed locally; closeSession failed: ${e instanceof Error ? e.message : String(e)}`;
      closeError = e instanceof CtiError ? e : new CtiError('internal', String(e));
    }
    this.transition('closed', reason, undefined, closeError);
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

  private startPoller(events: PollMode): void {
    const giveUpAfter = events.giveUpAfter ?? Infinity;
    const poller = new SnapshotPoller({
      // Its own link when it has one (never the session's TCP link, which the requests use).
      client: events.transport ? this.sessionClient(events.transport) : this.client,
      deviceNumber: this.opts.deviceNumber,
      ...(events.pollTimeoutS !== undefined && { pollTimeoutS: events.pollTimeoutS }),
      ...(events.marginMs !== undefined && { marginMs: events.marginMs }),
      ...(events.backoff && { backoff: events.backoff }),
      onEvent: (e) => this.route(e),
      onPeriodic: (periodMs) => {
        this.periodic = true;
        this.opts.log?.(`session ${this.opts.deviceNumber}: the server answers long-polls at once; a snapshot every ${periodMs} ms instead`);
        this.periodicSubs.emit(periodMs, (e) => this.reportError(new CtiError('internal', `periodic subscriber threw: ${String(e)}`), 'subscriber'));
      },
      onSnapshot: (snap) => this.snapshotSubs.emit(snap, (e) => this.reportError(new CtiError('internal', `snapshot subscriber threw: ${String(e)}`), 'subscriber')),
      // The poller reports a throwing event subscriber as attempt 0: not a failed poll.
      onError: (err, attempt, retryInMs) =>
        this.reportError(err, attempt === 0 ? 'subscriber' : 'poll', `poll failed (attempt ${attempt}, retry in ${retryInMs} ms)`),
      // No session on the server: polling again cannot help, whatever the owner's patience.
      // The PBX link out of service is not the session's fault: the spec keeps the session through
      // it (pbxlinkOutOfService ... pbxlinkInService), so the poll waits it out with its backoff.
      giveUp: (err, attempt) => err.code === 'noOpenSession' || (err.code !== 'pbxlinkOutOfService' && attempt >= giveUpAfter),
      onGiveUp: (err) => {
        if (this.statusNow !== 'open') return;
        const to = err.code === 'noOpenSession' ? 'closed' : 'failed';
        void this.lost(to, new CtiError(err.code, `poll: ${err.message}`));
      },
    });
    this.poller = poller;
    poller.start();
  }

  /** Keep-alive before the server's sessionTimeout; every request through `client` pushes it back. */
  private startKeepAlive(): void {
    const s = this.opts.sessionTimeoutS;
    if (!s || s <= 0) return;
    this.keepAlive = new SessionKeepAlive({
      idleMs: Math.max(100, s * 1000 * (this.opts.keepAliveFraction ?? 0.5)),
      ping: () => this.client.snapshot({ deviceNumber: this.opts.deviceNumber }),
      onLost: (err) => {
        if (this.statusNow === 'open') void this.lost('closed', new CtiError(err.code, `keep-alive: ${err.message}`));
      },
      onError: (err) => this.reportError(err, 'keep-alive', 'keep-alive failed'),
    });
    this.keepAlive.start();
  }

  /** The server no longer has our session (timeout, admin, monitoring reject ...), or the client found it dead. */
  private async lost(to: 'closed' | 'failed', error: CtiError): Promise<void> {
    this.transition(to, error.message, error);
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
    for (const value of this.unknownReported.fresh(unknownValuesOf(event))) {
      this.reportError(new CtiError('serverError', `the server sent a ${value}, unknown to this client: kept as unknown`), this.events.mode === 'poll' ? 'poll' : 'udp');
    }
    this.emitEvent(event);
    if (event.type === 'session' && typeof event.session === 'string' && event.session.startsWith('sessionClosedBy') && this.statusNow === 'open') {
      void this.lost('closed', new CtiError('noOpenSession', `server: ${event.session}`));
    }
  }

  private reportDropped(d: DroppedEvent): void {
    this.opts.log?.(`session ${this.opts.deviceNumber}: dropped event (${d.reason}): ${d.start}`);
    this.emitDropped(d);
  }

  private reportError(err: CtiError, source: ProblemSource, context?: string): void {
    this.opts.log?.(`session ${this.opts.deviceNumber}: ${context ? `${context}: ` : ''}${err.code}: ${err.message}`);
    this.problemSubs.emit({ error: err, source });
    super.emitError(err);
  }

  /** Reached directly only from EventHub, when an event or dropped subscriber threw: not logged, as before. */
  protected override emitError(err: CtiError): void {
    this.problemSubs.emit({ error: err, source: 'subscriber' });
    super.emitError(err);
  }

  private transition(to: SessionStatus, reason?: string, error?: CtiError, closeError?: CtiError): void {
    const from = this.statusNow;
    if (!NEXT[from].includes(to)) throw new CtiError('internal', `session ${this.opts.deviceNumber}: ${from} -> ${to} is not allowed`);
    this.statusNow = to;
    const change: StatusChange = { from, to, at: Date.now(), ...(reason !== undefined && { reason }), ...(error && { error }) };
    if (closeError) change.closeError = closeError;
    this.opts.log?.(`session ${this.opts.deviceNumber}: ${from} -> ${to}${reason ? ` (${reason})` : ''}`);
    this.statusSubs.emit(change, (e) => this.reportError(new CtiError('internal', `status subscriber threw: ${String(e)}`), 'subscriber'));
  }
}
