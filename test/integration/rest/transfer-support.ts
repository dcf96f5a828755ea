/**
 * Transfer with data over real sockets: the core on the simulator, its settings pointing at the
 * simulator's own transfer data mock; a connected inbound call to start from; a second core for
 * the receiving device on the same simulator.
 */
import type { SettingsPatch } from '../../../common/schemas';
import type { TransferWithDataView } from '../../../common/transfer-with-data';
import type { TransferDataView } from '../../../common/transfer-data';
import { MOCK_CREDENTIALS } from '../../../main/simulator/rest/rest-mocks';
import { CtiService } from '../../../main/core/service';
import { telServicesLinkFactory } from '../../../main/core/telservices-link';
import { MemorySettingsStore } from '../../../main/settings/store';
import type { RunningSimulator } from '../../../main/simulator/index';
import { FAST, type CoreRig } from '../core/harness';
import { until } from '../../support/until';

export const CALLER = '+33160127764';

export function tdsSettings(sim: RunningSimulator, over: SettingsPatch = {}): SettingsPatch {
  const t = MOCK_CREDENTIALS.tds;
  return { tdsBaseUrl: sim.restUrls?.tds ?? '', tdsClientId: t.clientId, tdsCampaignId: t.campaignId, tdsUser: t.user, tdsDnisPrefixes: ['1800555'], ...over };
}

export { until } from '../../support/until';

/** Configures the rig for the mock, collects its transfer events, and answers an inbound call from CALLER. */
export async function connectedCall(rig: CoreRig, over: SettingsPatch = {}): Promise<{ callId: string; events: TransferWithDataView[] }> {
  await rig.service.handlers.setSettings(tdsSettings(rig.sim, over));
  await rig.service.handlers.setSecret({ key: 'tdsPassword', value: MOCK_CREDENTIALS.tds.password });
  const events: TransferWithDataView[] = [];
  rig.service.on('transferWithData', (v) => events.push(v));
  rig.sim.control.injectCall({ from: CALLER, to: '1101' });
  await rig.waitFor((l) => l.calls[0]?.primary?.state === 'alerting', 'the call ringing');
  await rig.service.handlers.answer({});
  const line = await rig.waitFor((l) => l.calls[0]?.primary?.state === 'connected', 'the call connected');
  return { callId: line.calls[0]?.id ?? '', events };
}

/** A core monitoring `device` on the rig's simulator, configured to read transfer data; closed by `cleanup`. */
export async function receiver(rig: CoreRig, device: string, cleanup: (close: () => unknown) => void): Promise<{ service: CtiService; data: TransferDataView[] }> {
  const service = new CtiService({
    settings: new MemorySettingsStore({ serverPort: rig.sim.port, deviceNumber: device, requestTimeoutMs: 2000, ...tdsSettings(rig.sim) }),
    linkFactory: telServicesLinkFactory,
    timing: FAST,
  });
  await service.handlers.setSecret({ key: 'tdsPassword', value: MOCK_CREDENTIALS.tds.password });
  const data: TransferDataView[] = [];
  service.on('transferData', (v) => data.push(v));
  service.start();
  cleanup(() => service.stop());
  await until(() => service.getState().lines[0]?.connection.state === 'monitored', `${device} monitored`);
  return { service, data };
}

export function sessions(rig: CoreRig): ReturnType<NonNullable<RunningSimulator['restControl']>['state']>['sessions'] {
  const ctl = rig.sim.restControl;
  if (!ctl) throw new Error('no REST mocks');
  return ctl.state().sessions;
}
