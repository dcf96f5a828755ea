/**
 * The three REST clients built from the settings and the secret store, each refused with a typed
 * `notConfigured` that names what is missing (so the pop, the panels and the Test buttons all say
 * the same thing). The secrets are read at each build: a new one applies to the next call.
 */
import type { RestSettings } from '../../common/rest-settings';
import { AgentRemoteControlClient } from '../rest/arc';
import { DnisReleaseClient } from '../rest/dnis-free';
import { RestError, type RestService } from '../rest/errors';
import { TransferDataClient } from '../rest/tds';
import type { SecretStore } from '../settings/secrets';

type Secrets = Pick<SecretStore, 'get'>;

const SERVICE_NAMES: Record<RestService, string> = { tds: 'transfer data', arc: 'agent remote control', dnisFree: 'DNIS release' };

/** Throws notConfigured when any of these is empty: the settings' names, or "the <key> secret". */
function requireFields(service: RestService, fields: Record<string, string>): void {
  const missing = Object.entries(fields)
    .filter(([, value]) => value === '')
    .map(([name]) => name);
  if (missing.length > 0) throw new RestError(service, 'notConfigured', `${SERVICE_NAMES[service]}: set ${missing.join(', ')}`, { missing: missing.join(',') });
}

export function tdsClientOf(s: RestSettings, secrets: Secrets, timeoutMs?: number): TransferDataClient {
  const password = secrets.get('tdsPassword') ?? '';
  requireFields('tds', { tdsBaseUrl: s.tdsBaseUrl, tdsClientId: s.tdsClientId, tdsCampaignId: s.tdsCampaignId, tdsUser: s.tdsUser, 'the tdsPassword secret': password });
  return new TransferDataClient({ baseUrl: s.tdsBaseUrl, clientId: s.tdsClientId, campaignId: s.tdsCampaignId, user: s.tdsUser, password, ...(timeoutMs ? { timeoutMs } : {}) });
}

export function arcClientOf(s: RestSettings, secrets: Secrets, timeoutMs?: number): AgentRemoteControlClient {
  const token = secrets.get('arcToken') ?? '';
  requireFields('arc', { arcBaseUrl: s.arcBaseUrl, arcUserId: s.arcUserId, 'the arcToken secret': token });
  return new AgentRemoteControlClient({ baseUrl: s.arcBaseUrl, userId: s.arcUserId, token, ...(timeoutMs ? { timeoutMs } : {}) });
}

export function dnisFreeClientOf(s: RestSettings, secrets: Secrets, timeoutMs?: number): DnisReleaseClient {
  const password = secrets.get('dnisPassword') ?? '';
  requireFields('dnisFree', {
    dnisFreeBaseUrl: s.dnisFreeBaseUrl,
    dnisFreeUser: s.dnisFreeUser,
    dnisFreeTenantId: s.dnisFreeTenantId,
    dnisFreeApplicationKey: s.dnisFreeApplicationKey,
    'the dnisPassword secret': password,
  });
  return new DnisReleaseClient({
    baseUrl: s.dnisFreeBaseUrl,
    user: s.dnisFreeUser,
    password,
    tenantId: s.dnisFreeTenantId,
    applicationKey: s.dnisFreeApplicationKey,
    ...(s.dnisFreeEnvironment !== '' ? { environmentName: s.dnisFreeEnvironment } : {}),
    ...(timeoutMs ? { timeoutMs } : {}),
  });
}
