/**
 * Core benchmark: a UDP datagram carrying a TelServices event -> the state patch the core emits
 * (decode, reducer, patch), beside raw UDP loopback one-way latency measured in the same run; then
 * a sustained 1,000 events/s with dropped-event and heap checks.
 *
 *   npx tsx bench/run.ts core                      (60 s sustained run)
 *   CORE_BENCH_SECONDS=10 node --expose-gc --import tsx bench/run.ts core
 */
import { createSocket, type Socket } from 'node:dgram';
import { once } from 'node:events';
import type { TelEvent } from '../common/telservices/events';
import { decodeEvent, encodeEvent } from '../main/telservices/codec';
import { initialCoreState, reduce } from '../main/core/reducer';
import { CtiService } from '../main/core/service';
import { telServicesLinkFactory } from '../main/core/telservices-link';
import { MemorySettingsStore } from '../main/settings/store';
import { startSimulator } from '../main/simulator/index';
import { fmtInt, fmtMicros, percentile, type BenchSection } from './lib';

const SAMPLES = 10_000;
const RATE = 1000;

function callEvent(i: number): TelEvent {
  // Alternating connected/hold on one call: every event changes the state, so each yields a patch.
  return {
    type: 'call',
    deviceNumber: '1101',
    call: {
      id: '900',
      primCall: {
        state: i % 2 === 0 ? 'connected' : 'hold',
        otherParty: { number: '+33160127764', name: 'Martin Jagger' },
        duration: '0',
        isOutgoing: false,
        isConference: false,
      },
      permittedServices: i % 2 === 0 ? ['holdCall', 'dropCall'] : ['retrieveCall', 'dropCall'],
    },
  };
}

async function bound(socket: Socket): Promise<number> {
  socket.bind(0, '127.0.0.1');
  await once(socket, 'listening');
  return socket.address().port;
}

/** One-way loopback latency of the same payloads, one in flight at a time. */
async function rawUdp(payloads: readonly Buffer[]): Promise<number[]> {
  const rx = createSocket('udp4');
  const tx = createSocket('udp4');
  const port = await bound(rx);
  const times: number[] = [];
  let resolveOne: (() => void) | undefined;
  rx.on('message', () => resolveOne?.());
  for (const p of payloads) {
    const got = new Promise<void>((r) => (resolveOne = r));
    const t0 = performance.now();
    tx.send(p, port, '127.0.0.1');
    await got;
    times.push(performance.now() - t0);
  }
  rx.close();
  tx.close();
  return times;
}

function heapMb(): number {
  (globalThis as { gc?: () => void }).gc?.();
  return process.memoryUsage().heapUsed / 1024 / 1024;
}

