/**
 * One configured line: owns the TelServices session of one device and keeps the state the UI shows.
 * The transitions are the pure reducer (./reducer); this object does the I/O around it and wires
 * its parts. The session mechanics (open/close, UDP listener or long-poll, keep-alive, event
 * routing, the server closing it) are the TelSession's, through the seam ./link; the policy is in:
 * - ./line-lifecycle: open, resync, reopen with capped backoff, PBX link outage, stop reasons;
 * - ./line-cadence: reconcile snapshots, detecting blocked UDP, the event source (./event-source);
 * - ./line-commands: where a user command goes (session, or straight out while reconnecting);
 * - ./line-lookups: naming the caller of a screen pop and the parties of calls (the directory);
 * - here: the state (events, snapshots, the reducer's effects) and the wiring.
 */
import { CtiError, type ErrorShape } from '../../common/errors';
import type { ConnectionState, ConnectionView, IncomingCall, LinePatch, LineState, SessionEventValue } from '../../common/domain';
import { ReportedOnce, unknownValuesOf } from '../../common/telservices/unknown-values';
import type { Settings } from '../../common/schemas';
import type { TelEvent } from '../../common/telservices/events';
import type { TelRequest } from '../../common/telservices/requests';
import type { TelResult } from '../../common/telservices/replies';
import type { LineLink, LineSession, LinkFactory } from './link';
import { DirectoryCache } from './directory';
import { initialCoreState, reduce, type CoreAction, type CoreEffect, type CoreState } from './reducer';
import { Emitter } from './emitter';
import { DEFAULT_TIMING, type LineTiming } from './line-timing';
import { LineLookups } from './line-lookups';
import { linkTargetOf, sessionOptionsOf } from './line-settings';
import { ReconcileCadence } from './line-cadence';
import { SessionLifecycle } from './line-lifecycle';
import { routeCommand } from './line-commands';

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
  readonly #cadence: ReconcileCadence;
  readonly #lifecycle: SessionLifecycle;
  readonly #lookups: LineLookups;
  #core: CoreState;
  /** The last session event the server sent (an event, or a snapshot's): shown in the connection view. */
  #sessionEvent: SessionEventValue | undefined;
  /** A newer server's enumeration values already reported (each once). */
  readonly #unknownReported = new ReportedOnce();

  constructor(opts: LineOptions) {
    super();
    const s = opts.settings;
    this.lineId = opts.lineId;
    this.#settings = s;
    this.#timing = { ...DEFAULT_TIMING, ...opts.timing };
    this.#now = opts.now ?? Date.now;
    this.#link = opts.linkFactory(linkTargetOf(s));
    this.#core = initialCoreState(opts.lineId, s.deviceNumber, this.#now());
    this.#session = this.#link.session(sessionOptionsOf(s, opts.userPassword, this.#timing.pollTimeoutSec));
    const base = { session: this.#session, timing: this.#timing, now: this.#now };
    this.#cadence = new ReconcileCadence({
      ...base,
      settings: s,
      phase: () => this.#lifecycle.phase,
      linkDown: () => this.#lifecycle.linkDown,
      snapshot: () => this.#snapshot(),
      wake: () => this.#lifecycle.wake(),
      modeChanged: () => this.#refreshConnection({ eventMode: this.#cadence.mode }),
    });
    this.#lifecycle = new SessionLifecycle({
      ...base,
      setConnection: (state, extra) => this.#setConnection(state, extra),
      emitError: (error) => this.emit('error', error),
      opened: () => this.#cadence.opened(),
      resync: () => this.#snapshot(),
      nextCheckMs: () => this.#cadence.nextCheckMs(),
      check: () => void this.#cadence.reconcile(),
      linkWentDown: () => this.#cadence.linkWentDown(),
    });
    this.#session.onEvent((e) => {
      this.#cadence.noteDatagram();
      if (e.type === 'session') this.#sessionEvent = e.session;
      this.#onEvent(e);
    });
    this.#session.onDropped(() => this.#cadence.noteDatagram());
    // The server answers long-polls at once: the session snapshots periodically; the line says so.
    this.#session.onPeriodicPolling(() => this.#refreshConnection({}));
    // A polled snapshot is a resync: it also drops what ended before polling began, which its diff cannot tell.
    this.#session.onSnapshot((snapshot) => this.dispatch({ type: 'snapshot', snapshot, now: this.#now() }));
    this.#session.onStatus((change) => {
      // The session ended under us (server closed it, keep-alive or long-poll found it gone).
      if (change.from === 'open' && (change.to === 'closed' || change.to === 'failed')) {
        this.#lifecycle.sessionLost(change.error ?? new CtiError('noOpenSession', change.reason ?? 'the session ended'));
      }
    });
    this.#core = { ...this.#core, line: { ...this.#core.line, connection: { ...this.#core.line.connection, eventMode: this.#cadence.mode } } };
    const who = s.userID ? { deviceNumber: s.deviceNumber, userID: s.userID } : { deviceNumber: s.deviceNumber };
    this.directory = new DirectoryCache(() => this.#link, who);
    this.#lookups = new LineLookups({
      directory: this.directory,
      popupNameWaitMs: this.#timing.popupNameWaitMs,
      state: () => this.state,
      dispatch: (action) => this.dispatch(action),
      emitPop: (pop) => this.emit('incomingCall', pop),
      emitError: (error) => this.emit('error', error),
    });
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
    this.#lifecycle.start();
  }

  stop(): Promise<void> {
    return this.#lifecycle.stop();
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
    this.#lifecycle.reconnectNow();
  }

  /** A user command (./line-commands). */
  command(req: TelRequest): Promise<TelResult> {
    const route = { lineId: this.lineId, state: this.state.connection.state, session: this.#session, link: this.#link };
    return routeCommand({ ...route, lifecycle: this.#lifecycle, cadence: this.#cadence }, req);
  }

  /** Resync by snapshot; true when it changed the state. The link being down is noted, not thrown. */
  async #snapshot(): Promise<boolean> {
    let result: TelResult;
    try {
      result = await this.#session.request({ type: 'snapshot', deviceNumber: this.deviceNumber });
    } catch (err) {
      if (!(err instanceof CtiError) || err.code !== 'pbxlinkOutOfService') throw err;
      this.#lifecycle.noteLinkDown();
      return false;
    }
    if (result.type !== 'snapshot') throw new CtiError('malformedReply', `snapshot answered with ${result.type}`);
    const before = this.#core.line;
    if (result.snapshot.session !== undefined) this.#sessionEvent = result.snapshot.session;
    this.dispatch({ type: 'snapshot', snapshot: result.snapshot, now: this.#now() });
    // Measured before the link-up transition below, which changes the connection, not the news.
    const changed = this.#core.line !== before;
    if (result.snapshot.session !== 'pbxlinkOutOfService') this.#lifecycle.noteLinkUp();
    return changed;
  }

  /** Events of this device only: the session drops another device's (shared port) as unusable. */
  #onEvent(event: TelEvent): void {
    for (const value of this.#unknownReported.fresh(unknownValuesOf(event))) {
      this.emit('error', new CtiError('serverError', `the server sent a ${value}, unknown to this client: shown as unknown`).toShape());
    }
    this.dispatch({ type: 'event', event, now: this.#now() });
  }

  /** The event source (and mode) changed without a change of state. */
  #refreshConnection(change: Partial<ConnectionView>): void {
    this.dispatch({ type: 'connection', connection: { ...this.state.connection, ...change, eventSource: this.#cadence.eventSource } });
    this.emit('connection', this.state.connection);
  }

  #setConnection(state: ConnectionState, extra: Partial<ConnectionView> = {}): void {
    const connection: ConnectionView = { state, eventMode: this.#cadence.mode, eventSource: this.#cadence.eventSource, since: this.#now(), ...extra };
    if (this.#sessionEvent !== undefined) connection.sessionEvent = this.#sessionEvent;
    this.dispatch({ type: 'connection', connection });
    this.emit('connection', connection);
  }

  #effect(effect: CoreEffect): void {
    switch (effect.type) {
      case 'incomingCall':
        void this.#lookups.pop(effect.call);
        return;
      case 'resolveParty':
        this.#lookups.resolveParty(effect.number);
        return;
      case 'sessionClosed':
        this.#lifecycle.closedByServer(effect.reason);
        return;
      case 'linkOutOfService':
        this.#lifecycle.noteLinkDown();
        return;
      case 'resync':
        this.#cadence.resync();
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
