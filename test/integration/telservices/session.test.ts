import { describe, expect, it } from 'vitest';
import { CtiError } from '../../../common/errors';
import type { TelEvent } from '../../../common/telservices/events';
import { UdpEventListener } from '../../../main/telservices/events';
import type { DroppedEvent } from '../../../main/telservices/events';
import { TelSession, type StatusChange, type TelSessionOptions } from '../../../main/telservices/session';
import { TcpTransport } from '../../../main/telservices/transport-tcp';
import { FakeTelServer, STANDARD_RESULT, UdpSender, type FakeHandler } from '../../support/fake-telserver';
import { byRequest, DND_ON, error, SNAPSHOT } from './helpers';
import { cleanupAfterEach } from '../../support/cleanup';

const callEvent = (device: string): string =>
  `<TelServiceEvent><deviceNumber>${device}</deviceNumber><event><call><id>7</id><primCall><state><alerting/></state><otherParty><number>0612</number></otherParty><duration>0</duration><isOutgoing><false/></isOutgoing><isConference><false/></isConference></primCall></call></event></TelServiceEvent>`;

const cleanup = cleanupAfterEach();

async function setup(handler: FakeHandler, opts: Partial<TelSessionOptions> = {}) {
  const server = await FakeTelServer.start({ http: true, handler });
  cleanup(() => server.close());
  const log: string[] = [];
  const changes: StatusChange[] = [];
  const events: TelEvent[] = [];
  const dropped: DroppedEvent[] = [];
  const session = new TelSession({
    transport: new TcpTransport({ host: server.host, port: server.port, replyTimeoutMs: 2000 }),
    deviceNumber: '1101',
    log: (l) => log.push(l),
    ...opts,
  });
  cleanup(() => session.close());
  session.onStatus((c) => changes.push(c));
  session.onEvent((e) => events.push(e));
  session.onDropped((d) => dropped.push(d));
  return { s: session, srv: server, log, changes, events, dropped };
}

async function until(cond: () => boolean, ms = 3000): Promise<void> {
  const end = Date.now() + ms;
  while (!cond()) {
    if (Date.now() > end) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 5));
  }
}

const path = (changes: StatusChange[]): string => changes.map((c) => c.to).join(' ');

