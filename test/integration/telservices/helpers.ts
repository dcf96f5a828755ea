/** Set-up shared by the telservices integration tests (transports, client and session over loopback). */
import { createServer } from 'node:net';
import { expect } from 'vitest';
import { CtiError } from '../../../common/errors';
import { STANDARD_RESULT, type FakeHandler } from '../../support/fake-telserver';

/** The CtiError `p` rejects with (the test fails if it resolves or rejects with anything else). */
export async function rejection(p: Promise<unknown>): Promise<CtiError> {
  try {
    await p;
  } catch (e) {
    expect(e).toBeInstanceOf(CtiError);
    return e as CtiError;
  }
  throw new Error('expected a rejection');
}

/** A loopback port nothing listens on (the OS chose it for a listener that is closed again). */
export async function unusedPort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((r) => probe.listen(0, '127.0.0.1', () => r()));
  const port = (probe.address() as { port: number }).port;
  await new Promise<void>((r) => probe.close(() => r()));
  return port;
}

/** A snapshot result with no call and DND off: what the session tests' fake server answers. */
export const SNAPSHOT = '<TelServiceReturn><result><snapshot><calls/><doNotDisturb><off/></doNotDisturb></snapshot></result></TelServiceReturn>';
export const error = (name: string): string => `<TelServiceReturn><error><${name}/></error></TelServiceReturn>`;
export const DND_ON = '<TelServiceEvent><event><doNotDisturb><on/></doNotDisturb></event></TelServiceEvent>';

/** Replies by request element: snapshot -> SNAPSHOT, the rest -> standard, unless overridden. */
export function byRequest(overrides: Record<string, FakeHandler> = {}): FakeHandler {
  return (xml, ctx) => {
    const type = /^<TelServiceRequest>\s*<(\w+)/.exec(xml)?.[1] ?? '';
    const o = overrides[type];
    if (o) return o(xml, ctx);
    return { kind: 'reply', xml: type === 'snapshot' ? SNAPSHOT : STANDARD_RESULT };
  };
}
