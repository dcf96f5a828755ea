/**
 * The three mock REST services on one loopback HTTP server, each under its own base URL:
 *   transfer data        <url>/louie              (then /<client_id>/struct-xml/…)
 *   agent remote control <url>                    (then /webservices/services/telephony/…)
 *   DNIS release         <url>/interact/version/2 (then /dnis/allocate/free/<phone>)
 * The base URLs are what `cti … --base` and the settings take. Faults (a hang, a delay, a forced
 * HTTP or transfer data status) are set per service through RestMocksControl.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { Pbx, realClock, type Clock } from '../pbx/model';
import { ArcModel } from './arc-model';
import { handleArc } from './arc-http';
import { handleDnisFree } from './dnis-http';
import type { MockRequest, MockResponse, RestFaults, ServiceFaults } from './mock-http';
import { DNIS_HOLD_MS, TdsModel, type TdsMockSession } from './tds-model';
import { handleTds } from './tds-http';

/** The mocks' credentials unless configured: also what the demo settings use. */
export const MOCK_CREDENTIALS = {
  tds: { clientId: 'sim-client', campaignId: '1001', user: 'tds-user', password: 'tds-secret' },
  arc: { token: 'arc-token', userId: '8001' },
  dnisFree: { user: 'admin', password: 'password', tenantId: '12345678', applicationKey: '53475e5f1463f9ab2052ead' },
} as const;

/** The DNIS numbers the mock transfer data service allocates unless told otherwise, and their common prefix. */
export const DEFAULT_DNIS_POOL = ['18005550001', '18005550002', '18005550003', '18005550004', '18005550005'] as const;
export const DEFAULT_DNIS_PREFIX = '1800555';

export interface RestMocksOptions {
  /** 0 (default): any free port. */
  port?: number;
  /** The PBX whose agent calls the agent remote control follows (default: a PBX of its own). */
  pbx?: Pbx;
  clock?: Clock;
  /** The DNIS numbers the transfer data service allocates (default 18005550001-18005550005). */
  dnisPool?: readonly string[];
  campaignIds?: readonly string[];
  holdMs?: number;
  tds?: { user?: string; password?: string; zone?: string };
  arc?: { token?: string };
  dnisFree?: { user?: string; password?: string; tenantId?: string; applicationKey?: string; environmentName?: string };
}

export interface RestMocksState {
  urls: RestMockUrls;
  faults: RestFaults;
  pool: readonly string[];
  sessions: TdsMockSession[];
  requests: number;
}

export interface RestMockUrls {
  tds: string;
  arc: string;
  dnisFree: string;
}

export interface RestMocksControl {
  state(): RestMocksState;
  setFaults(change: Partial<Record<keyof RestFaults, ServiceFaults>>): RestFaults;
  clearFaults(): RestFaults;
  /** Start a transfer data session as a remote contact centre would (scenarios, the demo). */
  startTdsSession(input: { ani?: string; oemkey?: string; agentdata?: string; routingdata?: string; reportingdata?: string }): TdsMockSession | string;
  /** The DNIS pool's numbers ring this device of the PBX (the receiving contact centre's agent); undefined: external again. */
  routeDnisTo(device: string | undefined): void;
}

export interface RunningRestMocks {
  url: string;
  urls: RestMockUrls;
  control: RestMocksControl;
  tds: TdsModel;
  close(): Promise<void>;
}

const NO_FAULTS = (): RestFaults => ({ tds: {}, arc: {}, dnisFree: {} });
const MAX_BODY = 64 * 1024;

