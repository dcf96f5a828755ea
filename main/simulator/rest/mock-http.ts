/**
 * What the three mock services share: the request as a handler sees it, the response it returns,
 * and the faults a test sets through the control API (a hang for timeouts, a delay, a forced HTTP
 * status).
 */
import { z } from 'zod';

export interface MockRequest {
  method: string;
  /** The decoded path segments after the service's prefix. */
  segments: string[];
  query: URLSearchParams;
  headers: Readonly<Record<string, string | string[] | undefined>>;
  body: string;
}

export interface MockResponse {
  status: number;
  headers?: Record<string, string>;
  body: string;
}

export const serviceFaultsSchema = z.strictObject({
  /** Never answer (the client's timeout is the only way out). */
  hang: z.boolean().optional(),
  /** Answer after this many ms. */
  delayMs: z.number().int().min(0).max(600_000).optional(),
  /** Answer this HTTP status with an empty body instead of serving the request. */
  httpStatus: z.number().int().min(200).max(599).optional(),
  /** Transfer data only: answer this status (Table 3-3) to every request. */
  tdsStatus: z.enum(['error', 'pool_full', 'unknown_zone', 'campaign_not_found', 'no_reps_logged_on', 'off_hours']).optional(),
});
export type ServiceFaults = z.infer<typeof serviceFaultsSchema>;

export const restFaultsSchema = z.strictObject({
  tds: serviceFaultsSchema.optional(),
  arc: serviceFaultsSchema.optional(),
  dnisFree: serviceFaultsSchema.optional(),
});
export type RestFaults = { tds: ServiceFaults; arc: ServiceFaults; dnisFree: ServiceFaults };

export function header(req: MockRequest, name: string): string | undefined {
  const value = req.headers[name.toLowerCase()];
  return Array.isArray(value) ? value[0] : value;
}

export function text(status: number, body: string, headers: Record<string, string> = {}): MockResponse {
  return { status, headers: { 'content-type': 'text/plain; charset=utf-8', ...headers }, body };
}

/** Basic credentials from an Authorization header, or undefined. */
export function basicAuth(req: MockRequest): { user: string; password: string } | undefined {
  const value = header(req, 'authorization');
  const m = value ? /^Basic\s+([A-Za-z0-9+/=]+)$/i.exec(value) : null;
  if (!m) return undefined;
  const decoded = Buffer.from(m[1] as string, 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  return colon < 0 ? undefined : { user: decoded.slice(0, colon), password: decoded.slice(colon + 1) };
}
