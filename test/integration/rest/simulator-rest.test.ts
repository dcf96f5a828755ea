import { describe, expect, it } from 'vitest';
import { startSimulator } from '../../../main/simulator/index';
import { cleanupAfterEach } from '../../support/cleanup';
import { arcClient, restError } from './harness';
import { TransferDataClient } from '../../../main/rest/tds';
import { MOCK_CREDENTIALS } from '../../../main/simulator/rest/rest-mocks';

const cleanup = cleanupAfterEach();

async function control(url: string, method: string, path: string, body?: unknown): Promise<{ status: number; json: unknown }> {
  const init: RequestInit = { method };
  if (body !== undefined) {
    init.body = JSON.stringify(body);
    init.headers = { 'content-type': 'application/json' };
  }
  const res = await fetch(`${url}${path}`, init);
  return { status: res.status, json: await res.json() };
}

describe('the mock REST services beside the simulator', () => {
  it('start with it, expose their base URLs, and are driven from the control API', async () => {
    const sim = await startSimulator({ controlPort: 0 });
    cleanup(() => sim.close());
    const urls = sim.restUrls;
    const ctl = sim.controlUrl;
    if (!urls || !ctl) throw new Error('no REST mocks or control API');
    expect(urls.tds).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/louie$/);
    expect(urls.dnisFree).toMatch(/\/interact\/version\/2$/);

    // A remote contact centre starts a session; the client reads it by DNIS.ANI.
    const created = await control(ctl, 'POST', '/rest/tds/sessions', { ani: '0160121314', agent: { name: 'John Smith', 'order id': 'A&B=1' } });
    expect(created.status).toBe(201);
    const dnis = (created.json as { dnis: string }).dnis;
    const c = MOCK_CREDENTIALS.tds;
    const tds = new TransferDataClient({ baseUrl: urls.tds, clientId: c.clientId, campaignId: c.campaignId, user: c.user, password: c.password });
    expect((await tds.get({ dnis, ani: '0160121314' })).agentData).toEqual([
      ['name', 'John Smith'],
      ['order id', 'A&B=1'],
    ]);

    expect((await control(ctl, 'POST', '/rest/faults', { arc: { hang: true } })).json).toMatchObject({ arc: { hang: true }, tds: {} });
    await restError(arcClient({ urls }).getCalls({ timeoutMs: 200 }), 'timeout');
    expect((await control(ctl, 'DELETE', '/rest/faults')).json).toEqual({ tds: {}, arc: {}, dnisFree: {} });
    expect((await arcClient({ urls }).users()).data.length).toBe(5);

    const state = (await control(ctl, 'GET', '/rest/state')).json as { sessions: unknown[]; urls: unknown };
    expect(state.sessions).toHaveLength(1);
    expect(state.urls).toEqual(urls);
    expect((await control(ctl, 'POST', '/rest/faults', { arc: { hang: 'yes' } })).status).toBe(400);
    expect((await control(ctl, 'POST', '/rest/tds/sessions', { bogus: 1 })).status).toBe(400);
  });

  it('answer 409 pool_full from the control API when the pool is exhausted, and can be left out', async () => {
    const sim = await startSimulator({ controlPort: 0, rest: { dnisPool: ['18005550009'] } });
    cleanup(() => sim.close());
    const ctl = sim.controlUrl as string;
    expect((await control(ctl, 'POST', '/rest/tds/sessions', {})).status).toBe(201);
    expect(await control(ctl, 'POST', '/rest/tds/sessions', {})).toEqual({ status: 409, json: { error: 'pool_full' } });
    const bare = await startSimulator({ rest: false });
    cleanup(() => bare.close());
    expect(bare.restUrls).toBeUndefined();
  });
});
