/**
 * The real LineLink: main/telservices' TelClient over a TCP or HTTP transport, and a TelSession per
 * line. This is the only file of the core that knows those classes.
 */
import { TelClient } from '../telservices/client';
import { TelSession } from '../telservices/session';
import { HttpTransport } from '../telservices/transport-http';
import { TcpTransport } from '../telservices/transport-tcp';
import type { LineLink, LineSession, LineSessionOptions, LinkFactory, LinkTarget } from './link';
import type { Transport } from '../telservices/transport';
import { separatePollPort } from './event-source';

function lineSession(transport: Transport, target: LinkTarget, o: LineSessionOptions, pollTransport: Transport | undefined): LineSession {
  const poll = {
    pollTimeoutS: o.pollTimeoutS,
    marginMs: target.requestTimeoutMs,
    // The line reopens the whole session (with its own backoff) when a poll fails.
    giveUpAfter: 1,
    ...(pollTransport ? { transport: pollTransport } : {}),
  };
  const endOfPdu = target.endOfPdu ? { endOfPdu: target.endOfPdu } : {};
  const session = new TelSession({
    transport,
    deviceNumber: o.deviceNumber,
    eventUpdate: 'full',
    events:
      o.eventMode === 'poll'
        ? { mode: 'poll', ...poll }
        : {
            mode: 'udp',
            port: o.udpPort,
            // Listen where the TelServer's datagrams arrive (not every interface), and read only its own.
            routeTo: target.host,
            allowedSources: [target.host, ...(target.eventSources ?? [])],
            ...endOfPdu,
            fallbackToPoll: o.eventMode === 'auto',
            poll,
          },
    ...(o.userID ? { userID: o.userID } : {}),
    ...(o.userPassword ? { userPassword: o.userPassword } : {}),
    ...(o.sessionTimeoutS ? { sessionTimeoutS: o.sessionTimeoutS } : {}),
  });
  return {
    get status() {
      return session.status;
    },
    get eventsMode() {
      return session.eventsMode;
    },
    get eventPort() {
      return session.eventPort;
    },
    get periodicPolling() {
      return session.periodicPolling;
    },
    onPeriodicPolling: (fn) => session.onPeriodicPolling(fn),
    open: () => session.open(),
    close: (opts) => session.close(opts),
    abandon: (error) => session.abandon(error),
    request: (req, opts) => session.client.send(req, opts),
    usePolling: () => session.usePolling(),
    onEvent: (fn) => session.onEvent(fn),
    onDropped: (fn) => session.onDropped(() => fn()),
    onSnapshot: (fn) => session.onSnapshot(fn),
    onStatus: (fn) => session.onStatus(fn),
  };
}

export function telServicesLink(target: LinkTarget): LineLink {
  const transportOptions = {
    host: target.host,
    port: target.port,
    replyTimeoutMs: target.requestTimeoutMs,
    connectTimeoutMs: Math.min(3000, target.requestTimeoutMs),
    ...(target.endOfPdu ? { endOfPdu: target.endOfPdu } : {}),
    ...(target.maxReplyBytes !== undefined ? { maxReplyBytes: target.maxReplyBytes } : {}),
  };
  const transport = target.transport === 'http' ? new HttpTransport(transportOptions) : new TcpTransport(transportOptions);
  const client = new TelClient(transport);
  // The long-poll over the server's HTTP mode, apart from the TCP link the requests use (./event-source).
  const httpPort = separatePollPort(target);
  const pollTransport = httpPort === undefined ? undefined : new HttpTransport({ ...transportOptions, port: httpPort });
  return {
    request: (req, opts) => client.send(req, opts),
    session: (opts) => lineSession(transport, target, opts, pollTransport),
  };
}

export const telServicesLinkFactory: LinkFactory = telServicesLink;
