/**
 * The snapshot long-poll (`resultOnEvent`): where UDP events cannot arrive, the server holds a
 * snapshot request until something changes or `timeoutSec` passes, and we ask again with the
 * sequence number it gave. Each answer is a full snapshot, which the reducer applies as a resync.
 */
import { CtiError } from '../../common/errors';
import type { SnapshotInfo } from '../../common/telservices/structures';
import type { LineLink } from './link';

export interface LongPollOptions {
  timeoutSec: number;
  requestTimeoutMs: number;
  onSnapshot: (snapshot: SnapshotInfo) => void;
  /** Floor between two polls when the server answers at once without a sequence number. */
  minIntervalMs?: number;
}

export class LongPoll {
  constructor(
    private readonly link: LineLink,
    private readonly deviceNumber: string,
    private readonly opts: LongPollOptions,
  ) {}

  /** Polls until `signal` aborts; rejects on the first failed request (the Line reconnects). */
  async run(signal: AbortSignal): Promise<void> {
    let seq: string | undefined;
    const minInterval = this.opts.minIntervalMs ?? 250;
    while (!signal.aborted) {
      const started = Date.now();
      const resultOnEvent = seq === undefined ? { timeout: String(this.opts.timeoutSec) } : { timeout: String(this.opts.timeoutSec), snapshotSeq: seq };
      const result = await this.link.request(
        { type: 'snapshot', deviceNumber: this.deviceNumber, resultOnEvent },
        { timeoutMs: this.opts.timeoutSec * 1000 + this.opts.requestTimeoutMs, signal },
      );
      if (signal.aborted) return;
      if (result.type !== 'snapshot') throw new CtiError('malformedReply', `long-poll answered with ${result.type}`);
      const nextSeq = result.snapshot.snapshotSeq;
      this.opts.onSnapshot(result.snapshot);
      // A server that ignores resultOnEvent answers at once: do not spin, poll at a steady pace.
      if ((nextSeq === undefined || nextSeq === seq) && Date.now() - started < minInterval) {
        await new Promise((r) => setTimeout(r, minInterval));
      }
      seq = nextSeq;
    }
  }
}
