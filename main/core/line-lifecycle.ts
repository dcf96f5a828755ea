/**
 * A line's session lifecycle: open, resync, stay monitored, and when the session is lost reopen
 * with capped backoff and jitter, or stop when the server decided so.
 *
 * Connection status machine (every transition goes through `setConnection`):
 *   connecting -> monitored -> (reconnecting | linkOutOfService) -> monitored ... -> stopped
 * - The PBX link out of service does not end the session (the spec pairs pbxlinkOutOfService with
 *   pbxlinkInService): the line keeps it and its UDP listener, shows linkOutOfService, and resyncs
 *   when pbxlinkInService comes (or a backed-off probe snapshot passes, should that event be lost).
 * - sessionClosedByAdmin / sessionClosedByMonitoringReject are decisions, not faults: the line
 *   stops with a typed `reason` and reopens only when told (`reconnectNow`, the contract's
 *   `reconnectLine`). A timeout, a restart or a session found dead reopen by themselves.
 */
import { CtiError, toErrorShape, type ErrorShape } from '../../common/errors';
import type { ConnectionReason, ConnectionState, ConnectionView } from '../../common/domain';
import type { SessionEventName } from '../../common/telservices/enums';
import { backoffDelay } from '../telservices/backoff';
import type { LineSession } from './link';
import type { LineTiming } from './line-timing';
import { WakeableSleep } from './retry';

const LINK_DOWN = new CtiError('pbxlinkOutOfService', 'the PBX link is out of service');

/** The server's decisions the line obeys: stop, and wait for the user (not a fault to retry). */
function haltReason(closedBy: SessionEventName | undefined): ConnectionReason | undefined {
  if (closedBy === 'sessionClosedByAdmin') return 'closedByAdmin';
  if (closedBy === 'sessionClosedByMonitoringReject') return 'monitoringRejected';
  return undefined;
}

/** The running monitored phase of one session: `lose` ends it (session lost), `rearm` restarts its check timer. */
export interface MonitorPhase {
  lose(err: unknown): void;
  rearm(): void;
}

export interface LifecycleDeps {
  session: LineSession;
  timing: LineTiming;
  now: () => number;
  setConnection(state: ConnectionState, extra?: Partial<ConnectionView>): void;
  emitError(error: ErrorShape): void;
  /** The session just opened: the reconcile cadence starts counting from here. */
  opened(): void;
  /** Resync by snapshot (a link found down is noted through noteLinkDown, not thrown). */
  resync(): Promise<unknown>;
  /** When the monitored phase checks next (undefined: it does not). */
  nextCheckMs(): number | undefined;
  /** The monitored phase's periodic check, and a reconnect asked while monitored. */
  check(): void;
  /** The link just went down: the probes' backoff starts over. */
  linkWentDown(): void;
}

export class SessionLifecycle {
  readonly #d: LifecycleDeps;
  readonly #sleep = new WakeableSleep();
  #stopped = false;
  #started = false;
  #supervisor: Promise<void> | undefined;
  /** The PBX link is out of service while the session is kept (see the header). */
  #linkDown = false;
  /** The session event that ended the last session, if the server said why. */
  #closedBy: SessionEventName | undefined;
  /** Set while stopped by the server's decision: resolves the wait for the user's reconnect. */
  #userWake: (() => void) | undefined;
  /** Set while the session is monitored. */
  #phase: MonitorPhase | undefined;

  constructor(deps: LifecycleDeps) {
    this.#d = deps;
  }

  get started(): boolean {
    return this.#started;
  }

  get linkDown(): boolean {
    return this.#linkDown;
  }

  /** The monitored phase, while there is one. */
  get phase(): MonitorPhase | undefined {
    return this.#phase;
  }

