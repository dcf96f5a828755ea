/**
 * Screen pop with transfer data, end to end over real sockets: the core (CtiService -> Line) on the
 * simulator, the transfer data and DNIS release mocks beside it.
 */
import { describe, expect, it } from 'vitest';
import { until } from '../../support/until';
import type { TransferDataView } from '../../../common/transfer-data';
import type { SettingsPatch } from '../../../common/schemas';
import { MOCK_CREDENTIALS } from '../../../main/simulator/rest/rest-mocks';
import { rigsClosedAfterEach, type CoreRig } from '../core/harness';

const start = rigsClosedAfterEach();
const CALLER = '+33160127764';

function restSettings(r: { restUrls?: { tds: string; dnisFree: string } }, over: SettingsPatch = {}): SettingsPatch {
  const t = MOCK_CREDENTIALS.tds;
  const d = MOCK_CREDENTIALS.dnisFree;
  return {
    tdsBaseUrl: r.restUrls?.tds ?? '',
    tdsClientId: t.clientId,
    tdsCampaignId: t.campaignId,
    tdsUser: t.user,
    tdsDnisPrefixes: ['1800555'],
    dnisFreeBaseUrl: r.restUrls?.dnisFree ?? '',
    dnisFreeUser: d.user,
    dnisFreeTenantId: d.tenantId,
    dnisFreeApplicationKey: d.applicationKey,
    ...over,
  };
}

/** A rig whose settings point at its own simulator's mocks, with the secrets set. */
async function popRig(over: SettingsPatch = {}): Promise<{ rig: CoreRig; events: string[]; data: TransferDataView[] }> {
  const rig = await start();
  await rig.service.handlers.setSettings(restSettings(rig.sim, over));
  await rig.service.handlers.setSecret({ key: 'tdsPassword', value: MOCK_CREDENTIALS.tds.password });
  await rig.service.handlers.setSecret({ key: 'dnisPassword', value: MOCK_CREDENTIALS.dnisFree.password });
  const events: string[] = [];
  const data: TransferDataView[] = [];
  rig.service.on('incomingCall', (c) => events.push(`pop ${c.callId}`));
  rig.service.on('transferData', (v) => {
    events.push(`data ${v.state}${v.released ? ` ${v.released}` : ''}`);
    // Every look-up says 'loading' first (the first test checks it); the others look at what follows.
    if (v.state !== 'loading') data.push(v);
  });
  return { rig, events, data };
}


/** The remote contact centre starts a session for CALLER, then transfers the call to the DNIS it got. */
function transferIn(rig: CoreRig, agent: Record<string, string>): string {
  const ctl = rig.sim.restControl;
  if (!ctl) throw new Error('no REST mocks');
  const agentdata = Object.entries(agent)
    .map(([k, v]) => `${k}=${v}`)
    .join('&');
  const session = ctl.startTdsSession({ ani: CALLER, agentdata: encodeURIComponent(agentdata) });
  if (typeof session === 'string') throw new Error(session);
  rig.sim.control.injectCall({ from: CALLER, to: '1101', dnis: session.dnis });
  return session.dnis;
}

describe('screen pop with transfer data', () => {
  it('pops first, then shows the agent data, then stops the session (its DNIS back in the pool)', async () => {
    const { rig, events, data } = await popRig();
    const dnis = transferIn(rig, { name: 'John Smith', order: '42' });
    await until(() => data.some((d) => d.released !== undefined), 'the release');
    expect(events[0]).toMatch(/^pop /);
    expect(events.slice(1)).toEqual(['data loading', 'data loaded', 'data loaded stop']);
    expect(data[0]).toMatchObject({ lineId: 'L1', dnis, ani: CALLER, state: 'loaded', pairs: [{ key: 'name', value: 'John Smith' }, { key: 'order', value: '42' }] });
    expect(data[0]?.callId).toBe(events[0]?.slice(4));
    expect(rig.sim.restControl?.state().sessions[0]).toMatchObject({ active: false, endedBy: 'stop' });
  });

  it('releases with the DNIS release service when so configured', async () => {
    const { rig, data } = await popRig({ tdsRelease: 'dnisFree' });
    transferIn(rig, { k: 'v' });
    await until(() => data.some((d) => d.released !== undefined || d.releaseError !== undefined), 'the release');
    expect(data[data.length - 1]).toMatchObject({ state: 'loaded', released: 'dnisFree' });
    expect(rig.sim.restControl?.state().sessions[0]).toMatchObject({ active: false, endedBy: 'dnisFree' });
  });

  it('a slow service never delays the pop: unavailable (timeout) first, filled in when the data comes', async () => {
    const { rig, events, data } = await popRig({ tdsTimeoutMs: 200 });
    rig.sim.restControl?.setFaults({ tds: { delayMs: 450 } });
    transferIn(rig, { late: 'yes' });
    await until(() => data.some((d) => d.state === 'loaded'), 'the late data');
    expect(events[0]).toMatch(/^pop /);
    expect(data[0]).toMatchObject({ state: 'unavailable', reason: { code: 'timeout' }, pairs: [] });
    expect(data.find((d) => d.state === 'loaded')?.pairs).toEqual([{ key: 'late', value: 'yes' }]);
  });

  it('says why when there is no session, or the credentials are refused; ignores other numbers', async () => {
    const { rig, data } = await popRig();
    rig.sim.control.injectCall({ from: CALLER, to: '1101', dnis: '18005550004' });
    await until(() => data.length > 0, 'the no-session report');
    expect(data[0]).toMatchObject({ state: 'unavailable', dnis: '18005550004', reason: { code: 'no_session' } });
    rig.sim.control.hangup(CALLER);
    await rig.waitFor((l) => l.calls.length === 0, 'the first call gone');

    await rig.service.handlers.setSecret({ key: 'tdsPassword', value: 'wrong' });
    transferIn(rig, { a: 'b' });
    await until(() => data.length > 1, 'the unauthorized report');
    expect(data[1]).toMatchObject({ state: 'unavailable', reason: { code: 'unauthorized' } });
    expect(JSON.stringify(data[1])).not.toContain('wrong');
    rig.sim.control.hangup(CALLER);
    await rig.waitFor((l) => l.calls.length === 0, 'the second call gone');

    rig.sim.control.injectCall({ from: '+33299999999', to: '1101', dnis: '0800123456' });
    await until(() => rig.incoming.some((c) => c.leg.otherParty.number === '+33299999999'), 'the plain pop');
    await new Promise((r) => setTimeout(r, 200));
    expect(data).toHaveLength(2);
  });
});
