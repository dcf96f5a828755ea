/**
 * Every reply example of the spec decodes to the typed reply written out here, and encodes back
 * to the spec's XML (blanks between tags removed). The two big 'total' statistics examples are
 * checked on a handful of fields and on their counts, then round-tripped.
 *
 * Fixture note: the spec's "total" user statistics example (QueryUserStatistics, example 2) lacks
 * its closing `</TelServiceReturn>`; test/fixtures/spec/reply-queryUserStatistics-2.xml adds it.
 */
import { describe, expect, it } from 'vitest';
import { PROTOCOL_ERRORS } from '../../../common/telservices/enums';
import type { TelReply } from '../../../common/telservices/replies';
import { USER_TOTAL_COUNTERS, ROUTING_POINT_TOTAL_COUNTERS } from '../../../common/telservices/structures';
import { decodeReply, encodeReply } from '../../../main/telservices/codec';
import { compactXml, specFixture, specFixtureNames } from '../../support/spec-fixtures';

const result = (r: Extract<TelReply, { kind: 'result' }>['result']): TelReply => ({ kind: 'result', result: r });
const noName = (): TelReply => result({ type: 'searchDirectory', parties: [] });

const SPEC_REPLIES: Record<string, TelReply> = {
  'reply-standard-1': result({ type: 'standard' }),
  ...Object.fromEntries(PROTOCOL_ERRORS.map((e) => [`reply-error-${e}-1`, { kind: 'error', error: e } satisfies TelReply])),
  'reply-qualifyCall-1': result({ type: 'qualifyCall', number: '1101' }),
  'reply-queryAgentState-1': result({
    type: 'agent',
    agent: { state: 'workingAfterCall', timeout: '30', inboundServices: ['service1'], permittedStates: ['ready', 'notReady', 'workingAfterCall'] },
  }),
  'reply-queryDoNotDisturb-1': result({ type: 'doNotDisturb', state: 'off' }),
  'reply-queryForward-1': result({ type: 'forwards', forwards: [{ number: '1102', type: 'immediate', state: 'on' }] }),
  'reply-queryForward-2': result({ type: 'forwards', forwards: [] }),
  'reply-queryHistory-1': result({
    type: 'history',
    records: [
      {
        creationDate: '2009-12-02',
        creationTime: '15:32:43',
        otherParty: { number: '8005' },
        alertingDuration: '0',
        duration: '0',
        isOutgoing: true,
        isConnected: false,
        cause: 'normal',
      },
      {
        creationDate: '2009-12-02',
        creationTime: '14:53:27',
        otherParty: { number: '8002' },
        alertingDuration: '0',
        duration: '0',
        isOutgoing: true,
        isConnected: false,
        cause: 'normal',
      },
    ],
  }),
  'reply-queryMsgWaiting-1': result({ type: 'msgWaiting', state: 'off' }),
  'reply-queryUserStatistics-1': result({
    type: 'userStatistics',
    statistics: { type: 'snapshot', snapshot: { agentState: 'ready', inboundServices: ['service1'] } },
  }),
  'reply-searchName-1': noName(),
  'reply-searchName-2': result({
    type: 'searchDirectory',
    parties: [
      { number: '+801', name: 'Marcel Jagger', numberType: 'work', company: 'uniGone' },
      { number: '+33160127764', name: 'Martin Jagger', numberType: 'home', company: 'uniGone' },
    ],
  }),
  'reply-searchNumber-1': noName(),
  'reply-searchNumber-2': result({
    type: 'searchDirectory',
    parties: [{ number: '+33160127764', name: 'Martin Jagger', numberType: 'home', company: 'uniGone' }],
  }),
  'reply-snapshot-1': result({
    type: 'snapshot',
    snapshot: {
      calls: [
        {
          id: '1',
          primCall: { state: 'alerting', otherParty: { number: '1101' }, duration: '0', isOutgoing: false, isConference: false },
          permittedServices: ['answerCall', 'divertCall'],
        },
      ],
      forwards: [],
      msgWaiting: 'off',
      doNotDisturb: 'off',
    },
  }),
  'reply-snapshot-2': result({
    type: 'snapshot',
    snapshot: { calls: [], forwards: [{ number: '1102', type: 'immediate', state: 'on' }], msgWaiting: 'off', doNotDisturb: 'off' },
  }),
  'reply-queryRoutingPointState-1': result({ type: 'routingPointState', state: 'started-running' }),
  'reply-queryRoutingPointStatistics-1': result({
    type: 'routingPointStatistics',
    statistics: {
      type: 'snapshot',
      snapshot: {
        queuedCallsCount: '0',
        queuedCallsDuration: '00:00:00',
        readyAvailableAgentsCount: '2',
        busyOrWorkingAfterCallAgentsCount: '0',
        notReadyOrDirectCallAgentsCount: '0',
        agentsInCallCount: '0',
        loggedOffOrClosedAgentsCount: '3',
        agents: [
          { deviceNumber: '8001', userID: 'agent8001', agentState: 'ready', inboundServices: ['service1'] },
          { deviceNumber: '8002', agentState: 'loggedOff' },
          { deviceNumber: '8003', userID: 'agent8003', agentState: 'ready', inboundServices: ['service1'] },
          { deviceNumber: '8004', agentState: 'loggedOff' },
          { deviceNumber: '8005', agentState: 'loggedOff' },
        ],
      },
    },
  }),
};

