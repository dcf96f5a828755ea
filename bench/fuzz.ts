/**
 * `npm run bench -- fuzz`: hostile input through the line, web mode and cti's code paths, on
 * loopback only, in bounded loops that stop by themselves:
 * - >= 100,000 hostile datagrams to a monitored line's UDP port (10% from a spoofed source);
 * - >= 10,000 hostile TCP replies to cti's request path (main/cli/backend) and the line's link;
 * - >= 10,000 hostile WebSocket frames to web mode's bridge.
 * Reports crashes (uncaught errors, non-CtiError rejections), hangs (a request or connection not
 * settled well past its deadline), RSS before and after, and whether events still arrive after.
 */
import { createSocket, type Socket as UdpSocket } from 'node:dgram';
import { createServer, type AddressInfo, type Socket } from 'node:net';
import { CtiError } from '../common/errors';
import type { LineState } from '../common/domain';
import { CtiService } from '../main/core/service';
import { telServicesLink, telServicesLinkFactory } from '../main/core/telservices-link';
import { sendRequest } from '../main/cli/backend';
import { MemorySettingsStore } from '../main/settings/store';
import { startSimulator } from '../main/simulator/index';
import { startWebServer } from '../main/web/server';
import { rawWebSocket } from '../test/support/ws-raw';
import { hostileFrame, hostilePdu, rng, VALID_EVENT, VALID_REPLY, type Rand } from './fuzz-inputs';
import { fmtInt, type BenchSection } from './lib';

const DATAGRAMS = Number(process.env["FUZZ_DATAGRAMS"] ?? 100_000);
const REPLIES = Number(process.env["FUZZ_REPLIES"] ?? 10_000);
const FRAMES = Number(process.env["FUZZ_FRAMES"] ?? 10_000);
const MAX_DATAGRAM = 65_000;
const REPLY_TIMEOUT_MS = 300;
/** A request or a connection not settled within this is a hang. */
const HANG_MS = 3000;

/**
 * RSS and the JS heap in use after a full GC when the bench runs with --expose-gc (npm run bench
 * does), so garbage is not counted. The heap tells retained objects (a leak) from memory the process
 * keeps from the OS after a burst (RSS).
 */
function memory(): { rss: number; heap: number } {
  (globalThis as { gc?: () => void }).gc?.();
  const m = process.memoryUsage();
  return { rss: m.rss, heap: m.heapUsed };
}
const mib = (n: number): string => `${(n / 1024 / 1024).toFixed(0)} MiB`;
const pause = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

async function until(pred: () => boolean, ms: number): Promise<boolean> {
  const end = Date.now() + ms;
  while (!pred()) {
    if (Date.now() > end) return false;
    await pause(10);
  }
  return true;
}

/** Runs `task(i)` for i < count, `width` at a time. */
async function pool(count: number, width: number, task: (i: number) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: width }, async () => {
      while (next < count) await task(next++);
    }),
  );
}

function udpFrom(address: string): Promise<UdpSocket> {
  const s = createSocket('udp4');
  return new Promise((r) => s.bind(0, address, () => r(s)));
}

async function floodDatagrams(r: Rand, port: number, count: number): Promise<{ spoofed: number }> {
  const server = await udpFrom('127.0.0.1');
  const stranger = await udpFrom('127.0.0.2');
  let spoofed = 0;
  for (let sent = 0; sent < count; ) {
    const batch: Promise<void>[] = [];
    for (let i = 0; i < 200 && sent < count; i++, sent++) {
      const fromStranger = r() < 0.1;
      if (fromStranger) spoofed += 1;
      const pdu = hostilePdu(r, VALID_EVENT, 'TelServiceEvent', 60_000).subarray(0, MAX_DATAGRAM);
      const via = fromStranger ? stranger : server;
      batch.push(new Promise((res) => via.send(pdu, port, '127.0.0.1', () => res())));
    }
    await Promise.all(batch);
    await new Promise((res) => setImmediate(res));
  }
  server.close();
  stranger.close();
  return { spoofed };
}

