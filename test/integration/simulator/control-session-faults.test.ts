/** The control API produces sessionClosedByMonitoringReject and pbxTimeout on request (real sockets). */
import { afterEach, expect, it } from 'vitest';
import { errorCode, harness, type Harness } from './harness';

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

async function api(method: string, path: string, body?: unknown): Promise<number> {
  const res = await fetch(`${h?.sim.controlUrl ?? ''}${path}`, {
    method,
    ...(body === undefined ? {} : { headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }),
  });
  return res.status;
}

it('DELETE /sessions/:device?reason=monitoringReject ends the session with sessionClosedByMonitoringReject', async () => {
  h = await harness({ controlPort: 0 });
  const log = await h.listen();
  await h.tcp.openSession({ deviceNumber: '1101', eventUDPPort: String(log.listener.port) });
  expect(await api('DELETE', '/sessions/1101?reason=nonsense')).toBe(400);
  expect(await api('DELETE', '/sessions/1101?reason=monitoringReject')).toBe(200);
  const end = Date.now() + 2000;
  while (!log.events.some((e) => e.type === 'session') && Date.now() < end) await new Promise((r) => setTimeout(r, 10));
  expect(log.events.filter((e) => e.type === 'session')).toEqual([{ type: 'session', session: 'sessionClosedByMonitoringReject' }]);
  expect(h.sim.control.state().sessions).toEqual([]);
});

it('POST /faults {pbxTimeout} makes PBX requests answer pbxTimeout; the directory still answers; clearing restores', async () => {
  h = await harness({ controlPort: 0 });
  await h.tcp.openSession({ deviceNumber: '1101' });
  expect(await api('POST', '/faults', { pbxTimeout: true })).toBe(200);
  expect(await errorCode(h.tcp.send({ type: 'makeCall', deviceNumber: '1101', calledDeviceNumber: '1102' }))).toBe('pbxTimeout');
  await expect(h.tcp.send({ type: 'searchNumber', number: '1102' })).resolves.toMatchObject({ type: 'searchDirectory' });
  expect(await api('DELETE', '/faults')).toBe(200);
  await expect(h.tcp.send({ type: 'queryDoNotDisturb', deviceNumber: '1101' })).resolves.toMatchObject({ type: 'doNotDisturb' });
});
