/**
 * `cti listen`: open a session for the device, print each event as it comes, and on SIGINT or
 * SIGTERM close the session and exit 0. Events come from UDP datagrams (default) or from snapshot
 * long-polls (--poll). A datagram we cannot read is reported on stderr and listening goes on.
 *
 * Diagnostics go to stderr so that stdout carries only events (one JSON object per line with
 * --json), ready to pipe into another tool.
 */
import { CtiError } from '../../common/errors';
import type { SessionEventName } from '../../common/telservices/enums';
import type { TelEvent } from '../../common/telservices/events';
import { TelClient } from '../telservices/client';
import { UdpEventListener } from '../telservices/events';
import { SnapshotPoller } from '../telservices/poller';
import { makeTransport } from './backend';
import type { Connection } from './connection';
import { describeError, EXIT, exitCodeFor, type ExitCode } from './exit-codes';
import { eventLine } from './format-event';
import { openSessionRequest, type ListenOptions } from './listen-options';
import type { CliIo } from './run';

/** Session events after which the session no longer exists on the server: listening is over. */
const SESSION_ENDED: readonly SessionEventName[] = [
  'sessionClosedByAdmin',
  'sessionClosedByTimeout',
  'sessionClosedByMonitoringReject',
  'sessionClosedByClient',
];

type Ending = { kind: 'signal'; signal: string } | { kind: 'closedByServer'; session: SessionEventName };

export async function runListen(
  action: { connection: Connection; json: boolean; listen: ListenOptions },
  io: CliIo,
): Promise<ExitCode> {
  const { connection, json, listen } = action;
  // Installed first: a signal that arrives while the session is opening still closes it.
  const stopped = io.waitForStop().then((signal): Ending => ({ kind: 'signal', signal }));
  let endedByServer: (session: SessionEventName) => void = () => undefined;
  const closedByServer = new Promise<Ending>((resolve) => {
    endedByServer = (session) => resolve({ kind: 'closedByServer', session });
  });

  const onEvent = (event: TelEvent): void => {
    io.out(json ? JSON.stringify(event) : eventLine(event, new Date()));
    if (event.type === 'session' && SESSION_ENDED.includes(event.session)) endedByServer(event.session);
  };
  const client = new TelClient(makeTransport(connection));
  let udp: UdpEventListener | undefined;
  let poller: SnapshotPoller | undefined;
  let keepAlive: NodeJS.Timeout | undefined;

  try {
    if (!listen.poll) {
      udp = await UdpEventListener.start({
        port: listen.udpPort,
        host: listen.udpHost,
        ...(connection.endOfPdu === undefined ? {} : { endOfPdu: connection.endOfPdu }),
      });
      udp.onEvent(onEvent);
      udp.onDropped((d) => io.err(`cti: dropped an unreadable event (${d.reason}): ${d.start}`));
      udp.onError((e) => io.err(describeError(e)));
    }
    await client.send(openSessionRequest(listen, udp?.port));
    io.err(
      `cti: session open for ${listen.deviceNumber}, ${udp ? `events on UDP port ${udp.port}` : 'polling snapshots'}` +
        ' (Ctrl-C to close it)',
    );
    if (listen.poll) {
      poller = new SnapshotPoller({
        client,
        deviceNumber: listen.deviceNumber,
        pollTimeoutS: listen.pollTimeoutS,
        onEvent,
        onError: (err, attempt, retryInMs) =>
          io.err(`${describeError(err)} (poll attempt ${attempt}, next in ${retryInMs} ms)`),
      });
      poller.start();
    } else if (listen.sessionTimeout !== undefined) {
      keepAlive = startKeepAlive(client, listen, io);
    }

    const ending = await Promise.race([stopped, closedByServer]);
    clearInterval(keepAlive);
    await poller?.stop();
    if (ending.kind === 'closedByServer') {
      io.err(`cti: the server closed the session (${ending.session})`);
      return EXIT.serverError;
    }
    await client.send({ type: 'closeSession', deviceNumber: listen.deviceNumber });
    io.err(`cti: ${ending.signal}: session closed`);
    return EXIT.ok;
  } finally {
    clearInterval(keepAlive);
    await poller?.stop();
    await udp?.close();
  }
}

/**
 * With --session-timeout the server closes a session that stays idle that long ("reset after
 * each action requested by the client"). Over UDP nothing is requested while we only listen, so
 * a `snapshot` (cheap, needs the session) is sent at half the timeout. Long-polls need none.
 */
function startKeepAlive(client: TelClient, listen: ListenOptions, io: CliIo): NodeJS.Timeout {
  const everyMs = Math.max(500, (Number(listen.sessionTimeout) * 1000) / 2);
  const timer = setInterval(() => {
    client.send({ type: 'snapshot', deviceNumber: listen.deviceNumber }).catch((err: unknown) => {
      io.err(`${describeError(err)} (keep-alive)`);
      if (err instanceof CtiError && exitCodeFor(err) === EXIT.serverError) io.err('cti: the session may be gone');
    });
  }, everyMs);
  timer.unref();
  return timer;
}
