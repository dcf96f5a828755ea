/**
 * The Line's policy over the session seam (./fake-link.ts stands in for main/telservices): open ->
 * resync -> monitored, reconnect with backoff when the session is lost, polled snapshots as
 * resyncs, 'auto' giving up UDP, and a brief closeSession on stop.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { CtiError } from '../../../common/errors';
import type { ConnectionState, LineState } from '../../../common/domain';
import { DEFAULT_SETTINGS, type Settings } from '../../../common/schemas';
import { Line, type LineTiming } from '../../../main/core/line';
import { call, callEvent, leg } from './fixtures';
import { fakeLink, type FakeSession } from './fake-link';

const TIMING: Partial<LineTiming> = { backoffBaseMs: 10, backoffMaxMs: 40, reconcileMs: 30, probeMs: 20, popupNameWaitMs: 0 };

const lines: Line[] = [];
afterEach(async () => {
  for (const l of lines.splice(0)) await l.stop();
});

function start(
  settings: Partial<Settings> = {},
  setup?: (s: FakeSession) => void,
  timing: Partial<LineTiming> = {},
): { line: Line; session: FakeSession; states: ConnectionState[] } {
  const link = fakeLink(setup);
  const line = new Line({ lineId: 'L1', settings: { ...DEFAULT_SETTINGS, deviceNumber: '1102', ...settings }, linkFactory: link.factory, timing: { ...TIMING, ...timing } });
  lines.push(line);
  const states: ConnectionState[] = [];
  line.on('connection', (c) => {
    if (states.at(-1) !== c.state) states.push(c.state);
  });
  line.start();
  return { line, session: link.session(), states };
}

async function until(line: Line, pred: (s: LineState) => boolean, what: string): Promise<void> {
  const end = Date.now() + 2000;
  while (!pred(line.state)) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}: ${JSON.stringify(line.state.connection)}`);
    await new Promise((r) => setTimeout(r, 2));
  }
}

const monitored = (s: LineState): boolean => s.connection.state === 'monitored';
const ringing = call('7', leg('alerting', '0612'), undefined, ['answerCall']);

describe('Line over the session seam', () => {
  it('opens the session with the settings, resyncs, applies its events; the port is the session\'s', async () => {
    const { line, session, states } = start({ userID: '0042', sessionTimeout: 60, udpPort: 5000 }, (s) => {
      s.snapshot = { calls: [ringing], doNotDisturb: 'on' };
    });
    await until(line, monitored, 'monitored');
    expect(session.options).toEqual({ deviceNumber: '1102', eventMode: 'auto', udpPort: 5000, userID: '0042', sessionTimeoutS: 60, pollTimeoutS: 20 });
    expect(session.requests[0]).toEqual({ type: 'snapshot', deviceNumber: '1102' });
    expect(line.state.doNotDisturb).toBe(true);
    expect(line.state.popups).toEqual(['7']);
    expect(line.eventPort).toBe(session.eventPort);
    session.event({ type: 'doNotDisturb', state: 'off' });
    expect(line.state.doNotDisturb).toBe(false);
    expect(states).toEqual(['connecting', 'monitored']);
  });

  it('a session lost under it (server close, keep-alive, failed poll) -> reconnecting -> reopened and resynced', async () => {
    const { line, session, states } = start();
    await until(line, monitored, 'monitored');
    session.snapshot = { calls: [ringing] };
    session.lost('closed', new CtiError('noOpenSession', 'keep-alive: no session'));
    await until(line, (s) => s.connection.state === 'reconnecting', 'reconnecting');
    expect(line.state.connection.lastError?.code).toBe('noOpenSession');
    await until(line, monitored, 'monitored again');
    expect(session.calls.filter((c) => c === 'open')).toHaveLength(2);
    expect(line.state.calls.map((c) => c.id)).toEqual(['7']);
    expect(states).toEqual(['connecting', 'monitored', 'reconnecting', 'monitored']);
  });

  it('a command answered noOpenSession: the session is abandoned locally, then reopened', async () => {
    const { line, session } = start();
    await until(line, monitored, 'monitored');
    session.answer = () => new CtiError('noOpenSession', 'gone');
    await expect(line.command({ type: 'holdCall', deviceNumber: '1102' })).rejects.toMatchObject({ code: 'noOpenSession' });
    await until(line, (s) => s.connection.state === 'reconnecting', 'reconnecting');
    expect(session.calls).toContain('abandon noOpenSession');
    await until(line, monitored, 'monitored again');
  });

  it('PBX link out of service in the resync -> linkOutOfService with the session kept, probed with backoff', async () => {
    const { line, session } = start({}, (s) => {
      s.snapshot = { session: 'pbxlinkOutOfService' };
    });
    await until(line, (s) => s.connection.state === 'linkOutOfService', 'linkOutOfService');
    expect(line.state.connection.lastError?.code).toBe('pbxlinkOutOfService');
    expect(line.state.connection.reason).toBe('linkOutOfService');
    session.snapshot = { calls: [] };
    await until(line, monitored, 'monitored when the link is back');
    expect(session.calls).toEqual(['open']);
  });

  it('pbxlinkOutOfService then pbxlinkInService events: the session is kept and resynced at once', async () => {
    const { line, session } = start({}, undefined, { backoffBaseMs: 5000, backoffMaxMs: 5000 });
    await until(line, monitored, 'monitored');
    session.event({ type: 'session', session: 'pbxlinkOutOfService' });
    expect(line.state.connection.state).toBe('linkOutOfService');
    session.snapshot = { calls: [ringing] };
    session.event({ type: 'session', session: 'pbxlinkInService' });
    await until(line, (s) => monitored(s) && s.calls.length === 1, 'monitored and resynced');
    expect(line.state.connection.sessionEvent).toBe('pbxlinkInService');
    expect(session.calls).toEqual(['open']);
  });

  for (const [event, reason] of [
    ['sessionClosedByAdmin', 'closedByAdmin'],
    ['sessionClosedByMonitoringReject', 'monitoringRejected'],
  ] as const) {
    it(`${event}: stopped (${reason}), no reopen until reconnectNow`, async () => {
      const { line, session } = start();
      await until(line, monitored, 'monitored');
      session.event({ type: 'session', session: event });
      session.lost('closed', new CtiError('noOpenSession', `server: ${event}`));
      await until(line, (s) => s.connection.state === 'stopped', 'stopped');
      expect(line.state.connection.reason).toBe(reason);
      expect(line.state.connection.sessionEvent).toBe(event);
      await new Promise((r) => setTimeout(r, 100));
      expect(session.calls.filter((c) => c === 'open')).toHaveLength(1);
      line.reconnectNow();
      await until(line, monitored, 'monitored after reconnectNow');
      expect(session.calls.filter((c) => c === 'open')).toHaveLength(2);
    });
  }

  it('sessionClosedByTimeout reopens by itself (reason sessionTimeout)', async () => {
    const { line, session } = start({}, undefined, { backoffBaseMs: 200, backoffMaxMs: 200 });
    await until(line, monitored, 'monitored');
    session.event({ type: 'session', session: 'sessionClosedByTimeout' });
    session.lost('closed', new CtiError('noOpenSession', 'server: sessionClosedByTimeout'));
    await until(line, (s) => s.connection.state === 'reconnecting', 'reconnecting');
    expect(line.state.connection.reason).toBe('sessionTimeout');
    await until(line, monitored, 'monitored again');
  });

  it('while reconnecting, requests that need no session go straight to the server; the others are refused', async () => {
    const link = fakeLink((s) => {
      s.openError = new CtiError('connectionRefused', 'no server');
    });
    const line = new Line({ lineId: 'L1', settings: { ...DEFAULT_SETTINGS, deviceNumber: '1102' }, linkFactory: link.factory, timing: TIMING });
    lines.push(line);
    line.start();
    await until(line, (s) => s.connection.state === 'reconnecting', 'reconnecting');
    await line.command({ type: 'makeCall', deviceNumber: '1102', calledDeviceNumber: '1103' });
    await line.command({ type: 'doNotDisturb', deviceNumber: '1102', state: 'on' });
    expect(link.requests.map((r) => r.type)).toEqual(['makeCall', 'doNotDisturb']);
    await expect(line.command({ type: 'holdCall', deviceNumber: '1102' })).rejects.toMatchObject({ code: 'notConnected' });
  });

  it('open failing -> reconnecting with growing attempts; one error event per distinct cause', async () => {
    const errors: string[] = [];
    const { line, session } = start({}, (s) => {
      s.openError = new CtiError('connectionRefused', 'no server');
    });
    line.on('error', (e) => errors.push(e.code));
    await until(line, (s) => (s.connection.attempt ?? 0) >= 3, 'three attempts');
    expect(line.state.connection.state).toBe('reconnecting');
    expect(errors).toEqual(['connectionRefused']);
    session.openError = undefined;
    await until(line, monitored, 'monitored');
  });

  it('polled snapshots are resyncs: a call that ended before polling began is dropped', async () => {
    const { line, session } = start({ eventMode: 'poll' }, (s) => {
      s.snapshot = { calls: [ringing] };
    });
    await until(line, monitored, 'monitored');
    expect(line.state.connection.eventMode).toBe('poll');
    expect(line.state.calls).toHaveLength(1);
    session.polled({ calls: [] });
    expect(line.state.calls).toEqual([]);
    expect(line.state.missedCalls).toBe(1);
  });

  it("'auto' without a UDP socket: the session polls and the line says so", async () => {
    const { line } = start({ eventMode: 'auto' }, (s) => {
      s.fallBackToPoll = true;
    });
    await until(line, monitored, 'monitored');
    expect(line.state.connection.eventMode).toBe('poll');
    expect(line.eventPort).toBeUndefined();
  });

  it("'auto': a reconcile that finds news while no datagram came switches the session to polling", async () => {
    const { line, session } = start({ eventMode: 'auto' });
    await until(line, monitored, 'monitored');
    session.snapshot = { calls: [ringing] };
    await until(line, (s) => s.connection.eventMode === 'poll', 'the switch to poll');
    expect(session.calls).toContain('usePolling');
    expect(line.state.connection.state).toBe('monitored');
  });

  it("'auto': with datagrams arriving, a reconcile only repairs (UDP is kept)", async () => {
    const { line, session } = start({ eventMode: 'auto' });
    await until(line, monitored, 'monitored');
    session.dropped(); // an unreadable datagram: still proof UDP reaches us
    session.event(callEvent(call('8', leg('connected', '0613')), '1102'));
    session.snapshot = { calls: [ringing] };
    await until(line, (s) => s.calls.some((c) => c.id === '7'), 'the repair');
    await new Promise((r) => setTimeout(r, 80));
    expect(line.state.connection.eventMode).toBe('udp');
    expect(session.calls).not.toContain('usePolling');
  });

  it('idle on UDP: quick reconciles until a datagram proves UDP, then rare ones (issue 9 item 18)', async () => {
    const { line, session } = start({ eventMode: 'udp' }, undefined, { reconcileMs: 20, idleReconcileMs: 400, udpProofWindowMs: 10_000 });
    await until(line, monitored, 'monitored');
    const snapshots = (): number => session.requests.filter((r) => r.type === 'snapshot').length;
    await new Promise((r) => setTimeout(r, 200));
    expect(snapshots()).toBeGreaterThanOrEqual(5);
    session.event(callEvent(call('8', leg('connected', '0613')), '1102'));
    await new Promise((r) => setTimeout(r, 30)); // a quick check already armed may still run once
    const after = snapshots();
    await new Promise((r) => setTimeout(r, 300));
    expect(snapshots() - after).toBe(0);
  });

  it('stop() closes the session briefly and ends in stopped; stop before start closes nothing open', async () => {
    const { line, session, states } = start();
    await until(line, monitored, 'monitored');
    await line.stop();
    expect(session.closeOptions).toEqual([{ timeoutMs: 1000 }]);
    expect(session.status).toBe('closed');
    expect(states.at(-1)).toBe('stopped');

    const idle = new Line({ lineId: 'L2', settings: { ...DEFAULT_SETTINGS }, linkFactory: fakeLink().factory });
    await idle.stop();
    expect(idle.state.connection.state).toBe('stopped');
  });
});
