/** Set-up shared by the telservices integration tests (transports and client over loopback). */
import { createServer } from 'node:net';
import { expect } from 'vitest';
import { CtiError } from '../../../common/errors';

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
