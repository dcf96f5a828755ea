/**
 * An in-memory LineLink for the Line's unit tests: the session is a script the test drives (open
 * results, snapshots, status changes, events), and every call the Line makes is recorded.
 */
import { CtiError } from '../../../common/errors';
import type { TelEvent } from '../../../common/telservices/events';
import type { TelRequest } from '../../../common/telservices/requests';
import type { TelResult } from '../../../common/telservices/replies';
import type { SnapshotInfo } from '../../../common/telservices/structures';
import type { LineLink, LineSession, LineSessionOptions, LinkFactory } from '../../../main/core/link';
import type { SessionStatus, StatusChange } from '../../../main/telservices/session';

type Fn<A> = (arg: A) => void;

function subs<A>(): { add(fn: Fn<A>): () => void; emit(a: A): void } {
  const fns = new Set<Fn<A>>();
  return {
    add(fn) {
      fns.add(fn);
      return () => fns.delete(fn);
    },
    emit(a) {
      for (const fn of [...fns]) fn(a);
    },
  };
}

export class FakeSession implements LineSession {
  status: SessionStatus = 'idle';
  eventsMode: 'udp' | 'poll' | 'none';
  eventPort: number | undefined;
  periodicPolling = false;
  readonly #periodic = subs<number>();
  readonly calls: string[] = [];
  readonly requests: TelRequest[] = [];
  /** What the next open() does: resolve, or reject with this error. */
  openError: CtiError | undefined;
  /** Open switches to poll (as a session does when no UDP socket can be bound). */
  fallBackToPoll = false;
  /** The snapshot requests answer this. */
  snapshot: SnapshotInfo = { calls: [] };
  /** Requests other than snapshot answer this (or reject with it). */
  answer: (req: TelRequest) => TelResult | CtiError = () => ({ type: 'standard' });
  readonly closeOptions: ({ timeoutMs?: number } | undefined)[] = [];
  readonly #events = subs<TelEvent>();
  readonly #dropped = subs<void>();
  readonly #snapshots = subs<SnapshotInfo>();
  readonly #status = subs<StatusChange>();

  constructor(readonly options: LineSessionOptions) {
    this.eventsMode = options.eventMode === 'poll' ? 'poll' : 'udp';
  }

  async open(): Promise<void> {
    this.calls.push('open');
    this.#to('opening');
    if (this.openError) {
      this.#to('failed', this.openError);
      throw this.openError;
    }
    if (this.fallBackToPoll) this.eventsMode = 'poll';
    this.eventPort = this.eventsMode === 'udp' ? 40000 + this.calls.length : undefined;
    this.#to('open');
  }

  async close(opts?: { timeoutMs?: number }): Promise<void> {
    this.calls.push('close');
    this.closeOptions.push(opts);
    if (this.status === 'open' || this.status === 'opening') this.#to('closing');
    if (this.status !== 'idle' && this.status !== 'closed') this.#to('closed');
  }

  async abandon(error: CtiError): Promise<void> {
    this.calls.push(`abandon ${error.code}`);
    if (this.status === 'open') this.#to('failed', error);
  }

  async request(req: TelRequest): Promise<TelResult> {
    this.requests.push(req);
    if (this.status !== 'open') throw new CtiError('cancelled', 'the session is closed');
    if (req.type === 'snapshot') return { type: 'snapshot', snapshot: this.snapshot };
    const out = this.answer(req);
    if (out instanceof CtiError) throw out;
    return out;
  }

  usePolling(): void {
    this.calls.push('usePolling');
    this.eventsMode = 'poll';
  }

  onEvent(fn: Fn<TelEvent>): () => void {
    return this.#events.add(fn);
  }

  onDropped(fn: () => void): () => void {
    return this.#dropped.add(fn);
  }

  onSnapshot(fn: Fn<SnapshotInfo>): () => void {
    return this.#snapshots.add(fn);
  }

  onPeriodicPolling(fn: Fn<number>): () => void {
    return this.#periodic.add(fn);
  }

  /** The long-poll found the server answering at once. */
  pollsAnsweredAtOnce(periodMs: number): void {
    this.periodicPolling = true;
    this.#periodic.emit(periodMs);
  }

  onStatus(fn: Fn<StatusChange>): () => void {
    return this.#status.add(fn);
  }

  // ---- what the test drives ----

  event(e: TelEvent): void {
    this.#events.emit(e);
  }

  dropped(): void {
    this.#dropped.emit();
  }

  polled(s: SnapshotInfo): void {
    this.#snapshots.emit(s);
  }

  /** The session ends under the Line (server close, keep-alive, failed poll). */
  lost(to: 'closed' | 'failed', error: CtiError): void {
    this.#to(to, error);
  }

  #to(to: SessionStatus, error?: CtiError): void {
    const from = this.status;
    this.status = to;
    this.#status.emit({ from, to, at: Date.now(), ...(error && { error, reason: error.message }) });
  }
}

export interface FakeLink {
  factory: LinkFactory;
  session(): FakeSession;
  /** Session-less requests (directory, history). */
  requests: TelRequest[];
}

export function fakeLink(setup: (s: FakeSession) => void = () => undefined): FakeLink {
  let made: FakeSession | undefined;
  const requests: TelRequest[] = [];
  const link: LineLink = {
    request: async (req) => {
      requests.push(req);
      return { type: 'standard' };
    },
    session: (opts) => {
      made = new FakeSession(opts);
      setup(made);
      return made;
    },
  };
  return {
    factory: () => link,
    session: () => {
      if (!made) throw new Error('the Line made no session');
      return made;
    },
    requests,
  };
}
