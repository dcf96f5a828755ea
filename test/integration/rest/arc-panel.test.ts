/**
 * The agent remote-control panel through the core's handlers (CtiService), over real HTTP against
 * the mock whose agent 8001 follows the simulator's PBX: polling while watched, every action, the
 * lists, backoff on a failing service with the error in the view, recovery, not configured.
 */
import { describe, expect, it } from 'vitest';
import type { ArcCallsView } from '../../../common/arc-panel';
import { commandArgs, type InputOf } from '../../../common/schemas';
import { CtiService } from '../../../main/core/service';
import { telServicesLinkFactory } from '../../../main/core/telservices-link';
import { MemorySecretStore } from '../../../main/settings/secrets';
import { MemorySettingsStore } from '../../../main/settings/store';
import { MOCK_CREDENTIALS, startSimulator, type RunningSimulator } from '../../../main/simulator/index';
import { cleanupAfterEach } from '../../support/cleanup';
import { FAST } from '../core/harness';

const cleanup = cleanupAfterEach();
const TIMING = { baseMs: 40, maxMs: 400, leaseMs: 5000, requestTimeoutMs: 300 };

interface PanelRig {
  sim: RunningSimulator;
  service: CtiService;
  views: ArcCallsView[];
  act(a: InputOf<'arcAction'>): ReturnType<CtiService['handlers']['arcAction']>;
  until(pred: (v: ArcCallsView) => boolean, what: string): Promise<ArcCallsView>;
}

async function panelRig(opts: { configured?: boolean; token?: string; timing?: Partial<typeof TIMING> } = {}): Promise<PanelRig> {
  const sim = await startSimulator({ port: 0, pbx: { externalAnswerDelayMs: 0 } });
  cleanup(() => sim.close());
  const arc = opts.configured === false ? {} : { arcBaseUrl: sim.restUrls?.arc ?? '', arcUserId: MOCK_CREDENTIALS.arc.userId };
  const service = new CtiService({
    settings: new MemorySettingsStore({ serverPort: sim.port, deviceNumber: '8001', requestTimeoutMs: 2000, ...arc }),
    secrets: new MemorySecretStore({ arcToken: opts.token ?? MOCK_CREDENTIALS.arc.token }),
    linkFactory: telServicesLinkFactory,
    timing: FAST,
    arcTiming: { ...TIMING, ...opts.timing },
  });
  cleanup(() => service.stop());
  const views: ArcCallsView[] = [];
  service.on('arcCalls', (v) => views.push(v));
  service.start();
  const until = async (pred: (v: ArcCallsView) => boolean, what: string): Promise<ArcCallsView> => {
    const end = Date.now() + 4000;
    for (;;) {
      const v = await service.handlers.arcCalls({});
      if (pred(v)) return v;
      if (Date.now() > end) throw new Error(`timed out waiting for ${what}: ${JSON.stringify(v)}`);
      await new Promise((r) => setTimeout(r, 10));
    }
  };
  return { sim, service, views, until, act: (a) => service.handlers.arcAction(commandArgs.arcAction.parse(a)) };
}

/** An inbound call to agent 8001, answered there; its panel call id. */
async function answered(r: PanelRig, from: string): Promise<string> {
  r.sim.control.injectCall({ from, to: '8001', name: 'Jo Caller' });
  expect(r.sim.pbx.execute({ type: 'answerCall', deviceNumber: '8001', callingNumber: from }, {}).kind).toBe('result');
  const v = await r.until((x) => x.calls.some((c) => c.phone === from && c.state === 5), `${from} connected`);
  return v.calls.find((c) => c.phone === from)?.callId ?? '';
}

