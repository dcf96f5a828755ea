/**
 * A scriptable fake TelServer on real loopback sockets, for transport, client, session and CLI tests.
 *
 * It listens on 127.0.0.1:<OS-chosen port>. Each accepted TCP connection carries one request
 * (read until `</TelServiceRequest>` or the end-of-PDU sequence); the request XML is recorded in
 * `requests` and a handler decides what happens: a reply (whole or in chunks, with delays), a reply
 * that leaves the socket open, a hang, a close without reply, or a partial reply then close.
 * With `http: true` the same port also answers HTTP POSTs (the first bytes decide, per connection).
 *
 * It deliberately does NOT use main/telservices/framing: the fake must not share bugs with the
 * code it tests.
 */
import { createSocket, type Socket as UdpSocket } from 'node:dgram';
import { createServer as createHttpServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { createServer, type Server, type Socket } from 'node:net';

export type FakeAction =
  /** Write the reply (plus the server's end-of-PDU sequence if set), then close the connection. */
  | { kind: 'reply'; xml: string; chunks?: number; chunkDelayMs?: number; delayMs?: number; keepOpen?: boolean }
  /** Accept the request and never answer (the socket stays open until the client or close() ends it). */
  | { kind: 'hang' }
  /** Close the connection without writing anything. */
  | { kind: 'close' }
  /** Write these bytes (typically a truncated reply, no end-of-PDU), then close. */
  | { kind: 'partial'; xml: string }
  /** HTTP only: answer this status (and optional body). On TCP it behaves like 'close'. */
  | { kind: 'httpStatus'; status: number; body?: string };

export interface FakeRequestContext {
  /** 0-based index of this request in `requests`. */
  index: number;
  transport: 'tcp' | 'http';
}

export type FakeHandler = (requestXml: string, ctx: FakeRequestContext) => FakeAction | Promise<FakeAction>;

export interface FakeTelServerOptions {
  handler?: FakeHandler;
  /** The server's end-of-PDU sequence: requests are split on it and replies end with it. */
  endOfPdu?: string;
  /** Also answer HTTP POSTs on the same port. */
  http?: boolean;
}

export const STANDARD_RESULT = '<TelServiceReturn><result><standard/></result></TelServiceReturn>';

const REQUEST_END = '</TelServiceRequest>';

export class FakeTelServer {
  readonly host = '127.0.0.1';
  /** Every request received, in arrival order (without the end-of-PDU sequence). */
  readonly requests: string[] = [];
  private handler: FakeHandler;
  private readonly sockets = new Set<Socket>();
  private readonly timers = new Set<NodeJS.Timeout>();
  private readonly httpServer = createHttpServer((req, res) => void this.onHttp(req, res));

  private constructor(
    private readonly server: Server,
    private readonly opts: FakeTelServerOptions,
  ) {
    this.handler = opts.handler ?? (() => ({ kind: 'reply', xml: STANDARD_RESULT }));
  }

  static async start(opts: FakeTelServerOptions = {}): Promise<FakeTelServer> {
    const server = createServer();
    const fake = new FakeTelServer(server, opts);
    server.on('connection', (s) => fake.onConnection(s));
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(0, '127.0.0.1', () => resolve());
    });
    return fake;
  }

  get port(): number {
    const addr = this.server.address();
    if (addr === null || typeof addr === 'string') throw new Error('fake server not listening');
    return addr.port;
  }

  /** Replace the handler (takes effect for the next request). */
  setHandler(handler: FakeHandler): void {
    this.handler = handler;
  }

  /** Number of client connections still open (to check the client closes its sockets). */
  get openConnections(): number {
    return this.sockets.size;
  }

  async close(): Promise<void> {
    for (const t of this.timers) clearTimeout(t);
    this.timers.clear();
    for (const s of this.sockets) s.destroy();
    this.sockets.clear();
    this.httpServer.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private onConnection(socket: Socket): void {
    this.sockets.add(socket);
    socket.on('close', () => this.sockets.delete(socket));
    socket.on('error', () => socket.destroy());
    let text = '';
    let decided = false;
    const onData = (chunk: Buffer): void => {
      if (decided) return;
      if (this.opts.http && text === '' && /^(POST|GET|PUT|HEAD|DELETE|OPTIONS) /.test(chunk.toString('latin1', 0, 8))) {
        decided = true;
        socket.off('data', onData);
        socket.pause();
        socket.unshift(chunk);
        this.httpServer.emit('connection', socket);
        socket.resume();
        return;
      }
      text += chunk.toString('utf8');
      const end = this.requestEnd(text);
      if (end < 0) return;
      decided = true;
      socket.off('data', onData);
      void this.serveTcp(socket, text.slice(0, end));
    };
    socket.on('data', onData);
    socket.on('end', () => {
      if (!decided && text !== '') {
        decided = true;
        void this.serveTcp(socket, text);
      }
    });
  }

  /** Index just past the request (end tag or end-of-PDU excluded), or -1 while incomplete. */
  private requestEnd(text: string): number {
    const eop = this.opts.endOfPdu;
    if (eop) {
      const i = text.indexOf(eop);
      if (i >= 0) return i;
    }
    const j = text.indexOf(REQUEST_END);
    return j >= 0 ? j + REQUEST_END.length : -1;
  }

  private async decide(xml: string, transport: 'tcp' | 'http'): Promise<FakeAction> {
    const index = this.requests.push(xml) - 1;
    try {
      return await this.handler(xml, { index, transport });
    } catch {
      return { kind: 'close' };
    }
  }

  private async serveTcp(socket: Socket, xml: string): Promise<void> {
    const action = await this.decide(xml.trim(), 'tcp');
    switch (action.kind) {
      case 'hang':
        return;
      case 'close':
      case 'httpStatus':
        socket.end();
        return;
      case 'partial':
        socket.end(Buffer.from(action.xml, 'utf8'));
        return;
      case 'reply': {
        await this.sleep(action.delayMs ?? 0);
        const bytes = Buffer.from(action.xml + (this.opts.endOfPdu ?? ''), 'utf8');
        const pieces = splitBytes(bytes, action.chunks ?? 1);
        for (let i = 0; i < pieces.length; i++) {
          if (socket.destroyed) return;
          if (i > 0) await this.sleep(action.chunkDelayMs ?? 5);
          socket.write(pieces[i] as Buffer);
        }
        if (!action.keepOpen) socket.end();
        return;
      }
      default: {
        const never: never = action;
        throw new Error(`unknown action ${JSON.stringify(never)}`);
      }
    }
  }

  private async onHttp(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const parts: Buffer[] = [];
    for await (const part of req) parts.push(part as Buffer);
    const action = await this.decide(Buffer.concat(parts).toString('utf8').trim(), 'http');
    switch (action.kind) {
      case 'hang':
        return;
      case 'close':
        res.socket?.destroy();
        return;
      case 'partial': {
        const body = Buffer.from(action.xml, 'utf8');
        res.writeHead(200, { 'Content-Type': 'text/xml; charset=utf-8', 'Content-Length': body.length + 100 });
        res.write(body);
        res.socket?.destroySoon();
        return;
      }
      case 'httpStatus':
        res.writeHead(action.status, { 'Content-Type': 'text/plain; charset=utf-8' });
        res.end(action.body ?? '');
        return;
      case 'reply': {
        await this.sleep(action.delayMs ?? 0);
        const bytes = Buffer.from(action.xml, 'utf8');
        res.writeHead(200, { 'Content-Type': 'text/xml; charset=utf-8', 'Content-Length': bytes.length });
        const pieces = splitBytes(bytes, action.chunks ?? 1);
        for (let i = 0; i < pieces.length; i++) {
          if (i > 0) await this.sleep(action.chunkDelayMs ?? 5);
          res.write(pieces[i]);
        }
        res.end();
        return;
      }
      default: {
        const never: never = action;
        throw new Error(`unknown action ${JSON.stringify(never)}`);
      }
    }
  }

  private sleep(ms: number): Promise<void> {
    if (ms <= 0) return Promise.resolve();
    return new Promise((resolve) => {
      const t = setTimeout(() => {
        this.timers.delete(t);
        resolve();
      }, ms);
      this.timers.add(t);
    });
  }
}

