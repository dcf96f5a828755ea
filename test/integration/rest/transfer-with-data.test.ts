/**
 * Transfer with data end to end over real sockets: CtiService (-> Line -> TelServices) on the
 * simulator, the transfer data mock beside it; the receiving device a second core on the same PBX.
 */
import { describe, expect, it } from 'vitest';
import { CtiError } from '../../../common/errors';
import { cleanupAfterEach } from '../../support/cleanup';
import { rigsClosedAfterEach } from '../core/harness';
import { CALLER, connectedCall, receiver, sessions, until } from './transfer-support';

const start = rigsClosedAfterEach();
const cleanup = cleanupAfterEach();
const PAIRS = [
  { key: 'order', value: '42' },
  { key: 'note', value: 'a&b = 100%' },
];

async function rejected(p: Promise<unknown>): Promise<CtiError> {
  const err = await p.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(err instanceof CtiError)) throw new Error(`expected a CtiError, got ${String(err)}`);
  return err;
}

describe('transfer with data, two-step', () => {
  it('starts a session for the caller, consults its DNIS, completes: the session is left to the receiving side', async () => {
    const rig = await start();
    const { callId, events } = await connectedCall(rig);
    const view = await rig.service.handlers.startTransferWithData({ callId, pairs: PAIRS, mode: 'consult' });
    expect(view).toMatchObject({ state: 'consulting', mode: 'consult', ani: CALLER, dnis: '18005550001', callId });
    expect(sessions(rig)[0]).toMatchObject({ active: true, ani: CALLER, dnis: view.dnis, guid: view.guid });
    expect(decodeURIComponent(sessions(rig)[0]?.agentdata ?? '')).toBe('order=42&note=a%26b %3D 100%25');
    // The DNIS is external here: the consultation is dialled and answered after the PBX's delay.
    await rig.waitFor((l) => l.calls[0]?.secondary?.otherParty.number === view.dnis, 'the consultation');
    const done = await rig.service.handlers.completeTransferWithData({ id: view.id });
    expect(done.state).toBe('completed');
    await rig.waitFor((l) => l.calls.length === 0, 'our line free');
    expect(sessions(rig)[0]?.active).toBe(true);
    expect(events.map((e) => e.state)).toEqual(['started', 'consulting', 'completed']);
    // A window opened afterwards learns it too.
    expect((await rig.service.handlers.listTransfersWithData({})).map((t) => [t.id, t.state])).toEqual([[view.id, 'completed']]);
  });

  it('a window opened mid-transfer lists it (consulting, with its DNIS) and can complete it', async () => {
    const rig = await start();
    const { callId } = await connectedCall(rig);
    expect(await rig.service.handlers.listTransfersWithData({})).toEqual([]);
    const view = await rig.service.handlers.startTransferWithData({ callId, pairs: PAIRS, mode: 'consult' });
    const [listed] = await rig.service.handlers.listTransfersWithData({});
    expect(listed).toMatchObject({ id: view.id, callId, state: 'consulting', dnis: view.dnis, pairs: PAIRS });
    await rig.waitFor((l) => l.calls[0]?.secondary?.otherParty.number === view.dnis, 'the consultation');
    expect((await rig.service.handlers.completeTransferWithData({ id: listed?.id ?? '' })).state).toBe('completed');
  });

  it('the DNIS rings the receiving device, which pops with the data; it answers and the transfer completes to it', async () => {
    const rig = await start();
    const { callId } = await connectedCall(rig);
    rig.sim.restControl?.routeDnisTo('1102');
    const rx = await receiver(rig, '1102', cleanup);
    const view = await rig.service.handlers.startTransferWithData({ callId, pairs: PAIRS, mode: 'consult' });
    await until(() => rx.data.some((d) => d.released !== undefined), 'the receiver read and released');
    expect(rx.data.find((d) => d.state === 'loaded')).toMatchObject({ dnis: view.dnis, ani: CALLER, pairs: PAIRS });
    await rx.service.handlers.answer({});
    await rig.waitFor((l) => l.calls[0]?.secondary?.state === 'connected', 'the consultation answered');
    expect((await rig.service.handlers.completeTransferWithData({ id: view.id })).state).toBe('completed');
    await rig.waitFor((l) => l.calls.length === 0, 'our line free');
    await until(() => rx.service.getState().lines[0]?.calls[0]?.primary?.otherParty.number === CALLER, 'the caller with 1102');
    expect(sessions(rig)[0]).toMatchObject({ active: false, endedBy: 'stop' });
  });

  it('cancel takes the caller back and stops the session', async () => {
    const rig = await start();
    const { callId } = await connectedCall(rig);
    const view = await rig.service.handlers.startTransferWithData({ callId, pairs: PAIRS, mode: 'consult' });
    await rig.waitFor((l) => l.calls[0]?.secondary !== undefined, 'the consultation');
    const cancelled = await rig.service.handlers.cancelTransferWithData({ id: view.id });
    expect(cancelled).toMatchObject({ state: 'cancelled' });
    expect(cancelled.stopError).toBeUndefined();
    expect(sessions(rig)[0]).toMatchObject({ active: false, endedBy: 'stop' });
    const line = await rig.waitFor((l) => l.calls[0]?.secondary === undefined && l.calls[0]?.primary?.state === 'connected', 'the caller back');
    expect(line.calls[0]?.primary?.otherParty.number).toBe(CALLER);
    await expect(rig.service.handlers.completeTransferWithData({ id: view.id })).rejects.toMatchObject({ code: 'invalidArgument' });
  });

  it('a consultation that fails (the DNIS lands on a busy device) stops the session', async () => {
    const rig = await start();
    const { callId, events } = await connectedCall(rig);
    rig.sim.restControl?.routeDnisTo('1103');
    rig.sim.pbx.execute({ type: 'doNotDisturb', deviceNumber: '1103', state: 'on' }, {});
    await rig.service.handlers.startTransferWithData({ callId, pairs: PAIRS, mode: 'consult' });
    await until(() => events.some((e) => e.state === 'failed'), 'the failure');
    expect(events[events.length - 1]).toMatchObject({ state: 'failed', failure: 'consultationFailed' });
    await until(() => sessions(rig)[0]?.active === false, 'the stop');
    expect(sessions(rig)[0]?.endedBy).toBe('stop');
  });

  it('the caller hanging up during the consultation stops the session', async () => {
    const rig = await start();
    const { callId, events } = await connectedCall(rig);
    await rig.service.handlers.startTransferWithData({ callId, pairs: PAIRS, mode: 'consult' });
    await rig.waitFor((l) => l.calls[0]?.secondary !== undefined, 'the consultation');
    rig.sim.control.hangup(CALLER);
    await until(() => events.some((e) => e.state === 'failed'), 'the failure');
    expect(events[events.length - 1]).toMatchObject({ state: 'failed', failure: 'callerLeft' });
    await until(() => sessions(rig)[0]?.active === false, 'the stop');
  });
});

