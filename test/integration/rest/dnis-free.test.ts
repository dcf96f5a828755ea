import { describe, expect, it } from 'vitest';
import { cleanupAfterEach } from '../../support/cleanup';
import { closedPortUrl, dnisClient, mocks, restError, tdsClient } from './harness';

const cleanup = cleanupAfterEach();

describe('DNIS release client against the mock over HTTP', () => {
  it('frees an allocated DNIS (200): the transfer data session holding it ends', async () => {
    const m = await mocks(cleanup);
    const s = await tdsClient(m).start({ ani: '16505559999', agent: [['k', 'v']] });
    expect(await dnisClient(m).free(s.dnis as string)).toEqual({ phone: s.dnis, freed: true });
    await restError(tdsClient(m).get({ dnis: s.dnis as string, ani: '16505559999' }), 'no_session');
    expect(m.control.state().sessions[0]).toMatchObject({ active: false, endedBy: 'dnisFree' });
  });

  it('a number of the pool that is not allocated is 200 too; one outside it is 404 dnisNotFound', async () => {
    const m = await mocks(cleanup);
    expect(await dnisClient(m).free('18005550003')).toEqual({ phone: '18005550003', freed: true });
    const e = await restError(dnisClient(m).free('380974520200'), 'dnisNotFound');
    expect(e.message).toContain('Phone number 380974520200 was not found');
    expect(e.detail).toMatchObject({ httpStatus: 404, service: 'dnisFree' });
  });

  it('tells each wrong header apart in its 401 (Unauthenticated-Reason), never showing the secrets', async () => {
    const m = await mocks(cleanup, { dnisFree: { environmentName: 'prod' } });
    const good = { environmentName: 'prod' };
    expect(await dnisClient(m, good).free('18005550001')).toMatchObject({ freed: true });
    const cases = [
      [{ user: 'mallory' }, 'User-Id missing or unknown'],
      [{ password: 'guessed-pw' }, 'User-Password missing or wrong'],
      [{ tenantId: '1' }, 'Tenant-Id missing or unknown'],
      [{ applicationKey: 'forged-app-key' }, 'Application-Key missing or wrong'],
      [{ environmentName: 'test' }, 'Environment-Name missing or unknown'],
    ] as const;
    for (const [over, reason] of cases) {
      const e = await restError(dnisClient(m, { ...good, ...over }).free('18005550001'), 'unauthorized');
      expect(e.detail).toMatchObject({ httpStatus: 401, reason, responseCode: '0x7000000' });
      expect(e.message).not.toMatch(/guessed-pw|forged-app-key/);
    }
    await restError(dnisClient(m).free('18005550001'), 'unauthorized'); // no Environment-Name
  });

  it('500 is dnisServerError, another status httpStatus, a hang a timeout, nothing listening connectionRefused', async () => {
    const m = await mocks(cleanup);
    m.control.setFaults({ dnisFree: { httpStatus: 500 } });
    await restError(dnisClient(m).free('18005550001'), 'dnisServerError');
    m.control.setFaults({ dnisFree: { httpStatus: 418 } });
    const e = await restError(dnisClient(m).free('18005550001'), 'httpStatus');
    expect(e.detail).toMatchObject({ httpStatus: 418 });
    m.control.clearFaults();
    m.control.setFaults({ dnisFree: { hang: true } });
    await restError(dnisClient(m).free('18005550001', { timeoutMs: 200 }), 'timeout');
    await restError(dnisClient(m, { baseUrl: `${await closedPortUrl()}/interact/version/2` }).free('1'), 'connectionRefused');
  });

  it('a slow service within the timeout still answers', async () => {
    const m = await mocks(cleanup);
    m.control.setFaults({ dnisFree: { delayMs: 150 } });
    expect(await dnisClient(m).free('18005550002', { timeoutMs: 2000 })).toMatchObject({ freed: true });
  });
});
