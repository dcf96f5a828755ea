/** Control of calls (handle and HTTP API), scenarios and the demo, seen by a session's UDP port. */
import { afterEach, describe, expect, it } from 'vitest';
import type { TelEvent } from '../../../common/telservices/events';
import { manualClock } from '../../../main/simulator/pbx/model';
import { parseScenario } from '../../../main/simulator/index';
import { callStates, harness, type Harness } from './harness';

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

const isCall = (state: string) => (e: TelEvent) => e.type === 'call' && e.call.primCall?.state === state;

async function post(path: string, body: unknown): Promise<{ status: number; json: Record<string, unknown> }> {
  const res = await fetch(`${h?.sim.controlUrl ?? ''}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return { status: res.status, json: (await res.json()) as Record<string, unknown> };
}

describe('control of calls', () => {
  it('POST /calls rings a device with the caller, DNIS and correlator data; hangup clears it', async () => {
    h = await harness({ controlPort: 0 });
    const log = await h.listen();
    await h.tcp.openSession({ deviceNumber: '1101', eventUDPPort: log.port });
    const created = await post('/calls', {
      from: '+33160127764',
      name: 'Martin Jagger',
      company: 'uniGone',
      to: '1101',
      dnis: '0800100200',
      extraData: 'customerId=42',
    });
    expect(created.status).toBe(201);
    const callId = String(created.json.callId);
    const [alerting] = await log.waitFor(isCall('alerting'));
    if (alerting?.type !== 'call') throw new Error('expected a call event');
    expect(alerting.deviceNumber).toBe('1101');
    expect(alerting.call.primCall?.otherParty).toMatchObject({ number: '+33160127764', name: 'Martin Jagger' });
    expect(alerting.call.extraData).toContain('customerId=42');
    expect((await post(`/calls/${callId}/hangup`, {})).status).toBe(200);
    await log.waitFor(isCall('cleared'));
    expect((await post(`/calls/${callId}/hangup`, {})).status).toBe(404);
  });

  it('the external party of an outgoing call answers when told to', async () => {
    h = await harness({ controlPort: 0, pbx: { externalAnswerDelayMs: -1 } });
    const log = await h.listen();
    await h.tcp.openSession({ deviceNumber: '1101', eventUDPPort: log.port });
    await h.tcp.makeCall({ deviceNumber: '1101', calledDeviceNumber: '0612345678' });
    await log.waitFor(isCall('delivered'));
    const calls = (await (await fetch(`${h.sim.controlUrl ?? ''}/calls`)).json()) as Array<{ callId: string; parties: string[] }>;
    const call = calls.find((c) => c.parties.includes('0612345678'));
    expect((await post(`/calls/${call?.callId ?? 'none'}/answer`, {})).json).toEqual({ ok: true });
    await log.waitFor(isCall('connected'));
  });

  it('POST /msg-waiting reaches the session as a msgWaiting event', async () => {
    h = await harness({ controlPort: 0 });
    const log = await h.listen();
    await h.tcp.openSession({ deviceNumber: '1101', eventUDPPort: log.port });
    await post('/msg-waiting', { deviceNumber: '1101', state: 'on' });
    await log.waitFor((e) => e.type === 'msgWaiting' && e.state === 'on');
    expect(await h.tcp.queryMsgWaiting({ deviceNumber: '1101' })).toBe('on');
  });
});

describe('scenarios', () => {
  it('plays a timeline: a call that is answered, then the caller hangs up after talkMs; faults on cue', async () => {
    const clock = manualClock(0);
    const scenario = parseScenario(
      JSON.stringify({
        steps: [
          { at: 1000, do: 'inboundCall', id: 'c1', from: '+801', name: 'Marcel Jagger', to: '1101', talkMs: 3000 },
          { at: 9000, do: 'faults', linkDown: true },
          { at: 9500, do: 'clearFaults' },
          { at: 10_000, do: 'msgWaiting', deviceNumber: '1101', state: 'on' },
          { at: 11_000, do: 'closeSession', deviceNumber: '1101' },
        ],
      }),
    );
    h = await harness({ clock, scenario });
    const log = await h.listen();
    await h.tcp.openSession({ deviceNumber: '1101', eventUDPPort: log.port });
    clock.advance(1000);
    await log.waitFor(isCall('alerting'));
    await h.tcp.answerCall({ deviceNumber: '1101' });
    await log.waitFor(isCall('connected'));
    clock.advance(2999);
    expect(log.events.some(isCall('cleared'))).toBe(false);
    clock.advance(1);
    await log.waitFor(isCall('cleared'));
    clock.advance(5000);
    await log.waitFor((e) => e.type === 'session' && e.session === 'pbxlinkOutOfService');
    clock.advance(500);
    await log.waitFor((e) => e.type === 'session' && e.session === 'pbxlinkInService');
    clock.advance(500);
    await log.waitFor((e) => e.type === 'msgWaiting' && e.state === 'on');
    clock.advance(1000);
    await log.waitFor((e) => e.type === 'session' && e.session === 'sessionClosedByAdmin');
  });

  it('the demo rings 1101 with people from the directory; unanswered calls are given up', async () => {
    const clock = manualClock(0);
    h = await harness({ clock, demo: { everyMs: 10_000, calls: 2 } });
    const log = await h.listen();
    await h.tcp.openSession({ deviceNumber: '1101', eventUDPPort: log.port });
    clock.advance(2000);
    const [first] = await log.waitFor(isCall('alerting'));
    if (first?.type !== 'call') throw new Error('expected a call event');
    const caller = first.call.primCall?.otherParty;
    expect(caller?.name).toBeTruthy();
    expect(h.sim.directory.searchNumber(caller?.number ?? '')).not.toEqual([]);
    clock.advance(7000); // past the ring time (at most 60% of 10 s)
    await log.waitFor(isCall('cleared'));
    clock.advance(3000); // the second call of the round
    await log.waitFor(isCall('alerting'), 2);
    expect(callStates(log.events)).toEqual(['alerting', 'cleared', 'alerting']);
  });

  it('a transferData step starts a transfer data session for the caller and rings on the DNIS it was given', async () => {
    const clock = manualClock(0);
    const steps = [{ at: 1000, do: 'inboundCall', from: '+33160127764', to: '1101', transferData: { order: '42' } }];
    const lines: string[] = [];
    h = await harness({ clock, scenario: parseScenario(JSON.stringify({ steps })), log: (l) => lines.push(l) });
    const log = await h.listen();
    await h.tcp.openSession({ deviceNumber: '1101', eventUDPPort: log.port });
    clock.advance(1000);
    const [alerting] = await log.waitFor(isCall('alerting'));
    if (alerting?.type !== 'call') throw new Error('expected a call event');
    const session = h.sim.restControl?.state().sessions[0];
    expect(session).toMatchObject({ ani: '+33160127764', active: true, agentdata: 'order%3D42' });
    expect(alerting.call.primCall?.firstCalledParty?.number).toBe(session?.dnis);
    expect(lines.join('\n')).toContain(`transferred with data, DNIS ${session?.dnis ?? '?'}`);
  });

  it('without the REST mocks a transferData step fails, says why, and rings nothing', async () => {
    const clock = manualClock(0);
    const steps = [{ at: 1000, do: 'inboundCall', from: '+33160127764', to: '1101', transferData: { order: '42' } }];
    const lines: string[] = [];
    h = await harness({ clock, rest: false, scenario: parseScenario(JSON.stringify({ steps })), log: (l) => lines.push(l) });
    const log = await h.listen();
    await h.tcp.openSession({ deviceNumber: '1101', eventUDPPort: log.port });
    clock.advance(1000);
    expect(lines.join('\n')).toMatch(/inboundCall.*failed.*needs the mock REST services/);
    expect(h.sim.pbx.listCalls()).toEqual([]);
  });
});
