/**
 * Property-based round trips: for arbitrary typed requests, replies and events,
 * decode(encode(x)) deep-equals x.
 *
 * Strings are drawn to include markup (`<`, `&`, `]]>`, quotes, things that look like entities),
 * leading zeros, `+`, hidden numbers, unicode and accents, and blanks at either end.
 * Choice documented here and in xml-writer.ts: leading and trailing blanks ARE preserved. Readers
 * trim values (the spec's examples are indented), so the encoder writes edge blanks as character
 * references (`&#x20;`), which survive the trim. The only strings the encoder refuses are those
 * holding characters XML 1.0 cannot carry (most C0 controls, U+FFFE/U+FFFF, lone surrogates);
 * the generator leaves those out, and a separate test checks they are refused.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CtiError } from '../../../common/errors';
import * as E from '../../../common/telservices/enums';
import type { TelEvent } from '../../../common/telservices/events';
import type { TelReply } from '../../../common/telservices/replies';
import type { TelRequest } from '../../../common/telservices/requests';
import * as S from '../../../common/telservices/structures';
import { decodeEvent, decodeReply, decodeRequest, encodeEvent, encodeReply, encodeRequest } from '../../../main/telservices/codec';

const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/;
const PIECES = ['<', '>', '&', ']]>', '"', "'", '0', '+', '*****-', '&amp;', '&#x20;', '</a>', 'é', 'ü', 'ñ', '中文', '😀', ' ', '\t', '\n', '\r', '\r\n', '\u00A0', '\uFEFF'];
const str = fc
  .string({
    unit: fc.oneof(fc.constantFrom(...PIECES), fc.constantFrom(...'abcXYZ0123456789-.:/'), fc.string({ unit: 'grapheme', minLength: 1, maxLength: 1 })),
    maxLength: 12,
  })
  .filter((s) => !NOT_XML.test(s));

const oneOf = <T extends string>(values: readonly T[]): fc.Arbitrary<T> => fc.constantFrom(...values);
const list = <T>(item: fc.Arbitrary<T>): fc.Arbitrary<T[]> => fc.array(item, { maxLength: 3 });

/** A record whose keys not in `required` are sometimes absent (never undefined-valued). */
function rec<T>(fields: { [K in keyof T]-?: fc.Arbitrary<T[K] & {}> }, required: (keyof T & string)[]): fc.Arbitrary<T> {
  return fc.record(fields, { requiredKeys: required }) as unknown as fc.Arbitrary<T>;
}

const party = rec<S.Party>({ number: str, name: str, numberType: oneOf(E.NUMBER_TYPES), company: str }, ['number']);
const callLeg = rec<S.CallLeg>(
  {
    state: oneOf(E.CALL_STATES),
    otherParty: party,
    addedParties: list(party),
    firstOtherParty: party,
    firstCalledParty: party,
    lastRedirectionParty: party,
    duration: str,
    isOutgoing: fc.boolean(),
    isConference: fc.boolean(),
    callReference: str,
    cause: oneOf(E.CALL_CAUSES),
  },
  ['state', 'otherParty', 'duration', 'isOutgoing', 'isConference'],
);
const callInfo = rec<S.CallInfo>(
  { id: str, primCall: callLeg, secCall: callLeg, permittedServices: list(oneOf(E.CALL_SERVICES)), extraData: str },
  ['id'],
);
const agentInfo = rec<S.AgentInfo>(
  {
    userID: str,
    state: oneOf(E.AGENT_STATES),
    timeout: str,
    inboundServices: list(str),
    outboundServices: list(str),
    permittedStates: list(oneOf(E.AGENT_STATES)),
  },
  ['state'],
);
const forwardInfo = rec<S.ForwardInfo>({ number: str, type: oneOf(E.FORWARD_TYPES), state: oneOf(E.ON_OFF) }, ['type', 'state']);

