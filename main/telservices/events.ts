/**
 * UDP events -> typed TelEvents. One listener per session (the server sends a session's events to
 * the port given in its openSession). A datagram we cannot read is reported and dropped, never
 * fatal: one bad packet must not stop the event stream of a line.
 *
 * With `allowedSources`, only datagrams from those addresses are read; the others are counted
 * (`foreignDatagrams`) and reported as a 'network' error now and then, never decoded. With `routeTo`
 * and no `host`, the socket binds the local address that routes to the server (./udp-sources).
 */
import { createSocket, type RemoteInfo, type Socket } from 'node:dgram';
import { CtiError } from '../../common/errors';
import type { TelEvent } from '../../common/telservices/events';
import { decodeEvent } from './codec';
import { splitDatagram } from './framing';
import { EventHub } from './event-hub';
import { preview } from './transport';
import { localAddressToward, resolveSources, sourceAddress, worthReporting } from './udp-sources';

export type { DroppedEvent, EventOf } from './event-hub';

export interface UdpEventListenerOptions {
  /** 0 (default) lets the OS pick; read the chosen one from `port`. */
  port?: number;
  /** The address to bind. Default: the one routing to `routeTo` if given, else '127.0.0.1'. */
  host?: string;
  /** The TelServer's host: bind where its datagrams arrive rather than on every interface. */
  routeTo?: string;
  /** Read datagrams only from these hosts (names are resolved at start). Absent or empty: from anyone. */
  allowedSources?: readonly string[];
  endOfPdu?: string;
  maxBytes?: number;
}

export class UdpEventListener extends EventHub {
  private closed = false;
  private foreign = 0;

  private constructor(
    private readonly socket: Socket,
    private readonly opts: UdpEventListenerOptions,
    /** Resolved allow-list; null: every source. */
    private readonly allowed: ReadonlySet<string> | null,
  ) {
    super();
    socket.on('message', (msg, rinfo) => this.onDatagram(msg, rinfo));
    socket.on('error', (e) => this.emitError(new CtiError('network', `UDP event socket: ${e.message}`)));
  }

  /** Binds the socket; rejects with CtiError('network') if the port cannot be bound. */
  static async start(opts: UdpEventListenerOptions = {}): Promise<UdpEventListener> {
    const allowed = opts.allowedSources?.length ? await resolveSources(opts.allowedSources) : null;
    const host = opts.host ?? (opts.routeTo !== undefined ? await localAddressToward(opts.routeTo) : '127.0.0.1');
    const socket = createSocket('udp4');
    await new Promise<void>((resolve, reject) => {
      const onError = (e: Error): void => {
        socket.close();
        reject(new CtiError('network', `cannot listen for UDP events: ${e.message}`, { port: opts.port ?? 0, host }));
      };
      socket.once('error', onError);
      socket.bind(opts.port ?? 0, host, () => {
        socket.off('error', onError);
        resolve();
      });
    });
    return new UdpEventListener(socket, opts, allowed);
  }

  get port(): number {
    return this.socket.address().port;
  }

  /** The address the socket is bound to. */
  get address(): string {
    return this.socket.address().address;
  }

  /** Datagrams refused because they came from an address not in `allowedSources`. */
  get foreignDatagrams(): number {
    return this.foreign;
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await new Promise<void>((resolve) => this.socket.close(() => resolve()));
  }

  /** Splits one datagram into PDUs, decodes each and delivers the events; bad PDUs are reported and skipped. */
  private onDatagram(msg: Buffer, rinfo: RemoteInfo): void {
    if (this.allowed !== null && !this.allowed.has(sourceAddress(rinfo.address))) {
      this.refuse(msg, rinfo);
      return;
    }
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

  /** Not decoded, not a dropped event either (that would count as a sign of UDP life): a problem report. */
  private refuse(msg: Buffer, rinfo: RemoteInfo): void {
    this.foreign += 1;
    if (!worthReporting(this.foreign)) return;
    this.emitError(
      new CtiError('network', `ignored ${this.foreign} datagram(s) from addresses that are not the TelServer's (latest ${rinfo.address}:${rinfo.port})`, {
        foreign: this.foreign,
        address: rinfo.address,
        port: rinfo.port,
        bytes: msg.length,
      }),
    );
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
