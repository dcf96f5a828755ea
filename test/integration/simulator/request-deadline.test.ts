/**
 * The simulator's request deadline applies on both paths (real sockets): 200 connections with
 * unfinished HTTP headers, and a raw request dripped a byte at a time, are all closed at the
 * deadline; a complete request still gets its answer, and a long-poll may wait longer than it.
 */
import { connect, type Socket } from 'node:net';
import { expect, it } from 'vitest';
import { cleanupAfterEach } from '../../support/cleanup';
import { startSimulator, type RunningSimulator } from '../../../main/simulator/index';
import { HttpTransport } from '../../../main/telservices/transport-http';
import { TcpTransport } from '../../../main/telservices/transport-tcp';

const cleanup = cleanupAfterEach();
const DEADLINE_MS = 400;

async function sim(): Promise<RunningSimulator> {
  const s = await startSimulator({ port: 0, requestTimeoutMs: DEADLINE_MS });
  cleanup(() => s.close());
  return s;
}

function open(port: number, first: string): Promise<{ socket: Socket; closed: Promise<number> }> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1', () => {
      socket.write(first);
      resolve({ socket, closed: new Promise((r) => socket.once('close', () => r(Date.now()))) });
    });
    socket.on('error', () => undefined);
    cleanup(() => socket.destroy());
  });
}

it('200 HTTP connections with unfinished headers are all closed at the deadline', async () => {
  const s = await sim();
  const t0 = Date.now();
  const conns = await Promise.all(Array.from({ length: 200 }, () => open(s.port, 'POST / HTTP/1.1\r\nHost: sim\r\nX-Never: ')));
  await new Promise((r) => setTimeout(r, 100));
  expect(s.control.state().openConnections).toBe(200);
  const closedAt = await Promise.all(conns.map((c) => c.closed));
  expect(Math.max(...closedAt) - t0).toBeLessThan(DEADLINE_MS + 1500);
  // The server's side of each socket closes a moment after the client sees it.
  for (let i = 0; i < 50 && s.control.state().openConnections > 0; i += 1) await new Promise((r) => setTimeout(r, 10));
  expect(s.control.state().openConnections).toBe(0);
});

it('a raw TCP request dripped a byte every 50 ms cannot extend the deadline', async () => {
  const s = await sim();
  const t0 = Date.now();
  const { socket, closed } = await open(s.port, '<');
  const timer = setInterval(() => socket.write(' '), 50);
  cleanup(() => clearInterval(timer));
  const at = await closed;
  expect(at - t0).toBeGreaterThanOrEqual(DEADLINE_MS - 50);
  expect(at - t0).toBeLessThan(DEADLINE_MS + 600);
});

it('an HTTP body dripped slowly is closed too; complete requests are still answered on both paths', async () => {
  const s = await sim();
  const { socket, closed } = await open(s.port, 'POST / HTTP/1.1\r\nHost: sim\r\nContent-Length: 1000\r\n\r\n<');
  const timer = setInterval(() => socket.write('a'), 50);
  cleanup(() => clearInterval(timer));
  await closed;
  const query = '<TelServiceRequest><queryDoNotDisturb><deviceNumber>1101</deviceNumber></queryDoNotDisturb></TelServiceRequest>';
  await expect(new TcpTransport({ host: '127.0.0.1', port: s.port }).request(query)).resolves.toContain('doNotDisturb');
  await expect(new HttpTransport({ host: '127.0.0.1', port: s.port }).request(query)).resolves.toContain('doNotDisturb');
});

it('a long-poll held longer than the deadline is not cut (the deadline is for receiving the request)', async () => {
  const s = await sim();
  const http = new HttpTransport({ host: '127.0.0.1', port: s.port, replyTimeoutMs: 5000 });
  await http.request('<TelServiceRequest><openSession><deviceNumber>1101</deviceNumber></openSession></TelServiceRequest>');
  const poll = (seq: string): string =>
    `<TelServiceRequest><snapshot><deviceNumber>1101</deviceNumber><resultOnEvent><timeout>1</timeout>${seq}</resultOnEvent></snapshot></TelServiceRequest>`;
  // The first poll answers at once with the sequence number; the second waits for a change (none: the timeout).
  const first = await http.request(poll(''));
  const seq = /<snapshotSeq>(\d+)<\/snapshotSeq>/.exec(first)?.[1] ?? '';
  const t0 = Date.now();
  const reply = await http.request(poll(`<snapshotSeq>${seq}</snapshotSeq>`));
  expect(reply).toContain('snapshot');
  expect(Date.now() - t0).toBeGreaterThan(DEADLINE_MS);
});
