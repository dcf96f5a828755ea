/** History records and queryHistory's filters; user and routing point statistics from real calls. */
import { describe, expect, it } from 'vitest';
import type { TelReply } from '../../../../common/telservices/replies';
import type { HistoryRecord, RoutingPointTotalStatistics, UserTotalStatistics } from '../../../../common/telservices/structures';
import type { QueryHistoryRequest } from '../../../../common/telservices/requests';
import { decodeReply } from '../../../../main/telservices/codec';
import { specFixture } from '../../../support/spec-fixtures';
import { harness, type Harness } from './harness';

/** A harness whose history dates are set by the test (local time). */
function dated(start: Date) {
  let now = start;
  const h = harness({ today: () => now });
  return { h, at: (d: Date) => (now = d) };
}

const records = (r: TelReply): HistoryRecord[] => {
  if (r.kind !== 'result' || r.result.type !== 'history') throw new Error('not a history result');
  return r.result.records;
};
const history = (h: Harness, q: Omit<QueryHistoryRequest, 'type'> = {}) => records(h.exec({ type: 'queryHistory', ...q }));

function userTotal(h: Harness, deviceNumber: string): UserTotalStatistics {
  const r = h.exec({ type: 'queryUserStatistics', deviceNumber, statisticsType: 'total' });
  if (r.kind !== 'result' || r.result.type !== 'userStatistics' || r.result.statistics.type !== 'total') throw new Error('no total');
  return r.result.statistics.total;
}

describe('PBX model: history', () => {
  it('the spec example: two unanswered outgoing calls of 8001 on 2009-12-02, newest first', () => {
    const { h, at } = dated(new Date(2009, 11, 2, 14, 53, 27));
    h.call('8001', '8002');
    h.ok({ type: 'dropCall', deviceNumber: '8001' });
    at(new Date(2009, 11, 2, 15, 32, 43));
    h.call('8001', '8005');
    h.ok({ type: 'dropCall', deviceNumber: '8001' });
    expect(h.exec({ type: 'queryHistory', deviceNumber: '8001', startDate: '2009-12-02' })).toStrictEqual(decodeReply(specFixture('reply-queryHistory-1')));
    // The called side has its own record: abandoned by the caller.
    expect(history(h, { deviceNumber: '8002' })).toEqual([
      { creationDate: '2009-12-02', creationTime: '14:53:27', otherParty: { number: '8001' }, alertingDuration: '0', duration: '0', isOutgoing: false, isConnected: false, cause: 'droppedByOtherParty' },
    ]);
  });

  it('keeps at most historyLimit records, dropping the oldest', () => {
    const h = harness({ historyLimit: 3 });
    for (const to of ['1102', '1103', '1104']) {
      h.call('1101', to);
      h.ok({ type: 'dropCall', deviceNumber: '1101' });
    }
    expect(history(h).map((r) => [r.deviceNumber, r.otherParty?.number])).toEqual([
      ['1104', '1101'],
      ['1101', '1104'],
      ['1103', '1101'],
    ]);
  });

  it('a record is dated when the call began, not when it ended', () => {
    const { h, at } = dated(new Date(2024, 4, 1, 10, 0, 0));
    h.call('1101', '1102');
    at(new Date(2024, 4, 1, 10, 5, 0));
    h.answer('1102');
    h.ok({ type: 'dropCall', deviceNumber: '1102' });
    expect(history(h, { deviceNumber: '1101' })[0]?.creationTime).toBe('10:00:00');
  });

  it('filters: recordType, userID, startDate+startHour, endDate, search, limit', () => {
    const { h, at } = dated(new Date(2024, 0, 10, 9, 0, 0));
    h.pbx.injectInboundCall({ from: '0612345678', name: 'Bob Martin', to: '1101' });
    h.answer('1101');
    h.clock.advance(42_000);
    h.ok({ type: 'dropCall', deviceNumber: '1101' });
    at(new Date(2024, 0, 11, 14, 0, 0));
    h.call('1101', '1102');
    h.ok({ type: 'dropCall', deviceNumber: '1101' });
    h.ok({ type: 'agentState', deviceNumber: '8001', state: 'notReady' });
    at(new Date(2024, 0, 12, 8, 0, 0));
    h.call('1101', '1103');
    h.ok({ type: 'dropCall', deviceNumber: '1101' });

    const mine = history(h, { deviceNumber: '1101' });
    expect(mine.map((r) => r.otherParty?.number)).toEqual(['1103', '1102', '0612345678']);
    expect(mine[2]).toMatchObject({ duration: '42', isConnected: true, isOutgoing: false, cause: 'normal', otherParty: { name: 'Bob Martin' } });
    expect(history(h, { deviceNumber: '1101', limit: '1' })).toHaveLength(1);
    expect(history(h, { deviceNumber: '1101', search: 'bob' }).map((r) => r.creationDate)).toEqual(['2024-01-10']);
    expect(history(h, { deviceNumber: '1101', startDate: '2024-01-11' }).map((r) => r.otherParty?.number)).toEqual(['1103', '1102']);
    expect(history(h, { deviceNumber: '1101', startDate: '2024-01-11', startHour: '15' }).map((r) => r.otherParty?.number)).toEqual(['1103']);
    expect(history(h, { deviceNumber: '1101', endDate: '2024-01-11' }).map((r) => r.otherParty?.number)).toEqual(['1102', '0612345678']);
    expect(history(h, { recordType: 'agent' })).toEqual([{ deviceNumber: '8001', userID: 'agent8001', creationDate: '2024-01-11', creationTime: '14:00:00', agentState: 'notReady' }]);
    expect(history(h, { userID: 'agent8001', recordType: 'all' })).toHaveLength(1);
    expect(history(h, { recordType: 'all' }).length).toBe(history(h).length + 1);
  });
});

