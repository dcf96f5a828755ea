/**
 * The second way to get updates, for clients UDP cannot reach (behind NAT, web mode over HTTP):
 * a loop of `snapshot` long-polls (`resultOnEvent {timeout, snapshotSeq}`), each snapshot diffed
 * with the previous one into the same TelEvent stream UDP gives. Failures (HTTP 500, timeouts,
 * error replies) are reported and retried with capped exponential backoff; only stop() ends it.
 *
 * The first poll carries no snapshotSeq: the server has nothing to compare with, so it answers at
 * once with the current state (and the seq to send back next time).
 *
 * A server may not hold long-polls at all (the spec reserves resultOnEvent for HTTP clients, so a
 * TelServer may answer a raw-TCP long-poll at once): after `immediateAfter` polls in a row answered
 * quickly with no news, the poller says so (`onPeriodic`) and from then on takes a plain snapshot
 * every `periodicMs`, a bounded rate instead of a busy loop.
 *
 * Whether a failure is worth retrying is the owner's policy (`giveUp`). Its owner is the TelSession,
 * which gives up on noOpenSession (the session is gone) and otherwise after its `giveUpAfter`: never
 * for `cti listen`, at once for the line core, which reopens the whole session with its own backoff.
 */
import { CtiError } from '../../common/errors';
import type { TelEvent } from '../../common/telservices/events';
import type { SnapshotInfo } from '../../common/telservices/structures';
import { backoffDelay } from './backoff';
import type { TelClient } from './client';
import { diffSnapshots } from './snapshot-diff';

export interface SnapshotPollerOptions {
  client: Pick<TelClient, 'snapshot'>;
  deviceNumber: string;
  /** Seconds the server may hold a poll (resultOnEvent.timeout). Default 30. */
  pollTimeoutS?: number;
  /** Extra reply time over the poll timeout before we call it a transport timeout. Default 5000 ms. */
  marginMs?: number;
  /** Backoff after failures. Defaults: 500 ms base, 30 s cap. */
  backoff?: { baseMs: number; maxMs: number; random?: () => number };
  onEvent: (event: TelEvent) => void;
  /** A failed poll; `retryInMs` is the backoff before the next one. */
  onError?: (err: CtiError, attempt: number, retryInMs: number) => void;
  /** Each snapshot received (after its events were emitted). */
  onSnapshot?: (snapshot: SnapshotInfo) => void;
  /** True: stop polling after this failure (`attempt` counts from 1) instead of retrying. Default: never. */
  giveUp?: (err: CtiError, attempt: number) => boolean;
  /** The loop ended because `giveUp` said so; `err` is the last failure. */
  onGiveUp?: (err: CtiError) => void;
  /** Floor between two polls when the server answers at once without a new snapshotSeq. Default 250 ms. */
  minIntervalMs?: number;
  /** Polls in a row answered within `quickMs` with no news before the server is taken not to hold them. Default 3. */
  immediateAfter?: number;
  /** An answer faster than this did not wait for news. Default: a quarter of the poll timeout, at most 1 s. */
  quickMs?: number;
  /** Period of the snapshot once the server is found not to hold polls. Default 2000 ms. */
  periodicMs?: number;
  /** The server answers long-polls at once: the poller now snapshots every `periodicMs`. */
  onPeriodic?: (periodicMs: number) => void;
}

export class SnapshotPoller {
  private running: Promise<void> | null = null;
  private abort = new AbortController();
  private last: SnapshotInfo | undefined;
  private seq: string | undefined;
  private periodic = false;

  constructor(private readonly opts: SnapshotPollerOptions) {}

  get isRunning(): boolean {
    return this.running !== null;
  }

  /** True once the server was found to answer long-polls at once (a periodic snapshot since). */
  get isPeriodic(): boolean {
    return this.periodic;
  }

  start(): void {
    if (this.running) return;
    this.abort = new AbortController();
    this.running = this.loop(this.abort.signal).finally(() => {
      this.running = null;
    });
  }

  /** Stops the loop and cancels the poll in flight; resolves once the loop has ended. */
  async stop(): Promise<void> {
    this.abort.abort();
    await this.running;
  }

  private async loop(signal: AbortSignal): Promise<void> {
    const timeoutS = this.opts.pollTimeoutS ?? 30;
    const timeoutMs = timeoutS * 1000 + (this.opts.marginMs ?? 5000);
    const backoff = this.opts.backoff ?? { baseMs: 500, maxMs: 30_000 };
    const minIntervalMs = this.opts.minIntervalMs ?? 250;
    const quickMs = this.opts.quickMs ?? Math.min(1000, (timeoutS * 1000) / 4);
    const periodicMs = this.opts.periodicMs ?? 2000;
    const immediateAfter = this.opts.immediateAfter ?? 3;
    let attempt = 0;
    let quickEmpty = 0;
    while (!signal.aborted) {
      const started = Date.now();
      const seqBefore = this.seq;
      try {
        const resultOnEvent = this.seq === undefined ? { timeout: String(timeoutS) } : { timeout: String(timeoutS), snapshotSeq: this.seq };
        const snap = await this.opts.client.snapshot(
          { deviceNumber: this.opts.deviceNumber, resultOnEvent },
          { timeoutMs, signal },
        );
        attempt = 0;
        const news = this.accept(snap);
        if (this.periodic) {
          await sleep(periodicMs, signal);
          continue;
        }
        // Quick with no news, after the first poll (which has nothing to wait for): not held.
        const quick = seqBefore !== undefined && !news && Date.now() - started < quickMs;
        quickEmpty = quick ? quickEmpty + 1 : 0;
        if (quickEmpty >= immediateAfter) {
          this.periodic = true;
          this.opts.onPeriodic?.(periodicMs);
          await sleep(periodicMs, signal);
        } else if ((snap.snapshotSeq === undefined || snap.snapshotSeq === seqBefore) && Date.now() - started < minIntervalMs) {
          // A server that ignores resultOnEvent answers at once: do not spin, poll at a steady pace.
          await sleep(minIntervalMs, signal);
        }
      } catch (e) {
        if (signal.aborted) return;
        const err = e instanceof CtiError ? e : new CtiError('internal', e instanceof Error ? e.message : String(e));
        if (this.opts.giveUp?.(err, attempt + 1)) {
          this.opts.onGiveUp?.(err);
          return;
        }
        const delay = backoffDelay(attempt, backoff);
        attempt++;
        this.opts.onError?.(err, attempt, delay);
        await sleep(delay, signal);
      }
    }
  }

  /** Emits what changed; true when something did. */
  private accept(snap: SnapshotInfo): boolean {
    const events = diffSnapshots(this.last, snap, this.opts.deviceNumber);
    // Absent fields are absent (not undefined), so the spread keeps what an earlier snapshot said
    // about them and a later snapshot is diffed against the whole known state.
    this.last = { ...this.last, ...snap };
    if (snap.snapshotSeq !== undefined) this.seq = snap.snapshotSeq;
    // A throwing subscriber is its own bug: report it, do not treat it as a failed poll.
    for (const event of events) this.guard(() => this.opts.onEvent(event));
    this.guard(() => this.opts.onSnapshot?.(snap));
    return events.length > 0;
  }

  private guard(fn: () => void): void {
    try {
      fn();
    } catch (e) {
      const msg = e instanceof Error ? e.message : String(e);
      this.opts.onError?.(new CtiError('internal', `snapshot subscriber threw: ${msg}`), 0, 0);
    }
  }
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve();
    const done = (): void => {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal.addEventListener('abort', done, { once: true });
  });
}
