/**
 * The settings' "Test" of a REST service: one harmless request that only a reachable service
 * with these credentials answers the expected way. Nothing is allocated, changed or released:
 *   - transfer data: get a session that cannot exist (the all-zero GUID) → no_session is success
 *     (the URL, client id and Basic auth were accepted; a wrong password is `unauthorized`);
 *   - agent remote control: the result codes (a read);
 *   - DNIS release: free "0", a number no pool holds → 404 is success (a wrong header is 401).
 * Any other answer is the error, typed, as the service gave it.
 */
import { CtiError } from '../../common/errors';
import type { RestServiceName, RestSettings, RestTestResult } from '../../common/rest-settings';
import type { SecretStore } from '../settings/secrets';
import { arcClientOf, dnisFreeClientOf, tdsClientOf } from './rest-clients';

const NO_SUCH_SESSION = '00000000-0000-0000-0000-000000000000';
const NO_SUCH_NUMBER = '0';

/** Resolves when the error is the answer a working service gives to the probe; rethrows otherwise. */
function expected(code: string) {
  return (err: unknown): void => {
    if (err instanceof CtiError && err.code === code) return;
    throw err;
  };
}

async function probe(service: RestServiceName, s: RestSettings, secrets: Pick<SecretStore, 'get'>, timeoutMs: number): Promise<void> {
  switch (service) {
    case 'tds':
      await tdsClientOf(s, secrets, timeoutMs)
        .get({ guid: NO_SUCH_SESSION }, {}, { timeoutMs })
        .then(() => undefined, expected('no_session'));
      return;
    case 'arc':
      await arcClientOf(s, secrets, timeoutMs).resultCodes({ timeoutMs });
      return;
    case 'dnisFree':
      await dnisFreeClientOf(s, secrets, timeoutMs)
        .free(NO_SUCH_NUMBER, { timeoutMs })
        .then(() => undefined, expected('dnisNotFound'));
      return;
    default: {
      const unreachable: never = service;
      throw new CtiError('invalidArgument', `unknown service ${String(unreachable)}`);
    }
  }
}

export async function testRestService(service: RestServiceName, s: RestSettings, secrets: Pick<SecretStore, 'get'>, timeoutMs: number): Promise<RestTestResult> {
  const start = performance.now();
  await probe(service, s, secrets, timeoutMs);
  return { service, latencyMs: Math.round((performance.now() - start) * 10) / 10 };
}
