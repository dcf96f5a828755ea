/**
 * One configured line: owns the TelServices session of one device and keeps the state the UI shows.
 * The transitions are the pure reducer (./reducer); this object does the I/O around it. The session
 * mechanics (open/close, UDP listener or long-poll, keep-alive, event routing, the server closing
 * it) are the TelSession's, through the seam ./link; the policy is here: resync by snapshot after
 * each open, reconnect with capped backoff and jitter when the session is lost, directory look-ups.
 *
 * Connection status machine (every transition emitted as a `connection` event):
 *   connecting -> monitored -> (reconnecting | linkOutOfService) -> monitored ... -> stopped
 * - The PBX link out of service does not end the session (the spec pairs pbxlinkOutOfService with
 *   pbxlinkInService): the line keeps it and its UDP listener, shows linkOutOfService, and resyncs
 *   when pbxlinkInService comes (or a backed-off probe snapshot passes, should that event be lost).
 * - sessionClosedByAdmin / sessionClosedByMonitoringReject are decisions, not faults: the line
 *   stops with a typed `reason` and reopens only when told (`reconnectNow`, the contract's
 *   `reconnectLine`). A timeout, a restart or a session found dead reopen by themselves.
 * - Requests the spec says need no session (makeCall, forward, DND, directory ...) are sent even
 *   while the session is being reopened.
 *
 * Event mode. 'udp': events on a UDP port. 'poll': snapshot long-poll (resultOnEvent). 'auto': UDP,
 * switched to poll when UDP is found not to arrive. Detection: while monitored over UDP, a
 * reconcile snapshot runs every `reconcileMs` on a new session (rarely, `idleReconcileMs`, once
 * datagrams prove UDP works: ./line-timing.ts), and `probeMs` after each successful command that
 * sent no datagram back. If a reconcile changes the state (the server knew something UDP never
 * told us) and not one datagram has arrived since the session opened, UDP is blocked (NAT,
 * firewall) and the line switches to the long-poll. With some datagrams arriving the same
 * reconcile simply repairs losses, so a lossy network still converges.
 */
import { CtiError, toErrorShape, type ErrorShape } from '../../common/errors';
import type { ActiveEventMode, ConnectionReason, ConnectionState, ConnectionView, EventSource, IncomingCall, LinePatch, LineState, SessionEventValue } from '../../common/domain';
import type { SessionEventName } from '../../common/telservices/enums';
import { needsSession } from '../../common/telservices/session-required';
import { ReportedOnce, unknownValuesOf } from '../../common/telservices/unknown-values';
import type { Settings } from '../../common/schemas';
import type { TelEvent } from '../../common/telservices/events';
import type { TelRequest } from '../../common/telservices/requests';
import type { TelResult } from '../../common/telservices/replies';
import type { LineLink, LineSession, LinkFactory } from './link';
import { DirectoryCache } from './directory';
import { initialCoreState, reduce, type CoreAction, type CoreEffect, type CoreState } from './reducer';
import { WakeableSleep } from './retry';
import { backoffDelay } from '../telservices/backoff';
import { Emitter } from './emitter';
import { DEFAULT_TIMING, nextCheckMs, type LineTiming } from './line-timing';
import { nameWithin, popFor } from './screen-pop';
import { eventSourceOf } from './event-source';

export { DEFAULT_TIMING, type LineTiming } from './line-timing';

const LINK_DOWN = new CtiError('pbxlinkOutOfService', 'the PBX link is out of service');

/** The server's decisions the line obeys: stop, and wait for the user (not a fault to retry). */
function haltReason(closedBy: SessionEventName | undefined): ConnectionReason | undefined {
  if (closedBy === 'sessionClosedByAdmin') return 'closedByAdmin';
  if (closedBy === 'sessionClosedByMonitoringReject') return 'monitoringRejected';
  return undefined;
}

export interface LineEvents {
  patch: LinePatch[];
  incomingCall: IncomingCall;
  connection: ConnectionView;
  error: ErrorShape;
}

export interface LineOptions {
  lineId: string;
  settings: Settings;
  /** The TelServer password (kept in the SecretStore, not in the settings). */
  userPassword?: string;
  linkFactory: LinkFactory;
  timing?: Partial<LineTiming>;
  now?: () => number;
}

