import { describe, expect, it } from 'vitest';
import { directoryCaller, rigsClosedAfterEach } from './harness';

const start = rigsClosedAfterEach();

describe('the line core against the simulator (real sockets)', () => {
  it('inbound call -> one incoming event carrying the directory name; hang-up removes the popup and counts a miss', async () => {
    const r = await start();
    const caller = directoryCaller(r.sim);
    const { callId } = r.sim.control.injectCall({ from: caller.number, to: '1101', extraData: 'customerId=42' });
    await r.waitFor((l) => l.popups.length === 1, 'a popup');
    await r.waitFor(() => r.incoming.length === 1, 'the incoming event');
    expect(r.incoming[0]?.leg.otherParty).toMatchObject({ number: caller.number, name: caller.name });
    expect(r.incoming[0]?.correlatorData).toBe('customerId=42');
    await r.waitFor((l) => l.calls[0]?.primary?.otherParty.name === caller.name, 'the name in the state');
    r.sim.control.hangup(callId);
    const after = await r.waitFor((l) => l.calls.length === 0, 'the call to end');
    expect(after.popups).toEqual([]);
    expect(after.missedCalls).toBe(1);
    expect(r.incoming).toHaveLength(1);
  });

  it('answer, consult 1102, transfer: our line ends with no call and the caller talks to 1102', async () => {
    const r = await start();
    const caller = directoryCaller(r.sim);
    r.sim.control.injectCall({ from: caller.number, to: '1101' });
    await r.waitFor((l) => l.calls[0]?.primary?.state === 'alerting', 'alerting');
    expect(await r.service.handlers.answer({})).toBeNull();
    const connected = await r.waitFor((l) => l.calls[0]?.primary?.state === 'connected', 'connected');
    expect(connected.calls[0]?.primary?.connectedAt).toBeTypeOf('number');
    await r.service.handlers.consult({ number: '1102' });
    await r.waitFor((l) => l.calls[0]?.secondary?.otherParty.number === '1102', 'the consultation leg');
    r.sim.pbx.execute({ type: 'answerCall', deviceNumber: '1102' }, {});
    await r.waitFor((l) => l.calls[0]?.secondary?.state === 'connected', 'consulted party answered');
    await r.service.handlers.transfer({});
    const done = await r.waitFor((l) => l.calls.length === 0, 'no call after transfer');
    expect(done.missedCalls).toBe(0);
    const calls = r.sim.pbx.listCalls();
    expect(JSON.stringify(calls)).toContain('1102');
  });

  it('DND set from the phone side shows in the state', async () => {
    const r = await start();
    r.sim.pbx.execute({ type: 'doNotDisturb', deviceNumber: '1101', state: 'on' }, {});
    await r.waitFor((l) => l.doNotDisturb, 'DND on');
    r.sim.control.setMsgWaiting('1101', true);
    await r.waitFor((l) => l.messageWaiting, 'message waiting');
  });

  it('simulator restart -> reconnecting -> monitored, with no duplicate incoming event', async () => {
    const r = await start();
    r.sim.control.injectCall({ from: directoryCaller(r.sim).number, to: '1101' });
    await r.waitFor(() => r.incoming.length === 1, 'the incoming event');
    await r.sim.control.restart();
    await r.waitFor(() => r.statuses.includes('reconnecting'), 'reconnecting');
    await r.waitFor((l) => l.connection.state === 'monitored', 'monitored again');
    expect(r.statuses.slice(r.statuses.indexOf('reconnecting'))).toContain('monitored');
    // Give a late event or a second resync the chance to (wrongly) pop again.
    await new Promise((res) => setTimeout(res, 600));
    expect(r.incoming).toHaveLength(1);
    expect(r.line().calls).toHaveLength(1);
  });

  it('UDP blocked (auto mode) -> switches to the long-poll and events keep coming', async () => {
    const r = await start({ eventMode: 'auto' }, {}, (sim) => sim.control.setFaults({ dropEventShare: 1 }));
    expect(r.line().connection.eventMode).toBe('udp');
    const { callId } = r.sim.control.injectCall({ from: directoryCaller(r.sim).number, to: '1101' });
    await r.waitFor((l) => l.connection.eventMode === 'poll', 'the switch to poll');
    await r.waitFor((l) => l.calls.length === 1, 'the call seen through the poll');
    r.sim.control.hangup(callId);
    await r.waitFor((l) => l.calls.length === 0, 'the hang-up seen through the poll', 4000);
    r.sim.pbx.execute({ type: 'doNotDisturb', deviceNumber: '1101', state: 'on' }, {});
    await r.waitFor((l) => l.doNotDisturb, 'DND through the poll', 4000);
    expect(r.statuses).not.toContain('reconnecting');
  });

  it('poll mode from settings: no UDP port at all, events through the long-poll', async () => {
    const r = await start({ eventMode: 'poll' });
    expect(r.line().connection.eventMode).toBe('poll');
    r.sim.control.injectCall({ from: directoryCaller(r.sim).number, to: '1101' });
    await r.waitFor((l) => l.calls[0]?.primary?.state === 'alerting', 'alerting through the poll');
    expect(r.incoming.length).toBeLessThanOrEqual(1);
    await r.waitFor(() => r.incoming.length === 1, 'one incoming event');
  });

  it('20 % UDP loss: the state still converges through resync', async () => {
    const r = await start({ eventMode: 'udp' }, {}, (sim) => sim.control.setFaults({ dropEventShare: 0.2 }));
    let dnd = false;
    for (let i = 0; i < 10; i++) {
      dnd = !dnd;
      r.sim.pbx.execute({ type: 'doNotDisturb', deviceNumber: '1101', state: dnd ? 'on' : 'off' }, {});
      const { callId } = r.sim.control.injectCall({ from: directoryCaller(r.sim).number, to: '1101' });
      r.sim.control.hangup(callId);
    }
    r.sim.control.setMsgWaiting('1101', true);
    const final = await r.waitFor((l) => l.calls.length === 0 && l.doNotDisturb === dnd && l.messageWaiting, 'convergence', 4000);
    expect(final.popups).toEqual([]);
    expect(r.sim.control.state().eventsDropped).toBeGreaterThan(0);
    expect(final.connection.eventMode).toBe('udp');
  });

  it('server unreachable: says so, retries with backoff, comes back by itself', async () => {
    const r = await start();
    const port = r.sim.port;
    await r.sim.close();
    await r.waitFor((l) => l.connection.state === 'reconnecting' && (l.connection.attempt ?? 0) >= 2, 'retrying');
    expect(r.line().connection.lastError?.code).toMatch(/connectionRefused|closedWithoutReply|network/);
    const { startSimulator } = await import('../../../main/simulator/index');
    const again = await startSimulator({ port });
    try {
      await r.waitFor((l) => l.connection.state === 'monitored', 'monitored after the server came back', 5000);
    } finally {
      await again.close();
    }
  });
});
