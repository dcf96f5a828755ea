/**
 * A small JSON control API for integrators and tests, bound to loopback only:
 *   GET /calls                                             -> [{callId, parties, conference}]
 *   POST /calls {from,name?,company?,to,dnis?,extraData?} -> 201 {callId}
 *   POST /calls/:id/answer | /calls/:id/hangup            -> {ok:true} or 404 (id: a callId or the
 *                                                             external party's number)
 *   POST /msg-waiting {deviceNumber, state:"on"|"off"}     -> {ok:true}
 *   GET /faults, POST /faults {…partial}, DELETE /faults   -> the faults now
 *   DELETE /sessions/:device[?reason=monitoringReject]     -> {ok:true} or 404 (sessionClosedByAdmin, or
 *                                                             sessionClosedByMonitoringReject)
 *   POST /restart                                          -> {port}
 *   POST /routing-points/:service/complete                 -> {ok:true}, or 409 when it is no running
 *                                                             campaign (started-completed)
 *   GET /state                                             -> sessions, faults, counters
 *   /rest/…                                                -> the mock REST services (rest-routes.ts)
 * POSTs must say `content-type: application/json` and the Host must be loopback: a web page the
 * user happens to open cannot send such a request without a CORS preflight we never grant, nor
 * reach us through DNS rebinding.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { z } from 'zod';
import type { SimulatorControl } from '../server/simulator';
import { describeZodError, faultsSchema, inboundCallSchema, msgWaitingSchema } from './schemas';
import type { RestMocksControl } from '../rest/rest-mocks';
import { routeRest } from './rest-routes';

const LOOPBACK_HOST = /^(127\.0\.0\.1|localhost|\[::1\])(:\d+)?$/;
const MAX_BODY = 64 * 1024;

class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

export interface ControlApi {
  port: number;
  url: string;
  close(): Promise<void>;
}

/** Without a simulator (`simulator --rest`), only the /rest/… routes answer. */
export async function startControlApi(control: SimulatorControl | undefined, port = 0, rest?: RestMocksControl): Promise<ControlApi> {
  const server: Server = createServer((req, res) => {
    void route(control, req, rest).then(
      ([status, body]) => send(res, status, body),
      (e: unknown) => {
        const status = e instanceof HttpError ? e.status : 500;
        send(res, status, { error: e instanceof Error ? e.message : String(e) });
      },
    );
  });
  server.requestTimeout = 10_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  const addr = server.address();
  const bound = typeof addr === 'object' && addr ? addr.port : port;
  return {
    port: bound,
    url: `http://127.0.0.1:${bound}`,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function send(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body) + '\n');
}

async function route(control: SimulatorControl | undefined, req: IncomingMessage, rest?: RestMocksControl): Promise<[number, unknown]> {
  if (!LOOPBACK_HOST.test(req.headers.host ?? '')) throw new HttpError(403, 'loopback Host only');
  const method = req.method ?? 'GET';
  const path = new URL(req.url ?? '/', 'http://control').pathname;
  if (rest && path.startsWith('/rest/')) {
    if (method === 'POST' && !(req.headers['content-type'] ?? '').startsWith('application/json')) {
      throw new HttpError(415, 'content-type must be application/json');
    }
    const routed = routeRest(rest, method, path, method === 'POST' ? await readJson(req) : {});
    if (routed) return routed;
  }
  if (!control) throw new HttpError(404, `no route ${method} ${path} (REST mocks only)`);
  const call = /^\/calls\/([^/]+)\/(answer|hangup)$/.exec(path);
  if (method === 'POST') {
    if (!(req.headers['content-type'] ?? '').startsWith('application/json')) {
      throw new HttpError(415, 'content-type must be application/json');
    }
    const body = await readJson(req);
    if (path === '/calls') return [201, control.injectCall(parse(inboundCallSchema, body))];
    if (call) {
      const id = decodeURIComponent(call[1] as string);
      const ok = call[2] === 'answer' ? control.answer(id) : control.hangup(id);
      if (!ok) throw new HttpError(404, `no call ${id} in a state that allows ${call[2]}`);
      return [200, { ok: true }];
    }
    if (path === '/msg-waiting') {
      const m = parse(msgWaitingSchema, body);
      control.setMsgWaiting(m.deviceNumber, m.state === 'on');
      return [200, { ok: true }];
    }
    if (path === '/faults') return [200, control.setFaults(definedOnly(parse(faultsSchema, body)))];
    if (path === '/restart') {
      await control.restart();
      return [200, { port: control.state().port }];
    }
    const complete = /^\/routing-points\/([^/]+)\/complete$/.exec(path);
    if (complete) {
      const service = decodeURIComponent(complete[1] as string);
      if (!control.completeCampaign(service)) throw new HttpError(409, `${service} is no running campaign`);
      return [200, { ok: true }];
    }
  } else if (method === 'GET') {
    if (path === '/state') return [200, control.state()];
    if (path === '/calls') return [200, control.calls()];
    if (path === '/faults') return [200, control.state().faults];
  } else if (method === 'DELETE') {
    if (path === '/faults') return [200, control.clearFaults()];
    const session = /^\/sessions\/([^/]+)$/.exec(path);
    if (session) {
      const device = decodeURIComponent(session[1] as string);
      const reason = new URL(req.url ?? '/', 'http://control').searchParams.get('reason');
      if (reason !== null && reason !== 'admin' && reason !== 'monitoringReject') throw new HttpError(400, 'reason must be admin or monitoringReject');
      if (!control.closeSession(device, reason ?? 'admin')) throw new HttpError(404, `no session on ${device}`);
      return [200, { ok: true }];
    }
  }
  throw new HttpError(404, `no route ${method} ${path}`);
}

function parse<T>(schema: z.ZodType<T>, body: unknown): T {
  const result = schema.safeParse(body);
  if (!result.success) throw new HttpError(400, describeZodError(result.error));
  return result.data;
}

/** Drops keys whose value is undefined (zod keeps absent optional keys absent; this is belt and braces). */
function definedOnly<T extends object>(value: T): { [K in keyof T]?: Exclude<T[K], undefined> } {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as {
    [K in keyof T]?: Exclude<T[K], undefined>;
  };
}

function readJson(req: IncomingMessage): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY) {
        reject(new HttpError(413, 'body too large'));
        req.destroy();
      } else chunks.push(c);
    });
    req.on('end', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      if (text.trim() === '') return resolve({});
      try {
        resolve(JSON.parse(text));
      } catch {
        reject(new HttpError(400, 'body is not JSON'));
      }
    });
    req.on('error', reject);
  });
}
