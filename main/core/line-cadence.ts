/**
 * A line's reconcile cadence and the choice of its event source.
 *
 * Event mode. 'udp': events on a UDP port. 'poll': snapshot long-poll (resultOnEvent; over HTTP
 * when ./event-source says so). 'auto': UDP, switched to poll when UDP is found not to arrive.
 * Detection: while monitored over UDP, a reconcile snapshot runs every `reconcileMs` on a new
 * session (rarely, `idleReconcileMs`, once datagrams prove UDP works: ./line-timing.ts), and
 * `probeMs` after each successful command that sent no datagram back. If a reconcile changes the
 * state (the server knew something UDP never told us) and not one datagram has arrived since the
 * session opened, UDP is blocked (NAT, firewall) and the line switches to the long-poll. With some
 * datagrams arriving the same reconcile simply repairs losses, so a lossy network still converges.
 */
import type { ActiveEventMode, EventSource } from '../../common/domain';
import type { Settings } from '../../common/schemas';
import type { TelRequest } from '../../common/telservices/requests';
import { backoffDelay } from '../telservices/backoff';
import { eventSourceOf } from './event-source';
import type { MonitorPhase } from './line-lifecycle';
import { nextCheckMs, type LineTiming } from './line-timing';
import type { LineSession } from './link';

/** Requests whose answer is no event: no datagram is expected back, so none missing is news. */
const ANSWERED_WITHOUT_EVENT: ReadonlySet<TelRequest['type']> = new Set(['queryHistory', 'searchName', 'searchNumber']);

export interface CadenceDeps {
  session: LineSession;
  settings: Settings;
  timing: LineTiming;
  now: () => number;
  /** The monitored phase, while there is one (./line-lifecycle). */
  phase(): MonitorPhase | undefined;
  linkDown(): boolean;
  /** Resync by snapshot; true when it changed the state. */
  snapshot(): Promise<boolean>;
  /** Waiting to retry: retry now. */
  wake(): void;
  /** The event mode changed: the connection view says so. */
  modeChanged(): void;
}

export class ReconcileCadence {
  readonly #d: CadenceDeps;
  #mode: ActiveEventMode;
  #datagrams = 0;
  #datagramsAtOpen = 0;
  #openedAt = 0;
  #linkProbes = 0;
  #reconciling: Promise<void> | undefined;
  #resyncAgain = false;

  constructor(deps: CadenceDeps) {
    this.#d = deps;
    this.#mode = deps.settings.eventMode === 'poll' ? 'poll' : 'udp';
  }

  get mode(): ActiveEventMode {
    return this.#mode;
  }

  /** Events and datagrams seen so far (each is a sign of UDP life). */
  get datagrams(): number {
    return this.#datagrams;
  }

  get eventSource(): EventSource {
    return eventSourceOf(this.#mode, this.#d.session.periodicPolling, this.#d.settings);
  }

  /** Each event, and each datagram we cannot use, is a sign of UDP life (read only while on UDP). */
  noteDatagram(): void {
    this.#datagrams += 1;
  }

  /** A session just opened: 'auto' without a UDP socket polls instead; UDP must prove itself again. */
  opened(): void {
    if (this.#d.session.eventsMode === 'poll') this.#switchMode('poll');
    this.#datagramsAtOpen = this.#datagrams;
    this.#openedAt = this.#d.now();
  }

  linkWentDown(): void {
    this.#linkProbes = 0;
  }

  nextCheckMs(): number | undefined {
    const t = this.#d.timing;
    const linkDown = this.#d.linkDown();
    const inputs = {
      mode: this.#mode,
      linkDown,
      linkProbes: this.#linkProbes,
      udpProven: this.#datagrams > this.#datagramsAtOpen,
      openForMs: this.#d.now() - this.#openedAt,
    };
    if (linkDown) this.#linkProbes += 1;
    return nextCheckMs(t, inputs, (n) => backoffDelay(n, { baseMs: t.backoffBaseMs, maxMs: t.backoffMaxMs }));
  }

  /** Snapshot while monitored: repairs lost events; detects blocked UDP in 'auto'. One at a time. */
  reconcile(): Promise<void> {
    if (this.#reconciling) return this.#reconciling;
    const phase = this.#d.phase();
    if (!phase) return Promise.resolve();
    this.#reconciling = this.#d
      .snapshot()
      .then((changed) => {
        const silent = this.#datagrams === this.#datagramsAtOpen;
        if (changed && silent && this.#mode === 'udp' && this.#d.settings.eventMode === 'auto') {
          this.#switchMode('poll');
          this.#d.session.usePolling();
        }
      })
      .catch((err: unknown) => phase.lose(err))
      .finally(() => {
        this.#reconciling = undefined;
        // The next periodic check counts from this one, whatever asked for it.
        if (this.#d.phase() !== phase) return;
        phase.rearm();
        if (this.#resyncAgain) {
          this.#resyncAgain = false;
          void this.reconcile();
        }
      });
    return this.#reconciling;
  }

  /** The link came back (the reducer's resync effect). */
  resync(): void {
    // A check already under way may have been answered before the link came back: one more.
    if (this.#reconciling) this.#resyncAgain = true;
    else if (this.#d.phase()) void this.reconcile();
    else this.#d.wake(); // waiting to retry: the link is back, retry now
  }

  /** A command succeeded: over UDP, one that should bring an event back and brought none suspects a gap. */
  afterCommand(req: TelRequest, datagramsBefore: number): void {
    if (this.#mode !== 'udp' || ANSWERED_WITHOUT_EVENT.has(req.type)) return;
    setTimeout(() => {
      if (this.#datagrams === datagramsBefore && this.#d.phase() && this.#mode === 'udp') void this.reconcile();
    }, this.#d.timing.probeMs).unref?.();
  }

  #switchMode(mode: ActiveEventMode): void {
    if (this.#mode === mode) return;
    this.#mode = mode;
    this.#d.modeChanged();
  }
}
