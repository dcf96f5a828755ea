/**
 * `cti listen` in process (run() with its own I/O and a stop signal we send), on the TelSession:
 * what it prints for what the session reports, and how each ending maps to an exit code. The
 * process-level contract (real signals, stdout piping) is in listen.test.ts.
 */
import { createSocket } from 'node:dgram';
import { afterEach, describe, expect, it } from 'vitest';
import { run, type CliIo } from '../../../main/cli/run';
import { FakeTelServer, STANDARD_RESULT, UdpSender, type FakeAction } from '../../support/fake-telserver';

const SNAPSHOT = '<TelServiceReturn><result><snapshot><calls/><doNotDisturb><off/></doNotDisturb></snapshot></result></TelServiceReturn>';
const error = (name: string): string => `<TelServiceReturn><error><${name}/></error></TelServiceReturn>`;
const dndEvent = (device?: string): string =>
  `<TelServiceEvent>${device === undefined ? '' : `<deviceNumber>${device}</deviceNumber>`}<event><doNotDisturb><on/></doNotDisturb></event></TelServiceEvent>`;
const CLOSE_1102 = '<TelServiceRequest><closeSession><deviceNumber>1102</deviceNumber></closeSession></TelServiceRequest>';

interface Live {
  stdout: string[];
  stderr: string[];
  /** Delivers SIGTERM (or the signal named) to `listen`. */
  stop(signal?: string): void;
  exit: Promise<number>;
}

let server: FakeTelServer | undefined;
let sender: UdpSender | undefined;
afterEach(async () => {
  await sender?.close();
  await server?.close();
  sender = undefined;
  server = undefined;
});

/** Requests by element name: overridden, else snapshot -> a snapshot and the rest -> standard. */
async function start(overrides: Record<string, () => FakeAction> = {}): Promise<FakeTelServer> {
  server = await FakeTelServer.start({
    http: true,
    handler: (xml) => {
      const type = /^<TelServiceRequest>\s*<(\w+)/.exec(xml)?.[1] ?? '';
      const o = overrides[type];
      return o ? o() : { kind: 'reply', xml: type === 'snapshot' ? SNAPSHOT : STANDARD_RESULT };
    },
  });
  return server;
}

function listen(srv: FakeTelServer, args: readonly string[]): Live {
  const stdout: string[] = [];
  const stderr: string[] = [];
  let stop: (signal: string) => void = () => undefined;
  const stopped = new Promise<string>((resolve) => (stop = resolve));
  const io: CliIo = {
    out: (t) => stdout.push(t),
    err: (t) => stderr.push(t),
    env: {},
    readInput: () => Promise.reject(new Error('no input in this test')),
    version: () => '0.0.0',
    waitForStop: () => stopped,
  };
  const exit = run(['--server', `127.0.0.1:${srv.port}`, '--device', '1102', 'listen', ...args], io);
  return { stdout, stderr, stop: (signal = 'SIGTERM') => stop(signal), exit };
}

async function until(cond: () => boolean, what: string, ms = 5000): Promise<void> {
  const end = Date.now() + ms;
  while (!cond()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 5));
  }
}

const opened = (live: Live) => until(() => live.stderr.some((l) => l.includes('session open')), 'the session to open');
const portOf = (open: string | undefined): number => Number(/<eventUDPPort>(\d+)</.exec(open ?? '')?.[1]);