export async function startRestMocks(options: RestMocksOptions = {}): Promise<RunningRestMocks> {
  const clock = options.clock ?? realClock;
  const pbx = options.pbx ?? new Pbx({ clock });
  const tds = new TdsModel({
    clock,
    campaignIds: options.campaignIds ?? [MOCK_CREDENTIALS.tds.campaignId],
    pool: options.dnisPool ?? DEFAULT_DNIS_POOL,
    holdMs: options.holdMs ?? DNIS_HOLD_MS,
  });
  const arc = new ArcModel(pbx, clock);
  let faults = NO_FAULTS();
  let requests = 0;
  const c = MOCK_CREDENTIALS;
  const route = (req: MockRequest, first: string | undefined): { service: keyof RestFaults; serve: () => MockResponse } | undefined => {
    if (first === 'louie') {
      const o = { model: tds, user: options.tds?.user ?? c.tds.user, password: options.tds?.password ?? c.tds.password, zone: options.tds?.zone ?? 'sim', faults: () => faults.tds };
      return { service: 'tds', serve: () => handleTds(o, { ...req, segments: req.segments.slice(1) }) };
    }
    if (first === 'webservices') return { service: 'arc', serve: () => handleArc({ model: arc, token: options.arc?.token ?? c.arc.token }, req) };
    if (first === 'interact' && req.segments[1] === 'version' && req.segments[2] === '2') {
      const d = options.dnisFree ?? {};
      const o = {
        model: tds,
        user: d.user ?? c.dnisFree.user,
        password: d.password ?? c.dnisFree.password,
        tenantId: d.tenantId ?? c.dnisFree.tenantId,
        applicationKey: d.applicationKey ?? c.dnisFree.applicationKey,
        ...(d.environmentName ? { environmentName: d.environmentName } : {}),
      };
      return { service: 'dnisFree', serve: () => handleDnisFree(o, { ...req, segments: req.segments.slice(3) }) };
    }
    return undefined;
  };

  const server: Server = createServer((req, res) => {
    requests++;
    void readRequest(req).then(
      (mreq) => {
        const target = route(mreq, mreq.segments[0]);
        if (!target) return send(res, { status: 404, body: 'no such service\n' });
        const f = faults[target.service];
        if (f.hang) return; // never answered; close() ends the socket
        const answer = (): void => send(res, f.httpStatus !== undefined ? { status: f.httpStatus, body: '' } : safely(target.serve));
        if (f.delayMs) setTimeout(answer, f.delayMs).unref();
        else answer();
      },
      () => send(res, { status: 400, body: 'bad request\n' }),
    );
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const addr = server.address();
  const url = `http://127.0.0.1:${typeof addr === 'object' && addr ? addr.port : 0}`;
  const urls: RestMockUrls = { tds: `${url}/louie`, arc: url, dnisFree: `${url}/interact/version/2` };
  const control: RestMocksControl = {
    state: () => ({ urls, faults, pool: tds.pool, sessions: tds.list(), requests }),
    setFaults(change) {
      faults = { tds: { ...faults.tds, ...change.tds }, arc: { ...faults.arc, ...change.arc }, dnisFree: { ...faults.dnisFree, ...change.dnisFree } };
      return faults;
    },
    clearFaults() {
      faults = NO_FAULTS();
      return faults;
    },
    startTdsSession(input) {
      const out = tds.start(MOCK_CREDENTIALS.tds.campaignId, {
        ani: input.ani ?? '0',
        agentdata: input.agentdata ?? '',
        routingdata: input.routingdata ?? '',
        reportingdata: input.reportingdata ?? '',
        ...(input.oemkey ? { oemkey: input.oemkey } : {}),
      });
      return out.ok ? out.session : out.status;
    },
    routeDnisTo: (device) => pbx.routeNumbers(tds.pool, device),
  };
  return {
    url,
    urls,
    control,
    tds,
    close: () =>
      new Promise((resolve) => {
        tds.close();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A handler bug answers 500 (the DNIS release spec's "exception"), never crashes the simulator. */
function safely(serve: () => MockResponse): MockResponse {
  try {
    return serve();
  } catch (e) {
    return { status: 500, body: `exception: ${e instanceof Error ? e.message : String(e)}` };
  }
}

function send(res: ServerResponse, r: MockResponse): void {
  if (res.writableEnded || res.destroyed) return;
  res.writeHead(r.status, { 'content-length': String(Buffer.byteLength(r.body)), ...r.headers }).end(r.body);
}

function readRequest(req: IncomingMessage): Promise<MockRequest> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY) {
        req.destroy();
        reject(new Error('body too large'));
      } else chunks.push(chunk);
    });
    req.on('end', () => {
      const u = new URL(req.url ?? '/', 'http://mock');
      let segments: string[];
      try {
        segments = u.pathname.split('/').filter((s) => s !== '').map((s) => decodeURIComponent(s));
      } catch (e) {
        reject(e instanceof Error ? e : new Error(String(e)));
        return;
      }
      resolve({ method: req.method ?? 'GET', segments, query: u.searchParams, headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
    });
    req.on('error', reject);
  });
}
