/**
 * `npm run bench -- idle` (issue 9 item 18): the requests an idle line sends its TelServer, counted
 * through a TCP proxy, per hour, beside the old behaviour (a reconcile snapshot every 30 s) as the
 * same-run baseline.
 *
 * Clock: the Line's timings are scaled 60x (one real second stands for one minute), everything
 * else is real: the simulator, the proxy, the loopback sockets and the line's own code. So a 36 s
 * window stands for 36 minutes, and the count is extrapolated to an hour by x60/36. The scaling is
 * exact for the periodic work measured here (every request of an idle line comes from a timer).
 */
import { CtiService } from '../main/core/service';
import { telServicesLinkFactory } from '../main/core/telservices-link';
import { DEFAULT_TIMING, type LineTiming } from '../main/core/line-timing';
import { MemorySettingsStore } from '../main/settings/store';
import { startSimulator } from '../main/simulator/index';
import { startCountingProxy } from '../main/simulator/server/counting-proxy';
import type { LineState } from '../common/domain';
import type { BenchSection } from './lib';

const SCALE = 60;
const WINDOW_S = 36;

function scaled(t: LineTiming): Partial<LineTiming> {
  const s = (ms: number): number => Math.max(1, Math.round(ms / SCALE));
  return {
    backoffBaseMs: s(t.backoffBaseMs),
    backoffMaxMs: s(t.backoffMaxMs),
    reconcileMs: s(t.reconcileMs),
    idleReconcileMs: s(t.idleReconcileMs),
    udpProofWindowMs: s(t.udpProofWindowMs),
    probeMs: s(t.probeMs),
  };
}

async function until(pred: () => boolean, what: string, ms = 10_000): Promise<void> {
  const end = Date.now() + ms;
  while (!pred()) {
    if (Date.now() > end) throw new Error(`bench idle: timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

/** Requests per hour from a line whose UDP works (one call came through), idle for the window. */
async function idleRequestsPerHour(timing: LineTiming, provenUdp: boolean): Promise<{ perHour: number; counts: string }> {
  const sim = await startSimulator({ port: 0, rest: false });
  const proxy = await startCountingProxy({ port: sim.port });
  const service = new CtiService({
    settings: new MemorySettingsStore({ serverPort: proxy.port, deviceNumber: '1101', eventMode: 'auto' }),
    linkFactory: telServicesLinkFactory,
    timing: scaled(timing),
  });
  const line = (): LineState => service.getState().lines[0] as LineState;
  try {
    service.start();
    await until(() => line().connection.state === 'monitored', 'monitored');
    if (provenUdp) {
      const { callId } = sim.control.injectCall({ from: '+33612345678', to: '1101' });
      await until(() => line().calls.length === 1, 'the call by UDP');
      sim.control.hangup(callId);
      await until(() => line().calls.length === 0, 'its end');
    }
    proxy.reset();
    await new Promise((r) => setTimeout(r, WINDOW_S * 1000));
    const counts = [...proxy.counts].map(([k, v]) => `${k} ${v}`).join(', ') || 'none';
    return { perHour: (proxy.total() * 60) / WINDOW_S, counts };
  } finally {
    await service.stop();
    await proxy.close();
    await sim.close();
  }
}

export default async function idle(): Promise<BenchSection> {
  const old: LineTiming = { ...DEFAULT_TIMING, idleReconcileMs: DEFAULT_TIMING.reconcileMs, udpProofWindowMs: Number.MAX_SAFE_INTEGER };
  const [now, before, quiet] = [
    await idleRequestsPerHour(DEFAULT_TIMING, true),
    await idleRequestsPerHour(old, true),
    await idleRequestsPerHour(DEFAULT_TIMING, false),
  ];
  const fmt = (n: number): string => `${n.toFixed(1)} requests/h`;
  return {
    title: `idle line: requests to the TelServer (counting proxy; Line timings scaled ${SCALE}x, ${WINDOW_S} s real = ${WINDOW_S} min)`,
    rows: [
      {
        name: 'UDP works (a call came by UDP), then idle',
        value: fmt(now.perHour),
        baseline: `${fmt(before.perHour)} (old: reconcile every 30 s)`,
        ratio: `${(now.perHour / before.perHour).toFixed(2)}x`,
        goal: '<= 12 requests/h',
        met: now.perHour <= 12,
      },
      {
        name: 'new session, no datagram yet (first 36 min, incl. the 3-min quick-detection window)',
        value: fmt(quiet.perHour),
        baseline: fmt(before.perHour),
      },
    ],
    notes: [`by type, UDP works: ${now.counts}`, `by type, old behaviour: ${before.counts}`, `by type, new quiet session: ${quiet.counts}`],
  };
}
