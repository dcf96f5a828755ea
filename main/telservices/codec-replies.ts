/**
 * Replies: `<TelServiceReturn><result><X>…</X></result></TelServiceReturn>` or
 * `<TelServiceReturn><error><X/></error></TelServiceReturn>`.
 */
import { PROTOCOL_ERRORS, ROUTING_POINT_STATES } from '../../common/telservices/enums';
import type { TelReply, TelResult, TelResultType } from '../../common/telservices/replies';
import { listOf, openEnumOf, readChoice, readWithin, text, unknownVariant, writeWithin, type Codec } from './codec-core';
import { fieldsOf, struct } from './codec-struct';
import { routingPointStatistics, userStatistics } from './codec-statistics';
import { agentInfo, forwards, historyRecord, onOff, parties, snapshotInfo } from './codec-structures';
import { DecodeFault } from './xml-fault';
import type { XmlNode } from './xml-reader';
import { element } from './xml-writer';

type QualifyCall = Omit<Extract<TelResult, { type: 'qualifyCall' }>, 'type'>;
const q = fieldsOf<QualifyCall>();
const qualifyCall = struct<QualifyCall>([q.req('number', text), q.opt('name', text)]);
const history = listOf('record', historyRecord);
const routingPointState = openEnumOf(ROUTING_POINT_STATES);
const protocolError = openEnumOf(PROTOCOL_ERRORS);

/** The content of `<result>`: one element named after the result type. */
function writeResult(result: TelResult): string {
  const type = result.type;
  switch (result.type) {
    case 'standard':
      return element(type, '');
    case 'qualifyCall':
      return element(type, writeWithin(type, qualifyCall, result));
    case 'agent':
      return element(type, writeWithin(type, agentInfo, result.agent));
    case 'doNotDisturb':
    case 'msgWaiting':
      return element(type, writeWithin(type, onOff, result.state));
    case 'forwards':
      return element(type, writeWithin(type, forwards, result.forwards));
    case 'history':
      return element(type, writeWithin(type, history, result.records));
    case 'userStatistics':
      return element(type, writeWithin(type, userStatistics, result.statistics));
    case 'searchDirectory':
      return element(type, writeWithin(type, parties, result.parties));
    case 'snapshot':
      return element(type, writeWithin(type, snapshotInfo, result.snapshot));
    case 'routingPointState':
      return element(type, writeWithin(type, routingPointState, result.state));
    case 'routingPointStatistics':
      return element(type, writeWithin(type, routingPointStatistics, result.statistics));
    default:
      return unknownVariant(result, 'result');
  }
}

const RESULT_TYPES: ReadonlySet<TelResultType> = new Set<TelResultType>([
  'standard',
  'qualifyCall',
  'agent',
  'doNotDisturb',
  'msgWaiting',
  'forwards',
  'history',
  'userStatistics',
  'searchDirectory',
  'snapshot',
  'routingPointState',
  'routingPointStatistics',
]);

function readResult(children: readonly XmlNode[]): TelResult {
  const { name, children: kids } = readChoice<TelResultType>(children, RESULT_TYPES);
  switch (name) {
    case 'standard':
      return { type: name };
    case 'qualifyCall':
      return { type: name, ...readWithin(name, qualifyCall, kids) };
    case 'agent':
      return { type: name, agent: readWithin(name, agentInfo, kids) };
    case 'doNotDisturb':
    case 'msgWaiting':
      return { type: name, state: readWithin(name, onOff, kids) };
    case 'forwards':
      return { type: name, forwards: readWithin(name, forwards, kids) };
    case 'history':
      return { type: name, records: readWithin(name, history, kids) };
    case 'userStatistics':
      return { type: name, statistics: readWithin(name, userStatistics, kids) };
    case 'searchDirectory':
      return { type: name, parties: readWithin(name, parties, kids) };
    case 'snapshot':
      return { type: name, snapshot: readWithin(name, snapshotInfo, kids) };
    case 'routingPointState':
      return { type: name, state: readWithin(name, routingPointState, kids) };
    case 'routingPointStatistics':
      return { type: name, statistics: readWithin(name, routingPointStatistics, kids) };
    default: {
      const unexpected: never = name;
      throw new DecodeFault(`unknown result <${String(unexpected)}>`);
    }
  }
}

const resultCodec: Codec<TelResult> = { write: writeResult, read: readResult };

/** The content of `<TelServiceReturn>`. */
export function writeReplyBody(reply: TelReply): string {
  switch (reply.kind) {
    case 'result':
      return element('result', writeWithin('result', resultCodec, reply.result));
    case 'error':
      return element('error', writeWithin('error', protocolError, reply.error));
    default:
      return unknownVariant(reply, 'reply');
  }
}

const REPLY_KINDS: ReadonlySet<'result' | 'error'> = new Set(['result', 'error'] as const);

export function readReplyBody(children: readonly XmlNode[]): TelReply {
  const { name, children: kids } = readChoice(children, REPLY_KINDS);
  if (name === 'error') return { kind: 'error', error: readWithin('error', protocolError, kids) };
  return { kind: 'result', result: readWithin('result', resultCodec, kids) };
}
