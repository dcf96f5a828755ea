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
  /** A flood hit a cap of the line (calls, popups, directory look-ups): the excess was dropped, reported once. */
  'limitExceeded',
  /** The server answered an error the spec does not list (a newer server): its name is in the message and `serverError`. */
  'serverError',
] as const;
export type AppErrorCode = (typeof APP_ERRORS)[number];

/**
 * The REST services' answers (agent remote control, transfer data, DNIS release). The transfer
 * data statuses keep the service's own names (Table 3-3), so a log line matches its spec. Network
 * failures of these services use the TRANSPORT_ERRORS codes (timeout, connectionRefused, network,
 * httpStatus for an unexpected HTTP status, malformedReply for a body we cannot read).
 */
export const REST_ERRORS = [
  /** HTTP 401: missing or wrong credentials (Basic auth, token cookie, DNIS headers). */
  'unauthorized',
  /** Transfer data status 'error' (100): an unknown error occurred. */
  'tds_error',
  /** Transfer data 101: no free DNIS was available. */
  'pool_full',
  /** Transfer data 102, or HTTP 404: the session is unknown, expired or stopped. */
  'no_session',
  /** Transfer data 103. */
  'unknown_zone',
  /** Transfer data 104. */
  'campaign_not_found',
  /** Transfer data 201: no reps logged in for this call type. */
  'no_reps_logged_on',
  /** Transfer data 202: off hours for this call type. */
  'off_hours',
  /** Agent remote control: `Success: false` (detail: responseCode, responseDetail). */
  'arcFailed',
  /** DNIS release: HTTP 404, the phone number does not exist. */
  'dnisNotFound',
  /** DNIS release: HTTP 500, the service's internal error. */
  'dnisServerError',
  /** A REST service is not configured (no base URL, identity or secret in the settings): the message names what is missing. */
  'notConfigured',
] as const;
export type RestErrorCode = (typeof REST_ERRORS)[number];

export type ErrorCode = ProtocolErrorName | TransportErrorCode | AppErrorCode | RestErrorCode;

export const ERROR_CODES: readonly ErrorCode[] = [...PROTOCOL_ERRORS, ...TRANSPORT_ERRORS, ...APP_ERRORS, ...REST_ERRORS];

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

export function isRestError(code: ErrorCode): code is RestErrorCode {
  return (REST_ERRORS as readonly string[]).includes(code);
}

/** Any thrown value -> ErrorShape, so nothing but a typed error ever leaves a boundary. */
export function toErrorShape(err: unknown): ErrorShape {
  if (err instanceof CtiError) return err.toShape();
  const message = err instanceof Error ? err.message : String(err);
  return { code: 'internal', message };
}