/** Optional string counters named by `names`. */
function counters(names: readonly string[]): fc.Arbitrary<Record<string, string>> {
  return fc.record(Object.fromEntries(names.map((n) => [n, str])), { requiredKeys: [] }) as fc.Arbitrary<Record<string, string>>;
}
const merge = <A extends object, B extends object>(a: fc.Arbitrary<A>, b: fc.Arbitrary<B>): fc.Arbitrary<A & B> =>
  fc.tuple(a, b).map(([x, y]) => ({ ...x, ...y }));

const userStatistics: fc.Arbitrary<S.UserStatistics> = fc.oneof(
  rec<S.UserSnapshotStatistics>({ agentState: oneOf(E.AGENT_STATES), inboundServices: list(str) }, []).map((snapshot) => ({ type: 'snapshot' as const, snapshot })),
  merge(rec<{ start: string; inboundServices: string[] }>({ start: str, inboundServices: list(str) }, []), counters(S.USER_TOTAL_COUNTERS)).map(
    (total) => ({ type: 'total' as const, total }),
  ),
);
const snapshotAgent = rec<S.RoutingPointSnapshotAgent>(
  { deviceNumber: str, userID: str, agentState: oneOf(E.AGENT_STATES), inboundServices: list(str) },
  ['deviceNumber'],
);
const totalAgent = merge(
  rec<{ deviceNumber: string; start: string; userID: string; inboundServices: string[] }>(
    { deviceNumber: str, start: str, userID: str, inboundServices: list(str) },
    ['deviceNumber'],
  ),
  counters(S.USER_TOTAL_COUNTERS),
);
const routingPointStatistics: fc.Arbitrary<S.RoutingPointStatistics> = fc.oneof(
  merge(counters(S.ROUTING_POINT_SNAPSHOT_COUNTERS), rec<{ agents: S.RoutingPointSnapshotAgent[] }>({ agents: list(snapshotAgent) }, [])).map(
    (snapshot) => ({ type: 'snapshot' as const, snapshot }),
  ),
  merge(
    merge(rec<{ start: string }>({ start: str }, []), counters(S.ROUTING_POINT_TOTAL_COUNTERS)),
    rec<{ agents: S.RoutingPointTotalAgent[] }>({ agents: list(totalAgent) }, []),
  ).map((total) => ({ type: 'total' as const, total })),
);
const historyRecord = rec<S.HistoryRecord>(
  {
    deviceNumber: str,
    userID: str,
    creationDate: str,
    creationTime: str,
    otherParty: party,
    alertingDuration: str,
    duration: str,
    isOutgoing: fc.boolean(),
    isConnected: fc.boolean(),
    cause: oneOf(E.HISTORY_CAUSES),
    agentState: oneOf(E.AGENT_STATES),
  },
  ['creationDate', 'creationTime'],
);
const snapshotInfo = rec<S.SnapshotInfo>(
  {
    snapshotSeq: str,
    calls: list(callInfo),
    forwards: list(forwardInfo),
    msgWaiting: oneOf(E.ON_OFF),
    doNotDisturb: oneOf(E.ON_OFF),
    agent: agentInfo,
    session: oneOf(E.SESSION_EVENTS),
  },
  [],
);

const eventBody: fc.Arbitrary<TelEvent> = fc.oneof(
  agentInfo.map((agent) => ({ type: 'agent' as const, agent })),
  callInfo.map((call) => ({ type: 'call' as const, call })),
  forwardInfo.map((forward) => ({ type: 'forward' as const, forward })),
  oneOf(E.ON_OFF).map((state) => ({ type: 'doNotDisturb' as const, state })),
  oneOf(E.ON_OFF).map((state) => ({ type: 'msgWaiting' as const, state })),
  oneOf(E.SESSION_EVENTS).map((session) => ({ type: 'session' as const, session })),
);
const telEvent: fc.Arbitrary<TelEvent> = fc
  .tuple(eventBody, fc.option(str, { nil: undefined }))
  .map(([body, deviceNumber]) => (deviceNumber === undefined ? body : { ...body, deviceNumber }));

