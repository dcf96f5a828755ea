/**
 * The typed subscription surface shared by the UDP listener and the session: subscribe to one
 * event type, to every event, to dropped PDUs and to non-fatal errors; each subscription returns
 * its unsubscribe function (DESIGN rule 2). A throwing subscriber is reported as an 'internal'
 * error and the others still run: one buggy consumer must not silence a line.
 */
import { CtiError } from '../../common/errors';
import type { TelEvent, TelEventType } from '../../common/telservices/events';
import { Subscribers } from './subscribers';

export type EventOf<T extends TelEventType> = Extract<TelEvent, { type: T }>;

export interface DroppedEvent {
  /** Why it was dropped, for the log. */
  reason: string;
  /** 'malformedReply' for unreadable bytes; the session uses 'invalidArgument' for another device's event. */
  code: CtiError['code'];
  /** The first bytes of the offending PDU (never the whole datagram). */
  start: string;
  from?: { address: string; port: number };
}

export class EventHub {
  private readonly typeSubs = new Map<TelEventType, Subscribers<TelEvent>>();
  private readonly anySubs = new Subscribers<TelEvent>();
  private readonly droppedSubs = new Subscribers<DroppedEvent>();
  private readonly errorSubs = new Subscribers<CtiError>();
  private readonly onThrow = (e: unknown): void =>
    this.emitError(new CtiError('internal', `subscriber threw: ${e instanceof Error ? e.message : String(e)}`));

  /** Subscribes to one event type. */
  on<T extends TelEventType>(type: T, fn: (event: EventOf<T>) => void): () => void {
    let subs = this.typeSubs.get(type);
    if (!subs) {
      subs = new Subscribers<TelEvent>();
      this.typeSubs.set(type, subs);
    }
    return subs.add(fn as (event: TelEvent) => void);
  }

  /** Every event, whatever its type. */
  onEvent(fn: (event: TelEvent) => void): () => void {
    return this.anySubs.add(fn);
  }

  /** PDUs that could not be used (unreadable, or for another device). */
  onDropped(fn: (dropped: DroppedEvent) => void): () => void {
    return this.droppedSubs.add(fn);
  }

  /** Problems that stop nothing: socket errors after start, failed polls, throwing subscribers. */
  onError(fn: (err: CtiError) => void): () => void {
    return this.errorSubs.add(fn);
  }

  protected emitEvent(event: TelEvent): void {
    this.typeSubs.get(event.type)?.emit(event, this.onThrow);
    this.anySubs.emit(event, this.onThrow);
  }

  protected emitDropped(dropped: DroppedEvent): void {
    this.droppedSubs.emit(dropped, this.onThrow);
  }

  protected emitError(err: CtiError): void {
    this.errorSubs.emit(err);
  }
}
