import { describe, expect, it } from 'vitest';
import { decodeReply } from '../../../main/telservices/codec';
import { parseCount, parseHms, parsePercent, toUserStatisticsView } from '../../../main/core/statistics';
import { specFixture } from '../../support/spec-fixtures';
import type { UserSnapshotStatistics, UserTotalStatistics } from '../../../common/telservices/structures';

function specStatistics(name: string): UserSnapshotStatistics | UserTotalStatistics {
  const reply = decodeReply(specFixture(name));
  if (reply.kind !== 'result' || reply.result.type !== 'userStatistics') throw new Error(`${name} is not a userStatistics reply`);
  const s = reply.result.statistics;
  return s.type === 'snapshot' ? s.snapshot : s.total;
}

describe('statistics values as the wire writes them', () => {
  it('HH:MM:SS -> seconds, hours past 24 included; anything else is not a duration', () => {
    expect(parseHms('00:07:01')).toBe(421);
    expect(parseHms('125:00:09')).toBe(450_009);
    expect(parseHms('07:01')).toBe(421);
    expect(parseHms(' 01:00:00 ')).toBe(3600);
    for (const bad of ['', '1:2:3:4', '00:60:00', 'abc', '-01:00:00', undefined]) expect(parseHms(bad), String(bad)).toBeUndefined();
  });

  it('percentages: plain, decimal and the spec\'s 1.0E2', () => {
    expect(parsePercent('1.0E2')).toBe(100);
    expect(parsePercent('33.3')).toBe(33.3);
    expect(parsePercent('0')).toBe(0);
    expect(parsePercent('2.5e1')).toBe(25);
    for (const bad of ['', 'NaN', '-5', 'Infinity', '1e', undefined]) expect(parsePercent(bad), String(bad)).toBeUndefined();
  });

  it('counts are whole numbers only', () => {
    expect(parseCount('12')).toBe(12);
    expect(parseCount('1.5')).toBeUndefined();
    expect(parseCount('x')).toBeUndefined();
  });
});

describe('toUserStatisticsView', () => {
  it('reads the spec\'s two examples (snapshot: state and services; total: 7 min logged on, 100 %)', () => {
    const snapshot = specStatistics('reply-queryUserStatistics-1') as UserSnapshotStatistics;
    const total = specStatistics('reply-queryUserStatistics-2') as UserTotalStatistics;
    const view = toUserStatisticsView(snapshot, total, 1234);
    expect(view).toMatchObject({ fetchedAt: 1234, agentState: 'ready', inboundServices: ['service1'], since: '2009-11-09T11:13:23' });
    expect(view.stateTimes.loggedOn).toEqual({ seconds: 421, percent: 100 });
    expect(view.stateTimes.ready).toEqual({ seconds: 421, percent: 0 });
    expect(Object.keys(view.stateTimes).sort()).toEqual(['busy', 'directCall', 'loggedOff', 'loggedOn', 'notReady', 'ready', 'workingAfterCall']);
    expect(view.calls.incoming).toBe(0);
    expect(view.agentCalls.talkInSeconds).toBe(0);
  });

  it('maps every counter to its own field and durations to seconds', () => {
    const total: UserTotalStatistics = {
      incomingCallsAlertingCount: '7',
      incomingCallsConnectedCount: '5',
      incomingCallsAbandonedCount: '2',
      incomingCallsFailedCount: '1',
      outgoingCallsOriginatedCount: '4',
      outgoingCallsConnectedCount: '3',
      incomingCallsAlertingDuration: '00:01:10',
      incomingCallsConnectedDuration: '01:00:00',
      incomingCallsConnectedMaxDuration: '00:30:00',
      outgoingCallsConnectedAvgDuration: '00:00:42',
      agentIncomingCallsAlertingCount: '6',
      agentOutgoingCallsConnectedDuration: '00:02:00',
      agentBusyDuration: '00:10:00',
      agentBusyPercentage: '2.5E1',
    };
    const view = toUserStatisticsView({}, total, 0);
    expect(view.calls).toMatchObject({ incoming: 7, incomingAnswered: 5, incomingAbandoned: 2, incomingFailed: 1, outgoing: 4, outgoingAnswered: 3 });
    expect(view.calls).toMatchObject({ ringSeconds: 70, talkInSeconds: 3600, talkInMaxSeconds: 1800, talkOutAvgSeconds: 42, ringMaxSeconds: 0 });
    expect(view.agentCalls).toMatchObject({ incoming: 6, talkOutSeconds: 120, incomingAnswered: 0 });
    expect(view.stateTimes).toEqual({ busy: { seconds: 600, percent: 25 } });
    expect(view.agentState).toBeUndefined();
    expect(view.inboundServices).toEqual([]);
  });

  it('an unreadable value counts as 0 instead of failing the whole panel', () => {
    const view = toUserStatisticsView({}, { incomingCallsAlertingCount: 'lots', agentReadyDuration: '??', agentReadyPercentage: '50' }, 0);
    expect(view.calls.incoming).toBe(0);
    expect(view.stateTimes.ready).toEqual({ seconds: 0, percent: 50 });
  });
});