describe('PBX model: statistics', () => {
  it('user totals: counts and HH:MM:SS durations of incoming, outgoing and failed calls', () => {
    const h = harness();
    h.call('1101', '1102');
    h.answer('1102');
    h.clock.advance(65_000);
    h.ok({ type: 'dropCall', deviceNumber: '1101' });
    h.call('1103', '1101');
    h.clock.advance(4_000);
    h.answer('1101');
    h.clock.advance(10_000);
    h.ok({ type: 'dropCall', deviceNumber: '1103' });
    h.ok({ type: 'doNotDisturb', deviceNumber: '1101', state: 'on' });
    h.call('1104', '1101');
    const t = userTotal(h, '1101');
    expect(t).toMatchObject({
      incomingCallsFailedCount: '1',
      incomingCallsAlertingCount: '1',
      incomingCallsConnectedCount: '1',
      incomingCallsAbandonedCount: '0',
      incomingCallsAlertingDuration: '00:00:04',
      incomingCallsConnectedDuration: '00:00:10',
      incomingCallsConnectedMaxDuration: '00:00:10',
      outgoingCallsOriginatedCount: '1',
      outgoingCallsConnectedCount: '1',
      outgoingCallsConnectedDuration: '00:01:05',
      outgoingCallsConnectedAvgDuration: '00:01:05',
    });
    // Not an agent: no agent state counters.
    expect(t.agentReadyDuration).toBeUndefined();
  });

  it('agent totals: time per state, routed calls; snapshot as the spec example', () => {
    const h = harness({ workingAfterCallSeconds: 30 });
    h.clock.advance(100_000);
    h.pbx.injectInboundCall({ from: '0612345678', to: '8000' });
    h.clock.advance(3_000);
    h.answer('8001');
    h.clock.advance(20_000);
    h.ok({ type: 'dropCall', deviceNumber: '8001' });
    h.clock.advance(47_000);
    const t = userTotal(h, '8001');
    expect(t).toMatchObject({
      inboundServices: ['service1'],
      agentIncomingCallsAlertingCount: '1',
      agentIncomingCallsConnectedCount: '1',
      agentIncomingCallsConnectedDuration: '00:00:20',
      agentBusyDuration: '00:00:20',
      agentWorkingAfterCallDuration: '00:00:30',
      agentReadyDuration: '00:02:00',
      agentLoggedOnDuration: '00:02:50',
      agentLoggedOnPercentage: '100',
      agentLoggedOffPercentage: '0',
      agentDirectCallDuration: '00:00:00',
    });
    expect(t.agentBusyPercentage).toBe('11.8');
    expect(h.exec({ type: 'queryUserStatistics', deviceNumber: '8001', statisticsType: 'snapshot' })).toStrictEqual(
      decodeReply(specFixture('reply-queryUserStatistics-1')),
    );
  });

  it('routing point totals count routed, queued, abandoned and connected calls', () => {
    const h = harness();
    h.pbx.injectInboundCall({ from: '0611111111', to: '8000' });
    h.clock.advance(2_000);
    h.answer('8001');
    h.clock.advance(30_000);
    h.pbx.externalHangup('0611111111');
    h.pbx.injectInboundCall({ from: '0622222222', to: '8000' }); // rings 8003
    h.clock.advance(5_000);
    h.pbx.externalHangup('0622222222'); // abandoned while ringing
    h.ok({ type: 'agentState', deviceNumber: '8003', state: 'notReady' });
    h.pbx.injectInboundCall({ from: '0633333333', to: '8000' }); // queued: 8001 works after call
    h.clock.advance(6_000);
    h.pbx.externalHangup('0633333333'); // abandoned in the queue
    const r = h.exec({ type: 'queryRoutingPointStatistics', service: 'service1', statisticsType: 'total' });
    if (r.kind !== 'result' || r.result.type !== 'routingPointStatistics' || r.result.statistics.type !== 'total') throw new Error('no total');
    const t: RoutingPointTotalStatistics = r.result.statistics.total;
    expect(t).toMatchObject({
      workDuration: '00:00:43',
      incomingCallsCount: '3',
      routedToDistributionCallsCount: '2',
      incomingCallsConnectedCount: '1',
      incomingCallsAbandonedOnAgentCount: '1',
      incomingCallsAbandonedOnQueueCount: '1',
      queuedCallsCount: '1',
      queuedCallsDuration: '00:00:06',
      incomingCallsConnectedDuration: '00:00:30',
      incomingCallsAlertingDuration: '00:00:07',
    });
    expect(t.agents?.map((a) => [a.deviceNumber, a.incomingCallsConnectedCount])).toEqual([
      ['8001', '1'],
      ['8002', undefined],
      ['8003', '0'],
      ['8004', undefined],
      ['8005', undefined],
    ]);
  });

  it('calls abandoned sooner than statisticsIncomingCallImmediateAbandonTimeout count apart', () => {
    const h = harness();
    h.ok({ type: 'updateRoutingPoint', service: 'service1', config: { statisticsIncomingCallImmediateAbandonTimeout: '3' } });
    h.pbx.injectInboundCall({ from: '0611111111', to: '8000' });
    h.clock.advance(2_000);
    h.pbx.externalHangup('0611111111');
    h.pbx.injectInboundCall({ from: '0622222222', to: '8000' });
    h.clock.advance(4_000);
    h.pbx.externalHangup('0622222222');
    const r = h.exec({ type: 'queryRoutingPointStatistics', service: 'service1', statisticsType: 'total' });
    if (r.kind !== 'result' || r.result.type !== 'routingPointStatistics' || r.result.statistics.type !== 'total') throw new Error('no total');
    expect(r.result.statistics.total).toMatchObject({
      incomingCallsAbandoneddImmediatelCount: '1',
      incomingCallsAbandonedOnAgentCount: '1',
      incomingCallsAlertingDuration: '00:00:04',
    });
  });
});
