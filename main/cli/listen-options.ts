/** The options of `listen`, validated (pure). */
import type { EventUpdate } from '../../common/telservices/enums';
import type { SessionEventsMode, TelSessionOptions } from '../telservices/session-options';
import type { Transport } from '../telservices/transport';
import { usageError } from './exit-codes';
import { integerIn, positiveInteger } from './validate';

export interface ListenOptions {
  deviceNumber: string;
  /** 0: the OS picks a free port (the port actually bound is sent in openSession). */
  udpPort: number;
  /** Address the UDP socket binds to; absent: the local address that routes to the TelServer. */
  udpHost?: string;
  /** Other hosts (a cluster's members) whose datagrams are events; the server's own always are. */
  eventSources: string[];
  eventUpdate: EventUpdate;
  /** Snapshot long-poll over TCP/HTTP instead of UDP events. */
  poll: boolean;
  /** Seconds the server may hold each long-poll before answering. */
  pollTimeoutS: number;
  /** --http-port: the long-polls go over HTTP to this port of the server (its HTTP mode), apart from the requests. */
  httpPort?: number;
  userID?: string;
  userPassword?: string;
  /** Seconds of inactivity after which the server closes the session. */
  sessionTimeout?: string;
}

export const DEFAULT_POLL_TIMEOUT_S = 30;

export function listenOptions(options: Readonly<Record<string, string | true>>, deviceNumber: string): ListenOptions {
  const text = (name: string): string | undefined => {
    const v = options[name];
    return typeof v === 'string' ? v : undefined;
  };
  const poll = options['poll'] === true;
  const udpPortText = text('udp-port');
  const udpHostText = text('udp-host');
  if (poll && (udpPortText !== undefined || udpHostText !== undefined)) {
    throw usageError('--udp-port/--udp-host do not apply with --poll (no UDP then)');
  }
  if (!poll && text('poll-timeout') !== undefined) throw usageError('--poll-timeout needs --poll');
  const httpPortText = text('http-port');
  if (!poll && httpPortText !== undefined) throw usageError('--http-port needs --poll');
  const pollTimeoutText = text('poll-timeout');
  const listen: ListenOptions = {
    deviceNumber,
    udpPort: udpPortText === undefined ? 0 : Number(integerIn(udpPortText, '--udp-port', 0, 65535)),
    ...(udpHostText !== undefined ? { udpHost: udpHostText } : {}),
    eventSources: (text('event-source') ?? '').split(',').map((h) => h.trim()).filter((h) => h !== ''),
    eventUpdate: options['restricted'] === true ? 'restricted' : 'full',
    poll,
    pollTimeoutS:
      pollTimeoutText === undefined ? DEFAULT_POLL_TIMEOUT_S : Number(integerIn(pollTimeoutText, '--poll-timeout', 1, 3600)),
  };
  if (httpPortText !== undefined) listen.httpPort = Number(integerIn(httpPortText, '--http-port', 1, 65535));
  const user = text('user');
  const password = text('password');
  const sessionTimeout = text('session-timeout');
  if (user !== undefined) listen.userID = user;
  if (password !== undefined) listen.userPassword = password;
  if (sessionTimeout !== undefined) listen.sessionTimeout = positiveInteger(sessionTimeout, '--session-timeout');
  return listen;
}

/**
 * The TelSession of `listen` (pure: the transports are built by the caller; `pollTransport` is the
 * --http-port link of the long-poll). eventUpdate is always sent, 'full' unless --restricted; the
 * UDP port is the one the session binds (0: the OS picks).
 */
export function telSessionOptions(
  listen: ListenOptions,
  transport: Transport,
  endOfPdu: string | undefined,
  serverHost?: string,
  pollTransport?: Transport,
): TelSessionOptions {
  // Only the TelServer (and --event-source hosts) may send events; bind where its datagrams arrive.
  const sources = serverHost === undefined ? {} : { routeTo: serverHost, allowedSources: [serverHost, ...listen.eventSources] };
  const events: SessionEventsMode = listen.poll
    ? { mode: 'poll', pollTimeoutS: listen.pollTimeoutS, ...(pollTransport ? { transport: pollTransport } : {}) }
    : {
        mode: 'udp',
        port: listen.udpPort,
        ...(listen.udpHost !== undefined ? { host: listen.udpHost } : {}),
        ...sources,
        ...(endOfPdu === undefined ? {} : { endOfPdu }),
      };
  const options: TelSessionOptions = { transport, deviceNumber: listen.deviceNumber, events, eventUpdate: listen.eventUpdate };
  if (listen.userID !== undefined) options.userID = listen.userID;
  if (listen.userPassword !== undefined) options.userPassword = listen.userPassword;
  if (listen.sessionTimeout !== undefined) options.sessionTimeoutS = Number(listen.sessionTimeout);
  return options;
}
