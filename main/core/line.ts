/**
 * One configured line: owns the TelServices session of one device and keeps the state the UI shows.
 * The transitions are the pure reducer (./reducer); this object does the I/O around it: opening the
 * session, UDP or long-poll intake, resync by snapshot, directory look-ups, reconnect with capped
 * backoff and jitter.
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
import type { ActiveEventMode, ConnectionState, ConnectionView, DirectoryEntry, IncomingCall, LinePatch, LineState } from '../../common/domain';
import { fillFromBook, isResolvable } from './call-mapping';
import type { Settings } from '../../common/schemas';
import type { TelEvent } from '../../common/telservices/events';
import type { TelRequest } from '../../common/telservices/requests';
import type { TelResult } from '../../common/telservices/replies';
import type { EventListenerHandle, LineLink, LinkFactory } from './link';
import { DirectoryCache } from './directory';
import { initialCoreState, reduce, type CoreAction, type CoreEffect, type CoreState } from './reducer';
import { WakeableSleep } from './retry';
import { backoffDelay } from '../telservices/backoff';
import { Emitter } from './emitter';
import { LongPoll } from './long-poll';

export interface LineTiming {
  backoffBaseMs: number;
  backoffMaxMs: number;
  /** Period of the reconcile snapshot while on UDP. */
  reconcileMs: number;
  /** Delay after a command before checking that UDP brought its event. */
  probeMs: number;
  /** Long-poll timeout sent to the server, seconds. */
  pollTimeoutSec: number;
  /** How long a screen pop may wait for the directory to name an unnamed caller. */
  popupNameWaitMs: number;
}

