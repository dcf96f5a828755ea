/**
 * Web mode's HTTP server, on loopback only: the built renderer (or the minimal fallback page) and
 * the contract over a WebSocket at /ws. Requests whose Host is not ours are refused, which stops
 * DNS-rebinding pages from talking to it by another name.
 */
import { existsSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { allowedHosts, newToken } from './auth';
import { FALLBACK_CSS, FALLBACK_HTML, FALLBACK_JS } from './fallback-page';
import { securityHeaders, sendText, serveStatic } from './static';
import { WsBridge, type BridgeSource } from './ws-bridge';

export interface WebServerOptions {
  source: BridgeSource;
  /** 0 = any free port. */
  port?: number;
  /** The built renderer; when it has no index.html the minimal page is served instead. */
  staticDir: string;
  /** Fixed token (tests); default a fresh random one. */
  token?: string;
}

export interface RunningWebServer {
  port: number;
  origin: string;
  token: string;
  /** The URL to open, token included. */
  url: string;
  /** The minimal page (calls, popups, event log), token included. */
  minimalUrl: string;
  /** True when out/renderer was missing and the minimal page is served. */
  fallback: boolean;
  bridge: WsBridge;
  close(): Promise<void>;
}

export async function startWebServer(opts: WebServerOptions): Promise<RunningWebServer> {
  const token = opts.token ?? newToken();
  const bridge = new WsBridge(opts.source, token);
  const fallback = !existsSync(join(opts.staticDir, 'index.html'));
  let origin = '';
  let hosts: string[] = [];

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const headers = securityHeaders(origin);
    if (!hosts.includes(req.headers.host ?? '')) return sendText(res, 421, 'Misdirected request', headers);
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      return sendText(res, 405, 'Method not allowed', { ...headers, Allow: 'GET, HEAD' });
    }
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    // The minimal page is always at /minimal (a diagnostic view beside the full UI), and at / when
    // there is no built renderer.
    if (path === '/minimal' || (fallback && (path === '/' || path === '/index.html'))) {
      return sendText(res, 200, FALLBACK_HTML, headers, 'text/html; charset=utf-8');
    }
    if (path === '/fallback.js') return sendText(res, 200, FALLBACK_JS, headers, 'text/javascript; charset=utf-8');
    if (path === '/fallback.css') return sendText(res, 200, FALLBACK_CSS, headers, 'text/css; charset=utf-8');
    if (fallback) return sendText(res, 404, 'Not found', headers);
    if (!(await serveStatic(opts.staticDir, req, res, headers))) sendText(res, 404, 'Not found', headers);
  };

  const server = createServer((req, res) => {
    handle(req, res).catch(() => {
      if (!res.headersSent) sendText(res, 500, 'Internal error', securityHeaders(origin));
      else res.destroy();
    });
  });
  server.on('upgrade', (req, socket, head) => bridge.handleUpgrade(req, socket, head));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  bridge.port = port;
  origin = `http://127.0.0.1:${port}`;
  hosts = allowedHosts(port);
  return {
    port,
    origin,
    token,
    url: `${origin}/?token=${encodeURIComponent(token)}`,
    minimalUrl: `${origin}/minimal?token=${encodeURIComponent(token)}`,
    fallback,
    bridge,
    async close() {
      await bridge.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
