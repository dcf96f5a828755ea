/**
 * TelServices over HTTP (the spec's web mode): POST the request XML to `http://host:port/`, the reply
 * is the body. A fresh connection per request (agent: false): the long-poll holds one open for
 * minutes and must not starve or be reused by the short requests.
 */
import { request as httpRequest, type ClientRequest, type IncomingMessage } from 'node:http';
import { CtiError } from '../../common/errors';
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

export class HttpTransport implements Transport {
  private readonly opts: ResolvedTransportOptions;

  constructor(opts: TransportOptions) {
    this.opts = resolveTransportOptions(opts);
  }

  get where(): string {
    return `http://${this.opts.host}:${this.opts.port}/`;
  }

  request(xml: string, ropts: RequestOptions = {}): Promise<string> {
    const { host, port, connectTimeoutMs, maxReplyBytes } = this.opts;
    const replyTimeoutMs = ropts.timeoutMs ?? this.opts.replyTimeoutMs;
    const where = this.where;
    const body = Buffer.from(xml, 'utf8');
    const limits = { where, connectTimeoutMs, replyTimeoutMs, signal: ropts.signal };
    const open = (): ClientRequest =>
      httpRequest({
        host,
        port,
        path: '/',
        method: 'POST',
        agent: false,
        headers: { 'Content-Type': 'text/xml; charset=utf-8', 'Content-Length': body.length },
      });
    return runRequest(limits, open, (req, { settle, connected }) => {
      req.once('socket', (socket) => {
        socket.once('connect', () => connected());
      });
      req.on('error', (e) => settle(isHangUp(e) ? closedError(where, 'without a reply') : socketError(e, where)));
      req.once('response', (res: IncomingMessage) => readBody(res));
      req.end(body);

      function readBody(res: IncomingMessage): void {
        const parts: Buffer[] = [];
        let size = 0;
        res.on('data', (chunk: Buffer) => {
          size += chunk.length;
          if (size > maxReplyBytes) {
            settle(new CtiError('malformedReply', `reply larger than ${maxReplyBytes} bytes`, { bytes: size }));
            return;
          }
          parts.push(chunk);
        });
        // The response had started: any failure now means the server cut the reply short.
        res.on('error', () => settle(closedError(where, 'in the middle of a reply')));
        res.once('aborted', () => settle(closedError(where, 'in the middle of a reply')));
        res.once('end', () => {
          const text = Buffer.concat(parts).toString('utf8');
          const status = res.statusCode ?? 0;
          if (status < 200 || status > 299) {
            settle(new CtiError('httpStatus', `${where} answered HTTP ${status}`, { status, start: preview(text) }));
          } else if (!res.complete) {
            settle(closedError(where, 'in the middle of a reply'));
          } else if (text.trim() === '') {
            settle(new CtiError('closedWithoutReply', `${where} answered an empty body`, { status }));
          } else {
            settle(null, text.trim());
          }
        });
      }
    });
  }
}

function closedError(where: string, how: string): CtiError {
  return new CtiError('closedWithoutReply', `${where} closed the connection ${how}`);
}

/** Node's name for "the server closed before any response": that is a missing reply, not a network fault. */
function isHangUp(err: unknown): boolean {
  return (err as NodeJS.ErrnoException).code === 'ECONNRESET' && err instanceof Error && err.message === 'socket hang up';
}
