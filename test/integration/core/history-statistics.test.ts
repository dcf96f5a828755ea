/**
 * The history and userStatistics commands through the whole core, against the simulator's PBX on
 * real loopback sockets: a missed call, an answered one and one we made, then every filter.
 */
import { describe, expect, it } from 'vitest';
import { directoryCaller, rigsClosedAfterEach, type CoreRig } from './harness';

const start = rigsClosedAfterEach();

async function threeCalls(r: CoreRig): Promise<{ missedFrom: string }> {
  const caller = directoryCaller(r.sim);
  // 1. rings and the caller gives up: missed.
  const missed = r.sim.control.injectCall({ from: caller.number, to: '1101' });
  await r.waitFor((l) => l.calls[0]?.primary?.state === 'alerting', 'the first call ringing');
  r.sim.control.hangup(missed.callId);
  await r.waitFor((l) => l.calls.length === 0 && l.missedCalls === 1, 'the missed call');
  // 2. rings, answered here, the caller hangs up.
  const answered = r.sim.control.injectCall({ from: '+33140000000', to: '1101' });
  await r.waitFor((l) => l.calls[0]?.primary?.state === 'alerting', 'the second call ringing');
  await r.service.handlers.answer({});
  await r.waitFor((l) => l.calls[0]?.primary?.state === 'connected', 'answered');
  r.sim.control.hangup(answered.callId);
  await r.waitFor((l) => l.calls.length === 0, 'the second call over');
  // 3. we call 1102, it answers, we hang up.
  await r.service.handlers.dial({ number: '1102' });
  await r.waitFor((l) => l.calls[0]?.primary !== undefined, 'our call');
  r.sim.pbx.execute({ type: 'answerCall', deviceNumber: '1102' }, {});
  await r.waitFor((l) => l.calls[0]?.primary?.state === 'connected', 'our call answered');
  await r.service.handlers.drop({});
  await r.waitFor((l) => l.calls.length === 0, 'our call over');
  return { missedFrom: caller.number };
}

const h = (r: CoreRig) => r.service.handlers;

describe('history and statistics through the core (simulator, real sockets)', () => {
  it('history: direction, text, date range and limit filters', async () => {
    const r = await start();
    const { missedFrom } = await threeCalls(r);
    const all = await h(r).history({ direction: 'all' });
    expect(all).toHaveLength(3);
    // Newest first: our outgoing call, the answered one, the missed one.
    expect(all.map((e) => [e.isOutgoing, e.isConnected])).toEqual([[true, true], [false, true], [false, false]]);
    const missed = await h(r).history({ direction: 'missed' });
    expect(missed.map((e) => e.otherParty?.number)).toEqual([missedFrom]);
    expect((await h(r).history({ direction: 'outgoing' })).map((e) => e.otherParty?.number)).toEqual(['1102']);
    expect((await h(r).history({ direction: 'incoming' })).map((e) => e.otherParty?.number)).toEqual(['+33140000000']);
    expect((await h(r).history({ search: '4000000' })).map((e) => e.otherParty?.number)).toEqual(['+33140000000']);
    expect(await h(r).history({ limit: 1 })).toHaveLength(1);
    const today = all[0]?.date ?? '';
    expect(await h(r).history({ startDate: today, endDate: today })).toHaveLength(3);
    expect(await h(r).history({ startDate: '2000-01-01', endDate: '2000-01-02' })).toEqual([]);
    // An end hour of 24 keeps the whole day; the start hour is passed on with the date.
    expect(await h(r).history({ startDate: today, startHour: 0, endHour: 24 })).toHaveLength(3);
  });

  it('userStatistics: the totals count those calls, durations as seconds', async () => {
    const r = await start();
    await threeCalls(r);
    const stats = await h(r).userStatistics({});
    expect(stats.calls).toMatchObject({ incoming: 2, incomingAnswered: 1, incomingAbandoned: 1, outgoing: 1, outgoingAnswered: 1 });
    expect(stats.calls.talkInSeconds).toBeGreaterThanOrEqual(0);
    expect(stats.fetchedAt).toBeGreaterThan(0);
  });

  it('userStatistics of an agent: its state now and time per state', async () => {
    const r = await start({ deviceNumber: '8001', userID: 'agent8001' });
    await r.waitFor((l) => l.agent !== undefined, 'the agent');
    const stats = await h(r).userStatistics({});
    expect(stats.agentState).toBe(r.line().agent?.state);
    expect(stats.inboundServices).toContain('service1');
    expect(Object.keys(stats.stateTimes).length).toBeGreaterThan(0);
    for (const t of Object.values(stats.stateTimes)) expect(t.percent).toBeGreaterThanOrEqual(0);
  });
});
