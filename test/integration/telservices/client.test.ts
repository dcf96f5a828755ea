/**
 * TelClient over the real TCP transport against the fake TelServer: every request of the spec goes
 * out as the spec's example XML (what the server recorded, compared with the spec examples) and
 * comes back as the typed result its method promises.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROTOCOL_ERRORS } from '../../../common/telservices/enums';
import { REQUEST_TYPES, type TelRequestType } from '../../../common/telservices/requests';
import { TelClient } from '../../../main/telservices/client';
import { HttpTransport } from '../../../main/telservices/transport-http';
import { TcpTransport } from '../../../main/telservices/transport-tcp';
import { FakeTelServer, STANDARD_RESULT } from '../../support/fake-telserver';
import { rejection } from './helpers';

const fixture = (name: string): string => readFileSync(join(import.meta.dirname, '../../fixtures/spec', name), 'utf8');
const R = (inner: string): string => `<TelServiceReturn><result>${inner}</result></TelServiceReturn>`;
/** The spec prints its XML indented; the codec writes it compact. Compare without the indentation. */
const compact = (xml: string): string => xml.replace(/>\s+</g, '><').trim();

interface Case {
  method: TelRequestType;
  fields: Record<string, unknown>;
  /** The spec's example request: test/fixtures/spec/request-<wire>.xml */
  wire: string;
  reply?: string;
  expected?: unknown;
}

