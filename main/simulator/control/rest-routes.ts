/**
 * The mock REST services' part of the control API (mounted under /rest/ by control-api.ts):
 *   GET /rest/state                        -> base URLs, faults, DNIS pool, transfer data sessions
 *   POST /rest/faults {tds?,arc?,dnisFree?} -> the faults now (each: hang, delayMs, httpStatus, tdsStatus)
 *   DELETE /rest/faults                     -> no faults
 *   POST /rest/tds/sessions {ani?,oemkey?,agent?,routing?,reporting?} -> 201 the session (data as
 *        {key: value} objects, encoded as the service stores them), or 409 {error: 'pool_full'}
 *   POST /rest/tds/route {device: '1102' | null} -> the DNIS pool rings that device (null: external again)
 */
import { z } from 'zod';
import { encodeDataPairs } from '../../rest/data-pairs';
import type { RestMocksControl } from '../rest/rest-mocks';
import { restFaultsSchema } from '../rest/mock-http';
import { describeZodError } from './schemas';

const pairs = z.record(z.string().max(200), z.string().max(4096));
export const tdsSessionSchema = z.strictObject({
  ani: z.string().min(1).max(64).optional(),
  oemkey: z.string().min(1).max(200).optional(),
  agent: pairs.optional(),
  routing: pairs.optional(),
  reporting: pairs.optional(),
});

function parse<T>(schema: z.ZodType<T>, body: unknown): T | string {
  const r = schema.safeParse(body);
  return r.success ? r.data : describeZodError(r.error);
}

const encode = (p: Record<string, string> | undefined): string => encodeDataPairs(Object.entries(p ?? {}));

/** [status, body] for a /rest/… route, or undefined when none matches. */
export function routeRest(rest: RestMocksControl, method: string, path: string, body: unknown): [number, unknown] | undefined {
  if (method === 'GET' && path === '/rest/state') return [200, rest.state()];
  if (method === 'DELETE' && path === '/rest/faults') return [200, rest.clearFaults()];
  if (method === 'POST' && path === '/rest/faults') {
    const change = parse(restFaultsSchema, body);
    return typeof change === 'string' ? [400, { error: change }] : [200, rest.setFaults(change)];
  }
  if (method === 'POST' && path === '/rest/tds/sessions') {
    const input = parse(tdsSessionSchema, body);
    if (typeof input === 'string') return [400, { error: input }];
    const out = rest.startTdsSession({
      ...(input.ani ? { ani: input.ani } : {}),
      ...(input.oemkey ? { oemkey: input.oemkey } : {}),
      agentdata: encode(input.agent),
      routingdata: encode(input.routing),
      reportingdata: encode(input.reporting),
    });
    return typeof out === 'string' ? [409, { error: out }] : [201, out];
  }
  if (method === 'POST' && path === '/rest/tds/route') {
    const input = parse(z.strictObject({ device: z.string().regex(/^[0-9*#+]{1,32}$/).nullable() }), body);
    if (typeof input === 'string') return [400, { error: input }];
    rest.routeDnisTo(input.device ?? undefined);
    return [200, { pool: rest.state().pool, device: input.device }];
  }
  return undefined;
}
