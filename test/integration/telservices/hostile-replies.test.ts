/**
 * Hostile TCP and HTTP replies on real loopback sockets: a reply over the cap is cut (default
 * 2 MiB, configurable), and a server that drips a byte at a time cannot stretch a request past its
 * deadline.
 */
import { createServer, type Server, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import { expect, it } from 'vitest';
import { cleanupAfterEach } from '../../support/cleanup';
import { TcpTransport } from '../../../main/telservices/transport-tcp';
import { HttpTransport } from '../../../main/telservices/transport-http';
import { DEFAULT_MAX_REPLY_BYTES } from '../../../main/telservices/transport';
import { rejection } from './helpers';

const cleanup = cleanupAfterEach();
const REQ = '<TelServiceRequest><snapshot><deviceNumber>1101</deviceNumber></snapshot></TelServiceRequest>';

/** A server that runs `behave` on each connection once the request arrived. */
async function server(behave: (socket: Socket) => void): Promise<number> {
  const sockets = new Set<Socket>();
  const s: Server = createServer((socket) => {
    sockets.add(socket);
    socket.on('error', () => undefined);
    socket.once('data', () => behave(socket));
  });
  cleanup(
    () =>
      new Promise<void>((r) => {
        for (const c of sockets) c.destroy();
        s.close(() => r());
      }),
  );
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', () => r()));
  return (s.address() as AddressInfo).port;
}

/** A valid reply of about `bytes` bytes: one party whose name is that long. */
function bigReply(bytes: number): string {
  return `<TelServiceReturn><result><searchDirectory><party><number>1</number><name>${'x'.repeat(bytes)}</name></party></searchDirectory></result></TelServiceReturn>`;
}

function drip(socket: Socket): void {
  const timer = setInterval(() => (socket.writable ? socket.write('<') : clearInterval(timer)), 20);
  socket.on('close', () => clearInterval(timer));
}

it('the default cap is a few MiB, below the old 16 MiB', () => {
  expect(DEFAULT_MAX_REPLY_BYTES).toBe(2 * 1024 * 1024);
});

it('TCP: a 3 MiB reply is refused by the default cap, fast; a configured 4 MiB cap accepts it', async () => {
  const reply = bigReply(3 * 1024 * 1024);
  const port = await server((s) => s.end(reply));
  const t0 = Date.now();
  const err = await rejection(new TcpTransport({ host: '127.0.0.1', port, replyTimeoutMs: 5000 }).request(REQ));
  expect(err).toMatchObject({ code: 'malformedReply' });
  expect(Date.now() - t0).toBeLessThan(2000);
  await expect(new TcpTransport({ host: '127.0.0.1', port, maxReplyBytes: 4 * 1024 * 1024 }).request(REQ)).resolves.toHaveLength(reply.length);
});

it('HTTP: a reply over the cap is refused too', async () => {
  const body = bigReply(3 * 1024 * 1024);
  const port = await server((s) => s.end(`HTTP/1.1 200 OK\r\nContent-Type: text/xml\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`));
  expect(await rejection(new HttpTransport({ host: '127.0.0.1', port }).request(REQ))).toMatchObject({ code: 'malformedReply' });
});

it('TCP: a slow-drip server (a byte every 20 ms, forever) is cut at the reply deadline, not extended by each byte', async () => {
  const port = await server(drip);
  const t0 = Date.now();
  const err = await rejection(new TcpTransport({ host: '127.0.0.1', port, replyTimeoutMs: 300 }).request(REQ));
  expect(err).toMatchObject({ code: 'timeout' });
  expect(Date.now() - t0).toBeLessThan(800);
});

it('HTTP: headers dripped a byte at a time are cut at the deadline too', async () => {
  const port = await server((s) => {
    s.write('HTTP/1.1 200 OK\r\nX-Slow: ');
    const timer = setInterval(() => (s.writable ? s.write('a') : clearInterval(timer)), 20);
    s.on('close', () => clearInterval(timer));
  });
  const t0 = Date.now();
  expect(await rejection(new HttpTransport({ host: '127.0.0.1', port, replyTimeoutMs: 300 }).request(REQ))).toMatchObject({ code: 'timeout' });
  expect(Date.now() - t0).toBeLessThan(800);
});
