/**
 * The renderer's client wrapper (renderer/src/lib) against the real web server and core: the same
 * verbs as window.cti, the state mirror kept whole through patches and a reconnect.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import type { AppState } from '../../../common/domain';
import { createWebSocketCti, webSocketUrlFor, type WebSocketLike, type WsCti } from '../../../renderer/src/lib/ws-client';
import { StateMirror } from '../../../renderer/src/lib/state-mirror';
import { isCtiApi } from '../../../renderer/src/lib/cti';
import { startWebServer, type RunningWebServer } from '../../../main/web/server';
import { rig, directoryCaller, type CoreRig } from '../core/harness';

let r: CoreRig;
let web: RunningWebServer;
beforeAll(async () => {
  r = await rig();
  web = await startWebServer({ source: r.service, staticDir: '/nonexistent' });
});
afterAll(async () => {
  await web.close();
  await r.close();
});

function client(token = web.token): WsCti {
  const url = webSocketUrlFor({ protocol: 'http:', host: `127.0.0.1:${web.port}`, search: `?token=${token}` });
  return createWebSocketCti({
    url,
    createSocket: (u) => new WebSocket(u, { origin: web.origin }) as unknown as WebSocketLike,
    reconnectBaseMs: 50,
    reconnectMaxMs: 200,
    commandTimeoutMs: 3000,
  });
}

async function until(pred: () => boolean, what: string, ms = 4000): Promise<void> {
  const end = Date.now() + ms;
  while (!pred()) {
    if (Date.now() > end) throw new Error(`timed out: ${what}`);
    await new Promise((res) => setTimeout(res, 10));
  }
}

describe('renderer client over web mode', () => {
  it('exposes every verb, mirrors the state through patches, and is whole again after a reconnect', async () => {
    const cti = client();
    expect(isCtiApi(cti)).toBe(true);
    let state: AppState | undefined;
    const mirror = new StateMirror(cti, (s) => (state = s));
    const stop = mirror.start();
    await until(() => cti.status === 'open' && state !== undefined, 'connected with a state');
    expect((await cti.getSettings({})).ok).toBe(true);
    const bad = await cti.setDnd({ on: 'yes' as unknown as boolean });
    expect(bad).toMatchObject({ ok: false, error: { code: 'invalidArgument' } });

    const caller = directoryCaller(r.sim);
    const { callId } = r.sim.control.injectCall({ from: caller.number, to: '1101' });
    await until(() => state?.lines[0]?.calls[0]?.primary?.otherParty.name === caller.name, 'the named call in the mirror');
    expect(state?.lines[0]).toEqual(r.line());

    // Drop every WebSocket from the server side, and end the call while the page is away: the
    // client reconnects by itself and the full state it gets first makes the mirror whole again.
    const statuses: string[] = [];
    cti.onStatus((s) => statuses.push(s));
    web.bridge.disconnectAll();
    r.sim.control.hangup(callId);
    await r.waitFor((l) => l.calls.length === 0, 'the hang-up in the core');
    await until(() => statuses.includes('closed') && cti.status === 'open', 'reconnected');
    await until(() => state?.lines[0]?.calls.length === 0, 'the mirror without the call');
    expect(state?.lines[0]).toEqual(r.line());
    expect(state?.lines[0]?.missedCalls).toBe(1);
    stop();
    cti.close();
  });

  it('a fresh client after a server-side drop gets the full state first', async () => {
    const web2 = await startWebServer({ source: r.service, staticDir: '/nonexistent' });
    try {
      const url = webSocketUrlFor({ protocol: 'http:', host: `127.0.0.1:${web2.port}`, search: `?token=${web2.token}` });
      const cti = createWebSocketCti({ url, createSocket: (u) => new WebSocket(u, { origin: web2.origin }) as unknown as WebSocketLike, reconnectBaseMs: 50 });
      let state: AppState | undefined;
      const stop = new StateMirror(cti, (s) => (state = s)).start();
      await until(() => state !== undefined, 'state');
      expect(state?.lines[0]).toEqual(r.line());
      stop();
      cti.close();
    } finally {
      await web2.close();
    }
  });
});