describe('transfer with data, blind', () => {
  it('diverts the connected call to the DNIS; the receiving device pops with the data and releases it', async () => {
    const rig = await start();
    const { callId, events } = await connectedCall(rig);
    rig.sim.restControl?.routeDnisTo('1102');
    const rx = await receiver(rig, '1102', cleanup);
    const view = await rig.service.handlers.startTransferWithData({ callId, pairs: PAIRS, mode: 'blind' });
    expect(view).toMatchObject({ state: 'completed', mode: 'blind' });
    expect(events.map((e) => e.state)).toEqual(['started', 'completed']);
    await rig.waitFor((l) => l.calls.length === 0, 'our line free');
    await until(() => rx.data.some((d) => d.released !== undefined), 'the receiver read and released');
    expect(rx.data.find((d) => d.state === 'loaded')).toMatchObject({ dnis: view.dnis, ani: CALLER, pairs: PAIRS });
    expect(sessions(rig)[0]).toMatchObject({ active: false, endedBy: 'stop' });
  });
});

describe('transfer with data, failures', () => {
  it('pool_full or refused credentials: a typed error, no call made, nothing left open', async () => {
    const rig = await start();
    const { callId, events } = await connectedCall(rig);
    rig.sim.restControl?.setFaults({ tds: { tdsStatus: 'pool_full' } });
    expect((await rejected(rig.service.handlers.startTransferWithData({ callId, pairs: PAIRS, mode: 'consult' }))).code).toBe('pool_full');
    rig.sim.restControl?.clearFaults();
    await rig.service.handlers.setSecret({ key: 'tdsPassword', value: 'wrong' });
    const err = await rejected(rig.service.handlers.startTransferWithData({ callId, pairs: PAIRS, mode: 'blind' }));
    expect(err.code).toBe('unauthorized');
    expect(events.map((e) => [e.state, e.failure, e.error?.code])).toEqual([
      ['failed', 'serviceFailed', 'pool_full'],
      ['failed', 'serviceFailed', 'unauthorized'],
    ]);
    expect(rig.sim.control.calls()).toHaveLength(1);
    expect(rig.line().calls[0]).toMatchObject({ primary: { state: 'connected' } });
    expect(rig.line().calls[0]?.secondary).toBeUndefined();
    expect(sessions(rig)).toHaveLength(0);
  });

  it('a call the PBX refuses stops the session it started', async () => {
    const rig = await start();
    const { callId, events } = await connectedCall(rig);
    rig.sim.control.setFaults({ pbxTimeout: true });
    expect((await rejected(rig.service.handlers.startTransferWithData({ callId, pairs: PAIRS, mode: 'blind' }))).code).toBe('pbxTimeout');
    expect(events[events.length - 1]).toMatchObject({ state: 'failed', failure: 'callFailed', error: { code: 'pbxTimeout' } });
    expect(sessions(rig)[0]).toMatchObject({ active: false, endedBy: 'stop' });
  });

  it('refuses a call that is not connected, and when the service is not configured', async () => {
    const rig = await start();
    const { callId, events } = await connectedCall(rig);
    rig.sim.control.hangup(CALLER);
    await rig.waitFor((l) => l.calls.length === 0, 'the caller gone');
    expect((await rejected(rig.service.handlers.startTransferWithData({ callId, pairs: PAIRS, mode: 'blind' }))).code).toBe('invalidArgument');
    await rig.service.handlers.setSettings({ tdsBaseUrl: '' });
    expect((await rejected(rig.service.handlers.startTransferWithData({ callId, pairs: [], mode: 'blind' }))).code).toBe('notConfigured');
    expect(events).toHaveLength(0);
    expect(sessions(rig)).toHaveLength(0);
  });
});
