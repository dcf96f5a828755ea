/**
 * The DNIS release service (interact-dnis-free.txt) as a mock: POST dnis/allocate/free/{phone}
 * with base64 User-Id / User-Password, Tenant-Id and Application-Key (Environment-Name checked when
 * configured). The numbers are the transfer data pool: freeing an allocated one ends the session
 * holding it; a number outside the pool is a 404.
 */
import { header, text, type MockRequest, type MockResponse } from './mock-http';
import type { TdsModel } from './tds-model';

export interface DnisHttpOptions {
  model: TdsModel;
  user: string;
  password: string;
  tenantId: string;
  applicationKey: string;
  /** When set, requests must name this environment. */
  environmentName?: string;
}

const UNAUTHORIZED_BODY = JSON.stringify({
  code: '0x7000000',
  message: 'Request is unauthorized, missing or wrong credentials',
  moreInfoUrl: 'http://www.jacada.com/support',
});

function fromBase64(value: string | undefined): string | undefined {
  if (value === undefined || !/^[A-Za-z0-9+/]*={0,2}$/.test(value)) return undefined;
  return Buffer.from(value, 'base64').toString('utf8');
}

/** Which header is wrong, in the Unauthenticated-Reason header's words. */
function authFailure(o: DnisHttpOptions, req: MockRequest): string | undefined {
  if (fromBase64(header(req, 'user-id')) !== o.user) return 'User-Id missing or unknown';
  if (fromBase64(header(req, 'user-password')) !== o.password) return 'User-Password missing or wrong';
  if (header(req, 'tenant-id') !== o.tenantId) return 'Tenant-Id missing or unknown';
  if (header(req, 'application-key') !== o.applicationKey) return 'Application-Key missing or wrong';
  if (o.environmentName !== undefined && header(req, 'environment-name') !== o.environmentName) return 'Environment-Name missing or unknown';
  return undefined;
}

export function handleDnisFree(o: DnisHttpOptions, req: MockRequest): MockResponse {
  const [a, b, c, phone, ...extra] = req.segments;
  if (a !== 'dnis' || b !== 'allocate' || c !== 'free' || phone === undefined || extra.length > 0) return text(404, 'no such resource');
  if (req.method !== 'POST') return text(405, 'POST only');
  const reason = authFailure(o, req);
  if (reason) {
    return { status: 401, headers: { 'content-type': 'application/json', 'unauthenticated-reason': reason }, body: UNAUTHORIZED_BODY };
  }
  const outcome = o.model.freeDnis(phone);
  switch (outcome) {
    case 'freed':
    case 'notAllocated':
      return { status: 200, body: '' };
    case 'unknown':
      return text(404, `Phone number ${phone} was not found`);
    default: {
      const unreachable: never = outcome;
      return text(500, `exception ${String(unreachable)}`);
    }
  }
}