export const DEFAULT_TIMING: LineTiming = {
  backoffBaseMs: 500,
  backoffMaxMs: 30_000,
  reconcileMs: 30_000,
  probeMs: 1500,
  pollTimeoutSec: 20,
  popupNameWaitMs: 400,
};

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
  readonly #timing: LineTiming;
  readonly #now: () => number;
  readonly #sleep = new WakeableSleep();
  #core: CoreState;
  #mode: ActiveEventMode;
  #stopped = false;
  #started = false;
  #udp: EventListenerHandle | undefined;
  #datagrams = 0;
  #datagramsAtOpen = 0;
  /** Rejects the running monitor phase (session lost); set while monitored. */
  #lose: ((err: unknown) => void) | undefined;
  #session: AbortController | undefined;
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
    return this.#udp?.port;
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
    const wasMonitored = this.state.connection.state === 'monitored';
    this.#stopped = true;
    this.#session?.abort();
    this.#lose?.(new CtiError('cancelled', 'line stopped'));
    this.#sleep.wake();
    await this.#supervisor;
    if (wasMonitored) {
      // Best effort: tell the server we are gone, briefly.
      await this.#link.request({ type: 'closeSession', deviceNumber: this.deviceNumber }, { timeoutMs: 1000 }).catch(() => undefined);
    }
    await this.#udp?.close();
    this.#udp = undefined;
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
      const result = await this.#link.request(req);
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
      const session = new AbortController();
      this.#session = session;
      try {
        if (attempt === 0) this.#setConnection('connecting');
        await this.#open(session.signal);
        await this.#snapshot(session.signal);
        attempt = 0;
        lastError = undefined;
        this.#setConnection('monitored');
        await this.#monitor(session.signal);
      } catch (err) {
        session.abort();
        this.#lose = undefined;
        if (this.#stopped) break;
        const shape = toErrorShape(err);
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

  async #open(signal: AbortSignal): Promise<void> {
    const s = this.#settings;
    if (this.#mode === 'udp' && this.#udp === undefined) {
      try {
        this.#udp = await this.#link.listenEvents(s.udpPort, (e) => this.#onEvent(e), () => (this.#datagrams += 1));
      } catch (err) {
        if (s.eventMode === 'udp') throw err;
        this.#switchMode('poll'); // 'auto': no UDP socket at all, poll instead
      }
    }
    const req: TelRequest = { type: 'openSession', deviceNumber: s.deviceNumber, eventUpdate: 'full' };
    if (this.#mode === 'udp' && this.#udp) req.eventUDPPort = String(this.#udp.port);
    if (s.userID) req.userID = s.userID;
    if (s.userPassword) req.userPassword = s.userPassword;
    if (s.sessionTimeout > 0) req.sessionTimeout = String(s.sessionTimeout);
    await this.#link.request(req, { signal });
    this.#datagramsAtOpen = this.#datagrams;
  }

  /** Resolves never; rejects when the session is lost. Runs the poll loop or the reconcile timer. */
  #monitor(signal: AbortSignal): Promise<void> {
    return new Promise<void>((_resolve, reject) => {
      // stop() may have come while the session was opening: nothing to monitor then.
      if (this.#stopped || signal.aborted) {
        reject(new CtiError('cancelled', 'line stopped'));
        return;
      }
      const lose = (err: unknown): void => {
        // A late failure of an older session's work must not unhook the current session.
        if (this.#lose === lose) this.#lose = undefined;
        reject(err instanceof Error ? err : new CtiError('internal', String(err)));
      };
      this.#lose = lose;
      if (this.#mode === 'poll') this.#startPoll(signal);
      const keepAliveMs = this.#settings.sessionTimeout > 0 ? (this.#settings.sessionTimeout * 1000) / 2 : Infinity;
      const every = Math.min(this.#timing.reconcileMs, keepAliveMs);
      const timer = setInterval(() => {
        // The long-poll keeps the view fresh (and the session alive) by itself.
        if (this.#mode === 'udp' || keepAliveMs !== Infinity) void this.#reconcile();
      }, every);
      signal.addEventListener('abort', () => clearInterval(timer), { once: true });
    });
  }

  #startPoll(signal: AbortSignal): void {
    const poll = new LongPoll(this.#link, this.deviceNumber, {
      timeoutSec: this.#timing.pollTimeoutSec,
      requestTimeoutMs: this.#settings.requestTimeoutMs,
      onSnapshot: (snapshot) => this.dispatch({ type: 'snapshot', snapshot, now: this.#now() }),
    });
    poll.run(signal).catch((err: unknown) => {
      if (!signal.aborted) this.#lose?.(err);
    });
  }

  async #snapshot(signal?: AbortSignal): Promise<boolean> {
    const result = await this.#link.request({ type: 'snapshot', deviceNumber: this.deviceNumber }, signal ? { signal } : {});
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
    this.#reconciling = this.#snapshot(this.#session?.signal)
      .then((changed) => {
        const silent = this.#datagrams === this.#datagramsAtOpen;
        if (changed && silent && this.#mode === 'udp' && this.#settings.eventMode === 'auto') {
          this.#switchMode('poll');
          if (this.#session) this.#startPoll(this.#session.signal);
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

  #onEvent(event: TelEvent): void {
    // Call events name their device; a datagram for another device is not ours (shared port).
    if (event.deviceNumber !== undefined && event.deviceNumber !== this.deviceNumber) return;
    this.dispatch({ type: 'event', event, now: this.#now() });
  }

  /**
   * Emits the screen pop, after giving the directory a moment to name a caller the event left
   * unnamed (a pop with a name beats a pop 100 ms earlier). A call that ended, or a popup the user
   * dismissed meanwhile, is not popped.
   */
  async #pop(call: IncomingCall): Promise<void> {
    let entry: DirectoryEntry | null = null;
    if (isResolvable(call.leg.otherParty)) {
      let timer: ReturnType<typeof setTimeout> | undefined;
      const timeout = new Promise<null>((resolve) => {
        timer = setTimeout(() => resolve(null), this.#timing.popupNameWaitMs);
      });
      entry = await Promise.race([this.directory.lookup(call.leg.otherParty.number).catch(() => null), timeout]);
      clearTimeout(timer);
    }
    const current = this.state.calls.find((c) => c.id === call.callId);
    if (current === undefined || !this.state.popups.includes(call.callId)) return;
    const leg = [current.primary, current.secondary].find((l) => l !== undefined && !l.isOutgoing) ?? call.leg;
    const otherParty = entry === null ? leg.otherParty : fillFromBook(leg.otherParty, new Map([[leg.otherParty.number, entry]]));
    this.emit('incomingCall', { ...call, leg: { ...leg, otherParty } });
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
