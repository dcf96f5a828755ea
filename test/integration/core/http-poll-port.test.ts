/**
 * Issue 9 item 5, the HTTP half, over real sockets: a line on raw TCP whose UDP cannot reach it
 * long-polls over the server's HTTP port (settings.httpPort) on a link of its own, so a server that
 * answers raw-TCP long-polls at once still holds them. The simulator serves HTTP on its TCP port
 * (it sniffs), so httpPort points at it too, through a second counting proxy that tells the two
 * links apart (one request per connection on both: the proxies count every request).
 */
import { describe, expect, it } from 'vitest';
import type { LineState } from '../../../common/domain';
import type { SettingsPatch } from '../../../common/schemas';
import { CtiService } from '../../../main/core/service';
import { telServicesLinkFactory } from '../../../main/core/telservices-link';
import { MemorySettingsStore } from '../../../main/settings/store';
import { startSimulator, type RunningSimulator } from '../../../main/simulator/index';
import { startCountingProxy, type CountingProxy } from '../../../main/simulator/server/counting-proxy';
import { cleanupAfterEach } from '../../support/cleanup';
import { directoryCaller, FAST } from './harness';

const cleanup = cleanupAfterEach();

interface HttpPollRig {
  sim: RunningSimulator;
  tcp: CountingProxy;
  http: CountingProxy;
  line: () => LineState;
}

/** UDP blocked (every datagram dropped), requests over raw TCP, the HTTP port through its own proxy. */
async function httpPollRig(settings: SettingsPatch, immediateTcpPolls: boolean): Promise<HttpPollRig> {
  const sim = await startSimulator({ port: 0, rest: false, immediateTcpPolls });
  cleanup(() => sim.close());
  sim.control.setFaults({ dropEventShare: 1 });
  const tcp = await startCountingProxy({ port: sim.port });
  cleanup(() => tcp.close());
  const http = await startCountingProxy({ port: sim.port });
  cleanup(() => http.close());
  const service = new CtiService({
    settings: new MemorySettingsStore({ serverPort: tcp.port, httpPort: http.port, transport: 'tcp', deviceNumber: '1101', requestTimeoutMs: 2000, ...settings }),
    linkFactory: telServicesLinkFactory,
    timing: FAST,
  });
  cleanup(() => service.stop());
  service.start();
  return { sim, tcp, http, line: () => service.getState().lines[0] as LineState };
}

async function until(pred: () => boolean, what: string, ms = 6000): Promise<void> {
  const end = Date.now() + ms;
  while (!pred()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

const pause = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

describe('long-poll over the server HTTP port while the transport is raw TCP', () => {
  it('UDP blocked (auto): the line long-polls over HTTP (eventSource httpLongPoll), events still delivered', async () => {
    const r = await httpPollRig({ eventMode: 'auto' }, false);
    await until(() => r.line().connection.state === 'monitored', 'monitored');
    expect(r.line().connection.eventSource).toBe('udp');
    const { callId } = r.sim.control.injectCall({ from: directoryCaller(r.sim).number, to: '1101' });
    await until(() => r.line().connection.eventMode === 'poll', 'the switch to the long-poll');
    expect(r.line().connection.eventSource).toBe('httpLongPoll');
    await until(() => r.line().calls.length === 1, 'the call');
    r.sim.control.hangup(callId);
    await until(() => r.line().calls.length === 0, 'the hang-up seen through the HTTP poll');
    expect(r.http.counts.get('snapshot') ?? 0).toBeGreaterThan(0);
    // The polls never go over the TCP link: after the switch it carries no snapshot at all.
    r.tcp.reset();
    r.sim.pbx.execute({ type: 'doNotDisturb', deviceNumber: '1101', state: 'on' }, {});
    await until(() => r.line().doNotDisturb, 'DND through the HTTP poll');
    await pause(500);
    expect(r.tcp.counts.get('snapshot') ?? 0).toBe(0);
    expect(r.line().connection.state).toBe('monitored');
  });

  it('a server that answers raw-TCP long-polls at once still holds them over HTTP: httpLongPoll, no busy loop', async () => {
    const r = await httpPollRig({ eventMode: 'poll' }, true);
    await until(() => r.line().connection.state === 'monitored', 'monitored');
    await pause(300);
    r.http.reset();
    r.tcp.reset();
    // FAST holds each poll up to 2 s: one or two polls in 2.5 s (a busy loop would send hundreds).
    await pause(2500);
    expect(r.line().connection.eventSource).toBe('httpLongPoll');
    expect(r.http.counts.get('snapshot') ?? 0).toBeGreaterThanOrEqual(1);
    expect(r.http.counts.get('snapshot') ?? 0).toBeLessThanOrEqual(3);
    expect(r.tcp.total()).toBe(0);
    r.sim.control.injectCall({ from: directoryCaller(r.sim).number, to: '1101' });
    await until(() => r.line().calls.length === 1, 'the call through the held HTTP poll', 1000);
  });

  it('httpPort 0 over raw TCP: polls over the TCP link (tcpLongPoll), nothing on the HTTP port', async () => {
    const r = await httpPollRig({ eventMode: 'poll', httpPort: 0 }, false);
    await until(() => r.line().connection.state === 'monitored', 'monitored');
    expect(r.line().connection.eventSource).toBe('tcpLongPoll');
    r.sim.control.injectCall({ from: directoryCaller(r.sim).number, to: '1101' });
    await until(() => r.line().calls.length === 1, 'the call through the TCP poll');
    expect(r.http.total()).toBe(0);
    expect(r.tcp.counts.get('snapshot') ?? 0).toBeGreaterThan(0);
  });
});
