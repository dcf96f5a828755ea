/**
 * What the snapshot long-poll needs: one sequence counter for the whole server, the sequence of
 * the last change per device, and the requests waiting for the next change. Every snapshot result
 * takes a fresh number from the same counter, so "changed since snapshotSeq" is a comparison.
 */
import type { Clock } from '../pbx/model';
import type { SessionEventName } from '../../../common/telservices/enums';

interface Waiter {
  wake: () => void;
}

export class ChangeFeed {
  private seq = 0;
  private readonly lastChange = new Map<string, number>();
  private readonly lastSessionEvent = new Map<string, { name: SessionEventName; seq: number }>();
  private readonly waiters = new Map<string, Set<Waiter>>();

  constructor(private readonly clock: Clock) {}

  /** A fresh snapshotSeq for a snapshot result. */
  issue(): number {
    return ++this.seq;
  }

  changed(device: string, sessionEvent?: SessionEventName): void {
    const seq = ++this.seq;
    this.lastChange.set(device, seq);
    if (sessionEvent) this.lastSessionEvent.set(device, { name: sessionEvent, seq });
    const waiting = this.waiters.get(device);
    if (!waiting) return;
    this.waiters.delete(device);
    for (const w of waiting) w.wake();
  }

  /** True when the device changed after `seq`, or when `seq` is not one we issued (a poller from before a restart). */
  changedSince(device: string, seq: number): boolean {
    return seq > this.seq || (this.lastChange.get(device) ?? 0) > seq;
  }

  /** The session event a poller has not seen yet (its snapshotSeq is older), if any. */
  sessionEventSince(device: string, seq: number): SessionEventName | undefined {
    const last = this.lastSessionEvent.get(device);
    return last && last.seq > seq ? last.name : undefined;
  }

  /** Resolves on the device's next change, after timeoutMs, or when the signal aborts (client gone). */
  waitForChange(device: string, timeoutMs: number, signal?: AbortSignal): Promise<void> {
    return new Promise((resolve) => {
      let cancelTimer = (): void => {};
      const waiter: Waiter = {
        wake: () => {
          cancelTimer();
          signal?.removeEventListener('abort', onAbort);
          this.waiters.get(device)?.delete(waiter);
          resolve();
        },
      };
      const onAbort = (): void => waiter.wake();
      if (signal?.aborted) return resolve();
      signal?.addEventListener('abort', onAbort, { once: true });
      let set = this.waiters.get(device);
      if (!set) {
        set = new Set();
        this.waiters.set(device, set);
      }
      set.add(waiter);
      cancelTimer = this.clock.setTimer(timeoutMs, () => waiter.wake());
    });
  }

  /**
   * Restart: wake every poller (their sockets are being closed anyway). The counter keeps going,
   * so a seq from before the restart is older than every change after it.
   */
  reset(): void {
    for (const set of this.waiters.values()) for (const w of [...set]) w.wake();
    this.waiters.clear();
  }

  get waiting(): number {
    let n = 0;
    for (const set of this.waiters.values()) n += set.size;
    return n;
  }
}
