/**
 * The REST scenarios' rig: the simulator with its mock REST services, and web mode for each device
 * with a settings directory written beforehand (settings.json pointing the REST services at the
 * mocks, secrets.json holding the mocks' credentials), as an integrator would configure them.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { SettingsPatch } from '../../common/schemas';
import { MOCK_CREDENTIALS } from '../../main/simulator/rest/rest-mocks';
import { control, startRig, type Rig } from './agent-support';

export interface RestRig extends Rig {
  rest: { tds: string; arc: string; dnisFree: string };
}

/** The REST settings of the mocks (transfer data on DNIS 1800555…, released by stop). */
export function mockRestSettings(rest: RestRig['rest'], over: SettingsPatch = {}): SettingsPatch {
  const t = MOCK_CREDENTIALS.tds;
  const d = MOCK_CREDENTIALS.dnisFree;
  return {
    tdsBaseUrl: rest.tds,
    tdsClientId: t.clientId,
    tdsCampaignId: t.campaignId,
    tdsUser: t.user,
    tdsDnisPrefixes: ['1800555'],
    tdsRelease: 'stop',
    arcBaseUrl: rest.arc,
    arcUserId: MOCK_CREDENTIALS.arc.userId,
    dnisFreeBaseUrl: rest.dnisFree,
    dnisFreeUser: d.user,
    dnisFreeTenantId: d.tenantId,
    dnisFreeApplicationKey: d.applicationKey,
    ...over,
  };
}

/** The simulator (TelServer, control API, REST mocks) and one web mode per device, configured for REST. */
export async function startRestRig(devices: readonly string[], over: SettingsPatch = {}): Promise<RestRig> {
  const dirs: string[] = [];
  const rig = await startRig(devices, [], {
    simPatterns: [/rest tds on (http:\/\/\S+)/, /rest arc on (http:\/\/\S+)/, /rest dnis-free on (http:\/\/\S+)/],
    // Each web mode reads a settings directory written as an integrator would configure it.
    webArgs: (device, [tds = '', arc = '', dnisFree = '']) => {
      const dir = mkdtempSync(join(tmpdir(), 'cti-rest-e2e-'));
      dirs.push(dir);
      writeFileSync(join(dir, 'settings.json'), JSON.stringify({ deviceNumber: device, ...mockRestSettings({ tds, arc, dnisFree }, over) }), { mode: 0o600 });
      const secrets = { tdsPassword: MOCK_CREDENTIALS.tds.password, arcToken: MOCK_CREDENTIALS.arc.token, dnisPassword: MOCK_CREDENTIALS.dnisFree.password };
      writeFileSync(join(dir, 'secrets.json'), JSON.stringify(secrets), { mode: 0o600 });
      return ['--settings', dir];
    },
    afterStop: () => {
      for (const d of dirs) rmSync(d, { recursive: true, force: true });
    },
  });
  const [tds = '', arc = '', dnisFree = ''] = rig.simValues;
  return { ...rig, rest: { tds, arc, dnisFree } };
}

/** A remote contact centre starts a transfer data session for `ani` with these agent pairs; returns its DNIS and GUID. */
export async function startTransferSession(rig: RestRig, ani: string, agent: Record<string, string>): Promise<{ dnis: string; guid: string }> {
  return (await control(rig, 'POST', '/rest/tds/sessions', { ani, agent })) as { dnis: string; guid: string };
}
