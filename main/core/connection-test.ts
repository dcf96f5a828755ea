/**
 * Settings → Test connection: one request that needs no session (searchNumber) through the whole
 * stack to the TelServer the form names, and, when the line would long-poll on a separate HTTP
 * port (raw TCP with httpPort set), the same request over HTTP to that port. A failure there does
 * not fail the test (the TelServer answered): it is reported beside it, typed.
 */
import type { TestConnectionResult } from '../../common/contract';
import { toErrorShape } from '../../common/errors';
import type { Settings } from '../../common/schemas';
import { separatePollPort } from './event-source';
import type { LinkFactory, LinkTarget } from './link';

async function roundTrip(linkFactory: LinkFactory, target: LinkTarget, deviceNumber: string): Promise<number> {
  const start = performance.now();
  await linkFactory(target).request({ type: 'searchNumber', deviceNumber, number: deviceNumber });
  return Math.round((performance.now() - start) * 10) / 10;
}

export async function testConnection(linkFactory: LinkFactory, s: Settings): Promise<TestConnectionResult> {
  const target: LinkTarget = { host: s.serverHost, port: s.serverPort, transport: s.transport, endOfPdu: s.endOfPdu, requestTimeoutMs: s.requestTimeoutMs };
  const latencyMs = await roundTrip(linkFactory, target, s.deviceNumber);
  const port = separatePollPort(s);
  if (port === undefined) return { latencyMs };
  try {
    const http = await roundTrip(linkFactory, { ...target, port, transport: 'http' }, s.deviceNumber);
    return { latencyMs, httpPort: { port, ok: true, latencyMs: http } };
  } catch (err) {
    return { latencyMs, httpPort: { port, ok: false, error: toErrorShape(err) } };
  }
}
