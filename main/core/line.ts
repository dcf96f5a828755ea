/**
 * One configured line: owns the TelServices session of one device and keeps the state the UI shows.
 * The transitions are the pure reducer (./reducer); this object does the I/O around it. The session
 * mechanics (open/close, UDP listener or long-poll, keep-alive, event routing, the server closing
 * it) are the TelSession's, through the seam ./link; the policy is here: resync by snapshot after
 * each open, reconnect with capped backoff and jitter when the session is lost, directory look-ups.
 *
 * Connection status machine (every transition emitted as a `connection` event):
 *   connecting -> monitored -> (reconnecting | linkOutOfService) -> monitored ... -> stopped
 *
 * Event mode. 'udp': events on a UDP port. 'poll': snapshot long-poll (resultOnEvent). 'auto': UDP,
 * switched to poll when UDP is found not to arrive. Detection: while monitored over UDP, a
 * reconcile snapshot runs every `reconcileMs`, and `probeMs` after each successful command that
 * sent no datagram back. If a reconcile changes the state (the server knew something UDP never
 * told us) and not one datagram has arrived since the session opened, UDP is blocked (NAT,
 * firewall) and the line switches to the long-poll. With some datagrams arriving the same
 * reconcile simply repairs losses, so a lossy network still converges.
 */
import { CtiError, toErrorShape, type ErrorShape } from '../../common/errors';
import type { ActiveEventMode, ConnectionState, ConnectionView, IncomingCall, LinePatch, LineState } from '../../common/domain';
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
import { DEFAULT_TIMING, type LineTiming } from './line-timing';
import { nameWithin, popFor } from './screen-pop';

export { DEFAULT_TIMING, type LineTiming } from './line-timing';

export interface LineEvents {
  patch: LinePatch[];
  incomingCall: IncomingCall;
  connection: ConnectionView;
  error: ErrorShape;
}

