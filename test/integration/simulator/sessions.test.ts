/** Sessions and their errors and events, over real loopback sockets. */
import { afterEach, describe, expect, it } from 'vitest';
import type { TelEvent } from '../../../common/telservices/events';
import { manualClock } from '../../../main/simulator/pbx/model';
import { callStates, errorCode, harness, type Harness } from './harness';

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

const sessionEvent = (name: string) => (e: TelEvent) => e.type === 'session' && e.session === name;
const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('sessions', () => {
  it('a restricted client gets only alerting events, a full one gets them all', async () => {
    h = await harness();
    const full = await h.listen();
    const restricted = await h.listen();
    await h.tcp.openSession({ deviceNumber: '1102', eventUDPPort: full.port });
    await h.tcp.openSession({ deviceNumber: '1102', eventUDPPort: restricted.port, eventUpdate: 'restricted' });
    await h.tcp.makeCall({ deviceNumber: '1101', calledDeviceNumber: '1102' });
    await h.tcp.answerCall({ deviceNumber: '1102' });
    await h.tcp.dropCall({ deviceNumber: '1102' });
    await full.waitFor((e) => e.type === 'call' && e.call.primCall?.state === 'cleared');
    expect(callStates(full.events)).toEqual(['alerting', 'connected', 'cleared']);
    expect(callStates(restricted.events)).toEqual(['alerting']);
    expect(restricted.events.every((e) => e.deviceNumber === '1102')).toBe(true);
  });

  it('answers invalidCredentials when credentials are configured, on the first opening only', async () => {
    h = await harness({ credentials: { alice: 's3cret' } });
    expect(await errorCode(h.tcp.openSession({ deviceNumber: '1101', userID: 'alice', userPassword: 'x' }))).toBe(
      'invalidCredentials',
    );
    await h.tcp.openSession({ deviceNumber: '1101', userID: 'alice', userPassword: 's3cret' });
    await h.tcp.openSession({ deviceNumber: '1101' });
    expect(h.sim.control.state().sessions.map((s) => s.device)).toEqual(['1101']);
  });

  it('answers sessionLimitExceeded beyond the configured limit', async () => {
    h = await harness({ sessionLimit: 2 });
    await h.tcp.openSession({ deviceNumber: '1101' });
    await h.tcp.openSession({ deviceNumber: '1102' });
    expect(await errorCode(h.tcp.openSession({ deviceNumber: '1103' }))).toBe('sessionLimitExceeded');
    await h.tcp.closeSession({ deviceNumber: '1102' });
    await h.tcp.openSession({ deviceNumber: '1103' });
  });

  it('answers pbxReject for an unknown device and for a service the call state does not permit', async () => {
    h = await harness();
    expect(await errorCode(h.tcp.openSession({ deviceNumber: '9999' }))).toBe('pbxReject');
    await h.tcp.openSession({ deviceNumber: '1102' });
    await h.tcp.makeCall({ deviceNumber: '1101', calledDeviceNumber: '1102' });
    // an alerting call cannot be put on hold
    expect(await errorCode(h.tcp.holdCall({ deviceNumber: '1102' }))).toBe('pbxReject');
    await h.tcp.openSession({ deviceNumber: '1103' });
    expect(await errorCode(h.tcp.dropCall({ deviceNumber: '1103' }))).toBe('noCall');
  });

  it('closes on sessionTimeout (reset by each request) with a sessionClosedByTimeout event', async () => {
    const clock = manualClock(0);
    h = await harness({ clock });
    const log = await h.listen();
    await h.tcp.openSession({ deviceNumber: '1101', eventUDPPort: log.port, sessionTimeout: '30' });
    clock.advance(20_000);
    await h.tcp.queryDoNotDisturb({ deviceNumber: '1101' });
    clock.advance(20_000);
    await h.tcp.snapshot({ deviceNumber: '1101' });
    clock.advance(29_999);
    expect(h.sim.control.state().sessions).toHaveLength(1);
    clock.advance(1);
    await log.waitFor(sessionEvent('sessionClosedByTimeout'));
    expect(await errorCode(h.tcp.snapshot({ deviceNumber: '1101' }))).toBe('noOpenSession');
  });

  it('closeSession: the requesting client only by default, everyone with clientOnly false', async () => {
    h = await harness();
    const a = await h.listen();
    const b = await h.listen();
    await h.tcp.openSession({ deviceNumber: '1101', eventUDPPort: a.port });
    await h.tcp.openSession({ deviceNumber: '1101', eventUDPPort: b.port });
    await h.tcp.closeSession({ deviceNumber: '1101' });
    await b.waitFor(sessionEvent('sessionClosedByClient'));
    expect(h.sim.control.state().sessions[0]?.clients.map((c) => String(c.udpPort))).toEqual([a.port]);
    await h.tcp.openSession({ deviceNumber: '1101', eventUDPPort: b.port });
    await h.tcp.closeSession({ deviceNumber: '1101', clientOnly: false });
    await a.waitFor(sessionEvent('sessionClosedByClient'));
    await b.waitFor(sessionEvent('sessionClosedByClient'), 2);
    expect(h.sim.control.state().sessions).toEqual([]);
  });

  it('announces the PBX link going down and up to every session', async () => {
    h = await harness();
    const a = await h.listen();
    const b = await h.listen();
    await h.tcp.openSession({ deviceNumber: '1101', eventUDPPort: a.port });
    await h.tcp.openSession({ deviceNumber: '1102', eventUDPPort: b.port, eventUpdate: 'restricted' });
    h.sim.control.setFaults({ linkDown: true });
    await a.waitFor(sessionEvent('pbxlinkOutOfService'));
    await b.waitFor(sessionEvent('pbxlinkOutOfService'));
    expect(await errorCode(h.tcp.makeCall({ deviceNumber: '1101', calledDeviceNumber: '1102' }))).toBe(
      'pbxlinkOutOfService',
    );
    h.sim.control.setFaults({ linkDown: false });
    await a.waitFor(sessionEvent('pbxlinkInService'));
    await h.tcp.makeCall({ deviceNumber: '1101', calledDeviceNumber: '1102' });
  });

  it('drops the configured share of UDP events', async () => {
    h = await harness();
    const log = await h.listen();
    await h.tcp.openSession({ deviceNumber: '1101', eventUDPPort: log.port });
    h.sim.control.setFaults({ dropEventShare: 0.5 });
    for (let i = 0; i < 5; i++) {
      h.sim.control.setMsgWaiting('1101', true);
      h.sim.control.setMsgWaiting('1101', false);
    }
    await log.waitFor((e) => e.type === 'msgWaiting', 5);
    await pause(100);
    expect(log.events.filter((e) => e.type === 'msgWaiting')).toHaveLength(5);
    expect(h.sim.control.state()).toMatchObject({ eventsDropped: 5 });
    h.sim.control.setFaults({ dropEventShare: 1 });
    h.sim.control.setMsgWaiting('1101', true);
    await pause(100);
    expect(log.events.filter((e) => e.type === 'msgWaiting')).toHaveLength(5);
  });

  it('restart loses every session: clients get noOpenSession and must reopen', async () => {
    h = await harness();
    await h.tcp.openSession({ deviceNumber: '1101' });
    await h.tcp.snapshot({ deviceNumber: '1101' });
    await h.sim.control.restart();
    expect(await errorCode(h.tcp.snapshot({ deviceNumber: '1101' }))).toBe('noOpenSession');
    await h.tcp.openSession({ deviceNumber: '1101' });
    await h.tcp.snapshot({ deviceNumber: '1101' });
  });
});
