/**
 * The contract over web mode's WebSocket, with the same shape as Electron's `window.cti`: one verb
 * per command (from COMMAND_NAMES), `on` returning its unsubscribe. It reconnects by itself with
 * capped backoff; the server sends the full state on every (re)connection, so `state` listeners
 * get the whole truth again. Every command has a timeout and resolves to a typed Result.
 */
import {
  COMMAND_NAMES,
  EVENT_NAMES,
  type CtiApi,
  type CtiEvents,
  type EventName,
  type Listener,
  type Result,
  type Unsubscribe,
  type WsServerFrame,
} from '../../../common/contract';
import type { ErrorShape } from '../../../common/errors';

/** The part of the WebSocket API we use (the browser's, or the `ws` package's in tests). */
export interface WebSocketLike {
  readonly readyState: number;
  send(data: string): void;
  close(code?: number, reason?: string): void;
  onopen: ((ev: unknown) => void) | null;
  onmessage: ((ev: { data: unknown }) => void) | null;
  onclose: ((ev: unknown) => void) | null;
  onerror: ((ev: unknown) => void) | null;
}
export type WebSocketFactory = (url: string) => WebSocketLike;

export interface WsClientOptions {
  /** ws://host:port/ws?token=… */
  url: string;
  createSocket?: WebSocketFactory;
  commandTimeoutMs?: number;
  reconnectBaseMs?: number;
  reconnectMaxMs?: number;
}

export interface WsCti extends CtiApi {
  /** 'open' once connected, 'closed' while waiting to reconnect. */
  readonly status: 'connecting' | 'open' | 'closed';
  onStatus(listener: (status: 'connecting' | 'open' | 'closed') => void): Unsubscribe;
  close(): void;
}

const OPEN = 1;

/** The URL of web mode's WebSocket for the page we are on (token from the page's own URL). */
export function webSocketUrlFor(location: { protocol: string; host: string; search: string }): string {
  const token = new URLSearchParams(location.search).get('token') ?? '';
  return `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/ws?token=${encodeURIComponent(token)}`;
}

export function createWebSocketCti(opts: WsClientOptions): WsCti {
  const createSocket: WebSocketFactory = opts.createSocket ?? ((url) => new WebSocket(url) as unknown as WebSocketLike);
  const timeoutMs = opts.commandTimeoutMs ?? 15_000;
  const baseMs = opts.reconnectBaseMs ?? 500;
  const maxMs = opts.reconnectMaxMs ?? 10_000;
  const listeners = new Map<EventName, Set<(payload: unknown) => void>>(EVENT_NAMES.map((e) => [e, new Set()]));
  const statusListeners = new Set<(s: WsCti['status']) => void>();
  const pending = new Map<number, { resolve: (r: Result<unknown>) => void; timer: ReturnType<typeof setTimeout> }>();
  let socket: WebSocketLike | undefined;
  let status: WsCti['status'] = 'connecting';
  let nextId = 1;
  let attempt = 0;
  let closed = false;
  let retryTimer: ReturnType<typeof setTimeout> | undefined;

  const setStatus = (s: WsCti['status']): void => {
    status = s;
    for (const l of statusListeners) l(s);
  };
  const failAll = (error: ErrorShape): void => {
    for (const [id, p] of pending) {
      clearTimeout(p.timer);
      p.resolve({ ok: false, error });
      pending.delete(id);
    }
  };
  const onFrame = (data: unknown): void => {
    let frame: WsServerFrame;
    try {
      frame = JSON.parse(String(data)) as WsServerFrame;
    } catch {
      return;
    }
    if (frame.kind === 'result') {
      const p = pending.get(frame.id);
      if (!p) return;
      pending.delete(frame.id);
      clearTimeout(p.timer);
      p.resolve(frame.result);
      return;
    }
    for (const l of listeners.get(frame.event) ?? []) l(frame.payload);
  };
  const connect = (): void => {
    setStatus('connecting');
    const ws = createSocket(opts.url);
    socket = ws;
    ws.onopen = () => {
      attempt = 0;
      setStatus('open');
    };
    ws.onmessage = (ev) => onFrame(ev.data);
    ws.onerror = () => undefined; // onclose follows and decides
    ws.onclose = () => {
      if (socket !== ws) return;
      socket = undefined;
      failAll({ code: 'network', message: 'the connection to the CTI core closed' });
      setStatus('closed');
      if (closed) return;
      attempt += 1;
      const cap = Math.min(maxMs, baseMs * 2 ** Math.min(attempt - 1, 20));
      retryTimer = setTimeout(connect, cap / 2 + (Math.random() * cap) / 2);
    };
  };

  const invoke = (command: string, args: unknown): Promise<Result<unknown>> =>
    new Promise((resolve) => {
      if (socket === undefined || socket.readyState !== OPEN) {
        resolve({ ok: false, error: { code: 'notConnected', message: 'not connected to the CTI core (reconnecting)' } });
        return;
      }
      const id = nextId++;
      const timer = setTimeout(() => {
        pending.delete(id);
        resolve({ ok: false, error: { code: 'timeout', message: `${command}: no answer within ${timeoutMs} ms` } });
      }, timeoutMs);
      pending.set(id, { resolve, timer });
      socket.send(JSON.stringify({ id, command, args: args ?? {} }));
    });

  const api: Record<string, unknown> = {};
  for (const name of COMMAND_NAMES) api[name] = (args: unknown) => invoke(name, args);
  api['on'] = <E extends EventName>(event: E, listener: Listener<E>): Unsubscribe => {
    const set = listeners.get(event);
    if (!set) throw new TypeError(`unknown event "${String(event)}"`);
    const l = listener as (payload: unknown) => void;
    set.add(l);
    return () => {
      set.delete(l);
    };
  };
  api['onStatus'] = (l: (s: WsCti['status']) => void): Unsubscribe => {
    statusListeners.add(l);
    return () => {
      statusListeners.delete(l);
    };
  };
  api['close'] = (): void => {
    closed = true;
    clearTimeout(retryTimer);
    socket?.close();
    failAll({ code: 'cancelled', message: 'client closed' });
  };
  Object.defineProperty(api, 'status', { get: () => status, enumerable: true });
  connect();
  return api as unknown as WsCti;
}

export type { CtiEvents };
