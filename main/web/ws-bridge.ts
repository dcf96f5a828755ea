/**
 * The contract over a WebSocket: the same commands (validated and dispatched exactly as Electron
 * IPC does, through main/core/dispatch) and the same events. A new connection first gets the full
 * state, so a page that reconnects is whole again; then patches follow.
 *
 * A client that breaks the WebSocket protocol (a frame over the limit, invalid UTF-8, an unmasked
 * frame, a bad close code) costs only its own connection: `ws` reports it as an `error` on that
 * socket and closes with the code RFC 6455 gives (1009, 1007, 1002); without a handler that error
 * would end the whole process (core, line, embedded simulator).
 */
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import { EVENT_NAMES, type CommandHandlers, type CtiEvents, type EventName, type WsServerFrame } from '../../common/contract';
import type { AppState } from '../../common/domain';
import { CtiError } from '../../common/errors';
import { dispatchCommand } from '../core/dispatch';
import { checkUpgrade } from './auth';

export interface BridgeSource {
  handlers: CommandHandlers;
  getState(): AppState;
  on<E extends EventName>(event: E, listener: (payload: CtiEvents[E]) => void): () => void;
}

/** A client that stops reading is cut off rather than buffered without limit. */
const MAX_BUFFERED_BYTES = 8 * 1024 * 1024;
const MAX_FRAME_BYTES = 64 * 1024;
/** After a protocol error the peer gets this long to answer our close frame before we cut it. */
const CLOSE_GRACE_MS = 1000;

function parseRequest(data: string): { id: number; command: string; args: unknown } | null {
  let value: unknown;
  try {
    value = JSON.parse(data);
  } catch {
    return null;
  }
  if (typeof value !== 'object' || value === null) return null;
  const v = value as Record<string, unknown>;
  if (typeof v['id'] !== 'number' || !Number.isSafeInteger(v['id']) || typeof v['command'] !== 'string') return null;
  return { id: v['id'], command: v['command'], args: v['args'] };
}

const STATUS_TEXT = { 401: 'Unauthorized', 403: 'Forbidden', 404: 'Not Found', 421: 'Misdirected Request' } as const;

export class WsBridge {
  readonly #wss = new WebSocketServer({ noServer: true, maxPayload: MAX_FRAME_BYTES });
  readonly #source: BridgeSource;
  readonly #token: string;
  #port = 0;
  #protocolErrors = 0;

  constructor(source: BridgeSource, token: string) {
    this.#source = source;
    this.#token = token;
    this.#wss.on('connection', (ws) => this.#attach(ws));
  }

  set port(port: number) {
    this.#port = port;
  }

  get clientCount(): number {
    return this.#wss.clients.size;
  }

  /** Connections closed for breaking the WebSocket protocol (or failing at the socket) since start. */
  get protocolErrors(): number {
    return this.#protocolErrors;
  }

  /** The http server's 'upgrade' handler: checks peer, origin and token before any WebSocket exists. */
  handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void {
    // A peer that resets mid-handshake must not become an unhandled 'error' (ws adds its own later).
    socket.on('error', () => socket.destroy());
    const verdict = checkUpgrade(req, this.#port, this.#token);
    if (!verdict.ok) {
      const text = STATUS_TEXT[verdict.status];
      socket.end(`HTTP/1.1 ${verdict.status} ${text}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
      return;
    }
    this.#wss.handleUpgrade(req, socket, head, (ws) => this.#wss.emit('connection', ws, req));
  }

  #send(ws: WebSocket, frame: WsServerFrame): void {
    if (ws.readyState !== ws.OPEN) return;
    if (ws.bufferedAmount > MAX_BUFFERED_BYTES) {
      ws.close(1008, 'client too slow');
      return;
    }
    ws.send(JSON.stringify(frame));
  }

  #attach(ws: WebSocket): void {
    const offs = EVENT_NAMES.map((event) => this.#source.on(event, (payload) => this.#send(ws, { kind: 'event', event, payload })));
    ws.on('close', () => offs.forEach((off) => off()));
    ws.on('error', () => {
      // ws has already sent the close frame with the right code; a peer that never answers it is cut.
      this.#protocolErrors += 1;
      setTimeout(() => ws.terminate(), CLOSE_GRACE_MS).unref();
    });
    ws.on('message', (data, isBinary) => {
      const request = isBinary ? null : parseRequest(Buffer.isBuffer(data) ? data.toString('utf8') : Buffer.concat(Array.isArray(data) ? data : [Buffer.from(data)]).toString('utf8'));
      if (request === null) {
        ws.close(1003, 'expected {id, command, args} JSON');
        return;
      }
      dispatchCommand(this.#source.handlers, request.command, request.args)
        .then((result) => this.#send(ws, { kind: 'result', id: request.id, result }))
        .catch((err: unknown) => {
          const error = new CtiError('internal', err instanceof Error ? err.message : String(err)).toShape();
          this.#send(ws, { kind: 'result', id: request.id, result: { ok: false, error } });
        });
    });
    // Subscribed first, then the full state: a patch can only be newer than this snapshot.
    this.#send(ws, { kind: 'event', event: 'state', payload: this.#source.getState() });
  }

  /** Drops every client (they reconnect by themselves); the bridge keeps accepting. */
  disconnectAll(): void {
    for (const ws of this.#wss.clients) ws.terminate();
  }

  async close(): Promise<void> {
    for (const ws of this.#wss.clients) ws.terminate();
    await new Promise<void>((resolve) => this.#wss.close(() => resolve()));
  }
}