/** The two big examples, checked field by field below. */
const BIG = ['reply-queryUserStatistics-2', 'reply-queryRoutingPointStatistics-2'];

describe('codec: the spec reply examples', () => {
  it('covers every reply example cut from the spec', () => {
    expect([...Object.keys(SPEC_REPLIES), ...BIG].sort()).toEqual(specFixtureNames('reply'));
  });

  describe.each(Object.entries(SPEC_REPLIES))('%s', (name, reply) => {
    it('decodes from the spec XML', () => {
      expect(decodeReply(specFixture(name))).toEqual(reply);
    });
    it('encodes to the spec XML', () => {
      expect(encodeReply(reply)).toBe(compactXml(specFixture(name)));
    });
  });

  it('decodes the total user statistics (40 counters, HH:MM:SS and 1.0E2 kept as written)', () => {
    const reply = decodeReply(specFixture('reply-queryUserStatistics-2'));
    if (reply.kind !== 'result' || reply.result.type !== 'userStatistics' || reply.result.statistics.type !== 'total') {
      throw new Error(`unexpected ${JSON.stringify(reply)}`);
    }
    const total = reply.result.statistics.total;
    expect(total.start).toBe('2009-11-09T11:13:23');
    expect(total.inboundServices).toEqual(['service1']);
    expect(total.agentLoggedOnDuration).toBe('00:07:01');
    expect(total.agentLoggedOnPercentage).toBe('1.0E2');
    expect(total.agentReadyDuration).toBe('00:07:01');
    expect(total.incomingCallsFailedCount).toBe('0');
    expect(total.agentBusyPercentage).toBe('0');
    expect(USER_TOTAL_COUNTERS.filter((c) => total[c] !== undefined)).toHaveLength(40);
    expect(Object.keys(total)).toHaveLength(42);
    expect(encodeReply(reply)).toBe(compactXml(specFixture('reply-queryUserStatistics-2')));
  });

  it('decodes the total routing point statistics (25 counters, 5 agents, 2 with counters)', () => {
    const reply = decodeReply(specFixture('reply-queryRoutingPointStatistics-2'));
    if (reply.kind !== 'result' || reply.result.type !== 'routingPointStatistics' || reply.result.statistics.type !== 'total') {
      throw new Error(`unexpected ${JSON.stringify(reply)}`);
    }
    const total = reply.result.statistics.total;
    expect(total.start).toBe('2009-11-09T11:12:23');
    expect(total.workDuration).toBe('04:10:23');
    // The spec's typo is the wire name, kept as such.
    expect(total.incomingCallsAbandoneddImmediatelCount).toBe('0');
    expect(ROUTING_POINT_TOTAL_COUNTERS.filter((c) => total[c] !== undefined)).toHaveLength(25);
    const agents = total.agents ?? [];
    expect(agents.map((a) => a.deviceNumber)).toEqual(['8001', '8002', '8003', '8004', '8005']);
    expect(agents[1]).toEqual({ deviceNumber: '8002', userID: 'agent8002' });
    expect(agents[0]?.agentLoggedOnDuration).toBe('00:17:35');
    expect(agents[2]?.start).toBe('2009-11-09T11:12:25');
    expect(agents[2]?.agentReadyDuration).toBe('00:18:33');
    expect(agents[2]?.inboundServices).toEqual(['service1']);
    expect(Object.keys(agents[0] ?? {})).toHaveLength(44);
    expect(encodeReply(reply)).toBe(compactXml(specFixture('reply-queryRoutingPointStatistics-2')));
  });
});