describe('TelSession (UDP events)', () => {
  it('opens with its UDP port and options, routes events, drops another device, closes', async () => {
    const { s, srv, log, changes, events, dropped } = await setup(byRequest(), {
      eventUpdate: 'restricted',
      userID: '0042',
      userPassword: 'pw',
    });
    expect(s.status).toBe('idle');
    await s.open();
    expect(s.status).toBe('open');
    const port = s.eventPort as number;
    expect(srv.requests[0]).toBe(
      `<TelServiceRequest><openSession><deviceNumber>1101</deviceNumber><eventUDPPort>${port}</eventUDPPort><eventUpdate><restricted/></eventUpdate><userID>0042</userID><userPassword>pw</userPassword></openSession></TelServiceRequest>`,
    );

    const sender = new UdpSender();
    cleanup(() => sender.close());
    const calls: string[] = [];
    s.on('call', (e) => calls.push(e.call.id));
    await sender.send(port, callEvent('1102'));
    await sender.send(port, callEvent('1101'));
    await sender.send(port, DND_ON);
    await until(() => events.length === 2);
    expect(events.map((e) => e.type)).toEqual(['call', 'doNotDisturb']);
    expect(calls).toEqual(['7']);
    expect(dropped).toHaveLength(1);
    expect(dropped[0]?.reason).toContain('1102');

    await s.close({ clientOnly: true, actualCloseSessionTimeoutS: 3 });
    expect(s.status).toBe('closed');
    expect(srv.requests.at(-1)).toBe(
      '<TelServiceRequest><closeSession><deviceNumber>1101</deviceNumber><actualCloseSessionTimeout>3</actualCloseSessionTimeout><clientOnly><true/></clientOnly></closeSession></TelServiceRequest>',
    );
    expect(path(changes)).toBe('opening open closing closed');
    expect(log).toContain('session 1101: idle -> opening');
    expect(log.some((l) => l.startsWith('session 1101: closing -> closed'))).toBe(true);
    expect(s.eventPort).toBeUndefined();
  });

  it('open rejected by the server -> failed with the protocol error; the UDP port is released; reopen works', async () => {
    let refuse = true;
    const { s, changes } = await setup(byRequest({ openSession: () => ({ kind: 'reply', xml: refuse ? error('invalidCredentials') : STANDARD_RESULT }) }));
    await expect(s.open()).rejects.toMatchObject({ code: 'invalidCredentials' });
    expect(s.status).toBe('failed');
    expect(changes.at(-1)?.reason).toContain('invalidCredentials');
    expect(s.eventPort).toBeUndefined();
    refuse = false;
    await s.open();
    expect(path(changes)).toBe('opening failed opening open');
  });

  it('unreachable server -> failed with connectionRefused', async () => {
    const { s, srv } = await setup(byRequest());
    await srv.close();
    await expect(s.open()).rejects.toMatchObject({ code: 'connectionRefused' });
    expect(s.status).toBe('failed');
    await s.close();
    expect(s.status).toBe('closed');
  });

  it('pending requests are rejected with cancelled on close; later ones too', async () => {
    const { s, srv } = await setup(byRequest({ makeCall: () => ({ kind: 'hang' }) }));
    await s.open();
    // Catch now: the rejection happens during close(), before the assertion below runs.
    const pending = s.client.makeCall({ deviceNumber: '1101', calledDeviceNumber: '0612' }).catch((e: unknown) => e);
    await until(() => srv.requests.length === 2);
    await s.close();
    expect(await pending).toMatchObject({ code: 'cancelled' });
    await expect(s.client.dropCall({ deviceNumber: '1101' })).rejects.toMatchObject({ code: 'cancelled' });
  });

  it('close() while opening: open rejects with cancelled, closeSession is still sent, nothing is left open', async () => {
    const { s, srv, changes } = await setup(byRequest({ openSession: () => ({ kind: 'hang' }) }));
    const opening = s.open().catch((e: unknown) => e);
    await until(() => srv.requests.length === 1);
    await s.close();
    expect(await opening).toMatchObject({ code: 'cancelled' });
    expect(s.status).toBe('closed');
    expect(path(changes)).toBe('opening closing closed');
    expect(srv.requests[1]).toContain('<closeSession>');
    expect(s.eventPort).toBeUndefined();
    await until(() => srv.openConnections === 0);
  });

  it('close() right after open() (still binding UDP) leaves no listener behind', async () => {
    const { s, changes } = await setup(byRequest());
    const opening = s.open().catch((e: unknown) => e);
    await s.close();
    expect(await opening).toMatchObject({ code: 'cancelled' });
    expect(s.status).toBe('closed');
    expect(s.eventPort).toBeUndefined();
    expect(path(changes)).toBe('opening closing closed');
  });

  it('a sessionClosedBy… event from the server -> closed with that reason', async () => {
    const { s, changes } = await setup(byRequest());
    await s.open();
    const sender = new UdpSender();
    cleanup(() => sender.close());
    await sender.send(s.eventPort as number, '<TelServiceEvent><event><session><sessionClosedByAdmin/></session></event></TelServiceEvent>');
    await until(() => s.status === 'closed');
    expect(changes.at(-1)?.reason).toBe('server: sessionClosedByAdmin');
  });
});