export class Line extends Emitter<LineEvents> {
  readonly lineId: string;
  readonly directory: DirectoryCache;
  readonly #settings: Settings;
  readonly #link: LineLink;
  readonly #session: LineSession;
  readonly #timing: LineTiming;
  readonly #now: () => number;
  readonly #sleep = new WakeableSleep();
  #core: CoreState;
  #mode: ActiveEventMode;
  #stopped = false;
  #started = false;
  #datagrams = 0;
  #datagramsAtOpen = 0;
  #openedAt = 0;
  /** The PBX link is out of service while the session is kept (see the header). */
  #linkDown = false;
  #linkProbes = 0;
  /** The session event that ended the last session, if the server said why. */
  #closedBy: SessionEventName | undefined;
  #sessionEvent: SessionEventValue | undefined;
  /** Set while stopped by the server's decision: resolves the wait for the user's reconnect. */
  #userWake: (() => void) | undefined;
  /** Rejects the running monitor phase (session lost); set while the session is monitored. */
  #lose: ((err: unknown) => void) | undefined;
  /** Re-arms the periodic check of the running monitor phase (after any reconcile). */
  #rearm: (() => void) | undefined;
  #reconciling: Promise<void> | undefined;
  #resyncAgain = false;
  /** The directory is refusing look-ups (a flood): reported once until one passes or fails otherwise. */
  #lookupsRefused = false;
  /** A newer server's enumeration values already reported (each once). */
  readonly #unknownReported = new ReportedOnce();
  #supervisor: Promise<void> | undefined;

