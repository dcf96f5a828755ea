/**
 * The transport seam (DESIGN rule 6): the client sends request XML and gets reply XML back; how the
 * bytes travel (one TCP connection per request, or an HTTP POST) is behind this interface, so unit
 * tests and the CLI can inject whatever they need.
 */
import { CtiError } from '../../common/errors';

export interface RequestOptions {
  /** Reply timeout for this request (the long-poll needs more than the default). */
  timeoutMs?: number;
  /** Aborting rejects the request with CtiError('cancelled') and releases its socket. */
  signal?: AbortSignal;
}

export interface Transport {
  /** Sends one request PDU and resolves with the reply PDU (XML text, without end-of-PDU sequence). */
  request(xml: string, opts?: RequestOptions): Promise<string>;
}

export interface TransportOptions {
  host: string;
  port: number;
  /** Time allowed to establish the connection. Default 3000 ms. */
  connectTimeoutMs?: number;
  /** Time allowed, once connected, for the whole reply. Default 5000 ms. */
  replyTimeoutMs?: number;
  /** The server's end-of-PDU sequence (telserver.TelServices.endOfPDU.sequence); TCP only. */
  endOfPdu?: string;
  /** Largest reply accepted. Default DEFAULT_MAX_REPLY_BYTES. */
  maxReplyBytes?: number;
}

/**
 * TelServices replies are small (a history of a thousand records is under 1 MiB); a 15 MB reply cost
 * 3.5 s and 447 MB of memory. A hostile or broken server is cut at this size instead.
 */
export const DEFAULT_MAX_REPLY_BYTES = 2 * 1024 * 1024;

export const DEFAULT_CONNECT_TIMEOUT_MS = 3000;
export const DEFAULT_REPLY_TIMEOUT_MS = 5000;

export interface ResolvedTransportOptions {
  host: string;
  port: number;
  connectTimeoutMs: number;
  replyTimeoutMs: number;
  endOfPdu: string;
  maxReplyBytes: number;
}

export function resolveTransportOptions(opts: TransportOptions): ResolvedTransportOptions {
  return {
    host: opts.host,
    port: opts.port,
    connectTimeoutMs: opts.connectTimeoutMs ?? DEFAULT_CONNECT_TIMEOUT_MS,
    replyTimeoutMs: opts.replyTimeoutMs ?? DEFAULT_REPLY_TIMEOUT_MS,
    endOfPdu: opts.endOfPdu ?? '',
    maxReplyBytes: opts.maxReplyBytes ?? DEFAULT_MAX_REPLY_BYTES,
  };
}

export function cancelledError(): CtiError {
  return new CtiError('cancelled', 'request cancelled');
}

export function timeoutError(phase: 'connect' | 'reply', ms: number, where: string): CtiError {
  return new CtiError('timeout', `no ${phase === 'connect' ? 'connection' : 'reply'} from ${where} within ${ms} ms`, {
    phase,
    ms,
  });
}

/** What the per-connection code of a transport gets from `runRequest`. */
export interface RequestControl {
  /**
   * Ends the request, once (later calls do nothing): clears the timer, removes the abort listener,
   * destroys the connection, then rejects with `err` or resolves with `reply`.
   */
  readonly settle: (err: CtiError | null, reply?: string) => void;
  /** The connection is up: the connect timeout gives way to the reply timeout. */
  readonly connected: () => void;
}

export interface RequestLimits {
  /** Where the request goes, for error messages. */
  where: string;
  connectTimeoutMs: number;
  replyTimeoutMs: number;
  signal?: AbortSignal | undefined;
}

/**
 * The lifecycle every transport shares: refuse an already-aborted request, open the connection,
 * time the connect and then the reply, turn an abort into 'cancelled', and end in one `settle` so
 * nothing leaks whichever way a request ends. `open` creates the connection; `wire` hooks its
 * events to the control (it runs once the timer and the abort listener are in place).
 */
export function runRequest<C extends { destroy(): unknown }>(
  limits: RequestLimits,
  open: () => C,
  wire: (conn: C, control: RequestControl) => void,
): Promise<string> {
  const { where, connectTimeoutMs, replyTimeoutMs, signal } = limits;
  return new Promise<string>((resolve, reject) => {
    if (signal?.aborted) {
      reject(cancelledError());
      return;
    }
    const conn = open();
    let settled = false;
    let timer = setTimeout(() => settle(timeoutError('connect', connectTimeoutMs, where)), connectTimeoutMs);
    const onAbort = (): void => settle(cancelledError());
    signal?.addEventListener('abort', onAbort, { once: true });

    function settle(err: CtiError | null, reply?: string): void {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
      conn.destroy();
      if (err) reject(err);
      else resolve(reply as string);
    }

    function connected(): void {
      clearTimeout(timer);
      timer = setTimeout(() => settle(timeoutError('reply', replyTimeoutMs, where)), replyTimeoutMs);
    }

    wire(conn, { settle, connected });
  });
}

/** A Node socket error -> the transport error code it means. */
export function socketError(err: unknown, where: string): CtiError {
  if (err instanceof CtiError) return err;
  const code = (err as NodeJS.ErrnoException | undefined)?.code ?? 'unknown';
  const message = err instanceof Error ? err.message : String(err);
  if (code === 'ECONNREFUSED') return new CtiError('connectionRefused', `connection refused by ${where}`, { errno: code });
  return new CtiError('network', `network error with ${where}: ${message}`, { errno: code });
}

/** The first bytes of a payload, for error details (never the whole thing). */
export function preview(text: string, max = 120): string {
  return text.length <= max ? text : `${text.slice(0, max)}…`;
}
