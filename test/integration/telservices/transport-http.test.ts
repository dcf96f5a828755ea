import { afterEach, describe, expect, it } from 'vitest';
import { HttpTransport } from '../../../main/telservices/transport-http';
import { FakeTelServer, STANDARD_RESULT, type FakeHandler } from '../../support/fake-telserver';
import { rejection, unusedPort } from './helpers';

const REQ = '<TelServiceRequest><queryForward><deviceNumber>+0033 1101</deviceNumber></queryForward></TelServiceRequest>';
const UTF8_REPLY = '<TelServiceReturn><result><qualifyCall><number>0011</number><name>Zoë 日本 😀</name></qualifyCall></result></TelServiceReturn>';

let fake: FakeTelServer | undefined;
afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

async function start(handler: FakeHandler): Promise<HttpTransport> {
  fake = await FakeTelServer.start({ http: true, handler });
  return new HttpTransport({ host: fake.host, port: fake.port, replyTimeoutMs: 200 });
}

describe('HttpTransport on loopback', () => {
  it('POSTs the XML and returns the body; the server saw it as HTTP', async () => {
    const seen: string[] = [];
    const t = await start((_xml, ctx) => {
      seen.push(ctx.transport);
      return { kind: 'reply', xml: STANDARD_RESULT };
    });
    await expect(t.request(REQ)).resolves.toBe(STANDARD_RESULT);
    expect(fake?.requests).toEqual([REQ]);
    expect(seen).toEqual(['http']);
  });

  it('a body in chunks cut inside UTF-8 characters', async () => {
    const t = await start(() => ({ kind: 'reply', xml: UTF8_REPLY, chunks: 29, chunkDelayMs: 1 }));
    await expect(t.request(REQ)).resolves.toBe(UTF8_REPLY);
  });

  it('404 and 500 -> httpStatus with the status', async () => {
    const t = await start((_x, ctx) => ({ kind: 'httpStatus', status: ctx.index === 0 ? 404 : 500, body: 'nope' }));
    const e404 = await rejection(t.request(REQ));
    expect(e404.code).toBe('httpStatus');
    expect(e404.detail?.status).toBe(404);
    const e500 = await rejection(t.request(REQ));
    expect(e500.detail?.status).toBe(500);
  });

  it('hung server -> timeout within the timeout; a longer per-request timeout lets a long-poll finish', async () => {
    const t = await start((_x, ctx) => (ctx.index === 0 ? { kind: 'hang' } : { kind: 'reply', xml: STANDARD_RESULT, delayMs: 400 }));
    const t0 = performance.now();
    const err = await rejection(t.request(REQ));
    const elapsed = performance.now() - t0;
    expect(err.code).toBe('timeout');
    expect(elapsed).toBeLessThan(3000);
    expect(elapsed).toBeGreaterThanOrEqual(190);
    await expect(t.request(REQ, { timeoutMs: 3000 })).resolves.toBe(STANDARD_RESULT);
  });

  it('closed without a reply, or in the middle of the body -> closedWithoutReply', async () => {
    const t = await start((_x, ctx) => (ctx.index === 0 ? { kind: 'close' } : { kind: 'partial', xml: '<TelServiceReturn><res' }));
    expect((await rejection(t.request(REQ))).code).toBe('closedWithoutReply');
    expect((await rejection(t.request(REQ))).code).toBe('closedWithoutReply');
  });

  it('nothing listening -> connectionRefused', async () => {
    const port = await unusedPort();
    const t = new HttpTransport({ host: '127.0.0.1', port });
    expect((await rejection(t.request(REQ))).code).toBe('connectionRefused');
  });

  it('abort -> cancelled', async () => {
    const t = await start(() => ({ kind: 'hang' }));
    const ac = new AbortController();
    const p = t.request(REQ, { signal: ac.signal });
    setTimeout(() => ac.abort(), 30);
    expect((await rejection(p)).code).toBe('cancelled');
  });
});
