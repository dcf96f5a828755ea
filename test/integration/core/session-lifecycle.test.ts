/**
 * Issue 9 items 1-3 over real sockets: the PBX link outage keeps the session (one client on the
 * server however many outages, recovery on pbxlinkInService at once), a reopen reuses its UDP port,
 * the administrator's close stops the line until reconnectLine, and the requests that need no
 * session are sent while the line reconnects.
 */
import { describe, expect, it } from 'vitest';
import type { CtiError } from '../../../common/errors';
import { rigsClosedAfterEach } from './harness';

const start = rigsClosedAfterEach();
/** Backoff far longer than the patience of the checks below: only the session events can be that quick. */
const SLOW_BACKOFF = { backoffBaseMs: 5000, backoffMaxMs: 30_000 };

describe('PBX link outage', () => {
  it('three outages keep one session with one UDP client; each recovery follows pbxlinkInService within a second', async () => {
    const r = await start({ eventMode: 'udp' }, {}, undefined, SLOW_BACKOFF);
    const port = r.service.line.eventPort;
    for (let i = 0; i < 3; i++) {
      r.sim.control.setFaults({ linkDown: true });
      const down = await r.waitFor((l) => l.connection.state === 'linkOutOfService', `outage ${i + 1}`);
      expect(down.connection.reason).toBe('linkOutOfService');
      expect(down.connection.sessionEvent).toBe('pbxlinkOutOfService');
      const back = Date.now();
      r.sim.control.setFaults({ linkDown: false });
      const up = await r.waitFor((l) => l.connection.state === 'monitored', `recovery ${i + 1}`, 1000);
      expect(Date.now() - back).toBeLessThan(1000);
      expect(up.connection.sessionEvent).toBe('pbxlinkInService');
    }
    const sessions = r.sim.control.state().sessions;
    expect(sessions).toHaveLength(1);
    expect(sessions[0]?.clients).toEqual([expect.objectContaining({ udpPort: port })]);
    expect(r.service.line.eventPort).toBe(port);
  });

  it('a call that rang during the outage is in the view after the resync', async () => {
    const r = await start({ eventMode: 'udp' }, {}, undefined, SLOW_BACKOFF);
    r.sim.control.setFaults({ linkDown: true, dropEventShare: 0 });
    await r.waitFor((l) => l.connection.state === 'linkOutOfService', 'the outage');
    r.sim.control.setFaults({ dropEventShare: 1 });
    r.sim.control.injectCall({ from: '+33612345678', to: '1101' });
    r.sim.control.setFaults({ dropEventShare: 0 });
    r.sim.control.setFaults({ linkDown: false });
    await r.waitFor((l) => l.connection.state === 'monitored' && l.calls.length === 1, 'the call after the resync', 1000);
  });

  it('a session found dead and reopened binds its old UDP port again: no dead client left on the server', async () => {
    const r = await start({ eventMode: 'udp', requestTimeoutMs: 300 });
    const port = r.service.line.eventPort;
    r.sim.control.setFaults({ noReply: true });
    r.service.line.reconnectNow(); // a suspected gap: the resync times out, the line gives the session up
    await r.waitFor((l) => l.connection.state === 'reconnecting', 'reconnecting');
    r.sim.control.setFaults({ noReply: false });
    await r.waitFor((l) => l.connection.state === 'monitored', 'monitored again');
    expect(r.service.line.eventPort).toBe(port);
    expect(r.sim.control.state().sessions[0]?.clients).toHaveLength(1);
  });
});

describe('the server closes the session on purpose', () => {
  it('closed by the administrator: stopped with a typed reason, and only reconnectLine reopens it', async () => {
    const r = await start({ eventMode: 'udp' }, {}, undefined, { backoffBaseMs: 20, backoffMaxMs: 40 });
    expect(r.sim.control.closeSession('1101')).toBe(true);
    const stopped = await r.waitFor((l) => l.connection.state === 'stopped', 'stopped');
    expect(stopped.connection.reason).toBe('closedByAdmin');
    expect(stopped.connection.sessionEvent).toBe('sessionClosedByAdmin');
    await new Promise((res) => setTimeout(res, 300)); // many backoffs: still no reopen
    expect(r.line().connection.state).toBe('stopped');
    expect(r.sim.control.state().sessions).toEqual([]);
    await r.service.handlers.reconnectLine({});
    await r.waitFor((l) => l.connection.state === 'monitored', 'monitored after reconnectLine');
    expect(r.sim.control.state().sessions).toHaveLength(1);
  });

  it('a server restart (the session lost without a word) still reopens by itself', async () => {
    const r = await start({ eventMode: 'udp' });
    await r.sim.control.restart();
    r.service.line.reconnectNow(); // the resync finds no session
    await r.waitFor(() => r.statuses.includes('reconnecting'), 'reconnecting');
    await r.waitFor((l) => l.connection.state === 'monitored', 'monitored again');
    expect(r.line().connection.reason).toBeUndefined();
  });
});

describe('requests that need no session', () => {
  it('are sent while the line reconnects; those that need one are refused with notConnected', async () => {
    const r = await start({ eventMode: 'udp', requestTimeoutMs: 300 }, {}, undefined, SLOW_BACKOFF);
    r.sim.control.setFaults({ noReply: true });
    r.service.line.reconnectNow();
    await r.waitFor((l) => l.connection.state === 'reconnecting', 'reconnecting');
    r.sim.control.setFaults({ noReply: false });
    await r.service.handlers.setDnd({ on: true });
    await r.service.handlers.dial({ number: '1102' });
    expect(r.sim.control.calls()).toHaveLength(1);
    let refused: unknown;
    await r.service.handlers.hold({}).catch((e: unknown) => (refused = e));
    expect((refused as CtiError).code).toBe('notConnected');
  });
});