export default async function (): Promise<BenchSection> {
  const seconds = Number(process.env['CORE_BENCH_SECONDS'] ?? 60);
  const sim = await startSimulator({ port: 0 });
  const service = new CtiService({
    settings: new MemorySettingsStore({ serverPort: sim.port, deviceNumber: '1101', eventMode: 'udp' }),
    linkFactory: telServicesLinkFactory,
    // No reconcile snapshot during the run: we measure the UDP path alone.
    timing: { reconcileMs: 3_600_000 },
  });
  service.start();
  while (service.line.state.connection.state !== 'monitored') await new Promise((r) => setTimeout(r, 10));
  const port = service.line.eventPort;
  if (port === undefined) throw new Error('the line has no UDP port');
  const payloads = Array.from({ length: SAMPLES }, (_, i) => Buffer.from(encodeEvent(callEvent(i))));
  const tx = createSocket('udp4');
  await bound(tx);

  let patches = 0;
  let onPatch: (() => void) | undefined;
  service.on('patch', () => {
    patches += 1;
    onPatch?.();
  });
  // Warm-up (JIT, first look-ups), then one datagram in flight at a time.
  for (let i = 0; i < 500; i++) {
    const got = new Promise<void>((r) => (onPatch = r));
    tx.send(payloads[i % 2] as Buffer, port, '127.0.0.1');
    await got;
  }
  const core: number[] = [];
  for (const p of payloads) {
    const got = new Promise<void>((r) => (onPatch = r));
    const t0 = performance.now();
    tx.send(p, port, '127.0.0.1');
    await got;
    core.push(performance.now() - t0);
  }
  onPatch = undefined;
  const raw = await rawUdp(payloads);

  // Where the time goes, without sockets: the codec's decode, then our reducer.
  const texts = payloads.map((p) => p.toString('utf8'));
  const decodeTimes: number[] = [];
  const reduceTimes: number[] = [];
  let core0 = initialCoreState('L1', '1101', Date.now());
  for (const text of texts) {
    const a = performance.now();
    const event = decodeEvent(text);
    const b = performance.now();
    core0 = reduce(core0, { type: 'event', event, now: Date.now() }).state;
    reduceTimes.push(performance.now() - b);
    decodeTimes.push(b - a);
  }

  // Sustained: RATE events/s in 10 ms ticks; every event must come out as a patch.
  const before = heapMb();
  const startPatches = patches;
  let sent = 0;
  const total = RATE * seconds;
  const t0 = performance.now();
  await new Promise<void>((resolve) => {
    const tick = setInterval(() => {
      const due = Math.min(total, Math.round(((performance.now() - t0) / 1000) * RATE));
      while (sent < due) {
        tx.send(payloads[sent % payloads.length] as Buffer, port, '127.0.0.1');
        sent += 1;
      }
      if (sent >= total) {
        clearInterval(tick);
        resolve();
      }
    }, 10);
  });
  const settleEnd = performance.now() + 2000;
  while (patches - startPatches < sent && performance.now() < settleEnd) await new Promise((r) => setTimeout(r, 20));
  const elapsed = (performance.now() - t0) / 1000;
  const received = patches - startPatches;
  const after = heapMb();

  tx.close();
  await service.stop();
  await sim.close();

  const p50 = percentile(core, 50);
  const p99 = percentile(core, 99);
  const r50 = percentile(raw, 50);
  const r99 = percentile(raw, 99);
  const growth = after - before;
  return {
    title: 'core: UDP event -> state patch',
    rows: [
      {
        name: `datagram -> patch (${fmtInt(SAMPLES)} events)`,
        value: `p50 ${fmtMicros(p50)} / p99 ${fmtMicros(p99)}`,
        baseline: `raw UDP p50 ${fmtMicros(r50)} / p99 ${fmtMicros(r99)}`,
        ratio: `p99 ${(p99 / r99).toFixed(2)}×`,
        goal: 'p99 ≤ 5× raw and < 1 ms',
        met: p99 <= 5 * r99 && p99 < 1,
      },
      {
        name: '  of which: decode (codec) / reduce (core)',
        value: `decode p50 ${fmtMicros(percentile(decodeTimes, 50))} p99 ${fmtMicros(percentile(decodeTimes, 99))}`,
        baseline: `reduce p50 ${fmtMicros(percentile(reduceTimes, 50))} p99 ${fmtMicros(percentile(reduceTimes, 99))}`,
      },
      {
        name: `${fmtInt(RATE)} events/s for ${seconds} s`,
        value: `${fmtInt(received)} patches for ${fmtInt(sent)} events (${fmtInt(sent - received)} dropped)`,
        baseline: `${fmtInt(sent / elapsed)} events/s sent`,
        goal: 'no dropped event',
        met: received === sent,
      },
      {
        name: 'heap after the sustained run (after gc)',
        value: `${after.toFixed(1)} MB`,
        baseline: `${before.toFixed(1)} MB before`,
        ratio: `${growth >= 0 ? '+' : ''}${growth.toFixed(1)} MB`,
        goal: 'no growth (< 5 MB)',
        met: growth < 5,
      },
    ],
    notes: [
      `datagram -> patch: ${core.filter((t) => t > 1).length} of ${fmtInt(SAMPLES)} over 1 ms (max ${fmtMicros(Math.max(...core))}); raw max ${fmtMicros(Math.max(...raw))}.`,
      (globalThis as { gc?: unknown }).gc ? 'gc() called before each heap reading (--expose-gc).' : 'run node with --expose-gc for exact heap figures.',
    ],
  };
}
