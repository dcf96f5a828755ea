/**
 * The network front of the simulator: one TCP port that speaks both of the spec's transports.
 * The first non-blank byte of a connection decides: `<` is a raw TelServices request (one request
 * per connection, reply then close), anything else is handed to an HTTP server (POST the XML to
 * any path, or GET /makeCall?deviceNumber=…&calledDeviceNumber=…). Faults about replies (delay,
 * none, close without reply) are applied here, the same way on both transports.
 *
 * Request deadline, on both paths: a connection must deliver a whole request (raw PDU, or HTTP
 * headers and body) within `requestTimeoutMs` of its start (HTTP keep-alive: of the previous
 * reply), or it is closed. A hard timer, not an idle one, so dripping a byte at a time buys
 * nothing; and our own, because the HTTP server never listens (it is handed sockets), so Node's
 * requestTimeout/headersTimeout checks never run. Waiting for a reply (a long-poll) is not limited.
 */
import { createServer as createHttpServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { createServer, type Server, type Socket } from 'node:net';
import type { TelReply } from '../../../common/telservices/replies';
import type { TelRequest } from '../../../common/telservices/requests';
import { decodeRequest, encodeReply } from '../../telservices/codec';
import { PduAssembler } from '../../telservices/framing';
import type { Faults } from './faults';
import type { RequestContext } from './core';

export interface FrontOptions {
  host: string;
  endOfPdu?: string;
  handle: (req: TelRequest, ctx: RequestContext) => Promise<TelReply>;
  faults: () => Faults;
  /** A client that sends no complete request within this is dropped. Default 10 s. */
  requestTimeoutMs?: number;
}

const DEFAULT_REQUEST_TIMEOUT_MS = 10_000;

type Outcome = { kind: 'reply'; xml: string } | { kind: 'none' } | { kind: 'close' };

/** A fixed abort reason: abort() without one builds a DOMException (and its stack) per connection. */
const CLIENT_GONE = new Error('client went away');

const REJECT: TelReply = { kind: 'error', error: 'reject' };
const MAX_REQUEST_BYTES = 1024 * 1024;

/** "::ffff:127.0.0.1" -> "127.0.0.1": events go back over UDP4. */
function hostOf(socket: Socket): string {
  const addr = socket.remoteAddress ?? '127.0.0.1';
  return addr.startsWith('::ffff:') ? addr.slice(7) : addr;
}

export class Front {
  private server: Server | undefined;
  private readonly sockets = new Set<Socket>();
  /** Per connection: clears its request deadline (the request has fully arrived). */
  private readonly deadlines = new WeakMap<Socket, () => void>();
  private readonly http = createHttpServer((req, res) => {
    this.onHttp(req, res).catch(() => {
      if (!res.headersSent) res.writeHead(500).end();
      else res.destroy();
    });
  });

  constructor(private readonly options: FrontOptions) {
    this.http.keepAliveTimeout = 5000;
    this.http.requestTimeout = this.requestTimeoutMs;
  }

  private get requestTimeoutMs(): number {
    return this.options.requestTimeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS;
  }

  /** Closes `socket` unless its request is complete within the deadline; replaces an earlier one. */
  private armDeadline(socket: Socket): void {
    this.deadlines.get(socket)?.();
    const timer = setTimeout(() => socket.destroy(), this.requestTimeoutMs);
    timer.unref();
    const clear = (): void => {
      clearTimeout(timer);
      this.deadlines.delete(socket);
    };
    this.deadlines.set(socket, clear);
    socket.once('close', clear);
  }

  private requestArrived(socket: Socket): void {
    this.deadlines.get(socket)?.();
  }

  /** Listens; port 0 lets the OS choose. Resolves with the bound port. */
  listen(port: number): Promise<number> {
    // Half-open allowed: a client may end its side after the request and still read the reply.
    const server = createServer({ allowHalfOpen: true }, (socket) => this.onConnection(socket));
    this.server = server;
    return new Promise((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, this.options.host, () => {
        server.off('error', reject);
        const addr = server.address();
        resolve(typeof addr === 'object' && addr ? addr.port : port);
      });
    });
  }

  /** Stops listening and destroys every open connection (pending replies are lost on purpose). */
  close(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    for (const s of this.sockets) s.destroy();
    this.sockets.clear();
    if (!server) return Promise.resolve();
    return new Promise((resolve) => server.close(() => resolve()));
  }

  get connections(): number {
    return this.sockets.size;
  }

  private onConnection(socket: Socket): void {
    this.sockets.add(socket);
    socket.on('close', () => this.sockets.delete(socket));
    socket.on('error', () => socket.destroy());
    this.armDeadline(socket);
    const sniff = (chunk: Buffer): void => {
      const text = chunk.toString('latin1').trimStart();
      if (text === '') return; // only blanks so far: wait for a meaningful byte
      socket.off('data', sniff);
      if (text.startsWith('<')) this.rawRequest(socket, chunk);
      else {
        socket.pause();
        socket.unshift(chunk);
        this.http.emit('connection', socket);
        socket.resume();
      }
    };
    socket.on('data', sniff);
    // Ended before saying anything: nothing to answer (allowHalfOpen would otherwise keep it).
    const endedSilent = (): void => void socket.destroy();
    socket.once('end', endedSilent);
    socket.once('data', () => socket.off('end', endedSilent));
  }

  /** Raw TelServices over TCP: read until the request's root closes (or the EOP), reply, close. */
  private rawRequest(socket: Socket, first: Buffer): void {
    const assembler = new PduAssembler({
      rootName: 'TelServiceRequest',
      maxBytes: MAX_REQUEST_BYTES,
      ...(this.options.endOfPdu ? { endOfPdu: this.options.endOfPdu } : {}),
    });
    let done = false;
    const abort = new AbortController();
    socket.on('close', () => abort.abort(CLIENT_GONE));
    const finish = (xml: string): void => {
      if (done) return;
      done = true;
      socket.off('data', onData);
      this.requestArrived(socket);
      void this.answer(xml, hostOf(socket), 'tcp', abort.signal).then((outcome) => {
        if (outcome.kind === 'close') socket.destroy();
        else if (outcome.kind === 'reply' && !socket.destroyed) socket.end(outcome.xml + (this.options.endOfPdu ?? ''));
      });
    };
    const onData = (chunk: Buffer): void => {
      try {
        const pdu = assembler.push(chunk);
        if (pdu !== null) finish(pdu);
      } catch {
        socket.destroy(); // larger than any request: not a TelServices client
      }
    };
    socket.on('data', onData);
    // The client half-closed without a closing tag: take what arrived, the codec judges it.
    socket.on('end', () => finish(assembler.end()));
    onData(first);
  }

  private async onHttp(req: IncomingMessage, res: ServerResponse): Promise<void> {
    // The next request on this keep-alive connection gets its own deadline, from this reply on.
    res.once('finish', () => {
      if (!req.socket.destroyed) this.armDeadline(req.socket);
    });
    const url = new URL(req.url ?? '/', 'http://simulator');
    let xml: string | TelRequest;
    if (req.method === 'GET' && url.pathname === '/makeCall') {
      const deviceNumber = url.searchParams.get('deviceNumber');
      const calledDeviceNumber = url.searchParams.get('calledDeviceNumber');
      if (!deviceNumber || !calledDeviceNumber) return void res.writeHead(400).end('deviceNumber and calledDeviceNumber are required\n');
      const extraData = url.searchParams.get('extraData');
      xml = { type: 'makeCall', deviceNumber, calledDeviceNumber, ...(extraData ? { extraData } : {}) };
    } else if (req.method === 'POST') {
      const body = await readBody(req);
      if (body === undefined) return void res.writeHead(413).end();
      xml = body;
    } else {
      return void res.writeHead(405, { allow: 'POST, GET' }).end('POST a TelServiceRequest, or GET /makeCall\n');
    }
    this.requestArrived(req.socket);
    const abort = new AbortController();
    res.on('close', () => abort.abort(CLIENT_GONE));
    const outcome = await this.answer(xml, hostOf(req.socket), 'http', abort.signal);
    if (outcome.kind === 'close') req.socket.destroy();
    else if (outcome.kind === 'reply' && !res.destroyed) {
      res.writeHead(200, { 'content-type': 'text/xml; charset=utf-8' }).end(outcome.xml);
    }
  }

  /**
   * The reply, or what the faults say to do instead. A request met by noReply or closeWithoutReply
   * is not executed: the client must not assume either way, and tests stay deterministic.
   */
  private async answer(
    input: string | TelRequest,
    host: string,
    transport: 'tcp' | 'http',
    signal: AbortSignal,
  ): Promise<Outcome> {
    const faults = this.options.faults();
    if (faults.closeWithoutReply) return { kind: 'close' };
    if (faults.noReply) return { kind: 'none' };
    let reply: TelReply;
    try {
      const req = typeof input === 'string' ? decodeRequest(input) : input;
      reply = await this.options.handle(req, { host, transport, signal });
    } catch {
      // Not a request we can read (or a model bug): the spec's "TelServer does not accept it".
      reply = REJECT;
    }
    if (faults.replyDelayMs > 0) await new Promise((r) => setTimeout(r, faults.replyDelayMs));
    try {
      return { kind: 'reply', xml: encodeReply(reply) };
    } catch {
      // The model produced a reply the codec refuses (a bug there): still answer something true.
      return { kind: 'reply', xml: encodeReply({ kind: 'error', error: 'resourceError' }) };
    }
  }
}

function readBody(req: IncomingMessage): Promise<string | undefined> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > MAX_REQUEST_BYTES) {
        resolve(undefined);
        req.destroy();
      } else chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', () => resolve(undefined));
  });
}