  constructor(opts: LineOptions) {
    super();
    this.lineId = opts.lineId;
    this.#settings = opts.settings;
    this.#timing = { ...DEFAULT_TIMING, ...opts.timing };
    this.#now = opts.now ?? Date.now;
    this.#link = opts.linkFactory({
      host: opts.settings.serverHost,
      port: opts.settings.serverPort,
      transport: opts.settings.transport,
      endOfPdu: opts.settings.endOfPdu,
      requestTimeoutMs: opts.settings.requestTimeoutMs,
      eventSources: opts.settings.eventSources,
      maxReplyBytes: opts.settings.maxReplyBytes,
      httpPort: opts.settings.httpPort,
    });
    this.#core = initialCoreState(opts.lineId, opts.settings.deviceNumber, this.#now());
    this.#mode = opts.settings.eventMode === 'poll' ? 'poll' : 'udp';
    const s = opts.settings;
    this.#session = this.#link.session({
      deviceNumber: s.deviceNumber,
      eventMode: s.eventMode,
      udpPort: s.udpPort,
      ...(s.userID ? { userID: s.userID } : {}),
      ...(opts.userPassword ? { userPassword: opts.userPassword } : {}),
      ...(s.sessionTimeout > 0 ? { sessionTimeoutS: s.sessionTimeout } : {}),
      pollTimeoutS: this.#timing.pollTimeoutSec,
    });
    // Each event, and each datagram we cannot use, is a sign of UDP life (read only while on UDP).
    this.#session.onEvent((e) => {
      this.#datagrams += 1;
      if (e.type === 'session') this.#sessionEvent = e.session;
      this.#onEvent(e);
    });
    this.#session.onDropped(() => (this.#datagrams += 1));
    // The server answers long-polls at once: the session snapshots periodically; the line says so.
    this.#session.onPeriodicPolling(() => {
      this.dispatch({ type: 'connection', connection: { ...this.state.connection, eventSource: this.#eventSource() } });
      this.emit('connection', this.state.connection);
    });
    // A polled snapshot is a resync: it also drops what ended before polling began, which its diff cannot tell.
    this.#session.onSnapshot((snapshot) => this.dispatch({ type: 'snapshot', snapshot, now: this.#now() }));
    this.#session.onStatus((change) => {
      // The session ended under us (server closed it, keep-alive or long-poll found it gone).
      if (change.from === 'open' && (change.to === 'closed' || change.to === 'failed')) {
        this.#lose?.(change.error ?? new CtiError('noOpenSession', change.reason ?? 'the session ended'));
      }
    });
    this.#core = { ...this.#core, line: { ...this.#core.line, connection: { ...this.#core.line.connection, eventMode: this.#mode } } };
    const who = opts.settings.userID ? { deviceNumber: opts.settings.deviceNumber, userID: opts.settings.userID } : { deviceNumber: opts.settings.deviceNumber };
    this.directory = new DirectoryCache(() => this.#link, who);
  }

  get state(): LineState {
    return this.#core.line;
  }

  get settings(): Readonly<Settings> {
    return this.#settings;
  }

  get deviceNumber(): string {
    return this.#settings.deviceNumber;
  }

  /** The UDP port events arrive on (undefined in poll mode): diagnostics, the benchmark. */
  get eventPort(): number | undefined {
    return this.#session.eventPort;
  }

  get link(): LineLink {
    return this.#link;
  }

  start(): void {
    if (this.#started) return;
    this.#started = true;
    this.#supervisor = this.#supervise();
  }

  async stop(): Promise<void> {
    if (this.#stopped) return;
    this.#stopped = true;
    this.#lose?.(new CtiError('cancelled', 'line stopped'));
    this.#sleep.wake();
    this.#userWake?.();
    // Cancels an open in progress; an open session gets its closeSession, briefly (best effort).
    await this.#session.close({ timeoutMs: 1000 });
    await this.#supervisor;
    if (!this.#started) this.#setConnection('stopped');
  }

  /** Runs a state action from outside (commands such as markMissedSeen, dismissPopup). */
  dispatch(action: CoreAction): void {
    const step = reduce(this.#core, action);
    this.#core = step.state;
    if (step.patches.length > 0) this.emit('patch', step.patches);
    for (const effect of step.effects) this.#effect(effect);
  }

  /**
   * "Reconnect now": the user's reconnectLine (the only way out of a stop the server decided), or
   * the desktop shell after a resume or a network change. Waiting to retry: retry now. Monitored
   * (or the link down): a gap is suspected, reconcile by snapshot now (a dead session found so is
   * reopened). Stopped by stop(): nothing.
   */
  reconnectNow(): void {
    if (this.#stopped) return;
    if (this.#userWake) return this.#userWake();
    if (this.#lose) return void this.#reconcile();
    this.#sleep.wake();
  }

  /**
   * A user command. Monitored: through the session; a lost session found here starts the
   * reconnect. Otherwise only what the spec says needs no session is sent (straight to the server).
   */
  async command(req: TelRequest): Promise<TelResult> {
    const state = this.state.connection.state;
    if (state !== 'monitored') {
      // Not started yet (or stopped): no line to speak of; the spec's session-less requests go out while it reconnects.
      if (!this.#started || state === 'stopped' || needsSession(req.type)) throw new CtiError('notConnected', `line ${this.lineId} is ${state}`);
      return this.#session.status === 'open' ? this.#session.request(req) : this.#link.request(req);
    }
    try {
      const datagrams = this.#datagrams;
      const result = await this.#session.request(req);
      if (this.#mode === 'udp' && req.type !== 'queryHistory' && req.type !== 'searchName' && req.type !== 'searchNumber') {
        this.#probeAfter(datagrams);
      }
      return result;
    } catch (err) {
      if (err instanceof CtiError && err.code === 'noOpenSession') this.#lose?.(err);
      if (err instanceof CtiError && err.code === 'pbxlinkOutOfService') this.#noteLinkDown();
      throw err;
    }
  }

  // ---- supervision ----

  async #supervise(): Promise<void> {
    let attempt = 0;
    let lastError: ErrorShape | undefined;
    while (!this.#stopped) {
      try {
        if (attempt === 0) this.#setConnection('connecting');
        this.#closedBy = undefined;
        this.#linkDown = false;
        await this.#session.open();
        // 'auto' without a UDP socket: the session polls instead.
        if (this.#session.eventsMode === 'poll') this.#switchMode('poll');
        this.#datagramsAtOpen = this.#datagrams;
        this.#openedAt = this.#now();
        await this.#snapshot();
        attempt = 0;
        lastError = undefined;
        if (this.#linkDown) this.#setConnection('linkOutOfService', { reason: 'linkOutOfService', lastError: LINK_DOWN.toShape() });
        else this.#setConnection('monitored');
        await this.#monitor();
      } catch (err) {
        this.#lose = undefined;
        this.#rearm = undefined;
        if (this.#stopped) break;
        const shape = toErrorShape(err);
        // Found dead by us (a failed resync, a command): release it locally before reopening.
        await this.#session.abandon(err instanceof CtiError ? err : new CtiError('internal', String(err)));
        const halt = haltReason(this.#closedBy);
        if (halt !== undefined) {
          this.emit('error', shape);
          this.#setConnection('stopped', { reason: halt, lastError: shape });
          await new Promise<void>((resolve) => (this.#userWake = resolve));
          this.#userWake = undefined;
          attempt = 0;
          lastError = undefined;
          continue;
        }
        attempt += 1;
        const delay = backoffDelay(attempt - 1, { baseMs: this.#timing.backoffBaseMs, maxMs: this.#timing.backoffMaxMs });
        const linkDown = shape.code === 'pbxlinkOutOfService';
        const state: ConnectionState = linkDown ? 'linkOutOfService' : 'reconnecting';
        const reason: ConnectionReason = linkDown ? 'linkOutOfService' : this.#closedBy === 'sessionClosedByTimeout' ? 'sessionTimeout' : 'sessionLost';
        if (lastError?.code !== shape.code) this.emit('error', shape);
        lastError = shape;
        this.#setConnection(state, { reason, lastError: shape, attempt, nextRetryAt: this.#now() + delay });
        await this.#sleep.sleep(delay);
      }
    }
    this.#setConnection('stopped', { reason: 'stoppedByClient' });
  }

  /**
   * Resolves never; rejects when the session is lost. Over UDP it runs the reconcile timer (the
   * long-poll keeps the view fresh by itself; the session keeps itself alive in both modes).
   */
  #monitor(): Promise<void> {
    return new Promise<void>((_resolve, reject) => {
      // stop() may have come while the session was opening, or the server closed it meanwhile.
      if (this.#stopped || this.#session.status !== 'open') {
        reject(new CtiError(this.#stopped ? 'cancelled' : 'noOpenSession', this.#stopped ? 'line stopped' : `the session is ${this.#session.status}`));
        return;
      }
      let timer: NodeJS.Timeout | undefined;
      const arm = (): void => {
        clearTimeout(timer);
        const ms = this.#nextCheckMs();
        if (ms !== undefined) timer = setTimeout(() => void this.#reconcile(), ms);
      };
      const lose = (err: unknown): void => {
        clearTimeout(timer);
        // A late failure of an older session's work must not unhook the current session.
        if (this.#lose === lose) {
          this.#lose = undefined;
          this.#rearm = undefined;
        }
        reject(err instanceof Error ? err : new CtiError('internal', String(err)));
      };
      this.#lose = lose;
      this.#rearm = arm;
      arm();
    });
  }

  #nextCheckMs(): number | undefined {
    const inputs = {
      mode: this.#mode,
      linkDown: this.#linkDown,
      linkProbes: this.#linkProbes,
      udpProven: this.#datagrams > this.#datagramsAtOpen,
      openForMs: this.#now() - this.#openedAt,
    };
    if (this.#linkDown) this.#linkProbes += 1;
    return nextCheckMs(this.#timing, inputs, (n) => backoffDelay(n, { baseMs: this.#timing.backoffBaseMs, maxMs: this.#timing.backoffMaxMs }));
  }

  /** Resync by snapshot; true when it changed the state. The link being down is noted, not thrown. */
  async #snapshot(): Promise<boolean> {
    let result: TelResult;
    try {
      result = await this.#session.request({ type: 'snapshot', deviceNumber: this.deviceNumber });
    } catch (err) {
      if (!(err instanceof CtiError) || err.code !== 'pbxlinkOutOfService') throw err;
      this.#noteLinkDown();
      return false;
    }
    if (result.type !== 'snapshot') throw new CtiError('malformedReply', `snapshot answered with ${result.type}`);
    const before = this.#core.line;
    if (result.snapshot.session !== undefined) this.#sessionEvent = result.snapshot.session;
    this.dispatch({ type: 'snapshot', snapshot: result.snapshot, now: this.#now() });
    // Measured before the link-up transition below, which changes the connection, not the news.
    const changed = this.#core.line !== before;
    if (result.snapshot.session !== 'pbxlinkOutOfService') this.#noteLinkUp();
    return changed;
  }

  /** The PBX link went out of service: the session is kept, the line says so and probes with backoff. */
  #noteLinkDown(): void {
    if (this.#linkDown || this.#stopped) return;
    this.#linkDown = true;
    this.#linkProbes = 0;
    if (!this.#lose) return; // opening: #supervise shows it once the resync is done
    this.emit('error', LINK_DOWN.toShape());
    this.#setConnection('linkOutOfService', { reason: 'linkOutOfService', lastError: LINK_DOWN.toShape() });
    this.#rearm?.();
  }

  /** A snapshot passed: the link is back (pbxlinkInService, or a probe that got through). */
  #noteLinkUp(): void {
    if (!this.#linkDown) return;
    this.#linkDown = false;
    if (!this.#lose) return;
    this.#setConnection('monitored');
    this.#rearm?.();
  }

  /** Snapshot while monitored: repairs lost events; detects blocked UDP in 'auto'. One at a time. */
  #reconcile(): Promise<void> {
    if (this.#reconciling) return this.#reconciling;
    const lose = this.#lose;
    if (!lose) return Promise.resolve();
    this.#reconciling = this.#snapshot()
      .then((changed) => {
        const silent = this.#datagrams === this.#datagramsAtOpen;
        if (changed && silent && this.#mode === 'udp' && this.#settings.eventMode === 'auto') {
          this.#switchMode('poll');
          this.#session.usePolling();
        }
      })
      .catch((err: unknown) => lose(err))
      .finally(() => {
        this.#reconciling = undefined;
        // The next periodic check counts from this one, whatever asked for it.
        if (this.#lose !== lose) return;
        this.#rearm?.();
        if (this.#resyncAgain) {
          this.#resyncAgain = false;
          void this.#reconcile();
        }
      });
    return this.#reconciling;
  }

  #probeAfter(datagramsBefore: number): void {
    setTimeout(() => {
      if (this.#datagrams === datagramsBefore && this.#lose && this.#mode === 'udp') void this.#reconcile();
    }, this.#timing.probeMs).unref?.();
  }

  #switchMode(mode: ActiveEventMode): void {
    if (this.#mode === mode) return;
    this.#mode = mode;
    const c = this.state.connection;
    this.dispatch({ type: 'connection', connection: { ...c, eventMode: mode, eventSource: this.#eventSource() } });
    this.emit('connection', this.state.connection);
  }

  /** Events of this device only: the session drops another device's (shared port) as unusable. */
  #onEvent(event: TelEvent): void {
    for (const value of this.#unknownReported.fresh(unknownValuesOf(event))) {
      this.emit('error', new CtiError('serverError', `the server sent a ${value}, unknown to this client: shown as unknown`).toShape());
    }
    this.dispatch({ type: 'event', event, now: this.#now() });
  }

  /** Emits the screen pop once the directory had its moment to name the caller (./screen-pop). */
  async #pop(call: IncomingCall): Promise<void> {
    const entry = await nameWithin((n) => this.directory.lookup(n), call.leg.otherParty, this.#timing.popupNameWaitMs);
    const pop = popFor(call, this.state, entry);
    if (pop) this.emit('incomingCall', pop);
  }

  #eventSource(): EventSource {
    return eventSourceOf(this.#mode, this.#session.periodicPolling, this.#settings);
  }

  #setConnection(state: ConnectionState, extra: Partial<ConnectionView> = {}): void {
    const connection: ConnectionView = { state, eventMode: this.#mode, eventSource: this.#eventSource(), since: this.#now(), ...extra };
    if (this.#sessionEvent !== undefined) connection.sessionEvent = this.#sessionEvent;
    this.dispatch({ type: 'connection', connection });
    this.emit('connection', connection);
  }

  #effect(effect: CoreEffect): void {
    switch (effect.type) {
      case 'incomingCall':
        void this.#pop(effect.call);
        return;
      case 'resolveParty':
        this.directory.lookup(effect.number).then(
          (entry) => {
            if (this.directory.idle) this.#lookupsRefused = false;
            this.dispatch({ type: 'partyResolved', number: effect.number, entry });
          },
          (err: unknown) => {
            this.dispatch({ type: 'partyLookupFailed', number: effect.number });
            // A flood of unknown callers: the directory refused the excess; say so once per flood.
            const flooded = err instanceof CtiError && err.code === 'limitExceeded';
            if (flooded && !this.#lookupsRefused) this.emit('error', err.toShape());
            if (flooded || this.directory.idle) this.#lookupsRefused = flooded;
          },
        );
        return;
      case 'sessionClosed':
        if (!this.#lose) return;
        this.#closedBy = effect.reason;
        this.#lose(new CtiError('noOpenSession', `the server closed the session (${effect.reason})`));
        return;
      case 'linkOutOfService':
        this.#noteLinkDown();
        return;
      case 'resync':
        // A check already under way may have been answered before the link came back: one more.
        if (this.#reconciling) this.#resyncAgain = true;
        else if (this.#lose) void this.#reconcile();
        else this.#sleep.wake(); // waiting to retry: the link is back, retry now
        return;
      case 'capped':
        this.emit('error', new CtiError('limitExceeded', `line ${this.lineId}: more than ${effect.limit} ${effect.what} at once; the excess is dropped until fewer remain`).toShape());
        return;
      default: {
        const never: never = effect;
        throw new Error(`unknown effect ${JSON.stringify(never)}`);
      }
    }
  }
}
