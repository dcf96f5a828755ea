/**
 * `cti listen` as a real process: a session opened on the fake TelServer, events from UDP
 * datagrams or snapshot long-polls printed as they come, SIGTERM -> closeSession and exit 0.
 */
import { createSocket } from 'node:dgram';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FakeTelServer, STANDARD_RESULT, UdpSender } from '../../support/fake-telserver';
import { LiveCli, spawnCli } from './cli-process';

/** The spec's call event example 2 (device 1102, call from 1101 alerting), compacted. */
const ALERTING_EVENT =
  '<TelServiceEvent><deviceNumber>1102</deviceNumber><event><call><id>1</id><primCall><state><alerting/></state>' +
  '<otherParty><number>1101</number></otherParty><duration>0</duration><isOutgoing><false/></isOutgoing>' +
  '<isConference><false/></isConference></primCall><permittedServices><answerCall/><divertCall/></permittedServices>' +
  '</call></event></TelServiceEvent>';
/** The spec's do-not-disturb event example. */
const DND_EVENT = '<TelServiceEvent><event><doNotDisturb><on/></doNotDisturb></event></TelServiceEvent>';

let server: FakeTelServer;
let cli: LiveCli | undefined;
const sender = new UdpSender();

beforeEach(async () => {
  server = await FakeTelServer.start({ http: true });
});
afterEach(async () => {
  cli?.kill();
  cli = undefined;
  await server.close();
});

function udpPortOf(openSession: string | undefined): number {
  const m = /<eventUDPPort>(\d+)<\/eventUDPPort>/.exec(openSession ?? '');
  if (!m) throw new Error(`no eventUDPPort in ${openSession}`);
  return Number(m[1]);
}

describe('cti listen (UDP)', () => {
  it('prints events, survives a malformed datagram, and closes the session on SIGTERM', async () => {
    const live = new LiveCli(
      spawnCli(['--server', `127.0.0.1:${server.port}`, '--device', '1102', 'listen', '--udp-host', '127.0.0.1', '--user', 'u1']),
    );
    cli = live;
    await live.waitFor(() => live.stderrLines.some((l) => l.includes('session open')), 'the session to open');
    const open = server.requests[0];
    expect(open).toMatch(
      /^<TelServiceRequest><openSession><deviceNumber>1102<\/deviceNumber><eventUDPPort>\d+<\/eventUDPPort><eventUpdate><full\/><\/eventUpdate><userID>u1<\/userID><\/openSession><\/TelServiceRequest>$/,
    );
    const port = udpPortOf(open);

    await sender.send(port, ALERTING_EVENT);
    await live.waitFor(() => live.stdoutLines.length >= 1, 'the first event');
    await sender.send(port, '<TelServiceEvent><event><call><id>'); // truncated: malformed
    await live.waitFor(() => live.stderrLines.some((l) => l.includes('dropped')), 'the malformed datagram report');
    await sender.send(port, DND_EVENT);
    await live.waitFor(() => live.stdoutLines.length >= 2, 'the event after the malformed one');

    expect(live.stdoutLines[0]).toMatch(/^\d\d:\d\d:\d\d call 1 alerting from 1101$/);
    expect(live.stdoutLines[1]).toMatch(/^\d\d:\d\d:\d\d dnd on$/);

    live.child.kill('SIGTERM');
    expect(await live.exit()).toBe(0);
    expect(server.requests[1]).toBe('<TelServiceRequest><closeSession><deviceNumber>1102</deviceNumber></closeSession></TelServiceRequest>');
  });

  it('--json prints one JSON object per line; --restricted and --udp-port are sent', async () => {
    // Let the OS find a free UDP port, then ask cti for it explicitly.
    const probe = createSocket('udp4');
    const free = await new Promise<number>((resolve) => probe.bind(0, '127.0.0.1', () => resolve(probe.address().port)));
    await new Promise<void>((resolve) => probe.close(() => resolve()));
    const live = new LiveCli(
      spawnCli([
        'listen', '--json', '--restricted', '--udp-port', String(free), '--udp-host', '127.0.0.1',
        '--server', `127.0.0.1:${server.port}`, '--device', '1102',
      ]),
    );
    cli = live;
    await live.waitFor(() => live.stderrLines.some((l) => l.includes('session open')), 'the session to open');
    expect(server.requests[0]).toContain(`<eventUDPPort>${free}</eventUDPPort><eventUpdate><restricted/></eventUpdate>`);
    await sender.send(free, ALERTING_EVENT);
    await live.waitFor(() => live.stdoutLines.length >= 1, 'the event');
    expect(JSON.parse(live.stdoutLines[0] as string)).toMatchObject({
      type: 'call',
      deviceNumber: '1102',
      call: { id: '1', primCall: { state: 'alerting', otherParty: { number: '1101' } } },
    });
    live.child.kill('SIGINT');
    expect(await live.exit()).toBe(0);
    expect(server.requests.at(-1)).toContain('<closeSession>');
  });

  it('an openSession error -> exit 3 with its name', async () => {
    server.setHandler(() => ({ kind: 'reply', xml: '<TelServiceReturn><error><sessionLimitExceeded/></error></TelServiceReturn>' }));
    const live = new LiveCli(spawnCli(['--server', `127.0.0.1:${server.port}`, '--device', '1102', 'listen']));
    cli = live;
    expect(await live.exit()).toBe(3);
    expect(live.stderrLines.join('\n')).toContain('sessionLimitExceeded');
  });

  it('a session closed by the server ends listen with exit 3', async () => {
    const live = new LiveCli(spawnCli(['--server', `127.0.0.1:${server.port}`, '--device', '1102', 'listen', '--udp-host', '127.0.0.1']));
    cli = live;
    await live.waitFor(() => live.stderrLines.some((l) => l.includes('session open')), 'the session to open');
    await sender.send(udpPortOf(server.requests[0]), '<TelServiceEvent><event><session><sessionClosedByAdmin/></session></event></TelServiceEvent>');
    expect(await live.exit()).toBe(3);
    expect(live.stdoutLines.at(-1)).toMatch(/session sessionClosedByAdmin$/);
    expect(server.requests.some((r) => r.includes('<closeSession>'))).toBe(false);
  });
});