const telReply: fc.Arbitrary<TelReply> = fc.oneof(
  oneOf(E.PROTOCOL_ERRORS).map((error) => ({ kind: 'error' as const, error })),
  fc
    .oneof(
      fc.constant({ type: 'standard' as const }),
      rec<{ number: string; name: string }>({ number: str, name: str }, ['number']).map((r) => ({ type: 'qualifyCall' as const, ...r })),
      agentInfo.map((agent) => ({ type: 'agent' as const, agent })),
      oneOf(E.ON_OFF).map((state) => ({ type: 'doNotDisturb' as const, state })),
      oneOf(E.ON_OFF).map((state) => ({ type: 'msgWaiting' as const, state })),
      list(forwardInfo).map((forwards) => ({ type: 'forwards' as const, forwards })),
      list(historyRecord).map((records) => ({ type: 'history' as const, records })),
      userStatistics.map((statistics) => ({ type: 'userStatistics' as const, statistics })),
      list(party).map((parties) => ({ type: 'searchDirectory' as const, parties })),
      snapshotInfo.map((snapshot) => ({ type: 'snapshot' as const, snapshot })),
      oneOf(E.ROUTING_POINT_STATES).map((state) => ({ type: 'routingPointState' as const, state })),
      routingPointStatistics.map((statistics) => ({ type: 'routingPointStatistics' as const, statistics })),
    )
    .map((result) => ({ kind: 'result' as const, result })),
);

const config = rec<S.RoutingPointConfig>(
  {
    serviceTimeout: str,
    workingHours: str,
    nonWorkingDaysOfWeek: str,
    nonWorkingDays: str,
    noAnswerTimeout: str,
    failedCallRetryTimeout: str,
    failedCallRetryLimit: str,
    agentWorkingAfterCallTimeout: str,
    agentsDistribution: oneOf(E.AGENTS_DISTRIBUTIONS),
    queueLimit: str,
    agentLoggedOnOnOpenSession: fc.boolean(),
    agentReadyOnLoggedOn: fc.boolean(),
    statisticsIncomingCallImmediateAbandonTimeout: str,
  },
  [],
);

