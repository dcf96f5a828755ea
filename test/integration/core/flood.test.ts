/**
 * Issue 9 item 11 over real sockets: a flood of call events on the line's UDP port cannot grow the
 * line (calls and popups capped, reported once), its patches (one call each, not the list), nor
 * the directory look-ups it asks of the TelServer (counted through a TCP proxy).
 */
import { createSocket } from 'node:dgram';
import { describe, expect, it } from 'vitest';
import type { ErrorShape } from '../../../common/errors';
import type { LinePatch, LineState } from '../../../common/domain';
import { CtiService } from '../../../main/core/service';
import { telServicesLinkFactory } from '../../../main/core/telservices-link';
import { LINE_LIMITS } from '../../../main/core/reducer';
import { MemorySettingsStore } from '../../../main/settings/store';
import { startSimulator } from '../../../main/simulator/index';
import { startCountingProxy } from '../../../main/simulator/server/counting-proxy';
import { encodeEvent } from '../../../main/telservices/codec';
import { cleanupAfterEach } from '../../support/cleanup';
import { FAST } from './harness';

const cleanup = cleanupAfterEach();

async function floodRig(): Promise<{ service: CtiService; port: number; proxy: Awaited<ReturnType<typeof startCountingProxy>>; errors: ErrorShape[]; patches: LinePatch[][]; most: { calls: number; popups: number } }> {
  const sim = await startSimulator({ port: 0, rest: false });
  cleanup(() => sim.close());
  const proxy = await startCountingProxy({ port: sim.port });
  cleanup(() => proxy.close());
  const service = new CtiService({
    settings: new MemorySettingsStore({ serverPort: proxy.port, deviceNumber: '1101', eventMode: 'udp', requestTimeoutMs: 2000 }),
    linkFactory: telServicesLinkFactory,
    // No periodic resync during a flood: the test says when (a resync mid-flood would start a second flood).
    timing: { ...FAST, reconcileMs: 60_000, idleReconcileMs: 60_000, probeMs: 60_000 },
  });
  cleanup(() => service.stop());
  const errors: ErrorShape[] = [];
  const patches: LinePatch[][] = [];
  service.on('error', ({ error }) => errors.push(error));
  const most = { calls: 0, popups: 0 };
  service.on('patch', ({ patches: p }) => {
    patches.push(p);
    const l = service.getState().lines[0] as LineState;
    most.calls = Math.max(most.calls, l.calls.length);
    most.popups = Math.max(most.popups, l.popups.length);
  });
  service.start();
  await until(service, (l) => l.connection.state === 'monitored', 'monitored');
  const port = service.line.eventPort;
  if (port === undefined) throw new Error('no UDP port');
  return { service, port, proxy, errors, patches, most };
}

async function until(service: CtiService, pred: (l: LineState) => boolean, what: string, ms = 5000): Promise<void> {
  const end = Date.now() + ms;
  while (!pred(service.getState().lines[0] as LineState)) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

function callDatagram(id: string, from: string, state: 'alerting' | 'cleared'): Buffer {
  const legInfo = { state, otherParty: { number: from }, duration: '0', isOutgoing: false, isConference: false };
  return Buffer.from(encodeEvent({ type: 'call', deviceNumber: '1101', call: { id, permittedServices: [], primCall: legInfo } }));
}

async function send(port: number, datagrams: Buffer[]): Promise<void> {
  const socket = createSocket('udp4');
  try {
    for (let i = 0; i < datagrams.length; i++) {
      socket.send(datagrams[i] as Buffer, port, '127.0.0.1');
      if (i % 200 === 199) await new Promise((r) => setTimeout(r, 5)); // stay within the socket buffer
    }
    await new Promise((r) => setTimeout(r, 300));
  } finally {
    socket.close();
  }
}

describe('a flood of spoofed calls', () => {
  it('2,000 ringing calls: calls and popups capped, one report each, patches one call at a time, few look-ups', async () => {
    const r = await floodRig();
    r.proxy.reset();
    const calls = Array.from({ length: 2000 }, (_, i) => callDatagram(`f${i}`, `+3361${String(i).padStart(7, '0')}`, 'alerting'));
    await send(r.port, calls);
    expect(r.most.calls).toBe(LINE_LIMITS.calls);
    expect(r.most.popups).toBe(LINE_LIMITS.popups);
    // The server knows none of them: the next resync drops them all.
    r.service.line.reconnectNow();
    await until(r.service, (l) => l.calls.length === 0 && l.popups.length === 0, 'the resync');
    expect(r.errors.filter((e) => e.code === 'limitExceeded')).toHaveLength(2);
    const biggest = Math.max(...r.patches.map((p) => JSON.stringify(p).length));
    expect(biggest).toBeLessThan(4000);
    expect(r.proxy.counts.get('searchNumber') ?? 0).toBeLessThanOrEqual(LINE_LIMITS.calls);
  });

  it('a stream of short calls from unknown callers: look-ups bounded and refused beyond, reported once; one caller asked once', async () => {
    const r = await floodRig();
    r.proxy.reset();
    const burst = Array.from({ length: 1500 }, (_, i) => [
      callDatagram(`s${i}`, `+3362${String(i).padStart(7, '0')}`, 'alerting'),
      callDatagram(`s${i}`, `+3362${String(i).padStart(7, '0')}`, 'cleared'),
    ]).flat();
    await send(r.port, burst);
    const asked = r.proxy.counts.get('searchNumber') ?? 0;
    expect(asked).toBeGreaterThan(0);
    expect(asked).toBeLessThan(750);
    expect(r.errors.filter((e) => e.code === 'limitExceeded' && e.message.startsWith('directory'))).toHaveLength(1);

    r.proxy.reset();
    const same = Array.from({ length: 100 }, (_, i) => [callDatagram(`u${i}`, '+33999000111', 'alerting'), callDatagram(`u${i}`, '+33999000111', 'cleared')]).flat();
    await send(r.port, same);
    expect(r.proxy.counts.get('searchNumber') ?? 0).toBe(1);
  });

  it('callers with absurdly long numbers (40 KB of digits in a hostile datagram) are shown but never looked up nor remembered', async () => {
    const r = await floodRig();
    r.proxy.reset();
    const huge = (i: number): string => `${i}`.padEnd(40_000, '9');
    const burst = Array.from({ length: 20 }, (_, i) => [callDatagram(`h${i}`, huge(i), 'alerting'), callDatagram(`h${i}`, huge(i), 'cleared')]).flat();
    await send(r.port, burst.slice(0, 2 * 19));
    await send(r.port, [callDatagram('h19', huge(19), 'alerting')]);
    await until(r.service, (l) => l.calls.some((c) => c.id === 'h19'), 'the last long-number call');
    expect(r.proxy.counts.get('searchNumber') ?? 0).toBe(0);
    expect(r.service.line.directory.size).toBe(0);
    // The call itself is kept and shown as it came.
    expect((r.service.getState().lines[0] as LineState).calls.find((c) => c.id === 'h19')?.primary?.otherParty.number).toHaveLength(40_000);
  });
});