describe('cti listen on the TelSession (UDP)', () => {
  it('says which UDP port it opened with; drops (and reports) another device’s event; prints the next one', async () => {
    const srv = await start();
    const live = listen(srv, ['--udp-host', '127.0.0.1']);
    await opened(live);
    const port = portOf(srv.requests[0]);
    expect(live.stderr).toContain(`cti: session open for 1102, events on UDP port ${port} (Ctrl-C to close it)`);
    sender = new UdpSender();
    await sender.send(port, dndEvent('1199'));
    await until(() => live.stderr.some((l) => l.includes('dropped')), 'the dropped report');
    await sender.send(port, dndEvent('1102'));
    await until(() => live.stdout.length >= 1, 'the event for this device');
    expect(live.stdout).toHaveLength(1);
    expect(live.stdout[0]).toMatch(/^\d\d:\d\d:\d\d dnd on$/);
    expect(live.stderr).toContain('cti: dropped event (event for device 1199 reached the session of 1102): doNotDisturb');
    live.stop();
    expect(await live.exit).toBe(0);
    expect(srv.requests.at(-1)).toBe(CLOSE_1102);
  });

  it('SIGTERM and closeSession answered an error: exit 0 with a one-line warning', async () => {
    const srv = await start({ closeSession: () => ({ kind: 'reply', xml: error('noOpenSession') }) });
    const live = listen(srv, ['--udp-host', '127.0.0.1']);
    await opened(live);
    live.stop('SIGINT');
    expect(await live.exit).toBe(0);
    expect(srv.requests.at(-1)).toBe(CLOSE_1102);
    const warnings = live.stderr.filter((l) => l.includes('warning'));
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/^cti: warning: closeSession failed: server error: noOpenSession\b/);
    expect(live.stderr.at(-1)).toBe('cti: SIGINT: session closed');
  });

  it('SIGTERM and a hung closeSession: exit 0 with a timeout warning, within --timeout', async () => {
    const srv = await start({ closeSession: () => ({ kind: 'hang' }) });
    const live = listen(srv, ['--udp-host', '127.0.0.1', '--timeout', '300']);
    await opened(live);
    const t0 = Date.now();
    live.stop();
    expect(await live.exit).toBe(0);
    expect(Date.now() - t0).toBeLessThan(2000);
    expect(live.stderr.some((l) => l.startsWith('cti: warning: closeSession failed: timeout'))).toBe(true);
  });

  it('a closeSession that succeeds: no warning', async () => {
    const srv = await start();
    const live = listen(srv, ['--udp-host', '127.0.0.1']);
    await opened(live);
    live.stop();
    expect(await live.exit).toBe(0);
    expect(live.stderr.some((l) => l.includes('warning'))).toBe(false);
  });

  it('a keep-alive answered noOpenSession: the session is gone, exit 3 without closeSession', async () => {
    const srv = await start({ snapshot: () => ({ kind: 'reply', xml: error('noOpenSession') }) });
    const live = listen(srv, ['--udp-host', '127.0.0.1', '--session-timeout', '1']);
    expect(await live.exit).toBe(3);
    expect(srv.requests.some((r) => r.includes('<snapshot>'))).toBe(true);
    expect(srv.requests.some((r) => r.includes('<closeSession>'))).toBe(false);
    expect(live.stderr.at(-1)).toMatch(/^cti: the server closed the session \(keep-alive: /);
  });

  it('a failed keep-alive that leaves the session: reported with its source, listening goes on', async () => {
    const srv = await start({ snapshot: () => ({ kind: 'reply', xml: error('pbxlinkOutOfService') }) });
    const live = listen(srv, ['--udp-host', '127.0.0.1', '--session-timeout', '1']);
    await until(() => live.stderr.some((l) => l.includes('(keep-alive)')), 'the keep-alive report');
    expect(live.stderr.find((l) => l.endsWith('(keep-alive)'))).toMatch(/^cti: server error: pbxlinkOutOfService\b/);
    live.stop();
    expect(await live.exit).toBe(0);
  });

  it('an openSession error -> exit 3, and the UDP port is released', async () => {
    const probe = createSocket('udp4');
    const free = await new Promise<number>((resolve) => probe.bind(0, '127.0.0.1', () => resolve(probe.address().port)));
    await new Promise<void>((resolve) => probe.close(() => resolve()));
    const srv = await start({ openSession: () => ({ kind: 'reply', xml: error('sessionLimitExceeded') }) });
    const live = listen(srv, ['--udp-host', '127.0.0.1', '--udp-port', String(free)]);
    expect(await live.exit).toBe(3);
    expect(live.stderr.join('\n')).toContain('sessionLimitExceeded');
    const again = createSocket('udp4');
    await new Promise<void>((resolve, reject) => {
      again.once('error', reject);
      again.bind(free, '127.0.0.1', () => resolve());
    });
    await new Promise<void>((resolve) => again.close(() => resolve()));
  });
});

describe('cti listen on the TelSession (--poll)', () => {
  it('a failed poll is reported on stderr and polling goes on', async () => {
    let polls = 0;
    const srv = await start({
      snapshot: () => (++polls === 2 ? { kind: 'reply', xml: error('pbxlinkOutOfService') } : polls > 3 ? { kind: 'hang' } : { kind: 'reply', xml: SNAPSHOT }),
    });
    const live = listen(srv, ['--poll', '--poll-timeout', '5']);
    await opened(live);
    expect(live.stderr).toContain('cti: session open for 1102, polling snapshots (Ctrl-C to close it)');
    await until(() => polls >= 4, 'the polls after the failure');
    expect(live.stderr.find((l) => l.endsWith('(poll; retrying)'))).toMatch(/^cti: server error: pbxlinkOutOfService\b/);
    live.stop();
    expect(await live.exit).toBe(0);
    expect(srv.requests.at(-1)).toBe(CLOSE_1102);
  });

  it('a server answering long-polls at once (a fresh seq each time): says so, then a snapshot every 2 s, no busy loop', async () => {
    let polls = 0;
    const srv = await start({
      snapshot: () => ({ kind: 'reply', xml: SNAPSHOT.replace('<calls/>', `<snapshotSeq>${++polls}</snapshotSeq><calls/>`) }),
    });
    const live = listen(srv, ['--poll', '--poll-timeout', '20']);
    await opened(live);
    await until(() => live.stderr.some((l) => l.includes('answers long-polls at once')), 'the notice');
    const before = polls;
    await new Promise((r) => setTimeout(r, 1000));
    expect(polls - before).toBeLessThanOrEqual(1);
    live.stop();
    expect(await live.exit).toBe(0);
  });

  it('a poll answered noOpenSession: the session is gone, exit 3 without closeSession', async () => {
    const srv = await start({ snapshot: () => ({ kind: 'reply', xml: error('noOpenSession') }) });
    const live = listen(srv, ['--poll']);
    expect(await live.exit).toBe(3);
    expect(srv.requests.some((r) => r.includes('<closeSession>'))).toBe(false);
    expect(live.stderr.at(-1)).toMatch(/^cti: the server closed the session \(poll: /);
  });
});
