/**
 * The TelServices codec: typed messages <-> compact XML. Pure: no I/O, no timers, no state but
 * one parser instance built at load.
 *
 * Every failure leaves as a CtiError:
 * - decoding anything that is not a well-formed message of the expected kind -> 'malformedReply'
 *   (for requests and events too), with a message naming the path, e.g.
 *   "event/call/primCall/state: unknown value <ringing/>";
 * - encoding a value that cannot be written (missing required field, unknown enumeration value,
 *   a character XML cannot carry) -> 'invalidArgument'.
 */
import { CtiError } from '../../common/errors';
import type { TelEvent } from '../../common/telservices/events';
import type { TelReply } from '../../common/telservices/replies';
import type { TelRequest } from '../../common/telservices/requests';
import { readEventContent, writeEventContent } from './codec-events';
import { readReplyBody, writeReplyBody } from './codec-replies';
import { readRequestBody, writeRequestBody } from './codec-requests';
import { DecodeFault, EncodeFault } from './xml-fault';
import { parseDocument, type XmlNode } from './xml-reader';

const REQUEST_ROOT = 'TelServiceRequest';
const REPLY_ROOT = 'TelServiceReturn';
const EVENT_ROOT = 'TelServiceEvent';

function encodeWith<T>(root: string, value: T, write: (value: T) => string): string {
  try {
    if (typeof value !== 'object' || value === null) throw new EncodeFault(`expected an object, got ${value === null ? 'null' : typeof value}`);
    return `<${root}>${write(value)}</${root}>`;
  } catch (err) {
    if (err instanceof EncodeFault) throw new CtiError('invalidArgument', `cannot encode ${err.describe(root)}`, { path: err.path.join('/') });
    if (err instanceof CtiError) throw err;
    // A TypeError from a value that is not shaped like its type (untyped caller).
    throw new CtiError('invalidArgument', `cannot encode ${root}: ${err instanceof Error ? err.message : String(err)}`);
  }
}

function decodeWith<T>(root: string, xml: string, read: (children: readonly XmlNode[]) => T): T {
  try {
    if (typeof xml !== 'string') throw new DecodeFault(`expected a string, got ${typeof xml}`);
    const doc = parseDocument(xml);
    if (doc.root !== root) throw new DecodeFault(`wrong root <${doc.root}>, expected <${root}>`);
    return read(doc.children);
  } catch (err) {
    if (err instanceof DecodeFault) {
      throw new CtiError('malformedReply', err.describe(root), { path: err.path.join('/'), root });
    }
    if (err instanceof CtiError) throw err;
    // Not expected (every fault above is ours); still, nothing but a CtiError may leave.
    throw new CtiError('malformedReply', `${root}: ${err instanceof Error ? err.message : String(err)}`, { root });
  }
}

/** Client side: a request to send. */
export function encodeRequest(req: TelRequest): string {
  return encodeWith(REQUEST_ROOT, req, writeRequestBody);
}

/** Server side (the simulator): a received request. */
export function decodeRequest(xml: string): TelRequest {
  return decodeWith(REQUEST_ROOT, xml, readRequestBody);
}

/** Server side: a reply to send. */
export function encodeReply(reply: TelReply): string {
  return encodeWith(REPLY_ROOT, reply, writeReplyBody);
}

/** Client side: a received reply. */
export function decodeReply(xml: string): TelReply {
  return decodeWith(REPLY_ROOT, xml, readReplyBody);
}

/** Server side: an event to send. */
export function encodeEvent(event: TelEvent): string {
  return encodeWith(EVENT_ROOT, event, writeEventContent);
}

/** Client side: a received event (the hot path). */
export function decodeEvent(xml: string): TelEvent {
  return decodeWith(EVENT_ROOT, xml, readEventContent);
}
