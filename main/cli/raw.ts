/**
 * `raw FILE|-`: send the XML exactly as read, print the reply XML (or, with --json, its decoded
 * form). A reply that decodes to a TelServices error still exits 3, so scripts can rely on the
 * exit code whatever the command.
 */
import { CtiError } from '../../common/errors';
import { sendRaw, decodeRawReply } from './backend';
import type { Connection } from './connection';
import { EXIT, usageError, type ExitCode } from './exit-codes';
import { shown } from './format-snapshot';
import type { CliIo } from './run';

export async function runRaw(
  action: { connection: Connection; json: boolean; source: string },
  io: CliIo,
): Promise<ExitCode> {
  let xml: string;
  try {
    xml = await io.readInput(action.source);
  } catch (err) {
    const why = err instanceof Error ? err.message : String(err);
    throw usageError(`cannot read ${action.source === '-' ? 'stdin' : action.source}: ${why}`);
  }
  if (xml.trim() === '') throw usageError(`${action.source === '-' ? 'stdin' : action.source} is empty`);

  const replyXml = await sendRaw(action.connection, xml);
  if (!action.json) {
    io.out(replyXml);
    const error = errorName(replyXml);
    if (error === undefined) return EXIT.ok;
    io.err(`cti: server error: ${error}`);
    return EXIT.serverError;
  }
  // With --json the reply must decode: a reply we cannot read is malformedReply (exit 4).
  const reply = decodeRawReply(replyXml);
  io.out(JSON.stringify(reply, null, 2));
  if (reply.kind === 'error') {
    io.err(`cti: server error: ${shown(reply.error)}`);
    return EXIT.serverError;
  }
  return EXIT.ok;
}

/** The error name of a reply, if it decodes as an error; anything else is printed as it is. */
function errorName(xml: string): string | undefined {
  try {
    const reply = decodeRawReply(xml);
    return reply.kind === 'error' ? shown(reply.error) : undefined;
  } catch (err) {
    if (err instanceof CtiError) return undefined;
    throw err;
  }
}
