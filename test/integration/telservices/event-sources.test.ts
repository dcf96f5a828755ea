/**
 * Datagrams from strangers (real loopback sockets; 127.0.0.2 plays the other host): only the
 * TelServer's address is read, others are counted and reported without decoding, and the listener
 * binds where the server routes rather than every interface. Through the listener, the line and cti.
 */
import { createSocket, type Socket } from 'node:dgram';
import { describe, expect, it } from 'vitest';
import { cleanupAfterEach } from '../../support/cleanup';
import { encodeEvent } from '../../../main/telservices/codec';
import { UdpEventListener } from '../../../main/telservices/events';
import { localAddressToward, worthReporting } from '../../../main/telservices/udp-sources';
import type { TelEvent } from '../../../common/telservices/events';
import { directoryCaller, rig } from '../core/harness';
import { startSimulator } from '../../../main/simulator/index';
import { LiveCli, spawnCli } from '../cli/cli-process';

const cleanup = cleanupAfterEach();

const DND: TelEvent = { type: 'doNotDisturb', state: 'on' };
const ADMIN_CLOSE = encodeEvent({ type: 'session', session: 'sessionClosedByAdmin' });

async function senderFrom(address: string): Promise<Socket> {
  const s = createSocket('udp4');
  cleanup(() => new Promise<void>((r) => s.close(() => r())));
  await new Promise<void>((r) => s.bind(0, address, () => r()));
  return s;
}

function send(s: Socket, port: number, xml: string): Promise<void> {
  return new Promise((r, j) => s.send(xml, port, '127.0.0.1', (e) => (e ? j(e) : r())));
}

const pause = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

describe('UdpEventListener allowedSources', () => {
  it('reads the server\'s datagrams, counts and reports a stranger\'s without decoding them', async () => {
    const l = await UdpEventListener.start({ allowedSources: ['127.0.0.1'] });
    cleanup(() => l.close());
    const events: TelEvent[] = [];
    const errors: string[] = [];
    const dropped: string[] = [];
    l.onEvent((e) => events.push(e));
    l.onError((e) => errors.push(`${e.code}: ${e.message}`));
    l.onDropped((d) => dropped.push(d.reason));
    const stranger = await senderFrom('127.0.0.2');
    for (let i = 0; i < 12; i += 1) await send(stranger, l.port, encodeEvent(DND));
    await send(stranger, l.port, '<not xml at all');
    const server = await senderFrom('127.0.0.1');
    await send(server, l.port, encodeEvent(DND));
    await pause(100);
    expect(events).toEqual([DND]);
    expect(l.foreignDatagrams).toBe(13);
    // Not decoded: a stranger's garbage is no "dropped event" (that counts as UDP life for the line).
    expect(dropped).toEqual([]);
    // Reported at the 1st and the 10th, not 13 times.
    expect(errors).toHaveLength(2);
    expect(errors[0]).toMatch(/^network: ignored 1 datagram\(s\) from addresses that are not the TelServer's \(latest 127\.0\.0\.2:/);
  });

  it('binds the address that routes to the server, not every interface', async () => {
    expect(await localAddressToward('127.0.0.1')).toBe('127.0.0.1');
    const l = await UdpEventListener.start({ routeTo: 'localhost' });
    cleanup(() => l.close());
    expect(l.address).toBe('127.0.0.1');
    expect(worthReporting(1) && worthReporting(100) && !worthReporting(99)).toBe(true);
  });
});

it('the line: 30 spoofed "closed by admin" and a fake call leave one session and no call; real events still arrive', async () => {
  const r = await rig();
  cleanup(() => r.close());
  const port = r.service.line.eventPort ?? 0;
  const stranger = await senderFrom('127.0.0.2');
  const fakeCall = encodeEvent({
    type: 'call',
    deviceNumber: '1101',
    call: {
      id: '99',
      primCall: { state: 'alerting', otherParty: { number: '0666' }, duration: '0', isOutgoing: false, isConference: false },
      permittedServices: ['answerCall'],
    },
  });
  await send(stranger, port, fakeCall);
  for (let i = 0; i < 30; i += 1) await send(stranger, port, ADMIN_CLOSE);
  await pause(300);
  expect(r.line().connection.state).toBe('monitored');
  expect(r.line().calls).toEqual([]);
  expect(r.statuses.filter((s) => s === 'monitored')).toHaveLength(1);
  expect(r.sim.control.state().sessions[0]?.clients).toHaveLength(1);
  r.sim.control.injectCall({ from: directoryCaller(r.sim).number, to: '1101' });
  await r.waitFor((l) => l.popups.length === 1, 'the real call');
});

it('cti listen ignores a stranger\'s event, says so on stderr, and prints the server\'s', async () => {
  const sim = await startSimulator({ port: 0 });
  cleanup(() => sim.close());
  const cli = new LiveCli(spawnCli(['--server', `127.0.0.1:${sim.port}`, '--device', '1101', 'listen', '--json']));
  cleanup(() => cli.kill());
  await cli.waitFor(() => cli.stderrLines.some((l) => /events on UDP port \d+/.test(l)), 'the session');
  const port = Number(/UDP port (\d+)/.exec(cli.stderrLines.join('\n'))?.[1]);
  const stranger = await senderFrom('127.0.0.2');
  await send(stranger, port, encodeEvent(DND));
  await cli.waitFor(() => cli.stderrLines.some((l) => l.includes('not the TelServer')), 'the report');
  sim.control.injectCall({ from: '0612345678', to: '1101' });
  await cli.waitFor(() => cli.stdoutLines.some((l) => l.includes('"alerting"')), 'the real call event');
  expect(cli.stdoutLines.some((l) => l.includes('doNotDisturb'))).toBe(false);
});