/** A TelServer that answers every request with something hostile (or nothing, or a drip). */
async function hostileTcpServer(r: Rand): Promise<{ port: number; close(): Promise<void> }> {
  const sockets = new Set<Socket>();
  const server = createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => undefined);
    socket.once('data', () => {
      const roll = r();
      if (roll < 0.005) return; // never answers
      if (roll < 0.01) {
        const t = setInterval(() => (socket.writable ? socket.write('<') : clearInterval(t)), 50);
        socket.on('close', () => clearInterval(t));
        return;
      }
      const huge = roll < 0.02 ? 3 * 1024 * 1024 : 50_000;
      const pdu = hostilePdu(r, VALID_REPLY, 'TelServiceReturn', huge);
      socket.end(roll < 0.5 ? pdu : pdu.subarray(0, Math.floor(r() * pdu.length)));
    });
  });
  await new Promise<void>((res) => server.listen(0, '127.0.0.1', () => res()));
  return {
    port: (server.address() as AddressInfo).port,
    close: () =>
      new Promise<void>((res) => {
        for (const s of sockets) s.destroy();
        server.close(() => res());
      }),
  };
}

export default async function fuzz(): Promise<BenchSection> {
  let crashes = 0;
  const crashSamples: string[] = [];
  const crash = (e: unknown): void => {
    crashes += 1;
    if (crashSamples.length < 3) crashSamples.push(e instanceof Error ? e.message : String(e));
  };
  process.on('uncaughtException', crash);
  process.on('unhandledRejection', crash);
  const r = rng(20261201);
  const before = memory();
  const started = Date.now();

  const sim = await startSimulator({ port: 0 });
  const service = new CtiService({
    settings: new MemorySettingsStore({ serverPort: sim.port, deviceNumber: '1101', eventMode: 'udp' }),
    linkFactory: telServicesLinkFactory,
  });
  service.start();
  const line = (): LineState => service.getState().lines[0] as LineState;
  await until(() => line().connection.state === 'monitored', 5000);

  // 1. Datagrams.
  const t1 = Date.now();
  // In two halves, the heap read after each: the same figure twice means the line keeps nothing per datagram.
  const half = await floodDatagrams(r, service.line.eventPort ?? 0, DATAGRAMS / 2);
  await pause(300);
  const heapHalf = memory().heap;
  const rest = await floodDatagrams(r, service.line.eventPort ?? 0, DATAGRAMS / 2);
  const spoofed = half.spoofed + rest.spoofed;
  const datagramMs = Date.now() - t1;
  await pause(500);
  const heapFull = memory().heap;
  const monitoredAfterFlood = line().connection.state === 'monitored';

  // 2. TCP replies through cti's request path and the line's link.
  const tcp = await hostileTcpServer(r);
  const connection = { host: '127.0.0.1', port: tcp.port, http: false, replyTimeoutMs: REPLY_TIMEOUT_MS, connectTimeoutMs: REPLY_TIMEOUT_MS };
  const link = telServicesLink({ host: '127.0.0.1', port: tcp.port, transport: 'tcp', endOfPdu: '', requestTimeoutMs: REPLY_TIMEOUT_MS });
  let replyHangs = 0;
  let typedErrors = 0;
  const t2 = Date.now();
  await pool(REPLIES, 16, async (i) => {
    const req = { type: 'snapshot' as const, deviceNumber: '1101' };
    const work = (i % 2 === 0 ? sendRequest(connection, req) : link.request(req)).then(
      () => 'ok',
      (e: unknown) => {
        if (e instanceof CtiError) typedErrors += 1;
        else crash(e);
        return 'error';
      },
    );
    let guard: NodeJS.Timeout | undefined;
    const hang = new Promise<string>((res) => (guard = setTimeout(() => res('hang'), HANG_MS)));
    if ((await Promise.race([work, hang])) === 'hang') replyHangs += 1;
    clearTimeout(guard);
  });
  const replyMs = Date.now() - t2;
  await tcp.close();

  // 3. WebSocket frames through web mode.
  const web = await startWebServer({ source: service, staticDir: '/nonexistent' });
  let frameHangs = 0;
  const perConnection = 3;
  const t3 = Date.now();
  await pool(Math.ceil(FRAMES / perConnection), 24, async () => {
    try {
      const client = await rawWebSocket({ port: web.port, path: `/ws?token=${encodeURIComponent(web.token)}`, origin: web.origin, timeoutMs: HANG_MS });
      for (let f = 0; f < perConnection && !client.socket.destroyed; f++) client.socket.write(hostileFrame(r));
      await Promise.race([client.ended, pause(100)]);
      client.socket.destroy();
    } catch {
      frameHangs += 1; // the upgrade itself did not complete in time
    }
  });
  const frameMs = Date.now() - t3;
  const protocolErrors = web.bridge.protocolErrors;

  // After: a real call still pops, and web mode still answers a real client.
  sim.control.injectCall({ from: '0699000111', to: '1101' });
  // In the line's state (a call with the real caller), not only a popup: the flood's own fake calls may fill the popup cap.
  const eventsAfter = await until(() => JSON.stringify(line().calls).includes('0699000111'), 5000);
  const afterState = `after: ${line().calls.length} calls, ${line().popups.length} popups, connection ${line().connection.state}`;
  const webAlive = await (async () => {
    try {
      const c = await rawWebSocket({ port: web.port, path: `/ws?token=${encodeURIComponent(web.token)}`, origin: web.origin });
      const ok = await until(() => c.frames.some((f) => f.opcode === 0x1 && f.payload.toString().includes('"state"')), 2000);
      c.socket.destroy();
      return ok;
    } catch {
      return false;
    }
  })();

  await web.close();
  await service.stop();
  await sim.close();
  process.off('uncaughtException', crash);
  process.off('unhandledRejection', crash);
  const after = memory();
  const hangs = replyHangs + frameHangs;

  return {
    title: 'Fuzz: hostile datagrams, TCP replies and WebSocket frames (loopback)',
    rows: [
      { name: 'hostile datagrams to the line', value: `${fmtInt(DATAGRAMS)} (${fmtInt(spoofed)} spoofed) in ${fmtInt(datagramMs)} ms`, goal: '≥ 100,000', met: DATAGRAMS >= 100_000 },
      { name: 'hostile TCP replies (cti + line link)', value: `${fmtInt(REPLIES)} in ${fmtInt(replyMs)} ms, ${fmtInt(typedErrors)} typed errors`, goal: '≥ 10,000', met: REPLIES >= 10_000 },
      { name: 'hostile WebSocket frames (web mode)', value: `${fmtInt(FRAMES)} in ${fmtInt(frameMs)} ms, ${fmtInt(protocolErrors)} protocol closes`, goal: '≥ 10,000', met: FRAMES >= 10_000 },
      { name: 'crashes', value: String(crashes), goal: '0', met: crashes === 0 },
      { name: 'hangs', value: `${hangs} (replies ${replyHangs}, ws ${frameHangs})`, goal: '0', met: hangs === 0 },
      { name: 'line monitored after the flood', value: String(monitoredAfterFlood), goal: 'true', met: monitoredAfterFlood },
      { name: 'events still delivered after', value: String(eventsAfter), goal: 'true', met: eventsAfter },
      { name: 'web mode answers after', value: String(webAlive), goal: 'true', met: webAlive },
      { name: 'RSS', value: `${mib(before.rss)} before, ${mib(after.rss)} after`, baseline: mib(before.rss) },
      { name: 'heap during the datagram flood', value: `${mib(heapHalf)} after ${fmtInt(DATAGRAMS / 2)}, ${mib(heapFull)} after ${fmtInt(DATAGRAMS)}`, baseline: mib(heapHalf), goal: 'no growth (±2 MiB)', met: heapFull - heapHalf < 2 * 1024 * 1024 },
      { name: 'JS heap in use (after GC)', value: `${mib(before.heap)} before, ${mib(after.heap)} after`, baseline: mib(before.heap) },
    ],
    notes: [afterState, `total ${fmtInt(Date.now() - started)} ms`, ...crashSamples.map((s) => `crash: ${s}`)],
  };
}