/** Split bytes into `n` nearly equal pieces (byte offsets: may cut inside a UTF-8 character, on purpose). */
export function splitBytes(bytes: Buffer, n: number): Buffer[] {
  const count = Math.max(1, Math.min(n, bytes.length));
  const size = Math.ceil(bytes.length / count);
  const out: Buffer[] = [];
  for (let i = 0; i < bytes.length; i += size) out.push(bytes.subarray(i, i + size));
  return out;
}

/** A UDP sender bound to an ephemeral loopback port, to push event datagrams at a listener. */
export class UdpSender {
  private readonly socket: UdpSocket = createSocket('udp4');

  send(port: number, payload: string | Buffer, host = '127.0.0.1'): Promise<void> {
    const bytes = typeof payload === 'string' ? Buffer.from(payload, 'utf8') : payload;
    return new Promise((resolve, reject) => {
      this.socket.send(bytes, port, host, (err) => (err ? reject(err) : resolve()));
    });
  }

  close(): Promise<void> {
    return new Promise((resolve) => this.socket.close(() => resolve()));
  }
}

/** Send one datagram and close the sending socket. */
export async function sendUdp(port: number, payload: string | Buffer, host = '127.0.0.1'): Promise<void> {
  const sender = new UdpSender();
  try {
    await sender.send(port, payload, host);
  } finally {
    await sender.close();
  }
}
