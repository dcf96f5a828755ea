/**
 * Sends TelServiceEvent PDUs as UDP datagrams (one event per datagram, followed by the end-of-PDU
 * sequence when the server has one), dropping a configured share of them on purpose.
 */
import { createSocket, type Socket, type SocketType } from 'node:dgram';
import { isIPv6 } from 'node:net';
import type { TelEvent } from '../../../common/telservices/events';
import { encodeEvent } from '../../telservices/codec';
import { DropGate } from './faults';

export interface EventSenderOptions {
  endOfPdu?: string;
  /** Read at each send: the current fault setting. */
  dropShare: () => number;
}

export class EventSender {
  /** One socket per family, made on first use (a client reached over IPv6 gets its events over IPv6). */
  private readonly sockets = new Map<SocketType, Socket>();
  private readonly gate = new DropGate();
  private closed = false;
  sent = 0;
  dropped = 0;

  constructor(private readonly options: EventSenderOptions) {}

  private socketFor(host: string): Socket {
    const type: SocketType = isIPv6(host) ? 'udp6' : 'udp4';
    let socket = this.sockets.get(type);
    if (!socket) {
      socket = createSocket(type);
      // A client that vanished makes the OS answer ICMP "port unreachable": never fatal for a server.
      socket.on('error', () => {});
      socket.unref();
      this.sockets.set(type, socket);
    }
    return socket;
  }

  /** One event -> its datagram bytes, encoded once however many clients receive it. */
  encode(event: TelEvent): Buffer {
    return Buffer.from(encodeEvent(event) + (this.options.endOfPdu ?? ''), 'utf8');
  }

  send(host: string, port: number, datagram: Buffer): void {
    if (this.closed) return;
    if (this.gate.shouldDrop(this.options.dropShare())) {
      this.dropped++;
      return;
    }
    this.sent++;
    this.socketFor(host).send(datagram, port, host, () => {});
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    for (const socket of this.sockets.values()) socket.close();
    this.sockets.clear();
  }
}
