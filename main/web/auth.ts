/**
 * Who may open the web mode's WebSocket: a loopback peer, addressing this server by one of its own
 * names (Host: stops DNS rebinding, as plain HTTP's 421 does), from a page of this very server
 * (Origin), holding this run's token (128 random bits, compared in constant time).
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

export function newToken(): string {
  return randomBytes(16).toString('base64url');
}

/** Constant time whatever the lengths: compare digests, never the raw strings. */
export function tokenMatches(given: string | null | undefined, expected: string): boolean {
  const a = createHash('sha256').update(given ?? '').digest();
  const b = createHash('sha256').update(expected).digest();
  return timingSafeEqual(a, b) && typeof given === 'string';
}

export function isLoopbackAddress(address: string | undefined): boolean {
  return address === '127.0.0.1' || address === '::1' || address === '::ffff:127.0.0.1';
}

/** The origins our own pages have: the server's address by IP or by "localhost". */
export function allowedOrigins(port: number): string[] {
  return [`http://127.0.0.1:${port}`, `http://localhost:${port}`, `http://[::1]:${port}`];
}

/** The Host headers a request to our own origins carries. */
export function allowedHosts(port: number): string[] {
  return allowedOrigins(port).map((o) => o.replace('http://', ''));
}

export type UpgradeVerdict = { ok: true } | { ok: false; status: 401 | 403 | 404 | 421; reason: string };

export function checkUpgrade(req: IncomingMessage, port: number, token: string): UpgradeVerdict {
  const url = new URL(req.url ?? '/', 'http://localhost');
  if (url.pathname !== '/ws') return { ok: false, status: 404, reason: 'not the WebSocket path' };
  if (!isLoopbackAddress(req.socket.remoteAddress)) return { ok: false, status: 403, reason: 'not a loopback peer' };
  if (!allowedHosts(port).includes(req.headers.host ?? '')) return { ok: false, status: 421, reason: `host ${req.headers.host ?? '(none)'} is not ours` };
  const origin = req.headers.origin;
  if (origin === undefined || !allowedOrigins(port).includes(origin)) return { ok: false, status: 403, reason: `origin ${origin ?? '(none)'} refused` };
  if (!tokenMatches(url.searchParams.get('token'), token)) return { ok: false, status: 401, reason: 'bad or missing token' };
  return { ok: true };
}
