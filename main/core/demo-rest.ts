/**
 * The demo's REST settings: the three services pointed at the simulator's mocks with the mocks'
 * credentials, so the demo's transferred calls pop with their transfer data and release their DNIS
 * (by stop), and the agent remote-control panel shows the mock agent's calls.
 */
import type { SecretKey } from '../../common/secrets';
import type { RestSettings } from '../../common/rest-settings';
import { DEFAULT_DNIS_PREFIX, MOCK_CREDENTIALS, type RestMockUrls } from '../simulator/rest/rest-mocks';

export function demoRestSettings(urls: RestMockUrls): Partial<RestSettings> {
  const { tds, arc, dnisFree } = MOCK_CREDENTIALS;
  return {
    tdsBaseUrl: urls.tds,
    tdsClientId: tds.clientId,
    tdsCampaignId: tds.campaignId,
    tdsUser: tds.user,
    tdsDnisPrefixes: [DEFAULT_DNIS_PREFIX],
    tdsRelease: 'stop',
    arcBaseUrl: urls.arc,
    arcUserId: arc.userId,
    dnisFreeBaseUrl: urls.dnisFree,
    dnisFreeUser: dnisFree.user,
    dnisFreeTenantId: dnisFree.tenantId,
    dnisFreeApplicationKey: dnisFree.applicationKey,
  };
}

export const DEMO_REST_SECRETS: Partial<Record<SecretKey, string>> = {
  tdsPassword: MOCK_CREDENTIALS.tds.password,
  arcToken: MOCK_CREDENTIALS.arc.token,
  dnisPassword: MOCK_CREDENTIALS.dnisFree.password,
};
