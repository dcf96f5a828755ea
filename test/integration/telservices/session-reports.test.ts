/**
 * What a TelSession reports to an owner that shows it to a person (`cti listen`): each non-fatal
 * error with its source (onProblem, alongside the unchanged onError), and a closeSession that
 * failed (StatusChange.closeError on closing -> closed), over a real fake TelServer.
 */
import { describe, expect, it } from 'vitest';
import type { CtiError } from '../../../common/errors';
import { TelSession, type SessionProblem, type StatusChange, type TelSessionOptions } from '../../../main/telservices/session';
import { TcpTransport } from '../../../main/telservices/transport-tcp';
import { FakeTelServer, UdpSender, type FakeHandler } from '../../support/fake-telserver';
import { byRequest, DND_ON, error, SNAPSHOT } from './helpers';
import { cleanupAfterEach } from '../../support/cleanup';


const cleanup = cleanupAfterEach();

async function setup(handler: FakeHandler, opts: Partial<TelSessionOptions> = {}) {
  const server = await FakeTelServer.start({ handler });
  cleanup(() => server.close());
  const problems: SessionProblem[] = [];
  const errors: CtiError[] = [];
  const changes: StatusChange[] = [];
  const session = new TelSession({
    transport: new TcpTransport({ host: server.host, port: server.port, replyTimeoutMs: 2000 }),
    deviceNumber: '1101',
    ...opts,
  });
  cleanup(() => session.close());
  session.onProblem((p) => problems.push(p));
  session.onError((e) => errors.push(e));
  session.onStatus((c) => changes.push(c));
  return { s: session, srv: server, problems, errors, changes };
}

async function until(cond: () => boolean, ms = 3000): Promise<void> {
  const end = Date.now() + ms;
  while (!cond()) {
    if (Date.now() > end) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 5));
  }
}

describe('TelSession onProblem', () => {
  it('a failed poll: source poll, the same error onError gets, and polling goes on', async () => {
    let polls = 0;
    const { s, problems, errors } = await setup(byRequest({ snapshot: () => ({ kind: 'reply', xml: ++polls === 1 ? error('pbxlinkOutOfService') : SNAPSHOT }) }), {
      events: { mode: 'poll', backoff: { baseMs: 5, maxMs: 5 } },
    });
    await s.open();
    await until(() => polls >= 3);
    expect(problems).toHaveLength(1);
    expect(problems[0]?.source).toBe('poll');
    expect(problems[0]?.error.code).toBe('pbxlinkOutOfService');
    expect(errors).toEqual([problems[0]?.error]);
    expect(s.status).toBe('open');
  });

  it('a failed keep-alive: source keep-alive, and the session stays open', async () => {
    const { s, problems } = await setup(byRequest({ snapshot: () => ({ kind: 'reply', xml: error('pbxlinkOutOfService') }) }), {
      events: { mode: 'none' },
      sessionTimeoutS: 0.2,
    });
    await s.open();
    await until(() => problems.length >= 1);
    expect(problems[0]).toMatchObject({ source: 'keep-alive', error: { code: 'pbxlinkOutOfService' } });
    expect(s.status).toBe('open');
  });

  it('a throwing event subscriber: source subscriber; the other subscribers still get the event', async () => {
    const { s, problems, errors } = await setup(byRequest());
    const seen: string[] = [];
    s.onEvent(() => {
      throw new Error('boom');
    });
    s.onEvent((e) => seen.push(e.type));
    await s.open();
    const sender = new UdpSender();
    cleanup(() => sender.close());
    await sender.send(s.eventPort as number, DND_ON);
    await until(() => problems.length >= 1);
    expect(seen).toEqual(['doNotDisturb']);
    expect(problems[0]).toMatchObject({ source: 'subscriber', error: { code: 'internal' } });
    expect(problems[0]?.error.message).toContain('boom');
    expect(errors).toEqual([problems[0]?.error]);
  });

  it('a throwing status subscriber: source subscriber', async () => {
    const { s, problems } = await setup(byRequest(), { events: { mode: 'none' } });
    s.onStatus(() => {
      throw new Error('status boom');
    });
    await s.open();
    expect(problems.map((p) => p.source)).toEqual(['subscriber', 'subscriber']); // -> opening, -> open
    expect(problems[0]?.error.message).toContain('status boom');
  });
});

describe('TelSession StatusChange.closeError', () => {
  it('closeSession answered an error: closing -> closed carries it; the session is closed anyway', async () => {
    const { s, changes } = await setup(byRequest({ closeSession: () => ({ kind: 'reply', xml: error('noOpenSession') }) }), { events: { mode: 'none' } });
    await s.open();
    await s.close();
    expect(s.status).toBe('closed');
    const last = changes.at(-1);
    expect(last).toMatchObject({ from: 'closing', to: 'closed', closeError: { code: 'noOpenSession' } });
    expect(last?.error).toBeUndefined();
    expect(last?.reason).toMatch(/^closed locally; closeSession failed/);
  });

  it('a closeSession that succeeds: no closeError', async () => {
    const { s, changes } = await setup(byRequest(), { events: { mode: 'none' } });
    await s.open();
    await s.close();
    expect(changes.at(-1)).toMatchObject({ from: 'closing', to: 'closed', reason: 'closed by the client' });
    expect(changes.some((c) => c.closeError !== undefined)).toBe(false);
  });

  it('a session lost to the server carries error, not closeError', async () => {
    const { s, changes } = await setup(byRequest(), { events: { mode: 'udp', host: '127.0.0.1' } });
    await s.open();
    const sender = new UdpSender();
    cleanup(() => sender.close());
    await sender.send(s.eventPort as number, '<TelServiceEvent><event><session><sessionClosedByTimeout/></session></event></TelServiceEvent>');
    await until(() => s.status === 'closed');
    expect(changes.at(-1)).toMatchObject({ from: 'open', to: 'closed', error: { code: 'noOpenSession' } });
    expect(changes.at(-1)?.closeError).toBeUndefined();
  });
});