  start(): void {
    if (this.#started) return;
    this.#started = true;
    this.#supervisor = this.#supervise();
  }

  async stop(): Promise<void> {
    if (this.#stopped) return;
    this.#stopped = true;
    this.#phase?.lose(new CtiError('cancelled', 'line stopped'));
    this.#sleep.wake();
    this.#userWake?.();
    // Cancels an open in progress; an open session gets its closeSession, briefly (best effort).
    await this.#d.session.close({ timeoutMs: 1000 });
    await this.#supervisor;
    if (!this.#started) this.#d.setConnection('stopped');
  }

  /** See Line.reconnectNow. */
  reconnectNow(): void {
    if (this.#stopped) return;
    if (this.#userWake) return this.#userWake();
    if (this.#phase) return this.#d.check();
    this.#sleep.wake();
  }

  /** Waiting to retry: retry now. */
  wake(): void {
    this.#sleep.wake();
  }

  /** The session ended under us (server closed it, keep-alive, long-poll or a command found it gone). */
  sessionLost(err: unknown): void {
    this.#phase?.lose(err);
  }

  /** The server's session event closed it: remembered, as it decides between reopening and stopping. */
  closedByServer(reason: SessionEventName): void {
    if (!this.#phase) return;
    this.#closedBy = reason;
    this.#phase.lose(new CtiError('noOpenSession', `the server closed the session (${reason})`));
  }

  /** The PBX link went out of service: the session is kept, the line says so and probes with backoff. */
  noteLinkDown(): void {
    if (this.#linkDown || this.#stopped) return;
    this.#linkDown = true;
    this.#d.linkWentDown();
    if (!this.#phase) return; // opening: #supervise shows it once the resync is done
    this.#d.emitError(LINK_DOWN.toShape());
    this.#d.setConnection('linkOutOfService', { reason: 'linkOutOfService', lastError: LINK_DOWN.toShape() });
    this.#phase.rearm();
  }

  /** A snapshot passed: the link is back (pbxlinkInService, or a probe that got through). */
  noteLinkUp(): void {
    if (!this.#linkDown) return;
    this.#linkDown = false;
    if (!this.#phase) return;
    this.#d.setConnection('monitored');
    this.#phase.rearm();
  }

  async #supervise(): Promise<void> {
    const d = this.#d;
    let attempt = 0;
    let lastError: ErrorShape | undefined;
    while (!this.#stopped) {
      try {
        if (attempt === 0) d.setConnection('connecting');
        this.#closedBy = undefined;
        this.#linkDown = false;
        await d.session.open();
        d.opened();
        await d.resync();
        attempt = 0;
        lastError = undefined;
        if (this.#linkDown) d.setConnection('linkOutOfService', { reason: 'linkOutOfService', lastError: LINK_DOWN.toShape() });
        else d.setConnection('monitored');
        await this.#monitor();
      } catch (err) {
        this.#phase = undefined;
        if (this.#stopped) break;
        const shape = toErrorShape(err);
        // Found dead by us (a failed resync, a command): release it locally before reopening.
        await d.session.abandon(err instanceof CtiError ? err : new CtiError('internal', String(err)));
        const halt = haltReason(this.#closedBy);
        if (halt !== undefined) {
          d.emitError(shape);
          d.setConnection('stopped', { reason: halt, lastError: shape });
          await new Promise<void>((resolve) => (this.#userWake = resolve));
          this.#userWake = undefined;
          attempt = 0;
          lastError = undefined;
          continue;
        }
        attempt += 1;
        const delay = backoffDelay(attempt - 1, { baseMs: d.timing.backoffBaseMs, maxMs: d.timing.backoffMaxMs });
        const linkDown = shape.code === 'pbxlinkOutOfService';
        const state: ConnectionState = linkDown ? 'linkOutOfService' : 'reconnecting';
        const reason: ConnectionReason = linkDown ? 'linkOutOfService' : this.#closedBy === 'sessionClosedByTimeout' ? 'sessionTimeout' : 'sessionLost';
        if (lastError?.code !== shape.code) d.emitError(shape);
        lastError = shape;
        d.setConnection(state, { reason, lastError: shape, attempt, nextRetryAt: d.now() + delay });
        await this.#sleep.sleep(delay);
      }
    }
    d.setConnection('stopped', { reason: 'stoppedByClient' });
  }

  /**
   * Resolves never; rejects when the session is lost. Runs the periodic check (the long-poll keeps
   * the view fresh by itself; the session keeps itself alive in both modes).
   */
  #monitor(): Promise<void> {
    return new Promise<void>((_resolve, reject) => {
      const session = this.#d.session;
      // stop() may have come while the session was opening, or the server closed it meanwhile.
      if (this.#stopped || session.status !== 'open') {
        reject(new CtiError(this.#stopped ? 'cancelled' : 'noOpenSession', this.#stopped ? 'line stopped' : `the session is ${session.status}`));
        return;
      }
      let timer: NodeJS.Timeout | undefined;
      const phase: MonitorPhase = {
        rearm: () => {
          clearTimeout(timer);
          const ms = this.#d.nextCheckMs();
          if (ms !== undefined) timer = setTimeout(() => this.#d.check(), ms);
        },
        lose: (err) => {
          clearTimeout(timer);
          // A late failure of an older session's work must not unhook the current session.
          if (this.#phase === phase) this.#phase = undefined;
          reject(err instanceof Error ? err : new CtiError('internal', String(err)));
        },
      };
      this.#phase = phase;
      phase.rearm();
    });
  }
}