describe('cti listen --poll', () => {
  it.each([['tcp'], ['http']])('turns snapshot long-polls into events, then closes the session on SIGTERM (%s)', async (mode) => {
    const snapshot = (seq: string, calls: string): string =>
      `<TelServiceReturn><result><snapshot><snapshotSeq>${seq}</snapshotSeq><calls>${calls}</calls><forwards/>` +
      '<msgWaiting><off/></msgWaiting><doNotDisturb><off/></doNotDisturb></snapshot></result></TelServiceReturn>';
    const call =
      '<call><id>1</id><primCall><state><alerting/></state><otherParty><number>0160121314</number></otherParty>' +
      '<duration>0</duration><isOutgoing><false/></isOutgoing><isConference><false/></isConference></primCall></call>';
    let polls = 0;
    const transports = new Set<string>();
    server.setHandler((xml, ctx) => {
      transports.add(ctx.transport);
      if (!xml.includes('<snapshot>')) return { kind: 'reply', xml: STANDARD_RESULT };
      polls++;
      if (polls === 1) return { kind: 'reply', xml: snapshot('1', '') };
      if (polls === 2) return { kind: 'reply', xml: snapshot('2', call), delayMs: 50 };
      return { kind: 'hang' }; // a long-poll held open: SIGTERM must still end it
    });
    const live = new LiveCli(
      spawnCli([
        '--server', `127.0.0.1:${server.port}`, '--device', '1102', 'listen', '--poll', '--poll-timeout', '20',
        ...(mode === 'http' ? ['--http'] : []),
      ]),
    );
    cli = live;
    await live.waitFor(() => live.stdoutLines.some((l) => l.includes('call 1')), 'the polled call event');
    expect(server.requests[0]).toBe(
      '<TelServiceRequest><openSession><deviceNumber>1102</deviceNumber><eventUpdate><full/></eventUpdate></openSession></TelServiceRequest>',
    );
    expect(server.requests[1]).toContain('<resultOnEvent><timeout>20</timeout></resultOnEvent>');
    expect(server.requests[2]).toContain('<resultOnEvent><timeout>20</timeout><snapshotSeq>1</snapshotSeq></resultOnEvent>');
    expect(live.stdoutLines.find((l) => l.includes('call 1'))).toMatch(/^\d\d:\d\d:\d\d call 1 alerting from 0160121314$/);
    await live.waitFor(() => polls >= 3, 'the third (held) poll');

    live.child.kill('SIGTERM');
    expect(await live.exit()).toBe(0);
    expect(server.requests.at(-1)).toBe(
      '<TelServiceRequest><closeSession><deviceNumber>1102</deviceNumber></closeSession></TelServiceRequest>',
    );
    expect([...transports]).toEqual([mode]);
  });
});

describe('cti listen --session-timeout', () => {
  it('asks for the timeout and keeps the session alive with snapshots at half of it', async () => {
    const arrivals: number[] = [];
    server.setHandler(() => {
      arrivals.push(Date.now());
      return { kind: 'reply', xml: STANDARD_RESULT };
    });
    const live = new LiveCli(
      spawnCli(['--server', `127.0.0.1:${server.port}`, '--device', '1102', 'listen', '--session-timeout', '1', '--udp-host', '127.0.0.1']),
    );
    cli = live;
    await live.waitFor(() => server.requests.length >= 3, 'two keep-alives', 5000);
    expect(server.requests[0]).toContain('<sessionTimeout>1</sessionTimeout>');
    expect(server.requests[1]).toBe('<TelServiceRequest><snapshot><deviceNumber>1102</deviceNumber></snapshot></TelServiceRequest>');
    // Every 500 ms (half of 1 s): well before the server's timeout, whatever the machine's load.
    const gap = (arrivals[2] as number) - (arrivals[1] as number);
    expect(gap).toBeGreaterThanOrEqual(400);
    expect(gap).toBeLessThan(950);
    live.child.kill('SIGTERM');
    expect(await live.exit()).toBe(0);
  });
});

afterAll(async () => {
  await sender.close();
});
