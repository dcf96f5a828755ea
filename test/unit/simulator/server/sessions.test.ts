import { describe, expect, it } from 'vitest';
import { manualClock } from '../../../../main/simulator/pbx/model';
import { SessionTable, type SessionClient, type SessionConfig } from '../../../../main/simulator/server/sessions';
import type { SessionEventName } from '../../../../common/telservices/enums';

function table(config: SessionConfig = {}) {
  const clock = manualClock();
  const notified: Array<{ device: string; ports: Array<number | undefined>; event: SessionEventName }> = [];
  const monitored = new Map<string, boolean>();
  const sessions = new SessionTable(clock, config, {
    notify: (device, clients: readonly SessionClient[], event) =>
      notified.push({ device, ports: clients.map((c) => c.udpPort), event }),
    monitor: (device, on) => monitored.set(device, on),
    hasDevice: (device) => device.startsWith('11'),
  });
  return { clock, sessions, notified, monitored };
}

const STANDARD = { kind: 'result', result: { type: 'standard' } };
const open = (port?: number, extra: Record<string, string | boolean> = {}) => ({
  type: 'openSession' as const,
  deviceNumber: '1101',
  ...(port !== undefined ? { eventUDPPort: String(port) } : {}),
  ...extra,
});

describe('SessionTable', () => {
  it('opens one session per device with several clients, and monitors the device', () => {
    const { sessions, monitored } = table();
    expect(sessions.open(open(20001), '127.0.0.1')).toEqual(STANDARD);
    expect(sessions.open(open(20002, { eventUpdate: 'restricted' }), '127.0.0.1')).toEqual(STANDARD);
    // the same client again is not registered twice
    expect(sessions.open(open(20001), '127.0.0.1')).toEqual(STANDARD);
    expect(sessions.get('1101')?.clients).toEqual([
      { host: '127.0.0.1', udpPort: 20002, restricted: true },
      { host: '127.0.0.1', udpPort: 20001, restricted: false },
    ]);
    expect(monitored.get('1101')).toBe(true);
  });

  it('rejects an unknown device, and a new session beyond the limit', () => {
    const { sessions } = table({ sessionLimit: 1 });
    expect(sessions.open({ type: 'openSession', deviceNumber: '9999' }, 'h')).toEqual({ kind: 'error', error: 'pbxReject' });
    expect(sessions.open(open(1), 'h')).toEqual(STANDARD);
    expect(sessions.open({ type: 'openSession', deviceNumber: '1102' }, 'h')).toEqual({
      kind: 'error',
      error: 'sessionLimitExceeded',
    });
    // joining an existing session is not a new session
    expect(sessions.open(open(2), 'h')).toEqual(STANDARD);
  });

  it('checks credentials on the first opening of a device only', () => {
    const { sessions } = table({ credentials: { alice: 'secret' } });
    const bad = { kind: 'error', error: 'invalidCredentials' };
    expect(sessions.open(open(1), 'h')).toEqual(bad);
    expect(sessions.open(open(1, { userID: 'alice', userPassword: 'nope' }), 'h')).toEqual(bad);
    expect(sessions.open(open(1, { userID: 'alice', userPassword: 'secret' }), 'h')).toEqual(STANDARD);
    expect(sessions.get('1101')?.userID).toBe('alice');
    expect(sessions.open(open(2), 'h')).toEqual(STANDARD);
  });

  it('closes on sessionTimeout, which each request resets, and tells every client', () => {
    const { sessions, clock, notified, monitored } = table();
    sessions.open(open(1, { sessionTimeout: '10' }), 'h');
    sessions.open(open(2), 'h');
    clock.advance(9000);
    sessions.touch('1101');
    clock.advance(9000);
    expect(sessions.get('1101')).toBeDefined();
    clock.advance(1000);
    expect(sessions.get('1101')).toBeUndefined();
    expect(notified).toEqual([{ device: '1101', ports: [1, 2], event: 'sessionClosedByTimeout' }]);
    expect(monitored.get('1101')).toBe(false);
  });

  it('ignores a sessionTimeout that is not positive', () => {
    const { sessions, clock } = table();
    sessions.open(open(1, { sessionTimeout: '0' }), 'h');
    sessions.open(open(2, { sessionTimeout: '-5' }), 'h');
    clock.advance(3_600_000);
    expect(sessions.get('1101')).toBeDefined();
  });

  it('clientOnly (the default) removes the requesting client; the last one closes the session', () => {
    const { sessions, notified } = table();
    sessions.open(open(1), '127.0.0.1');
    sessions.open(open(), '127.0.0.1'); // a long-poll client
    expect(sessions.close({ type: 'closeSession', deviceNumber: '1101' }, { host: '127.0.0.1', transport: 'http' })).toEqual(STANDARD);
    expect(sessions.get('1101')?.clients.map((c) => c.udpPort)).toEqual([1]);
    expect(notified).toEqual([{ device: '1101', ports: [undefined], event: 'sessionClosedByClient' }]);
    sessions.close({ type: 'closeSession', deviceNumber: '1101', clientOnly: true }, { host: '127.0.0.1', transport: 'tcp' });
    expect(sessions.get('1101')).toBeUndefined();
    expect(sessions.close({ type: 'closeSession', deviceNumber: '1101' }, { host: 'h', transport: 'tcp' })).toEqual({
      kind: 'error',
      error: 'noOpenSession',
    });
  });

  it('clientOnly false closes for all clients', () => {
    const { sessions, notified } = table();
    sessions.open(open(1), 'h');
    sessions.open(open(2), 'h');
    sessions.close({ type: 'closeSession', deviceNumber: '1101', clientOnly: false }, { host: 'h', transport: 'tcp' });
    expect(sessions.get('1101')).toBeUndefined();
    expect(notified).toEqual([{ device: '1101', ports: [1, 2], event: 'sessionClosedByClient' }]);
  });

  it('actualCloseSessionTimeout delays the close, and a reopening in time cancels it', () => {
    const { sessions, clock } = table();
    sessions.open(open(), 'h');
    sessions.close({ type: 'closeSession', deviceNumber: '1101', actualCloseSessionTimeout: '3' }, { host: 'h', transport: 'http' });
    clock.advance(2000);
    sessions.open(open(), 'h'); // the page reloaded
    clock.advance(5000);
    expect(sessions.get('1101')).toBeDefined();
    sessions.close({ type: 'closeSession', deviceNumber: '1101', actualCloseSessionTimeout: '3' }, { host: 'h', transport: 'http' });
    clock.advance(2999);
    expect(sessions.get('1101')).toBeDefined();
    clock.advance(1);
    expect(sessions.get('1101')).toBeUndefined();
  });

  it('startPbxMonitor false defers monitoring to the first request; dropAll forgets silently', () => {
    const { sessions, monitored, notified } = table();
    sessions.open(open(1, { startPbxMonitor: false }), 'h');
    expect(monitored.get('1101')).toBeUndefined();
    sessions.touch('1101');
    expect(monitored.get('1101')).toBe(true);
    sessions.dropAll();
    expect(sessions.all()).toEqual([]);
    expect(monitored.get('1101')).toBe(false);
    expect(notified).toEqual([]);
  });
});
