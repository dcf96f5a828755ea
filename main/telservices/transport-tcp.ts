/**
 * TelServices over TCP: one request per connection (connect, write the request and the end-of-PDU
 * sequence if configured, read until the framer has a whole reply or the server closes, close).
 * Timers, abort and the one `settle` every path ends in come from `runRequest` (shared with HTTP):
 * nothing leaks whichever way a request ends.
 */
import { connect, type Socket } from 'node:net';
import { CtiError } from '../../common/errors';
import { PduAssembler } from './framing';
import {
  preview,
  resolveTransportOptions,
  runRequest,
  socketError,
  type RequestOptions,
  type ResolvedTransportOptions,
  type Transport,
  type TransportOptions,
} from './transport';

/** Opens the connection; injectable (DESIGN rule 6) so tests can hand over a socket that never connects. */
export type ConnectFn = (host: string, port: number) => Socket;

const netConnect: ConnectFn = (host, port) => connect({ host, port });

export class TcpTransport implements Transport {
  private readonly opts: ResolvedTransportOptions;

  constructor(
    opts: TransportOptions,
    private readonly connectFn: ConnectFn = netConnect,
  ) {
    this.opts = resolveTransportOptions(opts);
  }

  get where(): string {
    return `${this.opts.host}:${this.opts.port}`;
  }

  request(xml: string, ropts: RequestOptions = {}): Promise<string> {
    const { host, port, connectTimeoutMs, endOfPdu, maxReplyBytes } = this.opts;
    const replyTimeoutMs = ropts.timeoutMs ?? this.opts.replyTimeoutMs;
    const where = this.where;
    const limits = { where, connectTimeoutMs, replyTimeoutMs, signal: ropts.signal };
    const assembler = new PduAssembler({ endOfPdu, maxBytes: maxReplyBytes });
    return runRequest(limits, () => this.connectFn(host, port), (socket, { settle, connected }) => {
      socket.setNoDelay(true);
      socket.once('connect', () => {
        connected();
        socket.write(xml + endOfPdu, 'utf8');
      });
      socket.on('data', (chunk: Buffer) => {
        try {
          const pdu = assembler.push(chunk);
          if (pdu !== null) settle(null, pdu);
        } catch (e) {
          settle(socketError(e, where));
        }
      });
      socket.once('end', () => settle(closedError(assembler, where)));
      socket.once('close', () => settle(closedError(assembler, where)));
      socket.on('error', (e) => settle(socketError(e, where)));
    });
  }
}

/**
 * The server closed before the framer saw a whole reply. With nothing received, or a PDU whose root
 * never closed (and no end-of-PDU sequence), we do not hand half a reply to the codec: it would fail
 * as 'malformedReply' and hide that the connection was cut.
 */
function closedError(assembler: PduAssembler, where: string): CtiError {
  const partial = assembler.end();
  if (partial.trim() === '') return new CtiError('closedWithoutReply', `${where} closed the connection without a reply`);
  return new CtiError('closedWithoutReply', `${where} closed the connection in the middle of a reply`, {
    bytes: assembler.size,
    start: preview(partial),
  });
}
