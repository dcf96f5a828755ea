/**
 * The REST integration tests' rig: the mock services on a real loopback port (optionally on a
 * manual clock), clients configured with the mocks' credentials, and an assertion on typed errors.
 */
import { expect } from 'vitest';
import { AgentRemoteControlClient, type AgentRemoteControlOptions } from '../../../main/rest/arc';
import { DnisReleaseClient, type DnisReleaseOptions } from '../../../main/rest/dnis-free';
import { RestError } from '../../../main/rest/errors';
import { TransferDataClient, type TransferDataOptions } from '../../../main/rest/tds';
import { MOCK_CREDENTIALS, startRestMocks, type RestMocksOptions, type RunningRestMocks } from '../../../main/simulator/rest/rest-mocks';
import type { Cleanup } from '../../support/cleanup';
import type { ErrorCode } from '../../../common/errors';

export async function mocks(cleanup: Cleanup, options: RestMocksOptions = {}): Promise<RunningRestMocks> {
  const running = await startRestMocks(options);
  cleanup(() => running.close());
  return running;
}

export function tdsClient(m: RunningRestMocks, over: Partial<TransferDataOptions> = {}): TransferDataClient {
  const c = MOCK_CREDENTIALS.tds;
  return new TransferDataClient({ baseUrl: m.urls.tds, clientId: c.clientId, campaignId: c.campaignId, user: c.user, password: c.password, timeoutMs: 3000, ...over });
}

export function arcClient(m: { urls: { arc: string } }, over: Partial<AgentRemoteControlOptions> = {}): AgentRemoteControlClient {
  const c = MOCK_CREDENTIALS.arc;
  return new AgentRemoteControlClient({ baseUrl: m.urls.arc, token: c.token, userId: c.userId, timeoutMs: 3000, ...over });
}

export function dnisClient(m: RunningRestMocks, over: Partial<DnisReleaseOptions> = {}): DnisReleaseClient {
  const c = MOCK_CREDENTIALS.dnisFree;
  return new DnisReleaseClient({ baseUrl: m.urls.dnisFree, user: c.user, password: c.password, tenantId: c.tenantId, applicationKey: c.applicationKey, timeoutMs: 3000, ...over });
}

/** Awaits a rejection and checks it is a RestError with `code`; returns it for more checks. */
export async function restError(promise: Promise<unknown>, code: ErrorCode): Promise<RestError> {
  const err: unknown = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(RestError);
  const e = err as RestError;
  expect(e.code, e.message).toBe(code);
  return e;
}

/** A loopback port nothing listens on (a server bound then closed). */
export async function closedPortUrl(): Promise<string> {
  const m = await startRestMocks();
  const url = m.url;
  await m.close();
  return url;
}
