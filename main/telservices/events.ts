/**
 * UDP events -> typed TelEvents. One listener per session (the server sends a session's events to
 * the port given in its openSession). A datagram we cannot read is reported and dropped, never
 * fatal: one bad packet must not stop the event stream of a line.
 */
import { createSocket, type RemoteInfo, type Socket } from 'node:dgram';
import { CtiError } from '../../common/errors';
import type { TelEvent } from '../../common/telservices/events';
import { decodeEvent } from './codec';
import { splitDatagram } from './framing';
import { EventHub } from './event-hub';
import { preview } from './transport';

export type { DroppedEvent, EventOf } from './event-hub';

export interface UdpEventListenerOptions {
  /** 0 (default) lets the OS pick; read the chosen one from `port`. */
  port?: number;
  /** '127.0.0.1' (default, same-host server) or '0.0.0.0' (a remote TelServer must reach us). */
  host?: string;
  endOfPdu?: string;
  maxBytes?: number;
}

export class UdpEventListener extends EventHub {
  private closed = false;

  private constructor(
    private readonly socket: Socket,
    private readonly opts: UdpEventListenerOptions,
  ) {
    super();
    socket.on('message', (msg, rinfo) => this.onDatagram(msg, rinfo));
    socket.on('error', (e) => this.emitError(new CtiError('network', `UDP event socket: ${e.message}`)));
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
      this.emitEvent(event);
    }
  }

  private drop(err: unknown, text: string, rinfo: RemoteInfo): void {
    const cti = err instanceof CtiError ? err : new CtiError('malformedReply', String(err));
    const from = { address: rinfo.address, port: rinfo.port };
    this.emitDropped({ reason: cti.message, code: cti.code, start: preview(text), from });
  }

  private framing(): { endOfPdu?: string; maxBytes?: number } {
    const f: { endOfPdu?: string; maxBytes?: number } = {};
    if (this.opts.endOfPdu) f.endOfPdu = this.opts.endOfPdu;
    if (this.opts.maxBytes) f.maxBytes = this.opts.maxBytes;
    return f;
  }
}
