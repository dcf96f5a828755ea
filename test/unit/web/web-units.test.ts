import { describe, expect, it } from 'vitest';
import { newToken, tokenMatches, isLoopbackAddress, allowedOrigins } from '../../../main/web/auth';
import { safePath, contentSecurityPolicy, MIME_TYPES } from '../../../main/web/static';
import { parseWebArgs, parseHostPort, WebUsageError } from '../../../main/web/cli-args';

describe('token', () => {
  it('is 128 random bits, base64url, different each run', () => {
    const a = newToken();
    expect(Buffer.from(a, 'base64url')).toHaveLength(16);
    expect(a).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(newToken()).not.toBe(a);
  });
  it('matches only itself, whatever the lengths', () => {
    const t = newToken();
    expect(tokenMatches(t, t)).toBe(true);
    expect(tokenMatches(t.slice(0, -1), t)).toBe(false);
    expect(tokenMatches(t + 'x', t)).toBe(false);
    expect(tokenMatches('', t)).toBe(false);
    expect(tokenMatches(null, t)).toBe(false);
  });
  it('loopback peers and own origins', () => {
    expect(isLoopbackAddress('127.0.0.1')).toBe(true);
    expect(isLoopbackAddress('::ffff:127.0.0.1')).toBe(true);
    expect(isLoopbackAddress('192.168.1.4')).toBe(false);
    expect(allowedOrigins(8080)).toContain('http://127.0.0.1:8080');
  });
});

describe('safePath', () => {
  const root = '/srv/app';
  it.each([
    ['/', '/srv/app/index.html'],
    ['/assets/app.js', '/srv/app/assets/app.js'],
    ['/assets/a%20b.css', '/srv/app/assets/a b.css'],
  ])('%s -> %s', (url, expected) => expect(safePath(root, url)).toBe(expected));
  it.each(['/../etc/passwd', '/assets/../../x', '/%2e%2e/x', '/.git/config', '/a%00.js', '/a%5c..%5cb', '/%E0%A4%A'])('refuses %s', (url) => {
    expect(safePath(root, url)).toBeNull();
  });
  it('CSP allows nothing inline and only our own WebSocket', () => {
    const csp = contentSecurityPolicy('http://127.0.0.1:5000');
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain('connect-src \'self\' ws://127.0.0.1:5000');
    expect(csp).not.toMatch(/unsafe|\*/);
    expect(MIME_TYPES['.js']).toBe('text/javascript; charset=utf-8');
  });
});

describe('web cli arguments', () => {
  it('parses the documented options', () => {
    expect(parseWebArgs([])).toEqual({ port: 0, http: false, help: false });
    expect(parseWebArgs(['--port', '8080', '--server', 'pbx.local:3000', '--device=1102', '--event-mode', 'poll', '--http'])).toEqual({
      port: 8080,
      server: { host: 'pbx.local', port: 3000 },
      device: '1102',
      eventMode: 'poll',
      http: true,
      help: false,
    });
    expect(parseHostPort('[::1]:9000')).toEqual({ host: '::1', port: 9000 });
  });
  it.each([['--port', 'x'], ['--server', 'nohost'], ['--device', '11a'], ['--event-mode', 'carrier'], ['--bogus'], ['--port']])('refuses %j', (...argv) => {
    expect(() => parseWebArgs(argv)).toThrow(WebUsageError);
  });
});
