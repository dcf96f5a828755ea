/**
 * `cti listen`: open a session for the device, print each event as it comes, and on SIGINT or
 * SIGTERM close the session and exit 0. The session mechanics (UDP listener or snapshot long-poll,
 * keep-alive, events for another device, noticing that the server closed the session) are the
 * TelSession's, the same the line core runs on; this file only prints what the session reports
 * and decides how listening ends.
 *
 * Diagnostics go to stderr so that stdout carries only events (one JSON object per line with
 * --json), ready to pipe into another tool.
 */
import { CtiError } from '../../common/errors';
import type { TelEvent } from '../../common/telservices/events';
import { TelSession, type SessionProblem, type StatusChange } from '../telservices/session';
import { makeTransport } from './backend';
import type { Connection } from './connection';
import { describeError, EXIT, type ExitCode } from './exit-codes';
import { eventLine } from './format-event';
import { telSessionOptions, type ListenOptions } from './listen-options';
import type { CliIo } from './run';

type Ending = { kind: 'signal'; signal: string } | { kind: 'lost'; error: CtiError };

export async function runListen(
  action: { connection: Connection; json: boolean; listen: ListenOptions },
  io: CliIo,
): Promise<ExitCode> {
  const { connection, json, listen } = action;
  // Installed first: a signal that arrives while the session is opening still closes it.
  const stopped = io.waitForStop().then((signal): Ending => ({ kind: 'signal', signal }));
  let sessionLost: (error: CtiError) => void = () => undefined;
  const lost = new Promise<Ending>((resolve) => {
    sessionLost = (error) => resolve({ kind: 'lost', error });
  });
  let closeError: CtiError | undefined;

  // --http-port: the polls over the server's HTTP mode, on their own link (the spec reserves resultOnEvent for HTTP clients).
  const pollTransport = listen.httpPort === undefined ? undefined : makeTransport({ ...connection, http: true, port: listen.httpPort });
  const session = new TelSession(telSessionOptions(listen, makeTransport(connection), connection.endOfPdu, connection.host, pollTransport));
  session.onEvent((event: TelEvent) => io.out(json ? JSON.stringify(event) : eventLine(event, new Date())));
  session.onDropped((d) => io.err(`cti: dropped event (${d.reason}): ${d.start}`));
  session.onProblem((p) => io.err(problemLine(p)));
  session.onPeriodicPolling((ms) => io.err(`cti: the server answers long-polls at once (resultOnEvent is for HTTP clients): a snapshot every ${ms} ms instead`));
  session.onStatus((change: StatusChange) => {
    // From open only: what we close ourselves goes closing -> closed.
    if (change.from === 'open' && (change.to === 'closed' || change.to === 'failed')) {
      sessionLost(change.error ?? new CtiError('noOpenSession', change.reason ?? 'the session ended'));
    }
    if (change.from === 'closing' && change.closeError) closeError = change.closeError;
  });

  try {
    await session.open();
    io.err(
      `cti: session open for ${listen.deviceNumber}, ` +
        `${session.eventsMode === 'udp' ? `events on UDP port ${String(session.eventPort)}` : `polling snapshots${listen.httpPort === undefined ? '' : ` over HTTP port ${listen.httpPort}`}`}` +
        ' (Ctrl-C to close it)',
    );
    const ending = await Promise.race([stopped, lost]);
    if (ending.kind === 'lost') {
      // The server no longer has the session (sessionClosedBy* event, keep-alive or poll answered
      // noOpenSession): nothing to close there.
      io.err(`cti: the server closed the session (${ending.error.message})`);
      return EXIT.serverError;
    }
    await session.close();
    // Closed locally anyway; the server will time the session out or already has.
    if (closeError) io.err(`cti: warning: closeSession failed: ${describeError(closeError).replace(/^cti: /, '')}`);
    io.err(`cti: ${ending.signal}: session closed`);
    return EXIT.ok;
  } finally {
    // Only for a throw between open and the ending (a failed open released itself, a lost or
    // closed session makes this a no-op): no socket, poll or keep-alive may outlive listen.
    await session.close();
  }
}

/** One stderr line for a problem that stops nothing, saying which mechanism failed. */
function problemLine({ error, source }: SessionProblem): string {
  switch (source) {
    case 'udp':
      return describeError(error);
    case 'poll':
      return `${describeError(error)} (poll; retrying)`;
    case 'keep-alive':
      return `${describeError(error)} (keep-alive)`;
    case 'subscriber':
      return `${describeError(error)} (printing an event)`;
    default: {
      const unreachable: never = source;
      return String(unreachable);
    }
  }
}
