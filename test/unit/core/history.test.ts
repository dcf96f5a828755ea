import { describe, expect, it } from 'vitest';
import { filterHistory, hourOf, kindOf, matchesDirection } from '../../../common/history';
import type { HistoryEntry } from '../../../common/domain';
import { commandArgs, type ArgsOf } from '../../../common/schemas';
import { filterHistoryReply, HISTORY_FETCH_MAX, historyRequest } from '../../../main/core/history';

const party = (number: string) => ({ number, hidden: false });
const rec = (over: Partial<HistoryEntry>): HistoryEntry => ({ date: '2026-11-30', time: '10:00:00', otherParty: party('1102'), ...over });

const out = rec({ isOutgoing: true, isConnected: true, time: '11:59:59' });
const answered = rec({ isOutgoing: false, isConnected: true, time: '12:00:00' });
const missed = rec({ isOutgoing: false, isConnected: false, time: '09:15:00', date: '2026-11-29' });
const agent: HistoryEntry = { date: '2026-11-30', time: '08:00:00', agentState: 'ready' };
const all = [out, answered, missed, agent];

const args = (a: unknown): ArgsOf<'history'> => commandArgs.history.parse(a);

describe('history kinds and local filters (common/history.ts)', () => {
  it('tells incoming, outgoing, missed and agent records apart', () => {
    expect(all.map(kindOf)).toEqual(['outgoing', 'incoming', 'missed', 'agent']);
    // A record the server wrote without flags is an inbound call nobody answered.
    expect(kindOf({ date: '2026-11-30', time: '10:00:00', otherParty: party('x') })).toBe('missed');
  });

  it('direction filters partition the calls; "all" keeps agent records too', () => {
    expect(all.filter((e) => matchesDirection(e, 'missed'))).toEqual([missed]);
    expect(all.filter((e) => matchesDirection(e, 'incoming'))).toEqual([answered]);
    expect(all.filter((e) => matchesDirection(e, 'outgoing'))).toEqual([out]);
    expect(all.filter((e) => matchesDirection(e, 'all'))).toEqual(all);
  });

  it('end hour: every day without an end date, only the last day with one', () => {
    expect(hourOf(answered)).toBe(12);
    expect(hourOf(rec({ time: 'noon' }))).toBeUndefined();
    expect(filterHistory(all, { endHour: 12 })).toEqual([out, missed, agent]);
    expect(filterHistory(all, { endHour: 9, endDate: '2026-11-29' })).toEqual([out, answered, agent]);
  });

  it('applies the limit after the filters and keeps the server order', () => {
    expect(filterHistory(all, { direction: 'all', limit: 2 })).toEqual([out, answered]);
    expect(filterHistory([missed, out, missed], { direction: 'missed', limit: 2 })).toEqual([missed, missed]);
  });
});

describe('the history command (main/core/history.ts)', () => {
  it('passes every spec filter on, as the wire writes them', () => {
    const req = historyRequest(
      args({ recordType: 'all', startDate: '2026-11-01', startHour: 8, endDate: '2026-11-30', search: ' dupont ', limit: 50 }),
      '1101',
      'agent8001',
    );
    expect(req).toEqual({
      type: 'queryHistory',
      deviceNumber: '1101',
      userID: 'agent8001',
      recordType: 'all',
      startDate: '2026-11-01',
      startHour: '8',
      endDate: '2026-11-30',
      search: 'dupont',
      limit: '50',
    });
  });

  it('drops a start hour without a start date (the spec ignores it) and an empty user', () => {
    expect(historyRequest(args({ startHour: 8 }), '1101', '')).toEqual({ type: 'queryHistory', deviceNumber: '1101' });
  });

  it('asks for the most records when it filters locally, then cuts to the limit', () => {
    expect(historyRequest(args({ direction: 'missed', limit: 1 }), '1101', '').limit).toBe(String(HISTORY_FETCH_MAX));
    expect(historyRequest(args({ endHour: 12, limit: 1 }), '1101', '').limit).toBe(String(HISTORY_FETCH_MAX));
    expect(filterHistoryReply([missed, missed], args({ direction: 'missed', limit: 1 }))).toEqual([missed]);
  });

  it('refuses impossible dates, hours and ranges at the boundary', () => {
    for (const bad of [
      { startDate: '2026-02-30' },
      { startDate: '30/11/2026' },
      { startHour: 24 },
      { endHour: 0 },
      { startDate: '2026-12-01', endDate: '2026-11-01' },
      { direction: 'sideways' },
    ]) {
      expect(commandArgs.history.safeParse(bad).success, JSON.stringify(bad)).toBe(false);
    }
    expect(commandArgs.history.safeParse({ startDate: '2024-02-29', endDate: '2024-02-29' }).success).toBe(true);
  });
});

describe('withNames (history parties named through the directory)', () => {
  it('names unnamed parties once per number, keeps hidden ones and failures as they are', async () => {
    const { withNames } = await import('../../../main/core/history');
    const asked: string[] = [];
    const lookup = (n: string) => {
      asked.push(n);
      if (n === '+331') return Promise.resolve({ number: n, name: 'Martin Jagger', company: 'uniGone' });
      return n === 'boom' ? Promise.reject(new Error('down')) : Promise.resolve(null);
    };
    const named = await withNames(
      [rec({ otherParty: party('+331') }), rec({ otherParty: party('+331') }), rec({ otherParty: party('boom') }), rec({ otherParty: { number: '*****-1', hidden: true } }), agent],
      lookup,
    );
    expect(asked.sort()).toEqual(['+331', 'boom']);
    expect(named[0]?.otherParty).toEqual({ number: '+331', hidden: false, name: 'Martin Jagger', company: 'uniGone' });
    expect(named[1]?.otherParty?.name).toBe('Martin Jagger');
    expect(named[2]?.otherParty).toEqual(party('boom'));
    expect(named[4]).toBe(agent);
  });
});
