/**
 * Every error the app can show has a code from this one union. The same shape crosses IPC and the
 * web bridge (`ErrorShape`); inside a process it travels as a `CtiError`.
 */
import { PROTOCOL_ERRORS, type ProtocolErrorName } from './telservices/enums';

export const TRANSPORT_ERRORS = [
  /** No reply (or no connection) within the configured time. */
  'timeout',
  /** The peer refused the TCP connection (nothing listens there). */
  'connectionRefused',
  /** The server closed the connection before a complete reply. */
  'closedWithoutReply',
  /** Any other socket failure: reset, unreachable host, DNS failure ... */
  'network',
  /** The bytes are not a TelServices reply we can read. */
  'malformedReply',
  /** HTTP mode: the gateway answered a status other than 2xx. */
  'httpStatus',
] as const;
export type TransportErrorCode = (typeof TRANSPORT_ERRORS)[number];

export const APP_ERRORS = [
  /** An argument failed validation at a boundary (IPC, WebSocket, CLI). */
  'invalidArgument',
  /** A command needs a line that is not monitored right now. */
  'notConnected',
  /** A command name the contract does not know. */
  'unknownCommand',
  /** The operation was cancelled (session closed, app quitting). */
  'cancelled',
  /** Settings file unreadable or invalid (kept aside, defaults used). */
  'badSettings',
  /** A bug: something that should not happen. The message says what. */
  'internal',
] as const;
export type AppErrorCode = (typeof APP_ERRORS)[number];

export type ErrorCode = ProtocolErrorName | TransportErrorCode | AppErrorCode;

export const ERROR_CODES: readonly ErrorCode[] = [...PROTOCOL_ERRORS, ...TRANSPORT_ERRORS, ...APP_ERRORS];

/** What crosses a process boundary. */
export interface ErrorShape {
  code: ErrorCode;
  message: string;
  /** Extra facts for logs and integrators (HTTP status, request type, the offending bytes' start ...). */
  detail?: Record<string, string | number | boolean>;
}

export class CtiError extends Error {
  readonly code: ErrorCode;
  readonly detail?: Record<string, string | number | boolean>;

  constructor(code: ErrorCode, message: string, detail?: Record<string, string | number | boolean>) {
    super(message);
    this.name = 'CtiError';
    this.code = code;
    if (detail) this.detail = detail;
  }

  toShape(): ErrorShape {
    return this.detail
      ? { code: this.code, message: this.message, detail: this.detail }
      : { code: this.code, message: this.message };
  }
}

export function isProtocolError(code: ErrorCode): code is ProtocolErrorName {
  return (PROTOCOL_ERRORS as readonly string[]).includes(code);
}

export function isTransportError(code: ErrorCode): code is TransportErrorCode {
  return (TRANSPORT_ERRORS as readonly string[]).includes(code);
}

/** Any thrown value -> ErrorShape, so nothing but a typed error ever leaves a boundary. */
export function toErrorShape(err: unknown): ErrorShape {
  if (err instanceof CtiError) return err.toShape();
  const message = err instanceof Error ? err.message : String(err);
  return { code: 'internal', message };
}