describe('agent remote-control panel (core handlers, mock over HTTP)', () => {
  it('polls only while watched, emits the calls as they change, and stops when the watch ends', async () => {
    const r = await panelRig();
    await new Promise((res) => setTimeout(res, 150));
    expect(r.views).toEqual([]); // nobody watches: no poll, nothing emitted
    const first = await r.service.handlers.arcWatch({ on: true });
    expect(first).toMatchObject({ configured: true, watching: true });
    r.sim.control.injectCall({ from: '0160121314', to: '8001', name: 'Jo Caller' });
    const ringing = await r.until((v) => v.calls.length === 1, 'the ringing call');
    expect(ringing.calls[0]).toMatchObject({ phone: '0160121314', customerName: 'Jo Caller', state: 4, status: 1, recording: true });
    expect(ringing).toMatchObject({ failures: 0, pollMs: TIMING.baseMs });
    expect(ringing.updatedAt).toBeTypeOf('number');
    expect(r.views.at(-1)?.calls).toHaveLength(1);
    const emitted = r.views.length;
    await new Promise((res) => setTimeout(res, 200)); // quiet polls: nothing new to say
    expect(r.views.length).toBe(emitted);
    const off = await r.service.handlers.arcWatch({ on: false });
    expect(off.watching).toBe(false);
    expect(r.views.at(-1)?.watching).toBe(false);
    const requests = r.sim.restControl?.state().requests ?? 0;
    await new Promise((res) => setTimeout(res, 200));
    expect(r.sim.restControl?.state().requests).toBe(requests);
  });

  it('a lease not renewed runs out: polling stops by itself', async () => {
    const r = await panelRig({ timing: { leaseMs: 150 } });
    await r.service.handlers.arcWatch({ on: true });
    await r.until((v) => v.updatedAt !== undefined, 'a first poll');
    const stopped = await r.until((v) => !v.watching, 'the lease to run out');
    expect(stopped.nextPollAt).toBeUndefined();
    const requests = r.sim.restControl?.state().requests ?? 0;
    await new Promise((res) => setTimeout(res, 150));
    expect(r.sim.restControl?.state().requests).toBe(requests);
  });

  it('every call action through the handlers, and the panel follows at once', async () => {
    const r = await panelRig();
    await r.service.handlers.arcWatch({ on: true });
    const id = await answered(r, '0160121314');
    expect(await r.act({ action: 'hold', call: id })).toMatchObject({ action: 'hold', responseCode: 200, responseDetail: 'OK' });
    await r.until((v) => v.calls[0]?.state === 8, 'held');
    await r.act({ action: 'retrieve', call: id });
    await r.until((v) => v.calls[0]?.state === 5, 'retrieved');
    await r.act({ action: 'stoprecord', call: id });
    await r.until((v) => v.calls[0]?.recording === false, 'recording stopped');
    await r.act({ action: 'startrecord', call: id });
    await r.until((v) => v.calls[0]?.recording === true, 'recording again');
    const phones = await r.service.handlers.arcList({ kind: 'leadphones', lead: '501' });
    expect(phones).toEqual({ kind: 'leadphones', lead: '501', items: [expect.objectContaining({ leadPhoneId: '50101', phone: '0160121314' }), expect.objectContaining({ leadPhoneId: '50102' })] });
    await r.act({ action: 'changelead', call: id, leadPhone: '50102' });
    await r.act({ action: 'createnewlead', call: id, phone: '06 12 34 56 99' });
    await r.act({ action: 'hangup', call: id });
    await r.until((v) => v.calls.length === 0, 'hung up');
    expect(await r.act({ action: 'goready' })).toMatchObject({ action: 'goready', responseCode: 200 });
    expect(r.sim.pbx.snapshotOf('8001').agent?.state).toBe('ready');
  });

  it('dial with a lead, dispose with a listed code, connect two calls with notes and sales', async () => {
    const r = await panelRig();
    await r.service.handlers.arcWatch({ on: true });
    const dialled = await r.act({ action: 'dial', phone: '06 12 34 56 78', lead: '501' });
    expect(dialled.call).toMatchObject({ phone: '0612345678', status: 2 });
    await r.until((v) => v.calls.some((c) => c.callId === dialled.call?.callId), 'the dialled call listed');
    const codes = await r.service.handlers.arcList({ kind: 'resultcodes' });
    expect(codes.kind === 'resultcodes' && codes.items.map((c) => [c.code, c.agentViewable])).toContainEqual(['NOANSWER', false]);
    await r.act({ action: 'dispose', call: dialled.call?.callId ?? '', code: 'NOSALE' });
    await r.until((v) => v.calls.length === 0, 'disposed and dropped');
    const a = await answered(r, '0160121314');
    r.sim.pbx.execute({ type: 'holdCall', deviceNumber: '8001', otherNumber: '0160121314' }, {});
    const b = (await r.act({ action: 'dial', phone: '0612345677' })).call?.callId ?? '';
    await r.until((v) => v.calls.length === 2, 'two calls');
    const connect = { action: 'connectcalls', call1: a, call2: b, code1: 'XFER', code2: 'SALE', notes1: 'warm & ready', numSales2: 1 } as const;
    expect(await r.act(connect)).toMatchObject({ action: 'connectcalls', responseCode: 200 });
    await r.until((v) => v.calls.length === 0, 'connected away');
  });

  it('the lists: campaigns, users, ACD queues', async () => {
    const r = await panelRig();
    expect(await r.service.handlers.arcList({ kind: 'campaigns' })).toMatchObject({ kind: 'campaigns', items: [{ id: '1001', name: 'Inbound sales', active: true }, { id: '1002', active: false }] });
    const users = await r.service.handlers.arcList({ kind: 'users' });
    expect(users.kind === 'users' && users.items).toContainEqual(expect.objectContaining({ id: '8001' }));
    expect(await r.service.handlers.arcList({ kind: 'acdqueues' })).toMatchObject({ kind: 'acdqueues', items: [{ id: '1', name: 'Sales' }, { id: '2', name: 'Support' }] });
  });

  it('a failing service backs off with the error in the view, and recovers when it answers again', async () => {
    const r = await panelRig();
    r.sim.restControl?.setFaults({ arc: { httpStatus: 500 } });
    await r.service.handlers.arcWatch({ on: true });
    const failing = await r.until((v) => v.failures >= 3, 'three failures');
    expect(failing.lastError).toMatchObject({ code: 'httpStatus' });
    expect(failing.pollMs).toBe(Math.min(TIMING.maxMs, TIMING.baseMs * 2 ** failing.failures));
    expect(r.views.some((v) => v.lastError?.code === 'httpStatus')).toBe(true);
    r.sim.restControl?.setFaults({ arc: { httpStatus: undefined, hang: true } });
    const hung = await r.until((v) => v.lastError?.code === 'timeout', 'a timeout');
    expect(hung.pollMs).toBeGreaterThan(TIMING.baseMs);
    r.sim.restControl?.clearFaults();
    const back = await r.until((v) => v.failures === 0, 'recovery');
    expect(back.lastError).toBeUndefined();
    expect(back.pollMs).toBe(TIMING.baseMs);
  });

  it('the service refusing keeps its ResponseCode and ResponseDetail; not configured is a typed error', async () => {
    const r = await panelRig();
    const refused = await r.act({ action: 'hangup', call: '999' }).catch((e: unknown) => e);
    expect(refused).toMatchObject({ code: 'arcFailed', detail: { responseCode: 404, responseDetail: 'call 999 not found' } });
    const none = await panelRig({ configured: false });
    expect(await none.service.handlers.arcWatch({ on: true })).toMatchObject({ configured: false, watching: false });
    await expect(none.act({ action: 'goready' })).rejects.toMatchObject({ code: 'notConfigured' });
    await none.service.handlers.setSettings({ arcBaseUrl: none.sim.restUrls?.arc ?? '', arcUserId: '8001' });
    expect(none.views.at(-1)).toMatchObject({ configured: true });
  });

  it('a wrong token shows as unauthorized in the view; the right one is tried at once, not after the backoff', async () => {
    const r = await panelRig({ token: 'wrong', timing: { maxMs: 60_000 } });
    await r.service.handlers.arcWatch({ on: true });
    const failing = await r.until((v) => v.failures >= 5, 'five failures');
    expect(failing.lastError).toMatchObject({ code: 'unauthorized' });
    expect(failing.pollMs).toBeGreaterThanOrEqual(1280); // the next poll, left alone, is over a second away
    const t0 = Date.now();
    await r.service.handlers.setSecret({ key: 'arcToken', value: MOCK_CREDENTIALS.arc.token });
    expect(await r.until((v) => v.failures === 0, 'recovery')).not.toHaveProperty('lastError');
    expect(Date.now() - t0).toBeLessThan(600);
  });
});