/** One request type: `fields` maps each field to its arbitrary; `required` lists the mandatory ones. */
function req(type: string, fields: Record<string, fc.Arbitrary<unknown>>, required: string[]): fc.Arbitrary<TelRequest> {
  return fc.record(fields, { requiredKeys: required }).map((f) => ({ type, ...f }) as TelRequest);
}
const dev = { deviceNumber: str };
const telRequest: fc.Arbitrary<TelRequest> = fc.oneof(
  req('openSession', { ...dev, eventUDPPort: str, eventUpdate: oneOf(E.EVENT_UPDATES), userID: str, userPassword: str, sessionTimeout: str, startPbxMonitor: fc.boolean() }, ['deviceNumber']),
  req('closeSession', { ...dev, actualCloseSessionTimeout: str, clientOnly: fc.boolean() }, ['deviceNumber']),
  req('addPartyToCall', { ...dev, otherNumber: str, addedDeviceNumber: str, extraData: str }, ['deviceNumber', 'addedDeviceNumber']),
  req('agentState', { ...dev, state: oneOf(E.REQUESTABLE_AGENT_STATES) }, ['deviceNumber', 'state']),
  ...(['alternateCall', 'conferenceCall', 'reconnectCall', 'transferCall'] as const).map((t) =>
    req(t, { ...dev, primOtherNumber: str, secOtherNumber: str }, ['deviceNumber']),
  ),
  req('answerCall', { ...dev, callingNumber: str }, ['deviceNumber']),
  req('consultationCall', { ...dev, otherNumber: str, consultedDeviceNumber: str, extraData: str }, ['deviceNumber', 'consultedDeviceNumber']),
  req('divertCall', { ...dev, otherNumber: str, divertedDeviceNumber: str, extraData: str }, ['deviceNumber', 'divertedDeviceNumber']),
  req('doNotDisturb', { ...dev, state: oneOf(E.ON_OFF) }, ['deviceNumber', 'state']),
  ...(['dropCall', 'holdCall', 'retrieveCall'] as const).map((t) => req(t, { ...dev, otherNumber: str }, ['deviceNumber'])),
  req('forward', { ...dev, info: forwardInfo }, ['deviceNumber', 'info']),
  req('makeCall', { ...dev, calledDeviceNumber: str, extraData: str }, ['deviceNumber', 'calledDeviceNumber']),
  req('qualifyCall', { ...dev, answerCall: fc.boolean(), needName: fc.boolean() }, ['deviceNumber']),
  ...(['queryAgentState', 'queryDoNotDisturb', 'queryForward', 'queryMsgWaiting'] as const).map((t) => req(t, dev, ['deviceNumber'])),
  req(
    'queryHistory',
    { recordType: oneOf(E.HISTORY_RECORD_TYPES), ...dev, userID: str, startDate: str, startHour: str, endDate: str, search: str, limit: str },
    [],
  ),
  req('queryUserStatistics', { ...dev, userID: str, statisticsType: oneOf(E.STATISTICS_TYPES) }, ['deviceNumber', 'statisticsType']),
  req('searchName', { userID: str, ...dev, name: str, limit: str }, ['name']),
  req('searchNumber', { userID: str, ...dev, number: str }, ['number']),
  req('snapshot', { ...dev, resultOnEvent: rec<{ timeout: string; snapshotSeq: string }>({ timeout: str, snapshotSeq: str }, ['timeout']) }, ['deviceNumber']),
  req('updateUserDirectory', { userID: str, ...dev, directoryName: str, parties: list(party) }, ['directoryName', 'parties']),
  ...(['queryRoutingPointState', 'resumeRoutingPoint', 'stopRoutingPoint', 'suspendRoutingPoint'] as const).map((t) =>
    req(t, { service: str }, ['service']),
  ),
  req('queryRoutingPointStatistics', { service: str, statisticsType: oneOf(E.STATISTICS_TYPES) }, ['service', 'statisticsType']),
  req('startRoutingPoint', { service: str, template: str, config }, ['service']),
  req('updateRoutingPoint', { service: str, config }, ['service']),
  req('updateDirectory', { directoryName: str }, ['directoryName']),
);

describe('codec: property-based round trips', () => {
  it('requests: decodeRequest(encodeRequest(x)) equals x', () => {
    fc.assert(fc.property(telRequest, (r) => {
        expect(decodeRequest(encodeRequest(r))).toEqual(r);
      }), { numRuns: 500 });
  });

  it('replies: decodeReply(encodeReply(x)) equals x', () => {
    fc.assert(fc.property(telReply, (r) => {
        expect(decodeReply(encodeReply(r))).toEqual(r);
      }), { numRuns: 300 });
  });

  it('events: decodeEvent(encodeEvent(x)) equals x, and the XML is compact', () => {
    fc.assert(
      fc.property(telEvent, (e) => {
        const xml = encodeEvent(e);
        expect(xml).not.toMatch(/>\s+</);
        expect(decodeEvent(xml)).toEqual(e);
      }),
      { numRuns: 500 },
    );
  });

  it('preserves edge blanks, CR and entity-looking text', () => {
    const number = ' \t+0160 &amp; \r\n\u00A0';
    const event: TelEvent = { type: 'forward', forward: { number, type: 'busy', state: 'on' }, deviceNumber: '\uFEFF0' };
    expect(decodeEvent(encodeEvent(event))).toEqual(event);
  });

  it('refuses to encode a character XML cannot carry, naming the field', () => {
    const bad: TelRequest = { type: 'makeCall', deviceNumber: '1101', calledDeviceNumber: '12\u000134' };
    expect(() => encodeRequest(bad)).toThrow(CtiError);
    expect(() => encodeRequest(bad)).toThrow(/makeCall\/calledDeviceNumber: character U\+0001 cannot be written in XML/);
  });
});
