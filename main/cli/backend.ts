/**
 * The only CLI module that touches the protocol stack: transports, the typed client, the codec.
 * It is loaded lazily by run.ts, so `cti --help` and usage errors never pay for it.
 */
import type { TelReply, TelResult } from '../../common/telservices/replies';
import type { TelRequest } from '../../common/telservices/requests';
import { TelClient } from '../telservices/client';
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

/** One request, its typed result; an error reply throws CtiError(<its name>). */
export function sendRequest(connection: Connection, request: TelRequest): Promise<TelResult> {
  return new TelClient(makeTransport(connection)).send(request);
}

/** `raw`: the XML as it is, the reply XML as it came. */
export function sendRaw(connection: Connection, xml: string): Promise<string> {
  return makeTransport(connection).request(xml);
}

export function decodeRawReply(xml: string): TelReply {
  return decodeReply(xml);
}