export interface LineOptions {
  lineId: string;
  settings: Settings;
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
  /** Rejects the running monitor phase (session lost); set while monitored. */
  #lose: ((err: unknown) => void) | undefined;
  #reconciling: Promise<void> | undefined;
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
    });
    this.#core = initialCoreState(opts.lineId, opts.settings.deviceNumber, this.#now());
    this.#mode = opts.settings.eventMode === 'poll' ? 'poll' : 'udp';
    const s = opts.settings;
    this.#session = this.#link.session({
      deviceNumber: s.deviceNumber,
      eventMode: s.eventMode,
      udpPort: s.udpPort,
      ...(s.userID ? { userID: s.userID } : {}),
      ...(s.userPassword ? { userPassword: s.userPassword } : {}),
      ...(s.sessionTimeout > 0 ? { sessionTimeoutS: s.sessionTimeout } : {}),
      pollTimeoutS: this.#timing.pollTimeoutSec,
    });
    // Each event, and each datagram we cannot use, is a sign of UDP life (read only while on UDP).
    this.#session.onEvent((e) => {
      this.#datagrams += 1;
      this.#onEvent(e);
    });
    this.#session.onDropped(() => (this.#datagrams += 1));
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

  /** A user command: needs a monitored line; a lost session found here starts the reconnect. */
  async command(req: TelRequest): Promise<TelResult> {
    if (this.state.connection.state !== 'monitored') {
      throw new CtiError('notConnected', `line ${this.lineId} is ${this.state.connection.state}`);
    }
    try {
      const datagrams = this.#datagrams;
      const result = await this.#session.request(req);
      if (this.#mode === 'udp' && req.type !== 'queryHistory' && req.type !== 'searchName' && req.type !== 'searchNumber') {
        this.#probeAfter(datagrams);
      }
      return result;
    } catch (err) {
      if (err instanceof CtiError && (err.code === 'noOpenSession' || err.code === 'pbxlinkOutOfService')) this.#lose?.(err);
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
        await this.#session.open();
        // 'auto' without a UDP socket: the session polls instead.
        if (this.#session.eventsMode === 'poll') this.#switchMode('poll');
        this.#datagramsAtOpen = this.#datagrams;
        await this.#snapshot();
        attempt = 0;
        lastError = undefined;
        this.#setConnection('monitored');
        await this.#monitor();
      } catch (err) {
        this.#lose = undefined;
        if (this.#stopped) break;
        const shape = toErrorShape(err);
        // Found dead by us (a failed resync, a command): release it locally before reopening.
        await this.#session.abandon(err instanceof CtiError ? err : new CtiError('internal', String(err)));
        attempt += 1;
        const delay = backoffDelay(attempt - 1, { baseMs: this.#timing.backoffBaseMs, maxMs: this.#timing.backoffMaxMs });
        const state: ConnectionState = shape.code === 'pbxlinkOutOfService' ? 'linkOutOfService' : 'reconnecting';
        if (lastError?.code !== shape.code) this.emit('error', shape);
        lastError = shape;
        this.#setConnection(state, { lastError: shape, attempt, nextRetryAt: this.#now() + delay });
        await this.#sleep.sleep(delay);
      }
    }
    this.#setConnection('stopped');
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
      const timer = setInterval(() => {
        if (this.#mode === 'udp') void this.#reconcile();
      }, this.#timing.reconcileMs);
      const lose = (err: unknown): void => {
        clearInterval(timer);
        // A late failure of an older session's work must not unhook the current session.
        if (this.#lose === lose) this.#lose = undefined;
        reject(err instanceof Error ? err : new CtiError('internal', String(err)));
      };
      this.#lose = lose;
    });
  }

  async #snapshot(): Promise<boolean> {
    const result = await this.#session.request({ type: 'snapshot', deviceNumber: this.deviceNumber });
    if (result.type !== 'snapshot') throw new CtiError('malformedReply', `snapshot answered with ${result.type}`);
    const before = this.#core.line;
    this.dispatch({ type: 'snapshot', snapshot: result.snapshot, now: this.#now() });
    if (result.snapshot.session === 'pbxlinkOutOfService') throw new CtiError('pbxlinkOutOfService', 'the PBX link is out of service');
    return this.#core.line !== before;
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
      .finally(() => (this.#reconciling = undefined));
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
    this.dispatch({ type: 'connection', connection: { ...c, eventMode: mode } });
    this.emit('connection', this.state.connection);
  }

  /** Events of this device only: the session drops another device's (shared port) as unusable. */
  #onEvent(event: TelEvent): void {
    this.dispatch({ type: 'event', event, now: this.#now() });
  }

  /** Emits the screen pop once the directory had its moment to name the caller (./screen-pop). */
  async #pop(call: IncomingCall): Promise<void> {
    const entry = await nameWithin((n) => this.directory.lookup(n), call.leg.otherParty, this.#timing.popupNameWaitMs);
    const pop = popFor(call, this.state, entry);
    if (pop) this.emit('incomingCall', pop);
  }

  #setConnection(state: ConnectionState, extra: Partial<ConnectionView> = {}): void {
    const connection: ConnectionView = { state, eventMode: this.#mode, since: this.#now(), ...extra };
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
          (entry) => this.dispatch({ type: 'partyResolved', number: effect.number, entry }),
          () => this.dispatch({ type: 'partyLookupFailed', number: effect.number }),
        );
        return;
      case 'sessionClosed':
        this.#lose?.(new CtiError('noOpenSession', `the server closed the session (${effect.reason})`));
        return;
      case 'linkOutOfService':
        this.#lose?.(new CtiError('pbxlinkOutOfService', 'the PBX link is out of service'));
        return;
      case 'resync':
        if (this.#lose) void this.#reconcile();
        else this.#sleep.wake(); // waiting to retry: the link is back, retry now
        return;
      default: {
        const never: never = effect;
        throw new Error(`unknown effect ${JSON.stringify(never)}`);
      }
    }
  }
}
