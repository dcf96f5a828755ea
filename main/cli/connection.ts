/**
 * Where and how to reach the TelServer, from the global options and the environment
 * (flags win over CTI_SERVER / CTI_DEVICE).
 */
import { usageError } from './exit-codes';
import { endOfPdu, positiveInteger, serverAddress } from './validate';
import type { RestEnv } from './rest-args';

/** The environment variables `cti` reads (RestEnv: the REST services' secrets). */
export interface Env extends RestEnv {
  CTI_SERVER?: string;
  CTI_DEVICE?: string;
  /** The password of `listen` / `open-session` (kept off the command line, where `ps` shows it). */
  CTI_PASSWORD?: string;
}

export interface Connection {
  host: string;
  port: number;
  /** POST the XML over HTTP instead of a raw TCP connection. */
  http: boolean;
  /** Time allowed for the reply once connected (--timeout). */
  replyTimeoutMs: number;
  /** Time allowed to connect (--connect-timeout; by default the smaller of 3 s and --timeout). */
  connectTimeoutMs: number;
  /**
   * The server's end-of-PDU sequence: sent after each TCP request and expected after each TCP reply
   * and each UDP event. Over HTTP it still ends every UDP event (the HTTP body needs none).
   */
  endOfPdu?: string;
}

export const DEFAULT_REPLY_TIMEOUT_MS = 5000;
export const DEFAULT_CONNECT_TIMEOUT_MS = 3000;
/** A day: a bigger value is surely a typo, and Node timers overflow past 2^31-1 ms. */
const MAX_TIMEOUT_MS = 86_400_000;

export function connectionFrom(options: Readonly<Record<string, string | true>>, env: Env): Connection {
  const server = typeof options['server'] === 'string' ? options['server'] : env.CTI_SERVER;
  if (server === undefined || server === '') throw usageError('--server HOST:PORT (or CTI_SERVER) is required');
  const { host, port } = serverAddress(server);
  const replyTimeoutMs = timeoutOption(options, 'timeout') ?? DEFAULT_REPLY_TIMEOUT_MS;
  const connectTimeoutMs =
    timeoutOption(options, 'connect-timeout') ?? Math.min(DEFAULT_CONNECT_TIMEOUT_MS, replyTimeoutMs);
  const eop = options['eop'];
  const connection: Connection = { host, port, http: options['http'] === true, replyTimeoutMs, connectTimeoutMs };
  if (typeof eop === 'string') connection.endOfPdu = endOfPdu(eop);
  return connection;
}

function timeoutOption(options: Readonly<Record<string, string | true>>, name: string): number | undefined {
  const v = options[name];
  if (typeof v !== 'string') return undefined;
  const ms = Number(positiveInteger(v, `--${name}`));
  if (ms > MAX_TIMEOUT_MS) throw usageError(`--${name} ${v} is more than a day`);
  return ms;
}
