/**
 * Hostile WebSocket frames, hand-made and written on a raw TCP socket: each closes that client with
 * the code RFC 6455 gives, and web mode keeps serving (before, ws's unhandled 'error' ended the process).
 * The upgrade also checks Host, as plain HTTP does (421).
 */
import { expect, it } from 'vitest';
import WebSocket from 'ws';
import { offlineServicesStoppedAfterEach } from '../../support/offline-services';
import { cleanupAfterEach } from '../../support/cleanup';
import { closeFrame, frame, rawWebSocket } from '../../support/ws-raw';
import { startWebServer, type RunningWebServer } from '../../../main/web/server';

const service = offlineServicesStoppedAfterEach();
const cleanup = cleanupAfterEach();

async function web(): Promise<RunningWebServer> {
  const w = await startWebServer({ source: service(), staticDir: '/nonexistent' });
  cleanup(() => w.close());
  return w;
}

function upgrade(w: RunningWebServer, host?: string) {
  return rawWebSocket({ port: w.port, path: `/ws?token=${encodeURIComponent(w.token)}`, origin: w.origin, ...(host ? { host } : {}) });
}

/** A real client still gets its state and an answer: the process and the bridge are alive. */
async function stillServes(w: RunningWebServer): Promise<void> {
  const ws = new WebSocket(`ws://127.0.0.1:${w.port}/ws?token=${encodeURIComponent(w.token)}`, { origin: w.origin });
  const first = await new Promise<string>((res, rej) => {
    ws.once('message', (d: Buffer) => res(d.toString('utf8')));
    ws.once('error', rej);
  });
  ws.close();
  expect(JSON.parse(first)).toMatchObject({ kind: 'event', event: 'state' });
}

const cases: [string, Buffer, number][] = [
  ['a frame over the 64 KiB limit', frame({ opcode: 0x1, payload: Buffer.alloc(0), announcedLength: 64 * 1024 + 1 }), 1009],
  ['a text frame of invalid UTF-8', frame({ opcode: 0x1, payload: Buffer.from([0x7b, 0xff, 0xfe, 0x7d]) }), 1007],
  ['an unmasked frame', frame({ opcode: 0x1, payload: Buffer.from('{}'), masked: false }), 1002],
  ['a close frame with a reserved code', closeFrame(1005), 1002],
  ['a close frame with an out-of-range code', closeFrame(999), 1002],
  ['an unknown opcode', frame({ opcode: 0x3, payload: Buffer.from('x') }), 1002],
];

for (const [what, bytes, code] of cases) {
  it(`${what}: that client is closed with ${code}, web mode lives on`, async () => {
    const w = await web();
    const client = await upgrade(w);
    client.socket.write(bytes);
    await client.ended;
    expect(client.closeCode()).toBe(code);
    expect(w.bridge.protocolErrors).toBe(1);
    await stillServes(w);
  });
}

it('a client that never answers the close frame is cut within the grace time', async () => {
  const w = await web();
  const client = await upgrade(w);
  client.socket.on('data', () => undefined); // reads, never closes its side
  client.socket.write(frame({ opcode: 0x1, payload: Buffer.from([0xc3, 0x28]) }));
  const t0 = Date.now();
  await client.ended;
  expect(Date.now() - t0).toBeLessThan(2500);
  expect(client.closeCode()).toBe(1007);
});

it('the upgrade refuses a foreign Host with 421 (DNS rebinding), and accepts localhost', async () => {
  const w = await web();
  await expect(upgrade(w, `evil.example:${w.port}`)).rejects.toThrow(/421/);
  await expect(rawWebSocket({ port: w.port, path: `/ws?token=${w.token}`, origin: w.origin, host: '' })).rejects.toThrow(/421|400/);
  const ok = await upgrade(w, `localhost:${w.port}`);
  ok.socket.destroy();
});