// The spec's examples, one per request type (reply examples where the spec gives one).
const CASES: Case[] = [
  { method: 'openSession', fields: { deviceNumber: '1101', eventUDPPort: '20001', eventUpdate: 'full', userID: '1101' }, wire: 'openSession-2' },
  { method: 'closeSession', fields: { deviceNumber: '1101' }, wire: 'closeSession-1' },
  { method: 'addPartyToCall', fields: { deviceNumber: '1102', addedDeviceNumber: '1103' }, wire: 'addPartyToCall-1' },
  { method: 'agentState', fields: { deviceNumber: '1101', state: 'notReady' }, wire: 'agentState-1' },
  { method: 'alternateCall', fields: { deviceNumber: '1102' }, wire: 'alternateCall-1' },
  { method: 'answerCall', fields: { deviceNumber: '1102', callingNumber: '1101' }, wire: 'answerCall-1' },
  { method: 'conferenceCall', fields: { deviceNumber: '1102' }, wire: 'conferenceCall-1' },
  { method: 'consultationCall', fields: { deviceNumber: '1102', consultedDeviceNumber: '1103' }, wire: 'consultationCall-1' },
  { method: 'divertCall', fields: { deviceNumber: '1102', divertedDeviceNumber: '1103' }, wire: 'divertCall-1' },
  { method: 'doNotDisturb', fields: { deviceNumber: '1101', state: 'on' }, wire: 'doNotDisturb-1' },
  { method: 'dropCall', fields: { deviceNumber: '1101' }, wire: 'dropCall-1' },
  { method: 'forward', fields: { deviceNumber: '1101', info: { number: '1102', type: 'immediate', state: 'on' } }, wire: 'forward-1' },
  { method: 'holdCall', fields: { deviceNumber: '1101' }, wire: 'holdCall-1' },
  { method: 'makeCall', fields: { deviceNumber: '1101', calledDeviceNumber: '1102' }, wire: 'makeCall-1' },
  { method: 'qualifyCall', fields: { deviceNumber: '1102' }, wire: 'qualifyCall-1', reply: R('<qualifyCall><number>1101</number></qualifyCall>'), expected: { number: '1101' } },
  { method: 'queryAgentState', fields: { deviceNumber: '1101' }, wire: 'queryAgentState-1', reply: R('<agent><state><workingAfterCall/></state><timeout>30</timeout><inboundServices><service>service1</service></inboundServices><permittedStates><ready/><notReady/><workingAfterCall/></permittedStates></agent>'), expected: { state: 'workingAfterCall', timeout: '30', inboundServices: ['service1'], permittedStates: ['ready', 'notReady', 'workingAfterCall'] } },
  { method: 'queryDoNotDisturb', fields: { deviceNumber: '1101' }, wire: 'queryDoNotDisturb-1', reply: R('<doNotDisturb><off/></doNotDisturb>'), expected: 'off' },
  { method: 'queryForward', fields: { deviceNumber: '1101' }, wire: 'queryForward-1', reply: R('<forwards><forward><number>1102</number><type><immediate/></type><state><on/></state></forward></forwards>'), expected: [{ number: '1102', type: 'immediate', state: 'on' }] },
  { method: 'queryHistory', fields: { deviceNumber: '8001', startDate: '2009-12-02' }, wire: 'queryHistory-1', reply: R('<history><record><creationDate>2009-12-02</creationDate><creationTime>15:32:43</creationTime><otherParty><number>8005</number></otherParty><alertingDuration>0</alertingDuration><duration>0</duration><isOutgoing><true/></isOutgoing><isConnected><false/></isConnected><cause><normal/></cause></record></history>'), expected: [{ creationDate: '2009-12-02', creationTime: '15:32:43', otherParty: { number: '8005' }, alertingDuration: '0', duration: '0', isOutgoing: true, isConnected: false, cause: 'normal' }] },
  { method: 'queryMsgWaiting', fields: { deviceNumber: '1101' }, wire: 'queryMsgWaiting-1', reply: R('<msgWaiting><off/></msgWaiting>'), expected: 'off' },
  { method: 'queryUserStatistics', fields: { deviceNumber: '1101', statisticsType: 'snapshot' }, wire: 'queryUserStatistics-1', reply: R('<userStatistics><snapshot><agentState><ready/></agentState><inboundServices><service>service1</service></inboundServices></snapshot></userStatistics>'), expected: { type: 'snapshot', snapshot: { agentState: 'ready', inboundServices: ['service1'] } } },
  { method: 'reconnectCall', fields: { deviceNumber: '1102' }, wire: 'reconnectCall-1' },
  { method: 'retrieveCall', fields: { deviceNumber: '1101' }, wire: 'retrieveCall-1' },
  { method: 'searchName', fields: { name: 'Mar' }, wire: 'searchName-1', reply: R('<searchDirectory><party><number>+801</number><name>Marcel Jagger</name><numberType><work/></numberType><company>uniGone</company></party><party><number>+33160127764</number><name>Martin Jagger</name><numberType><home/></numberType><company>uniGone</company></party></searchDirectory>'), expected: [{ number: '+801', name: 'Marcel Jagger', numberType: 'work', company: 'uniGone' }, { number: '+33160127764', name: 'Martin Jagger', numberType: 'home', company: 'uniGone' }] },
  { method: 'searchNumber', fields: { number: '+33130127764' }, wire: 'searchNumber-1', reply: R('<searchDirectory/>'), expected: [] },
  { method: 'snapshot', fields: { deviceNumber: '1101' }, wire: 'snapshot-2', reply: R('<snapshot><calls/><forwards><forward><number>1102</number><type><immediate/></type><state><on/></state></forward></forwards><msgWaiting><off/></msgWaiting><doNotDisturb><off/></doNotDisturb></snapshot>'), expected: { calls: [], forwards: [{ number: '1102', type: 'immediate', state: 'on' }], msgWaiting: 'off', doNotDisturb: 'off' } },
  { method: 'transferCall', fields: { deviceNumber: '1102' }, wire: 'transferCall-1' },
  { method: 'updateUserDirectory', fields: { userID: 'user', directoryName: 'outlook', parties: [{ number: '0160121314', name: 'Bob Blake', numberType: 'work', company: 'TheCompany' }, { number: '0160121315', name: 'Bob Blake', numberType: 'ip', company: 'TheCompany' }] }, wire: 'updateUserDirectory-1' },
  { method: 'queryRoutingPointState', fields: { service: 'service1' }, wire: 'queryRoutingPointState-1', reply: R('<routingPointState><started-running/></routingPointState>'), expected: 'started-running' },
  { method: 'queryRoutingPointStatistics', fields: { service: 'service1', statisticsType: 'snapshot' }, wire: 'queryRoutingPointStatistics-1', reply: R('<routingPointStatistics><snapshot><queuedCallsCount>0</queuedCallsCount><queuedCallsDuration>00:00:00</queuedCallsDuration></snapshot></routingPointStatistics>'), expected: { type: 'snapshot', snapshot: { queuedCallsCount: '0', queuedCallsDuration: '00:00:00' } } },
  { method: 'resumeRoutingPoint', fields: { service: 'camp1' }, wire: 'resumeRoutingPoint-1' },
  { method: 'startRoutingPoint', fields: { service: 'camp1' }, wire: 'startRoutingPoint-1' },
  { method: 'stopRoutingPoint', fields: { service: 'camp1' }, wire: 'stopRoutingPoint-1' },
  { method: 'suspendRoutingPoint', fields: { service: 'camp1' }, wire: 'suspendRoutingPoint-1' },
  { method: 'updateRoutingPoint', fields: { service: 'camp1' }, wire: 'updateRoutingPoint-1' },
  { method: 'updateDirectory', fields: { directoryName: 'ldap' }, wire: 'updateDirectory-1' },
];

