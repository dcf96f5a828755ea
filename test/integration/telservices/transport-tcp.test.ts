import { createServer, Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { TcpTransport } from '../../../main/telservices/transport-tcp';
import { FakeTelServer, STANDARD_RESULT, type FakeTelServerOptions } from '../../support/fake-telserver';
import { rejection, unusedPort } from './helpers';

const REQ = '<TelServiceRequest><makeCall><deviceNumber>1101</deviceNumber><calledDeviceNumber>+0033612</calledDeviceNumber></makeCall></TelServiceRequest>';
const UTF8_REPLY =
  '<TelServiceReturn><result><searchDirectory><party><number>0033</number><name>Zoë Müller 日本 😀</name></party></searchDirectory></result></TelServiceReturn>';

let fake: FakeTelServer | undefined;
afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

async function start(opts: FakeTelServerOptions): Promise<FakeTelServer> {
  fake = await FakeTelServer.start(opts);
  return fake;
}

async function waitFor(cond: () => boolean, ms = 2000): Promise<void> {
  const end = Date.now() + ms;
  while (!cond()) {
    if (Date.now() > end) throw new Error('condition not reached');
    await new Promise((r) => setTimeout(r, 5));
  }
}

function activeTimers(): number {
  return process.getActiveResourcesInfo().filter((r) => r === 'Timeout').length;
}

describe('TcpTransport on loopback', () => {
  it('sends the request and returns the reply; the server records the exact request', async () => {
    const s = await start({ handler: () => ({ kind: 'reply', xml: STANDARD_RESULT }) });
    const t = new TcpTransport({ host: s.host, port: s.port });
    await expect(t.request(REQ)).resolves.toBe(STANDARD_RESULT);
    expect(s.requests).toEqual([REQ]);
    await waitFor(() => s.openConnections === 0);
  });

  it('assembles a reply sent in many chunks cut inside UTF-8 characters', async () => {
    const s = await start({ handler: () => ({ kind: 'reply', xml: UTF8_REPLY, chunks: 37, chunkDelayMs: 1 }) });
    const t = new TcpTransport({ host: s.host, port: s.port });
    await expect(t.request(REQ)).resolves.toBe(UTF8_REPLY);
  });

  it('completes on the root close while the server keeps the socket open, and closes its side', async () => {
    const s = await start({ handler: () => ({ kind: 'reply', xml: STANDARD_RESULT, keepOpen: true, chunks: 3 }) });
    const t = new TcpTransport({ host: s.host, port: s.port, replyTimeoutMs: 2000 });
    await expect(t.request(REQ)).resolves.toBe(STANDARD_RESULT);
    await waitFor(() => s.openConnections === 0);
  });

  it('with an end-of-PDU sequence: sends it after the request and completes on it (socket kept open)', async () => {
    const truncated = '<TelServiceReturn><result><standard/></result>';
    const s = await start({ endOfPdu: '<EOP>', handler: () => ({ kind: 'reply', xml: truncated, keepOpen: true, chunks: 4 }) });
    const t = new TcpTransport({ host: s.host, port: s.port, endOfPdu: '<EOP>', replyTimeoutMs: 2000 });
    await expect(t.request(REQ)).resolves.toBe(truncated);
    expect(s.requests).toEqual([REQ]);
  });

  it('hung server -> timeout (reply phase) within the timeout, socket released', async () => {
    const s = await start({ handler: () => ({ kind: 'hang' }) });
    const t = new TcpTransport({ host: s.host, port: s.port, replyTimeoutMs: 150 });
    const timersBefore = activeTimers();
    const t0 = performance.now();
    const err = await rejection(t.request(REQ));
    const elapsed = performance.now() - t0;
    expect(err.code).toBe('timeout');
    expect(err.detail?.phase).toBe('reply');
    expect(elapsed).toBeGreaterThanOrEqual(140);
    expect(elapsed).toBeLessThan(1500);
    await waitFor(() => s.openConnections === 0);
    expect(activeTimers()).toBeLessThanOrEqual(timersBefore);
  });

  it('a per-request timeoutMs overrides the reply timeout', async () => {
    const s = await start({ handler: () => ({ kind: 'reply', xml: STANDARD_RESULT, delayMs: 300 }) });
    const t = new TcpTransport({ host: s.host, port: s.port, replyTimeoutMs: 100 });
    await expect(t.request(REQ, { timeoutMs: 2000 })).resolves.toBe(STANDARD_RESULT);
    expect((await rejection(t.request(REQ))).code).toBe('timeout');
  });

  it('connect timeout -> timeout (connect phase), with a socket that never connects', async () => {
    const sockets: Socket[] = [];
    const t = new TcpTransport({ host: '127.0.0.1', port: 1, connectTimeoutMs: 80 }, () => {
      const s = new Socket();
      sockets.push(s);
      return s;
    });
    const err = await rejection(t.request(REQ));
    expect(err.code).toBe('timeout');
    expect(err.detail?.phase).toBe('connect');
    expect(sockets[0]?.destroyed).toBe(true);
  });

  it('closed with nothing -> closedWithoutReply', async () => {
    const s = await start({ handler: () => ({ kind: 'close' }) });
    const t = new TcpTransport({ host: s.host, port: s.port });
    expect((await rejection(t.request(REQ))).code).toBe('closedWithoutReply');
  });

  it('closed after a partial reply -> closedWithoutReply with the start of what came', async () => {
    const s = await start({ handler: () => ({ kind: 'partial', xml: '<TelServiceReturn><result><stan' }) });
    const t = new TcpTransport({ host: s.host, port: s.port });
    const err = await rejection(t.request(REQ));
    expect(err.code).toBe('closedWithoutReply');
    expect(err.detail?.start).toBe('<TelServiceReturn><result><stan');
  });

  it('nothing listening -> connectionRefused', async () => {
    const port = await unusedPort();
    const t = new TcpTransport({ host: '127.0.0.1', port });
    expect((await rejection(t.request(REQ))).code).toBe('connectionRefused');
  });

  it('connection reset -> network', async () => {
    const server = createServer((sock) => sock.once('data', () => sock.resetAndDestroy()));
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
    try {
      const t = new TcpTransport({ host: '127.0.0.1', port: (server.address() as { port: number }).port });
      const err = await rejection(t.request(REQ));
      expect(err.code).toBe('network');
      expect(err.detail?.errno).toBe('ECONNRESET');
    } finally {
      await new Promise<void>((r) => server.close(() => r()));
    }
  });

  it('a reply over the size limit -> malformedReply', async () => {
    const s = await start({ handler: () => ({ kind: 'reply', xml: `<TelServiceReturn>${' '.repeat(5000)}`, keepOpen: true }) });
    const t = new TcpTransport({ host: s.host, port: s.port, maxReplyBytes: 1000 });
    expect((await rejection(t.request(REQ))).code).toBe('malformedReply');
  });

  it('50 concurrent requests, one connection each, all answered and all closed', async () => {
    const s = await start({ handler: (xml) => ({ kind: 'reply', xml: STANDARD_RESULT.replace('<standard/>', `<standard/><!--${xml.length}-->`), chunks: 2 }) });
    const t = new TcpTransport({ host: s.host, port: s.port });
    const replies = await Promise.all(Array.from({ length: 50 }, () => t.request(REQ)));
    expect(replies.every((r) => r.startsWith('<TelServiceReturn>') && r.endsWith('</TelServiceReturn>'))).toBe(true);
    expect(s.requests).toHaveLength(50);
    await waitFor(() => s.openConnections === 0);
  });

  it('abort signal -> cancelled, before and during the request', async () => {
    const s = await start({ handler: () => ({ kind: 'hang' }) });
    const t = new TcpTransport({ host: s.host, port: s.port });
    const ac = new AbortController();
    const p = t.request(REQ, { signal: ac.signal });
    await waitFor(() => s.requests.length === 1);
    ac.abort();
    expect((await rejection(p)).code).toBe('cancelled');
    expect((await rejection(t.request(REQ, { signal: ac.signal }))).code).toBe('cancelled');
    await waitFor(() => s.openConnections === 0);
  });
});
