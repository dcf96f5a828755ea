import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import type { WsServerFrame } from '../../../common/contract';
import type { AppState } from '../../../common/domain';
import { startWebServer, type RunningWebServer } from '../../../main/web/server';
import { rig, directoryCaller, type CoreRig } from '../core/harness';

let r: CoreRig;
let web: RunningWebServer;
let root: string;

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'cti-web-'));
  mkdirSync(join(root, 'assets'));
  writeFileSync(join(root, 'index.html'), '<!doctype html><title>t</title>');
  writeFileSync(join(root, 'assets', 'app.js'), 'export {}');
  writeFileSync(join(root, 'assets', 'app.css'), 'body{}');
  writeFileSync(join(root, '.env'), 'SECRET=1');
  r = await rig();
  web = await startWebServer({ source: r.service, staticDir: root });
});
afterAll(async () => {
  await web.close();
  await r.close();
  rmSync(root, { recursive: true, force: true });
});

/** A WebSocket client that records frames and can call commands. */
class Client {
  readonly frames: WsServerFrame[] = [];
  readonly ws: WebSocket;
  #id = 1;
  constructor(token: string, origin: string | null = web.origin) {
    this.ws = new WebSocket(`ws://127.0.0.1:${web.port}/ws?token=${encodeURIComponent(token)}`, origin === null ? {} : { origin });
    this.ws.on('message', (d: Buffer) => this.frames.push(JSON.parse(d.toString('utf8')) as WsServerFrame));
  }
  opened(): Promise<void> {
    return new Promise((res, rej) => {
      this.ws.once('open', () => res());
      this.ws.once('error', rej);
    });
  }
  /** Resolves with the HTTP status of a refused upgrade. */
  refused(): Promise<number> {
    return new Promise((res, rej) => {
      this.ws.once('unexpected-response', (_req, resp) => res(resp.statusCode ?? 0));
      this.ws.once('open', () => rej(new Error('the connection was accepted')));
      this.ws.once('error', () => undefined);
    });
  }
  async waitFrame(pred: (f: WsServerFrame) => boolean, timeoutMs = 4000): Promise<WsServerFrame> {
    const end = Date.now() + timeoutMs;
    while (Date.now() < end) {
      const f = this.frames.find(pred);
      if (f) return f;
      await new Promise((res) => setTimeout(res, 10));
    }
    throw new Error(`no such frame; got ${JSON.stringify(this.frames.map((f) => (f.kind === 'event' ? f.event : f.id)))}`);
  }
  async call(command: string, args: unknown): Promise<WsServerFrame> {
    const id = this.#id++;
    this.ws.send(JSON.stringify({ id, command, args }));
    return this.waitFrame((f) => f.kind === 'result' && f.id === id);
  }
  close(): void {
    this.ws.close();
  }
}

function get(path: string, headers: Record<string, string> = {}, method = 'GET'): Promise<{ status: number; headers: Record<string, unknown>; body: string }> {
  return new Promise((res, rej) => {
    const req = request({ host: '127.0.0.1', port: web.port, path, method, headers }, (resp) => {
      let body = '';
      resp.on('data', (c: Buffer) => (body += c.toString()));
      resp.on('end', () => res({ status: resp.statusCode ?? 0, headers: resp.headers, body }));
    });
    req.on('error', rej);
    req.end();
  });
}

describe('web mode: WebSocket bridge', () => {
  it('sends the full state first, carries commands with typed results, and events', async () => {
    const c = new Client(web.token);
    await c.opened();
    const first = await c.waitFrame(() => true);
    expect(first).toMatchObject({ kind: 'event', event: 'state' });
    expect(((first as { payload: AppState }).payload).lines[0]?.connection.state).toBe('monitored');
    expect(await c.call('getSettings', {})).toMatchObject({ kind: 'result', result: { ok: true, value: { settings: { deviceNumber: '1101' } } } });
    expect(await c.call('dial', { number: 'x' })).toMatchObject({ result: { ok: false, error: { code: 'invalidArgument' } } });
    expect(await c.call('selfDestruct', {})).toMatchObject({ result: { ok: false, error: { code: 'unknownCommand' } } });
    const caller = directoryCaller(r.sim);
    r.sim.control.injectCall({ from: caller.number, to: '1101' });
    const incoming = await c.waitFrame((f) => f.kind === 'event' && f.event === 'incomingCall');
    expect(JSON.stringify(incoming)).toContain(caller.name);
    await c.waitFrame((f) => f.kind === 'event' && f.event === 'patch');
    c.close();

    // A page that reconnects gets the whole state again, the ringing call included.
    const again = new Client(web.token);
    await again.opened();
    const state = (await again.waitFrame(() => true)) as { kind: 'event'; event: string; payload: AppState };
    expect(state.event).toBe('state');
    expect(state.payload.lines[0]?.calls.some((call) => call.primary?.otherParty.number === caller.number)).toBe(true);
    expect(state.payload.lines[0]?.popups).toHaveLength(1);
    again.close();
  });

  it('refuses a wrong token, a missing token, a foreign origin and no origin', async () => {
    expect(await new Client('A'.repeat(22)).refused()).toBe(401);
    expect(await new Client('').refused()).toBe(401);
    expect(await new Client(web.token, 'http://evil.example').refused()).toBe(403);
    expect(await new Client(web.token, `http://127.0.0.1:${web.port + 1}`).refused()).toBe(403);
    expect(await new Client(web.token, null).refused()).toBe(403);
    expect(web.bridge.clientCount).toBe(0);
  });

  it('closes a connection that sends something else than a request', async () => {
    const c = new Client(web.token);
    await c.opened();
    const code = await new Promise<number>((res) => {
      c.ws.once('close', (n) => res(n));
      c.ws.send('not json');
    });
    expect(code).toBe(1003);
  });
});

describe('web mode: static files', () => {
  it('serves files with their MIME type and the strict CSP', async () => {
    const index = await get('/');
    expect(index.status).toBe(200);
    expect(index.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(String(index.headers['content-security-policy'])).toContain("script-src 'self'");
    expect(String(index.headers['content-security-policy'])).not.toContain('unsafe');
    expect(index.headers['referrer-policy']).toBe('no-referrer');
    expect((await get('/assets/app.js')).headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect((await get('/assets/app.css')).headers['content-type']).toBe('text/css; charset=utf-8');
    const minimal = await get('/minimal');
    expect(minimal.body).toContain('<script type="module" src="/fallback.js">');
    expect((await get('/fallback.js')).headers['content-type']).toBe('text/javascript; charset=utf-8');
  });

  it.each(['/../package.json', '/assets/../../package.json', '/%2e%2e/%2e%2e/etc/passwd', '/.env', '/assets/', '/nope.js', '/..%5c..%5cetc'])(
    'refuses %s',
    async (path) => {
      const res = await get(path);
      expect(res.status).toBe(404);
      expect(res.body).not.toContain('SECRET');
    },
  );

  it('refuses another Host (DNS rebinding) and other methods', async () => {
    expect((await get('/', { Host: 'evil.example' })).status).toBe(421);
    expect((await get('/', {}, 'POST')).status).toBe(405);
  });
});
