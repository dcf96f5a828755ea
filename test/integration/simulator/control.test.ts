/** The JSON control API (loopback only) and restart, over real sockets. */
import { afterEach, describe, expect, it } from 'vitest';
import { request } from 'node:http';
import { harness, rawTcp, type Harness } from './harness';

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

async function api(method: string, path: string, body?: unknown, headers: Record<string, string> = {}) {
  const res = await fetch(`${h?.sim.controlUrl ?? ''}${path}`, {
    method,
    headers: body === undefined ? headers : { 'content-type': 'application/json', ...headers },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return { status: res.status, json: (await res.json()) as Record<string, unknown> };
}

describe('control API', () => {
  it('listens on loopback and sets, reads and clears faults', async () => {
    h = await harness({ controlPort: 0 });
    expect(h.sim.controlUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect((await api('POST', '/faults', { replyDelayMs: 50, dropEventShare: 0.25 })).json).toMatchObject({
      replyDelayMs: 50,
      dropEventShare: 0.25,
      linkDown: false,
    });
    expect(h.sim.control.state().faults.replyDelayMs).toBe(50);
    expect((await api('GET', '/faults')).json).toMatchObject({ dropEventShare: 0.25 });
    expect((await api('DELETE', '/faults')).json).toEqual({
      linkDown: false,
      pbxTimeout: false,
      dropEventShare: 0,
      replyDelayMs: 0,
      noReply: false,
      closeWithoutReply: false,
    });
    const state = await api('GET', '/state');
    expect(state.json).toMatchObject({ port: h.sim.port, sessions: [], restarts: 0 });
  });

  it('says which field is wrong', async () => {
    h = await harness({ controlPort: 0 });
    const bad = await api('POST', '/faults', { dropEventShare: 3 });
    expect(bad.status).toBe(400);
    expect(String(bad.json.error)).toMatch(/^dropEventShare: /);
    const call = await api('POST', '/calls', { from: '+33160127764' });
    expect(call.status).toBe(400);
    expect(String(call.json.error)).toMatch(/to: /);
    expect((await api('POST', '/nowhere', {})).status).toBe(404);
  });

  it('refuses a POST that is not JSON and a foreign Host', async () => {
    h = await harness({ controlPort: 0 });
    const text = await fetch(`${h.sim.controlUrl ?? ''}/restart`, { method: 'POST', body: '{}' });
    expect(text.status).toBe(415);
    const port = Number(new URL(h.sim.controlUrl ?? '').port);
    const status = await new Promise<number>((resolve, reject) => {
      const req = request({ host: '127.0.0.1', port, path: '/state', headers: { host: 'evil.example:80' } }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      });
      req.on('error', reject);
      req.end();
    });
    expect(status).toBe(403);
  });

  it('DELETE /sessions/:device closes it with sessionClosedByAdmin', async () => {
    h = await harness({ controlPort: 0 });
    const log = await h.listen();
    await h.tcp.openSession({ deviceNumber: '1101', eventUDPPort: log.port });
    const res = await fetch(`${h.sim.controlUrl ?? ''}/sessions/1101`, { method: 'DELETE' });
    expect(res.status).toBe(200);
    await log.waitFor((e) => e.type === 'session' && e.session === 'sessionClosedByAdmin');
    expect(h.sim.control.state().sessions).toEqual([]);
    expect((await fetch(`${h.sim.controlUrl ?? ''}/sessions/1101`, { method: 'DELETE' })).status).toBe(404);
  });

  it('restarts: open connections are closed, the same port answers again', async () => {
    h = await harness({ controlPort: 0 });
    h.sim.control.setFaults({ noReply: true });
    const hanging = rawTcp(h.sim.port, '<TelServiceRequest><searchName><name>a</name></searchName></TelServiceRequest>');
    await new Promise((r) => setTimeout(r, 50));
    expect(h.sim.control.state().openConnections).toBe(1);
    const res = await api('POST', '/restart', {});
    expect(res.json).toEqual({ port: h.sim.port });
    expect(await hanging).toEqual({ text: '', closed: true });
    h.sim.control.clearFaults();
    expect(await h.tcp.searchName({ name: 'zzzz' })).toEqual([]);
    expect(h.sim.control.state().restarts).toBe(1);
  });
});