describe('TelSession keep-alive', () => {
  it('sends a snapshot before sessionTimeout when idle; any request pushes it back', async () => {
    const { s, srv } = await setup(byRequest(), { sessionTimeoutS: 0.3, keepAliveFraction: 0.5 });
    await s.open();
    expect(srv.requests[0]).toContain('<sessionTimeout>0.3</sessionTimeout>');
    const t0 = performance.now();
    await until(() => srv.requests.some((r) => r.includes('<snapshot>')));
    const first = performance.now() - t0;
    expect(first).toBeGreaterThanOrEqual(100);
    expect(first).toBeLessThan(1000);
    // Busy line: requests every 50 ms keep the keep-alive away.
    const count = (): number => srv.requests.filter((r) => r.includes('<snapshot>')).length;
    const before = count();
    for (let i = 0; i < 6; i++) {
      await s.client.holdCall({ deviceNumber: '1101' });
      await new Promise((r) => setTimeout(r, 40));
    }
    expect(count()).toBe(before);
  });

  it('keep-alive answered noOpenSession -> the session is closed (lost)', async () => {
    const { s, changes } = await setup(byRequest({ snapshot: () => ({ kind: 'reply', xml: error('noOpenSession') }) }), {
      sessionTimeoutS: 0.2,
    });
    await s.open();
    await until(() => s.status === 'closed');
    expect(changes.at(-1)?.reason).toMatch(/keep-alive/);
  });
});

describe('TelSession (poll mode)', () => {
  it('opens without a UDP port and turns long-poll snapshots into events', async () => {
    let polls = 0;
    const { s, srv, events } = await setup(
      byRequest({
        snapshot: () => {
          polls++;
          return polls === 1
            ? { kind: 'reply', xml: '<TelServiceReturn><result><snapshot><snapshotSeq>5</snapshotSeq><doNotDisturb><on/></doNotDisturb></snapshot></result></TelServiceReturn>' }
            : { kind: 'hang' };
        },
      }),
      { events: { mode: 'poll', pollTimeoutS: 30 } },
    );
    await s.open();
    expect(srv.requests[0]).not.toContain('eventUDPPort');
    await until(() => events.length === 1);
    expect(events[0]).toEqual({ type: 'doNotDisturb', state: 'on', deviceNumber: '1101' });
    await until(() => polls === 2);
    expect(srv.requests.at(-1)).toContain('<snapshotSeq>5</snapshotSeq>');
    const t0 = performance.now();
    await s.close();
    expect(performance.now() - t0).toBeLessThan(1000);
    expect(s.status).toBe('closed');
  });
});

