/**
 * UDP events -> typed TelEvents. One listener per session (the server sends a session's events to
 * the port given in its openSession). A datagram we cannot read is reported and dropped, never
 * fatal: one bad packet must not stop the event stream of a line.
 */
import { createSocket, type RemoteInfo, type Socket } from 'node:dgram';
import { CtiError } from '../../common/errors';
import type { TelEvent, TelEventType } from '../../common/telservices/events';
import { decodeEvent } from './codec';
import { splitDatagram } from './framing';
import { Subscribers } from './subscribers';
import { preview } from './transport';

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

export interface UdpEventListenerOptions {
  /** 0 (default) lets the OS pick; read the chosen one from `port`. */
  port?: number;
  /** '127.0.0.1' (default, same-host server) or '0.0.0.0' (a remote TelServer must reach us). */
  host?: string;
  endOfPdu?: string;
  maxBytes?: number;
}

export class UdpEventListener {
  private readonly byType = new Map<TelEventType, Subscribers<TelEvent>>();
  private readonly any = new Subscribers<TelEvent>();
  private readonly dropped = new Subscribers<DroppedEvent>();
  private readonly errors = new Subscribers<CtiError>();
  private closed = false;

  private constructor(
    private readonly socket: Socket,
    private readonly opts: UdpEventListenerOptions,
  ) {
    socket.on('message', (msg, rinfo) => this.onDatagram(msg, rinfo));
    socket.on('error', (e) => this.reportError(new CtiError('network', `UDP event socket: ${e.message}`)));
  }

  /** Binds the socket; rejects with CtiError('network') if the port cannot be bound. */
  static async start(opts: UdpEventListenerOptions = {}): Promise<UdpEventListener> {
    const socket = createSocket('udp4');
    await new Promise<void>((resolve, reject) => {
      const onError = (e: Error): void => {
        socket.close();
        reject(new CtiError('network', `cannot listen for UDP events: ${e.message}`, { port: opts.port ?? 0 }));
      };
      socket.once('error', onError);
      socket.bind(opts.port ?? 0, opts.host ?? '127.0.0.1', () => {
        socket.off('error', onError);
        resolve();
      });
    });
    return new UdpEventListener(socket, opts);
  }

  get port(): number {
    return this.socket.address().port;
  }

  /** Subscribes to one event type; returns the unsubscribe function. */
  on<T extends TelEventType>(type: T, fn: (event: EventOf<T>) => void): () => void {
    let subs = this.byType.get(type);
    if (!subs) {
      subs = new Subscribers<TelEvent>();
      this.byType.set(type, subs);
    }
    return subs.add(fn as (event: TelEvent) => void);
  }

  /** Every event, whatever its type. */
  onEvent(fn: (event: TelEvent) => void): () => void {
    return this.any.add(fn);
  }

  /** Datagrams (or PDUs in them) that could not be decoded. */
  onDropped(fn: (dropped: DroppedEvent) => void): () => void {
    return this.dropped.add(fn);
  }

  /** Socket errors after binding and exceptions thrown by subscribers. */
  onError(fn: (err: CtiError) => void): () => void {
    return this.errors.add(fn);
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await new Promise<void>((resolve) => this.socket.close(() => resolve()));
  }

  /** Splits one datagram into PDUs, decodes each and delivers the events; bad PDUs are reported and skipped. */
  private onDatagram(msg: Buffer, rinfo: RemoteInfo): void {
    let pdus: string[];
    try {
      pdus = splitDatagram(msg, this.framing());
    } catch (e) {
      this.drop(e, msg.toString('utf8', 0, 120), rinfo);
      return;
    }
    for (const pdu of pdus) {
      let event: TelEvent;
      try {
        event = decodeEvent(pdu);
      } catch (e) {
        this.drop(e, pdu, rinfo);
        continue;
      }
      this.deliver(event);
    }
  }

  private deliver(event: TelEvent): void {
    const onThrow = (e: unknown): void =>
      this.reportError(new CtiError('internal', `event subscriber threw: ${e instanceof Error ? e.message : String(e)}`));
    this.byType.get(event.type)?.emit(event, onThrow);
    this.any.emit(event, onThrow);
  }

  private drop(err: unknown, text: string, rinfo: RemoteInfo): void {
    const cti = err instanceof CtiError ? err : new CtiError('malformedReply', String(err));
    const from = { address: rinfo.address, port: rinfo.port };
    this.dropped.emit({ reason: cti.message, code: cti.code, start: preview(text), from });
  }

  private reportError(err: CtiError): void {
    this.errors.emit(err);
  }

  private framing(): { endOfPdu?: string; maxBytes?: number } {
    const f: { endOfPdu?: string; maxBytes?: number } = {};
    if (this.opts.endOfPdu) f.endOfPdu = this.opts.endOfPdu;
    if (this.opts.maxBytes) f.maxBytes = this.opts.maxBytes;
    return f;
  }
}
