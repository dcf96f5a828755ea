/**
 * The DNIS release client (interact-dnis-free.txt): POST …/dnis/allocate/free/{phone} with the
 * User-Id / User-Password (base64), Tenant-Id, Application-Key and optional Environment-Name
 * headers. 200 (freed, or found but not allocated), 401 (with its Unauthenticated-Reason), 404
 * and 500 are told apart.
 */
import { RestError } from './errors';
import { restRequest, unexpectedStatus, type RestRequest } from './http';
import { DEFAULT_REST_TIMEOUT_MS, type CallOptions } from './tds';
import { buildUrl, v } from './url';

export interface DnisReleaseOptions {
  /** Everything before `/dnis/allocate/free/…` (e.g. https://gointeract.io/interact/version/2). */
  baseUrl: string;
  user: string;
  password: string;
  tenantId: string;
  applicationKey: string;
  /** Multi-environment configurations only. */
  environmentName?: string;
  timeoutMs?: number;
}

export interface DnisReleased {
  phone: string;
  freed: true;
}

const b64 = (text: string): string => Buffer.from(text, 'utf8').toString('base64');

export class DnisReleaseClient {
  constructor(private readonly options: DnisReleaseOptions) {}

  async free(phone: string, c: CallOptions = {}): Promise<DnisReleased> {
    const o = this.options;
    const headers: Record<string, string> = {
      'User-Id': b64(o.user),
      'User-Password': b64(o.password),
      'Tenant-Id': o.tenantId,
      'Application-Key': o.applicationKey,
      Accept: 'application/json, text/plain;q=0.5',
    };
    if (o.environmentName) headers['Environment-Name'] = o.environmentName;
    const req: RestRequest = {
      service: 'dnisFree',
      method: 'POST',
      url: buildUrl(o.baseUrl, ['dnis', 'allocate', 'free', v(phone)]),
      headers,
      body: '',
      timeoutMs: c.timeoutMs ?? o.timeoutMs ?? DEFAULT_REST_TIMEOUT_MS,
      // The application key identifies the account: masked like the password.
      secrets: [o.password, o.applicationKey],
    };
    if (c.signal) req.signal = c.signal;
    const res = await restRequest(req);
    switch (res.status) {
      case 200:
        return { phone, freed: true };
      case 401: {
        const reason = res.headers.get('unauthenticated-reason') ?? '';
        const body = errorBody(res.text);
        const why = reason || body.message || 'missing or wrong credentials';
        throw new RestError('dnisFree', 'unauthorized', `free ${phone}: HTTP 401, ${why}`, {
          httpStatus: 401,
          ...(reason ? { reason } : {}),
          ...(body.code ? { responseCode: body.code } : {}),
        });
      }
      case 404:
        throw new RestError('dnisFree', 'dnisNotFound', `free ${phone}: ${oneLine(res.text) || 'phone number not found'}`, { httpStatus: 404 });
      case 500:
        throw new RestError('dnisFree', 'dnisServerError', `free ${phone}: internal error${res.text ? ` (${oneLine(res.text)})` : ''}`, {
          httpStatus: 500,
        });
      default:
        throw unexpectedStatus(req, res);
    }
  }
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim().slice(0, 200);
}

/** The 401 body: `{"code":"0x7000000","message":…}` (the spec's example has a trailing comma). */
function errorBody(text: string): { code?: string; message?: string } {
  const code = /"code"\s*:\s*"([^"]*)"/.exec(text)?.[1];
  const message = /"message"\s*:\s*"([^"]*)"/.exec(text)?.[1];
  return { ...(code ? { code } : {}), ...(message ? { message } : {}) };
}
