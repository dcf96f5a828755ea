/**
 * The transfer data service client (transferdata-service-api.txt): start, edit, get, stop, a
 * session named by GUID, DNIS.ANI or OEM key; Basic auth; `text/x-louie-xml` bodies.
 *
 *   const tds = new TransferDataClient({ baseUrl: 'https://api.liveops.com/louie', clientId, campaignId, user, password });
 *   const s = await tds.start({ ani: '16505559999', agent: [['name', 'John Smith']] });  // s.dnis
 */
import { DataEncodingError } from './data-pairs';
import { RestError } from './errors';
import { GET_RETRY, restRequest, unexpectedStatus, type RestRequest, type RestResponse } from './http';
import { addressSegments, describeAddress, requestXml, type TdsAddress, type TdsData, type TdsRequestBody } from './tds-request';
import { parseTdsReply, statusOutcome, type TdsSession } from './tds-reply';
import { buildUrl, type Query, type Segment } from './url';
import { XmlReadError } from './xml';

export type { TdsAddress, TdsData } from './tds-request';
export type { TdsSession } from './tds-reply';

export const DEFAULT_REST_TIMEOUT_MS = 5000;

export interface TransferDataOptions {
  /** Everything before `/<client_id>/…` (e.g. https://api.liveops.com/louie). */
  baseUrl: string;
  clientId: string;
  campaignId: string;
  user: string;
  password: string;
  timeoutMs?: number;
  /** `--echo-args=1`: the reply includes the request structure. */
  echoArgs?: boolean;
  /** `--echo-meta=1`: the reply includes the bundle's meta information. */
  echoMeta?: boolean;
}

export interface CallOptions {
  timeoutMs?: number;
  signal?: AbortSignal;
}

export class TransferDataClient {
  constructor(private readonly options: TransferDataOptions) {}

  /** Reserves a DNIS (held two minutes at most) and saves the data. ANI '0' when unknown. */
  start(input: TdsData & { ani?: string; oemkey?: string }, call: CallOptions = {}): Promise<TdsSession> {
    const body: TdsRequestBody = { ...input, method: 'start', ani: input.ani === undefined || input.ani === '' ? '0' : input.ani };
    return this.post([], body, 'start', call);
  }

  /** Replaces all the session's data with `data` (pass again what must be kept). */
  edit(address: TdsAddress, data: TdsData, call: CallOptions = {}): Promise<TdsSession> {
    return this.post(addressSegments(address), { method: 'edit', ...data }, `edit ${describeAddress(address)}`, call);
  }

  /** Frees the DNIS and returns the session's data; by GUID and OEM key it stays readable. */
  stop(address: TdsAddress, call: CallOptions = {}): Promise<TdsSession> {
    return this.post(addressSegments(address), { method: 'stop' }, `stop ${describeAddress(address)}`, call);
  }

  /** The session's data; `properties` keeps only those scalars (default: all). Retried: a GET changes nothing. */
  async get(address: TdsAddress, filter: { properties?: readonly string[] } = {}, call: CallOptions = {}): Promise<TdsSession> {
    const query: [string, string][] = (filter.properties ?? []).map((p) => ['property', p]);
    const req = this.request('GET', addressSegments(address), query, call);
    req.retry = GET_RETRY;
    return this.decode(req, await restRequest(req), `get ${describeAddress(address)}`);
  }

  private async post(segments: Segment[], body: TdsRequestBody, what: string, call: CallOptions): Promise<TdsSession> {
    const req = this.request('POST', segments, [], call);
    try {
      req.body = requestXml(body);
    } catch (err) {
      if (err instanceof DataEncodingError) throw new RestError('tds', 'invalidArgument', err.message);
      throw err;
    }
    req.headers = { ...req.headers, 'Content-Type': 'text/x-louie-xml' };
    return this.decode(req, await restRequest(req), what);
  }

  private request(method: 'GET' | 'POST', segments: Segment[], extra: Query, call: CallOptions): RestRequest {
    const o = this.options;
    const path: Segment[] = [
      { value: o.clientId },
      'struct-xml',
      'my-callcenter',
      'campaigns',
      'by-id',
      { value: o.campaignId },
      'telephony',
      'routing',
      'transferdata',
      'dnis',
      ...segments,
    ];
    const query: Query = [
      ...(o.echoArgs ? ([['--echo-args', '1']] as const) : []),
      ...(o.echoMeta ? ([['--echo-meta', '1']] as const) : []),
      ...extra,
    ];
    const basic = Buffer.from(`${o.user}:${o.password}`, 'utf8').toString('base64');
    const req: RestRequest = {
      service: 'tds',
      method,
      url: buildUrl(o.baseUrl, path, query),
      headers: { Authorization: `Basic ${basic}`, Accept: 'text/xml, text/x-louie-xml, application/xml' },
      timeoutMs: call.timeoutMs ?? o.timeoutMs ?? DEFAULT_REST_TIMEOUT_MS,
      secrets: [o.password, basic],
    };
    if (call.signal) req.signal = call.signal;
    return req;
  }

  private decode(req: RestRequest, res: RestResponse, what: string): TdsSession {
    if (res.status === 401) throw new RestError('tds', 'unauthorized', `${what}: HTTP 401, credentials refused`, { httpStatus: 401 });
    let session: TdsSession;
    try {
      session = parseTdsReply(res.text);
    } catch (err) {
      // Table 3-3's asterisk: an invalid session is an HTTP 404 whose body describes the problem.
      if (res.status === 404) {
        const why = res.text.replace(/<[^>]*>/g, ' ').replace(/\s+/g, ' ').trim().slice(0, 200);
        throw new RestError('tds', 'no_session', `${what}: no such session${why ? ` (${why})` : ''}`, { httpStatus: 404 });
      }
      if (res.status < 200 || res.status > 299) throw unexpectedStatus(req, res);
      if (err instanceof XmlReadError || err instanceof DataEncodingError) {
        throw new RestError('tds', 'malformedReply', `${what}: ${err.message}`, { httpStatus: res.status });
      }
      throw err;
    }
    const outcome = statusOutcome(session.statusCode, session.status);
    if (outcome === 'ok' && res.status >= 200 && res.status <= 299) return session;
    if (outcome === 'ok' && res.status === 404) throw new RestError('tds', 'no_session', `${what}: no such session`, { httpStatus: 404 });
    if (outcome === 'ok') throw unexpectedStatus(req, res);
    throw new RestError('tds', outcome, `${what}: ${session.status || 'error'} (status_code ${session.statusCode || '?'})`, {
      httpStatus: res.status,
      status: session.status,
      statusCode: session.statusCode,
      ...(session.guid ? { guid: session.guid } : {}),
    });
  }
}
