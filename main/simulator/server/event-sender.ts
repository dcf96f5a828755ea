/**
 * Sends TelServiceEvent PDUs as UDP datagrams (one event per datagram, followed by the end-of-PDU
 * sequence when the server has one), dropping a configured share of them on purpose.
 */
import { createSocket, type Socket } from 'node:dgram';
import type { TelEvent } from '../../../common/telservices/events';
import { encodeEvent } from '../../telservices/codec';
import { DropGate } from './faults';

export interface EventSenderOptions {
  endOfPdu?: string;
  /** Read at each send: the current fault setting. */
  dropShare: () => number;
}

export class EventSender {
  private readonly socket: Socket;
  private readonly gate = new DropGate();
  private closed = false;
  sent = 0;
  dropped = 0;

  constructor(private readonly options: EventSenderOptions) {
    this.socket = createSocket('udp4');
    // A client that vanished makes the OS answer ICMP "port unreachable": never fatal for a server.
    this.socket.on('error', () => {});
    this.socket.unref();
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
    this.socket.send(datagram, port, host, () => {});
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.socket.close();
  }
}
