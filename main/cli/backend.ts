/**
 * Where the CLI meets the protocol stack: transports, the typed client, the codec (and listen.ts,
 * which runs a TelSession over makeTransport). Both are loaded lazily by run.ts, so `cti --help`
 * and usage errors never pay for them.
 */
import type { TelReply, TelResult } from '../../common/telservices/replies';
import type { TelRequest } from '../../common/telservices/requests';
import { CtiError } from '../../common/errors';
import { EXPECTED_RESULT, TelClient } from '../telservices/client';
import { decodeReply } from '../telservices/codec';
import type { Transport } from '../telservices/transport';
import { HttpTransport } from '../telservices/transport-http';
import { TcpTransport } from '../telservices/transport-tcp';
import type { Connection } from './connection';

export function makeTransport(connection: Connection): Transport {
  const { host, port, connectTimeoutMs, replyTimeoutMs, endOfPdu } = connection;
  if (connection.http) return new HttpTransport({ host, port, connectTimeoutMs, replyTimeoutMs });
  return new TcpTransport(
    endOfPdu === undefined
      ? { host, port, connectTimeoutMs, replyTimeoutMs }
      : { host, port, connectTimeoutMs, replyTimeoutMs, endOfPdu },
  );
}

/**
 * One request, its typed result; an error reply throws CtiError(<its name>). A result of another
 * kind than the request calls for (a forwards list for `dnd` ...) is a reply we cannot trust:
 * malformedReply, rather than printing something that answers another question.
 */
export async function sendRequest(connection: Connection, request: TelRequest): Promise<TelResult> {
  const result = await new TelClient(makeTransport(connection)).send(request);
  const expected = EXPECTED_RESULT[request.type];
  if (result.type !== expected) {
    throw new CtiError('malformedReply', `${request.type}: expected a ${expected} result, got ${result.type}`);
  }
  return result;
}

/** `raw`: the XML as it is, the reply XML as it came. */
export function sendRaw(connection: Connection, xml: string): Promise<string> {
  return makeTransport(connection).request(xml);
}

export function decodeRawReply(xml: string): TelReply {
  return decodeReply(xml);
}
