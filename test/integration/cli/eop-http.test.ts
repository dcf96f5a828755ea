/**
 * End-of-PDU over HTTP: the UDP events of an HTTP client end with the server's sequence too, so
 * `--eop` with `--http` (and the line's setting with transport http) must strip it, not drop each
 * event. Real sockets against the simulator configured with an end-of-PDU sequence.
 */
import { expect, it } from 'vitest';
import { cleanupAfterEach } from '../../support/cleanup';
import { startSimulator } from '../../../main/simulator/index';
import { LiveCli, spawnCli } from './cli-process';
import { rig } from '../core/harness';

const cleanup = cleanupAfterEach();

it('cti --http --eop listen reads the events (no "dropped event")', async () => {
  const sim = await startSimulator({ port: 0, endOfPdu: '\n' });
  cleanup(() => sim.close());
  const cli = new LiveCli(spawnCli(['--server', `127.0.0.1:${sim.port}`, '--device', '1101', '--http', '--eop', '\\n', 'listen', '--json']));
  cleanup(() => cli.kill());
  await cli.waitFor(() => cli.stderrLines.some((l) => l.includes('events on UDP port')), 'the session');
  sim.control.injectCall({ from: '0612345678', to: '1101' });
  await cli.waitFor(() => cli.stdoutLines.some((l) => l.includes('"alerting"')), 'the call event');
  expect(cli.stderrLines.filter((l) => l.includes('dropped'))).toEqual([]);
});

it('the line over HTTP with the endOfPdu setting reads its UDP events', async () => {
  let dropped = 0;
  const r = await rig({ transport: 'http', endOfPdu: '\n', eventMode: 'udp' }, { endOfPdu: '\n' });
  cleanup(() => r.close());
  r.service.line.on('error', () => (dropped += 1));
  r.sim.control.injectCall({ from: '0612345678', to: '1101' });
  await r.waitFor((l) => l.popups.length === 1, 'the popup from a UDP event');
  expect(r.line().connection.eventMode).toBe('udp');
  expect(dropped).toBe(0);
});