describe('TelSession as the line core drives it', () => {
  it('abandon(): open -> failed with the error, no closeSession sent, and open() starts afresh', async () => {
    const { s, srv, changes } = await setup(byRequest());
    await s.open();
    const firstPort = s.eventPort;
    await s.abandon(new CtiError('noOpenSession', 'a command found no session'));
    expect(s.status).toBe('failed');
    expect(changes.at(-1)).toMatchObject({ from: 'open', to: 'failed', error: { code: 'noOpenSession' } });
    expect(s.eventPort).toBeUndefined();
    expect(srv.requests.some((r) => r.includes('<closeSession>'))).toBe(false);
    await s.abandon(new CtiError('noOpenSession', 'again')); // not open: nothing to do
    await s.open();
    expect(s.status).toBe('open');
    expect(s.eventPort).toBeTypeOf('number');
    expect(srv.requests.filter((r) => r.includes('<openSession>'))).toHaveLength(2);
    expect(firstPort).toBeTypeOf('number');
  });

  it('a server close carries a noOpenSession error in its status change', async () => {
    const { s, changes } = await setup(byRequest());
    await s.open();
    const sender = new UdpSender();
    cleanup(() => sender.close());
    await sender.send(s.eventPort as number, '<TelServiceEvent><event><session><sessionClosedByTimeout/></session></event></TelServiceEvent>');
    await until(() => s.status === 'closed');
    expect(changes.at(-1)?.error?.code).toBe('noOpenSession');
  });

  it('usePolling(): an open UDP session starts polling now, and later opens ask for no UDP port', async () => {
    let polls = 0;
    const snapshots: unknown[] = [];
    const { s, srv, events } = await setup(
      byRequest({
        snapshot: () => {
          polls++;
          return polls === 1 ? { kind: 'reply', xml: SNAPSHOT.replace('<calls/>', '<snapshotSeq>3</snapshotSeq><calls/>') } : { kind: 'hang' };
        },
      }),
      { events: { mode: 'udp', poll: { pollTimeoutS: 30 } } },
    );
    s.onSnapshot((snap) => snapshots.push(snap));
    await s.open();
    expect(srv.requests[0]).toContain('<eventUDPPort>');
    s.usePolling();
    expect(s.eventsMode).toBe('poll');
    await until(() => events.length === 1 && polls === 2);
    expect(events[0]).toEqual({ type: 'doNotDisturb', state: 'off', deviceNumber: '1101' });
    expect(snapshots).toEqual([{ snapshotSeq: '3', calls: [], doNotDisturb: 'off' }]);
    expect(srv.requests.at(-1)).toContain('<resultOnEvent><timeout>30</timeout><snapshotSeq>3</snapshotSeq></resultOnEvent>');
    await s.close();
    await s.open();
    expect(srv.requests.filter((r) => r.includes('<openSession>')).at(-1)).not.toContain('eventUDPPort');
  });

  it('fallbackToPoll: no UDP socket can be bound -> the session opens polling instead', async () => {
    const taken = await UdpEventListener.start();
    try {
      const { s, srv, log } = await setup(byRequest({ snapshot: () => ({ kind: 'hang' }) }), {
        events: { mode: 'udp', port: taken.port, fallbackToPoll: true },
      });
      await s.open();
      expect(s.eventsMode).toBe('poll');
      expect(s.eventPort).toBeUndefined();
      expect(srv.requests[0]).not.toContain('eventUDPPort');
      expect(log.some((l) => l.includes('polling instead'))).toBe(true);
      await until(() => srv.requests.some((r) => r.includes('<resultOnEvent>')));
    } finally {
      await taken.close();
    }
  });

  it('without fallbackToPoll a taken UDP port fails the open with a network error', async () => {
    const taken = await UdpEventListener.start();
    try {
      const { s, changes } = await setup(byRequest(), { events: { mode: 'udp', port: taken.port } });
      await expect(s.open()).rejects.toMatchObject({ code: 'network' });
      expect(changes.at(-1)).toMatchObject({ to: 'failed', error: { code: 'network' } });
    } finally {
      await taken.close();
    }
  });

  it('poll giveUpAfter: a failed poll fails the session with that error (its owner reopens it)', async () => {
    const { s, changes } = await setup(byRequest({ snapshot: () => ({ kind: 'reply', xml: error('resourceError') }) }), {
      events: { mode: 'poll', giveUpAfter: 1, backoff: { baseMs: 5, maxMs: 5 } },
    });
    await s.open();
    await until(() => s.status === 'failed');
    expect(changes.at(-1)).toMatchObject({ from: 'open', to: 'failed', error: { code: 'resourceError' } });
  });

  it('polls answered pbxlinkOutOfService do not give the session up: the spec keeps it through an outage', async () => {
    let polls = 0;
    const { s } = await setup(
      byRequest({
        snapshot: () => {
          polls += 1;
          return { kind: 'reply', xml: error('pbxlinkOutOfService') };
        },
      }),
      { events: { mode: 'poll', giveUpAfter: 1, backoff: { baseMs: 5, maxMs: 5 } } },
    );
    await s.open();
    await until(() => polls >= 5);
    expect(s.status).toBe('open');
  });

  it('a poll answered noOpenSession closes the session even with no giveUpAfter', async () => {
    const { s, changes } = await setup(byRequest({ snapshot: () => ({ kind: 'reply', xml: error('noOpenSession') }) }), {
      events: { mode: 'poll', backoff: { baseMs: 5, maxMs: 5 } },
    });
    await s.open();
    await until(() => s.status === 'closed');
    expect(changes.at(-1)?.error?.code).toBe('noOpenSession');
  });

  it('close({ timeoutMs }) bounds the goodbye to a hung server', async () => {
    const { s } = await setup(byRequest({ closeSession: () => ({ kind: 'hang' }) }));
    await s.open();
    const t0 = performance.now();
    await s.close({ timeoutMs: 150 });
    expect(performance.now() - t0).toBeLessThan(1000);
    expect(s.status).toBe('closed');
  });
});
