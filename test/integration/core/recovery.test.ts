import { describe, expect, it } from 'vitest';
import { CtiError } from '../../../common/errors';
import { directoryCaller, rigsClosedAfterEach } from './harness';

const start = rigsClosedAfterEach();

describe('recovery', () => {
  it('PBX link out of service -> linkOutOfService, then back to monitored when the link returns', async () => {
    const r = await start();
    r.sim.control.setFaults({ linkDown: true });
    const down = await r.waitFor((l) => l.connection.state === 'linkOutOfService', 'linkOutOfService');
    expect(down.connection.lastError?.code).toBe('pbxlinkOutOfService');
    // A request that needs the session waits for the link; one that needs none reaches the server, whose PBX refuses it.
    let refused: unknown;
    await r.service.handlers.hold({}).catch((e: unknown) => (refused = e));
    expect((refused as CtiError).code).toBe('notConnected');
    await r.service.handlers.dial({ number: '1102' }).catch((e: unknown) => (refused = e));
    expect((refused as CtiError).code).toBe('pbxlinkOutOfService');
    r.sim.control.setFaults({ linkDown: false });
    await r.waitFor((l) => l.connection.state === 'monitored', 'monitored again');
  });

  it('the administrator closes the session -> stopped (closedByAdmin) -> reconnectLine -> monitored', async () => {
    const r = await start();
    expect(r.sim.control.closeSession('1101')).toBe(true);
    await r.waitFor((l) => l.connection.state === 'stopped' && l.connection.reason === 'closedByAdmin', 'stopped by the administrator');
    await r.service.handlers.reconnectLine({});
    await r.waitFor((l) => l.connection.state === 'monitored', 'monitored again');
  });

  it('a command answered noOpenSession (the close event was lost) starts the reconnect', async () => {
    const r = await start({ eventMode: 'udp' });
    r.sim.control.setFaults({ dropEventShare: 1 });
    r.sim.control.closeSession('1101');
    let error: unknown;
    await r.service.handlers.answer({}).catch((e: unknown) => (error = e));
    expect((error as CtiError).code).toBe('noOpenSession');
    await r.waitFor(() => r.statuses.includes('reconnecting'), 'reconnecting');
    r.sim.control.setFaults({ dropEventShare: 0 });
    await r.waitFor((l) => l.connection.state === 'monitored', 'monitored again');
    await r.service.handlers.setDnd({ on: true });
    await r.waitFor((l) => l.doNotDisturb, 'DND on after the reconnect');
  });
});

describe('directory and history through the core', () => {
  it('searches by name and by number, and lists the history of the line', async () => {
    const r = await start();
    const caller = directoryCaller(r.sim);
    const byNumber = await r.service.handlers.searchDirectory({ query: caller.number });
    expect(byNumber).toEqual([expect.objectContaining({ number: caller.number, name: caller.name })]);
    const firstWord = caller.name.split(' ')[0] as string;
    const byName = await r.service.handlers.searchDirectory({ query: firstWord, limit: 50 });
    expect(byName.some((e) => e.name === caller.name)).toBe(true);
    expect(await r.service.handlers.searchDirectory({ query: '+99999999999' })).toEqual([]);

    const { callId } = r.sim.control.injectCall({ from: caller.number, to: '1101' });
    await r.waitFor((l) => l.calls.length === 1, 'the call');
    r.sim.control.hangup(callId);
    await r.waitFor((l) => l.calls.length === 0, 'the end of the call');
    const history = await r.service.handlers.history({});
    expect(history.some((h) => h.otherParty?.number === caller.number)).toBe(true);
    expect(history[0]?.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it('the directory cache answers a known number without asking again', async () => {
    const r = await start();
    const caller = directoryCaller(r.sim);
    const first = await r.service.line.directory.lookup(caller.number);
    await r.sim.close(); // the server is gone: only the cache can answer now
    expect(await r.service.line.directory.lookup(caller.number)).toEqual(first);
  });
});
