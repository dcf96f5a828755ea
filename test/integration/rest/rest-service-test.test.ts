/**
 * The settings' Test of each REST service (main/core/rest-test.ts) against the mocks over real
 * HTTP: success for good settings, the service's own error otherwise (wrong secret, wrong client,
 * nothing configured, a hung service), and never a change on the service's side.
 */
import { describe, expect, it } from 'vitest';
import { REST_SERVICES } from '../../../common/rest-settings';
import { DEFAULT_SETTINGS, type Settings } from '../../../common/schemas';
import { DEMO_REST_SECRETS, demoRestSettings } from '../../../main/core/demo-rest';
import { testRestService } from '../../../main/core/rest-test';
import { CtiService } from '../../../main/core/service';
import { telServicesLinkFactory } from '../../../main/core/telservices-link';
import { MemorySecretStore } from '../../../main/settings/secrets';
import { MemorySettingsStore } from '../../../main/settings/store';
import type { RunningRestMocks } from '../../../main/simulator/rest/rest-mocks';
import { cleanupAfterEach } from '../../support/cleanup';
import { mocks, restError } from './harness';

const cleanup = cleanupAfterEach();

function configured(m: RunningRestMocks, over: Partial<Settings> = {}): Settings {
  return { ...DEFAULT_SETTINGS, ...demoRestSettings(m.urls), ...over };
}

const secrets = (over: Partial<typeof DEMO_REST_SECRETS> = {}) => new MemorySecretStore({ ...DEMO_REST_SECRETS, ...over });

describe('Test of a REST service', () => {
  it('succeeds for each service with the right settings, and changes nothing there', async () => {
    const m = await mocks(cleanup);
    const before = m.control.state();
    for (const service of REST_SERVICES) {
      const r = await testRestService(service, configured(m), secrets(), 2000);
      expect(r.service).toBe(service);
      expect(r.latencyMs).toBeGreaterThanOrEqual(0);
    }
    const after = m.control.state();
    expect(after.sessions).toEqual(before.sessions);
    expect(after.pool).toEqual(before.pool);
    expect(after.requests).toBe(before.requests + 3);
  });

  it('names the error: a wrong secret is unauthorized for each service, and the secret is not in the message', async () => {
    const m = await mocks(cleanup);
    const wrong = secrets({ tdsPassword: 'bad-pass', arcToken: 'bad-token', dnisPassword: 'bad-dnis' });
    for (const service of REST_SERVICES) {
      const err = await restError(testRestService(service, configured(m), wrong, 2000), 'unauthorized');
      expect(JSON.stringify(err.toShape())).not.toMatch(/bad-(pass|token|dnis)/);
    }
  });

  it('says what is missing when a service is not configured', async () => {
    const m = await mocks(cleanup);
    const err = await restError(testRestService('tds', configured(m, { tdsBaseUrl: '' }), secrets({ tdsPassword: '' }), 2000), 'notConfigured');
    expect(err.message).toBe('transfer data: set tdsBaseUrl, the tdsPassword secret');
    await restError(testRestService('arc', configured(m, { arcUserId: '' }), secrets(), 2000), 'notConfigured');
    await restError(testRestService('dnisFree', configured(m, { dnisFreeTenantId: '' }), secrets(), 2000), 'notConfigured');
    expect(m.control.state().requests).toBe(0);
  });

  it('a wrong tenant or client id is the service\'s answer; a hung service is a timeout within the limit', async () => {
    const m = await mocks(cleanup);
    await restError(testRestService('dnisFree', configured(m, { dnisFreeTenantId: '999' }), secrets(), 2000), 'unauthorized');
    m.control.setFaults({ arc: { hang: true } });
    const start = Date.now();
    await restError(testRestService('arc', configured(m), secrets(), 300), 'timeout');
    expect(Date.now() - start).toBeLessThan(2000);
  });

  it('through the contract: the form\'s unsaved values are tested, the saved settings untouched', async () => {
    const m = await mocks(cleanup);
    const store = new MemorySettingsStore({ ...demoRestSettings(m.urls), arcBaseUrl: 'http://127.0.0.1:9/nothing-here' });
    const service = new CtiService({ settings: store, secrets: secrets(), linkFactory: telServicesLinkFactory });
    const saved = store.get().arcBaseUrl;
    await expect(service.handlers.testRestService({ service: 'arc', settings: { arcBaseUrl: m.urls.arc } })).resolves.toMatchObject({ service: 'arc' });
    // The saved URL: port 9 (discard) is not listening.
    await expect(service.handlers.testRestService({ service: 'arc' })).rejects.toMatchObject({ code: 'network' });
    expect(store.get().arcBaseUrl).toBe(saved);
  });
});
