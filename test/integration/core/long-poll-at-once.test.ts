/**
 * Issue 9 item 5 over real sockets: a TelServer that answers raw-TCP long-polls at once (the
 * simulator's immediateTcpPolls) makes the line fall back to a periodic snapshot at a bounded
 * rate, and say so; the same server over HTTP still holds the polls.
 */
import { describe, expect, it } from 'vitest';
import type { LineState } from '../../../common/domain';
import { CtiService } from '../../../main/core/service';
import { telServicesLinkFactory } from '../../../main/core/telservices-link';
import { MemorySettingsStore } from '../../../main/settings/store';
import { startSimulator, type RunningSimulator } from '../../../main/simulator/index';
import { startCountingProxy, type CountingProxy } from '../../../main/simulator/server/counting-proxy';
import { cleanupAfterEach } from '../../support/cleanup';
import { FAST } from './harness';

const cleanup = cleanupAfterEach();

async function pollingRig(transport: 'tcp' | 'http'): Promise<{ sim: RunningSimulator; proxy: CountingProxy; service: CtiService; line: () => LineState }> {
  const sim = await startSimulator({ port: 0, rest: false, immediateTcpPolls: true });
  cleanup(() => sim.close());
  const proxy = await startCountingProxy({ port: sim.port });
  cleanup(() => proxy.close());
  const service = new CtiService({
    settings: new MemorySettingsStore({ serverPort: proxy.port, transport, deviceNumber: '1101', eventMode: 'poll', requestTimeoutMs: 2000 }),
    linkFactory: telServicesLinkFactory,
    timing: FAST,
  });
  cleanup(() => service.stop());
  service.start();
  const line = (): LineState => service.getState().lines[0] as LineState;
  return { sim, proxy, service, line };
}

async function until(pred: () => boolean, what: string, ms = 6000): Promise<void> {
  const end = Date.now() + ms;
  while (!pred()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

describe('a server that answers TCP long-polls at once', () => {
  it('raw TCP: the line falls back to a periodic snapshot (eventSource says so), no busy loop, events still arrive', async () => {
    const r = await pollingRig('tcp');
    await until(() => r.line().connection.eventSource === 'periodicSnapshot', 'the periodic fallback');
    expect(r.line().connection.state).toBe('monitored');
    r.proxy.reset();
    await new Promise((res) => setTimeout(res, 2100));
    // A snapshot every 2 s: one or two in this window (a busy loop would send hundreds).
    expect(r.proxy.counts.get('snapshot') ?? 0).toBeLessThanOrEqual(2);
    r.sim.control.injectCall({ from: '+33612345678', to: '1101' });
    await until(() => r.line().calls.length === 1, 'the call by the periodic snapshot', 3000);
  });

  it('over HTTP the same server still holds the polls: a long-poll, not a periodic snapshot', async () => {
    const r = await pollingRig('http');
    await until(() => r.line().connection.state === 'monitored', 'monitored');
    r.proxy.reset();
    await new Promise((res) => setTimeout(res, 1000));
    expect(r.line().connection.eventSource).toBe('httpLongPoll');
    expect(r.proxy.counts.get('snapshot') ?? 0).toBeLessThanOrEqual(1);
  });
});
