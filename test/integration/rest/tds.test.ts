import { describe, expect, it } from 'vitest';
import { manualClock } from '../../../main/simulator/pbx/model';
import { cleanupAfterEach } from '../../support/cleanup';
import { closedPortUrl, mocks, restError, tdsClient } from './harness';

const cleanup = cleanupAfterEach();
const ANI = '16505559999';

describe('transfer data client against the mock over HTTP', () => {
  it('start, get (by GUID, DNIS.ANI, OEM key), edit, stop', async () => {
    const m = await mocks(cleanup);
    const tds = tdsClient(m);
    const started = await tds.start({ ani: ANI, oemkey: 'k-1', agent: [['name', 'John Smith'], ['note', 'a&b=c 100%']], routing: [['lang', 'fr']] });
    expect(started).toMatchObject({ status: 'success', statusCode: '1', type: 'dnis', dnis: '18005550001', ani: ANI, oemkey: 'k-1', campaignId: '1001', zone: 'sim' });
    expect(started.guid).toMatch(/^[0-9a-f]{32}$/);

    const byGuid = await tds.get({ guid: started.guid as string });
    const byDnis = await tds.get({ dnis: '18005550001', ani: ANI });
    const byKey = await tds.get({ oemkey: 'k-1' });
    for (const s of [byGuid, byDnis, byKey]) {
      expect(s.agentData).toEqual([['name', 'John Smith'], ['note', 'a&b=c 100%']]);
      expect(s.routingData).toEqual([['lang', 'fr']]);
      expect(s.reportingData).toEqual([]);
    }

    const edited = await tds.edit({ guid: started.guid as string }, { agent: [['name', 'Zoë']] });
    expect(edited.status).toBe('success');
    const after = await tds.get({ oemkey: 'k-1' });
    expect(after.agentData).toEqual([['name', 'Zoë']]);
    // edit replaces all the data: what was not sent again is gone.
    expect(after.routingData).toEqual([]);

    const stopped = await tds.stop({ dnis: '18005550001', ani: ANI });
    expect(stopped.agentData).toEqual([['name', 'Zoë']]);
    expect(m.control.state().sessions[0]).toMatchObject({ active: false, endedBy: 'stop' });
  });

  it('get with property filters returns only those scalars (plus status and guid)', async () => {
    const m = await mocks(cleanup);
    const tds = tdsClient(m);
    const s = await tds.start({ ani: ANI, agent: [['a', '1']], reporting: [['r', '2']] });
    const filtered = await tds.get({ guid: s.guid as string }, { properties: ['agentdata', 'dnis'] });
    expect(Object.keys(filtered.properties).sort()).toEqual(['agentdata', 'dnis', 'guid', 'status', 'status_code']);
    expect(filtered.agentData).toEqual([['a', '1']]);
    expect(filtered.reportingData).toBeUndefined();
  });

  it('a stopped session stays readable by GUID and OEM key, and is a 404 no_session by DNIS.ANI', async () => {
    const m = await mocks(cleanup);
    const tds = tdsClient(m);
    const s = await tds.start({ ani: ANI, oemkey: 'kept', agent: [['x', 'y']] });
    await tds.stop({ guid: s.guid as string });
    expect((await tds.get({ guid: s.guid as string })).agentData).toEqual([['x', 'y']]);
    expect((await tds.get({ oemkey: 'kept' })).agentData).toEqual([['x', 'y']]);
    const e = await restError(tds.get({ dnis: s.dnis as string, ani: ANI }), 'no_session');
    expect(e.detail).toMatchObject({ httpStatus: 404, service: 'tds' });
    await restError(tds.stop({ guid: s.guid as string }), 'no_session');
    await restError(tds.edit({ oemkey: 'kept' }, { agent: [] }), 'no_session');
    await restError(tds.get({ guid: 'no-such-guid' }), 'no_session');
  });

  it('holds a DNIS two minutes at most (injected clock), then frees it; pool_full when none is free', async () => {
    const clock = manualClock(1_000_000);
    const m = await mocks(cleanup, { clock, dnisPool: ['18005550001', '18005550002'] });
    const tds = tdsClient(m);
    const first = await tds.start({ ani: '1' });
    clock.advance(60_000);
    await tds.start({ ani: '2' });
    const full = await restError(tds.start({ ani: '3' }), 'pool_full');
    expect(full.detail).toMatchObject({ status: 'pool_full', statusCode: '101' });
    clock.advance(60_000); // the first DNIS is two minutes old: released
    await restError(tds.get({ dnis: first.dnis as string, ani: '1' }), 'no_session');
    expect((await tds.get({ guid: first.guid as string })).guid).toBe(first.guid);
    const again = await tds.start({ ani: '4' });
    expect(again.dnis).toBe(first.dnis);
    expect(m.control.state().sessions[0]).toMatchObject({ endedBy: 'expiry' });
  });

  it('sends ANI 0 when there is none, and addresses by-dnis/<dnis>.0', async () => {
    const m = await mocks(cleanup);
    const tds = tdsClient(m);
    const s = await tds.start({ agent: [['k', 'v']] });
    expect(s.ani).toBeUndefined();
    expect((await tds.get({ dnis: s.dnis as string })).agentData).toEqual([['k', 'v']]);
  });

  it('echoes the request (--echo-args) and the meta information (--echo-meta)', async () => {
    const m = await mocks(cleanup);
    const s = await tdsClient(m, { echoArgs: true, echoMeta: true }).start({ ani: ANI, agent: [['n', 'v w']] });
    expect(s.sections['args']).toMatchObject({ method: 'start', ani: ANI, agentdata: 'n%3Dv%20w', 'service-name': 'transferdata' });
    expect(s.sections['meta']).toMatchObject({ 'service-name': 'transferdata' });
    const plain = await tdsClient(m).get({ guid: s.guid as string });
    expect(plain.sections).toEqual({});
  });

  it('refuses wrong credentials (401 unauthorized) and never shows the password', async () => {
    const m = await mocks(cleanup);
    const e = await restError(tdsClient(m, { password: 'wrong-pass' }).start({ ani: ANI }), 'unauthorized');
    expect(JSON.stringify({ m: e.message, d: e.detail })).not.toContain('wrong-pass');
  });

  it('answers campaign_not_found for an unknown campaign', async () => {
    const m = await mocks(cleanup);
    const e = await restError(tdsClient(m, { campaignId: '999' }).start({ ani: ANI }), 'campaign_not_found');
    expect(e.detail).toMatchObject({ httpStatus: 404, statusCode: '104' });
  });

  it('maps every other status of Table 3-3 to its named error', async () => {
    const m = await mocks(cleanup);
    const tds = tdsClient(m);
    const cases = [
      ['error', 'tds_error', '100'],
      ['unknown_zone', 'unknown_zone', '103'],
      ['no_reps_logged_on', 'no_reps_logged_on', '201'],
      ['off_hours', 'off_hours', '202'],
    ] as const;
    for (const [status, code, statusCode] of cases) {
      m.control.setFaults({ tds: { tdsStatus: status } });
      const e = await restError(tds.start({ ani: ANI }), code);
      expect(e.detail).toMatchObject({ status, statusCode });
    }
  });

  it('times out on a service that never answers', async () => {
    const m = await mocks(cleanup);
    m.control.setFaults({ tds: { hang: true } });
    const started = Date.now();
    const e = await restError(tdsClient(m).get({ guid: 'g' }, {}, { timeoutMs: 300 }), 'timeout');
    expect(Date.now() - started).toBeLessThan(2000);
    expect(e.detail).toMatchObject({ timeoutMs: 300 });
  });

  it('retries a GET on 503 (three attempts) but never a POST; then says httpStatus', async () => {
    const m = await mocks(cleanup);
    m.control.setFaults({ tds: { httpStatus: 503 } });
    const tds = tdsClient(m);
    const before = m.control.state().requests;
    const e = await restError(tds.get({ guid: 'g' }), 'httpStatus');
    expect(e.detail).toMatchObject({ httpStatus: 503 });
    expect(m.control.state().requests - before).toBe(3);
    const mid = m.control.state().requests;
    await restError(tds.start({ ani: ANI }), 'httpStatus');
    expect(m.control.state().requests - mid).toBe(1);
  });

  it('a GET that fails once then succeeds is retried into a success', async () => {
    const m = await mocks(cleanup);
    const tds = tdsClient(m);
    const s = await tds.start({ ani: ANI });
    m.control.setFaults({ tds: { httpStatus: 502 } });
    const pending = tds.get({ guid: s.guid as string });
    setTimeout(() => m.control.clearFaults(), 20);
    expect((await pending).guid).toBe(s.guid);
  });

  it('a 200 that is not a reply is malformedReply; nothing listening is connectionRefused', async () => {
    const m = await mocks(cleanup);
    m.control.setFaults({ tds: { httpStatus: 200 } });
    await restError(tdsClient(m).start({ ani: ANI }), 'malformedReply');
    const url = await closedPortUrl();
    await restError(tdsClient(m, { baseUrl: `${url}/louie` }).start({ ani: ANI }), 'connectionRefused');
  });

  it('a cancelled call is cancelled, not a timeout', async () => {
    const m = await mocks(cleanup);
    m.control.setFaults({ tds: { hang: true } });
    const ac = new AbortController();
    const pending = tdsClient(m).get({ guid: 'g' }, {}, { signal: ac.signal });
    setTimeout(() => ac.abort(), 50);
    await restError(pending, 'cancelled');
  });
});