let server: FakeTelServer;
let client: TelClient;
/** The reply the fake server sends next (set by each test). */
let nextReply = STANDARD_RESULT;

beforeAll(async () => {
  server = await FakeTelServer.start({ http: true, handler: () => ({ kind: 'reply', xml: nextReply }) });
  client = new TelClient(new TcpTransport({ host: server.host, port: server.port, replyTimeoutMs: 2000 }));
});
afterAll(async () => {
  await server.close();
});

/** Calls the method by name (the table is untyped on purpose: it lists wire facts). */
function callMethod(c: TelClient, name: TelRequestType, fields: Record<string, unknown>): Promise<unknown> {
  const fn = (c as unknown as Record<string, (f: unknown) => Promise<unknown>>)[name];
  if (typeof fn !== 'function') throw new Error(`TelClient has no method ${name}`);
  return fn(fields);
}

describe('TelClient: one method per request of the spec', () => {
  it('covers the 36 requests', () => {
    expect(new Set(CASES.map((c) => c.method))).toEqual(new Set(REQUEST_TYPES));
    for (const t of REQUEST_TYPES) expect(typeof (client as unknown as Record<string, unknown>)[t]).toBe('function');
  });

  for (const c of CASES) {
    it(`${c.method}: sends the spec's XML and returns the typed result`, async () => {
      nextReply = c.reply ?? STANDARD_RESULT;
      const before = server.requests.length;
      const value = await callMethod(client, c.method, c.fields);
      expect(compact(server.requests[before] as string)).toBe(compact(fixture(`request-${c.wire}.xml`)));
      expect(value).toEqual(c.expected);
    });
  }
});

describe('TelClient replies', () => {
  for (const name of PROTOCOL_ERRORS) {
    it(`error reply <${name}/> -> CtiError('${name}') with a readable message`, async () => {
      nextReply = `<TelServiceReturn><error><${name}/></error></TelServiceReturn>`;
      const err = await rejection(client.makeCall({ deviceNumber: '1101', calledDeviceNumber: '1102' }));
      expect(err.code).toBe(name);
      expect(err.message).toMatch(/^makeCall: \w/);
      expect(err.detail?.request).toBe('makeCall');
    });
  }

  it('a result of an unexpected type -> malformedReply', async () => {
    nextReply = STANDARD_RESULT;
    const err = await rejection(client.queryForward({ deviceNumber: '1101' }));
    expect(err.code).toBe('malformedReply');
    expect(err.detail).toMatchObject({ expected: 'forwards', got: 'standard' });
  });

  it('unreadable reply bytes -> malformedReply', async () => {
    nextReply = '<TelServiceReturn><result><bogus/></result></TelServiceReturn>';
    expect((await rejection(client.makeCall({ deviceNumber: '1', calledDeviceNumber: '2' }))).code).toBe('malformedReply');
  });

  it('leading zeros, + and hidden numbers survive both ways', async () => {
    nextReply = R('<searchDirectory><party><number>+0033 0612</number></party><party><number>*****-00042</number></party></searchDirectory>');
    const before = server.requests.length;
    const parties = await client.searchNumber({ number: '+0033 0612', deviceNumber: '007' });
    expect(parties).toEqual([{ number: '+0033 0612' }, { number: '*****-00042' }]);
    expect(server.requests[before]).toContain('<number>+0033 0612</number>');
    expect(server.requests[before]).toContain('<deviceNumber>007</deviceNumber>');
  });

  it('send() takes any request and returns the raw TelResult', async () => {
    nextReply = R('<doNotDisturb><on/></doNotDisturb>');
    await expect(client.send({ type: 'queryDoNotDisturb', deviceNumber: '1101' })).resolves.toEqual({ type: 'doNotDisturb', state: 'on' });
  });

  it('transport errors pass through with their code', async () => {
    const dead = new TelClient(new TcpTransport({ host: '127.0.0.1', port: server.port, replyTimeoutMs: 100 }));
    server.setHandler(() => ({ kind: 'hang' }));
    try {
      expect((await rejection(dead.dropCall({ deviceNumber: '1101' }))).code).toBe('timeout');
    } finally {
      server.setHandler(() => ({ kind: 'reply', xml: nextReply }));
    }
  });

  it('works the same over HTTP', async () => {
    const http = new TelClient(new HttpTransport({ host: server.host, port: server.port }));
    nextReply = R('<qualifyCall><number>0011</number><name>Zoë</name></qualifyCall>');
    await expect(http.qualifyCall({ deviceNumber: '1102', answerCall: false })).resolves.toEqual({ number: '0011', name: 'Zoë' });
    expect(server.requests.at(-1)).toContain('<answerCall><false/></answerCall>');
  });
});
