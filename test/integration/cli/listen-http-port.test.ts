/**
 * `cti listen --poll --http-port N` as a child process against the simulator playing a TelServer
 * that answers raw-TCP long-polls at once (immediateTcpPolls): the polls go over HTTP to port N,
 * where they are held, the other requests over raw TCP. Two counting proxies in front of the same
 * simulator (it serves HTTP on its TCP port) tell the two links apart.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { startSimulator, type RunningSimulator } from '../../../main/simulator/index';
import { startCountingProxy, type CountingProxy } from '../../../main/simulator/server/counting-proxy';
import { cleanupAfterEach } from '../../support/cleanup';
import { LiveCli, runCli, spawnCli } from './cli-process';

const cleanup = cleanupAfterEach();
let cli: LiveCli | undefined;
afterEach(() => {
  cli?.kill();
  cli = undefined;
});

async function servers(): Promise<{ sim: RunningSimulator; tcp: CountingProxy; http: CountingProxy }> {
  const sim = await startSimulator({ port: 0, rest: false, immediateTcpPolls: true });
  cleanup(() => sim.close());
  const tcp = await startCountingProxy({ port: sim.port });
  cleanup(() => tcp.close());
  const http = await startCountingProxy({ port: sim.port });
  cleanup(() => http.close());
  return { sim, tcp, http };
}

const pause = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

function listen(tcpPort: number, extra: readonly string[]): LiveCli {
  cli = new LiveCli(spawnCli(['--server', `127.0.0.1:${tcpPort}`, '--device', '1101', 'listen', '--poll', '--poll-timeout', '2', ...extra]));
  return cli;
}

describe('cti listen --poll --http-port', () => {
  it('long-polls over the HTTP port (held there, no busy loop), the session over TCP; SIGTERM closes it', async () => {
    const { sim, tcp, http } = await servers();
    const live = listen(tcp.port, ['--http-port', String(http.port)]);
    await live.waitFor(() => live.stderrLines.some((l) => l.includes('session open')), 'the session open');
    expect(live.stderrLines.find((l) => l.includes('session open'))).toContain(`polling snapshots over HTTP port ${http.port}`);
    await pause(500);
    http.reset();
    // Polls held up to 2 s: one or two in 2.5 s (answered at once over TCP, they would be hundreds).
    await pause(2500);
    expect(http.counts.get('snapshot') ?? 0).toBeGreaterThanOrEqual(1);
    expect(http.counts.get('snapshot') ?? 0).toBeLessThanOrEqual(3);
    expect(tcp.counts.get('snapshot') ?? 0).toBe(0);
    expect(live.stderrLines.join('\n')).not.toContain('answers long-polls at once');
    sim.control.injectCall({ from: '+33612345678', to: '1101' });
    await live.waitFor(() => live.stdoutLines.some((l) => l.includes('alerting from +33612345678')), 'the call through the held HTTP poll', 2000);
    live.child.kill('SIGTERM');
    expect(await live.exit()).toBe(0);
    expect(tcp.counts.get('openSession')).toBe(1);
    expect(tcp.counts.get('closeSession')).toBe(1);
    expect(http.counts.get('openSession') ?? 0).toBe(0);
  });

  it('without --http-port the same server makes listen fall back to a periodic snapshot, and says so', async () => {
    const { tcp } = await servers();
    const live = listen(tcp.port, []);
    await live.waitFor(() => live.stderrLines.some((l) => l.includes('answers long-polls at once')), 'the periodic fallback');
    live.child.kill('SIGTERM');
    expect(await live.exit()).toBe(0);
  });

  it('--http-port needs --poll (usage error, exit 2)', async () => {
    const r = await runCli(['--server', '127.0.0.1:1', '--device', '1101', 'listen', '--http-port', '8080']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--http-port needs --poll');
  });
});
