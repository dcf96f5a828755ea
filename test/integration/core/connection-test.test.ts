/**
 * Settings → Test connection over real sockets: the TelServer's round trip, and with an HTTP port
 * set over raw TCP, the same request over HTTP to that port (the simulator serves HTTP on its TCP
 * port), a wrong port reported beside a passing test.
 */
import { createServer } from 'node:net';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../../common/schemas';
import { testConnection } from '../../../main/core/connection-test';
import { telServicesLinkFactory } from '../../../main/core/telservices-link';
import { startSimulator } from '../../../main/simulator/index';
import { cleanupAfterEach } from '../../support/cleanup';

const cleanup = cleanupAfterEach();

async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  const port = (server.address() as { port: number }).port;
  await new Promise<void>((r) => server.close(() => r()));
  return port;
}

describe('Test connection', () => {
  it('without an HTTP port: the TelServer round trip only', async () => {
    const sim = await startSimulator({ port: 0, rest: false });
    cleanup(() => sim.close());
    const r = await testConnection(telServicesLinkFactory, { ...DEFAULT_SETTINGS, serverPort: sim.port });
    expect(r.latencyMs).toBeGreaterThanOrEqual(0);
    expect(r.httpPort).toBeUndefined();
  });

  it('with an HTTP port over TCP: that port is tried too; a closed one is named beside a passing test', async () => {
    const sim = await startSimulator({ port: 0, rest: false });
    cleanup(() => sim.close());
    const good = await testConnection(telServicesLinkFactory, { ...DEFAULT_SETTINGS, serverPort: sim.port, httpPort: sim.port });
    expect(good.httpPort).toMatchObject({ port: sim.port, ok: true });
    const port = await closedPort();
    const bad = await testConnection(telServicesLinkFactory, { ...DEFAULT_SETTINGS, serverPort: sim.port, httpPort: port });
    expect(bad.latencyMs).toBeGreaterThanOrEqual(0);
    expect(bad.httpPort).toMatchObject({ port, ok: false, error: { code: 'connectionRefused' } });
  });

  it('over HTTP already, the HTTP port is not tried separately (the line long-polls on its own link)', async () => {
    const sim = await startSimulator({ port: 0, rest: false });
    cleanup(() => sim.close());
    const r = await testConnection(telServicesLinkFactory, { ...DEFAULT_SETTINGS, serverPort: sim.port, transport: 'http', httpPort: await closedPort() });
    expect(r.httpPort).toBeUndefined();
  });
});
