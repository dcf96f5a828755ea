/**
 * The core as the desktop app and web mode start it: the CtiService over the real protocol core,
 * and, in demo mode, the embedded TelServer simulator playing its demo with the line pointed at
 * it. One composition for both front ends, so they behave the same.
 */
import { parseServerAddress } from '../../common/address';
import { CtiError } from '../../common/errors';
import type { SettingsPatch } from '../../common/schemas';
import { startSimulator, type RunningSimulator } from '../simulator/index';
import type { DemoOptions } from '../simulator/scenario/demo';
import { DEMO_REST_SECRETS, demoRestSettings } from './demo-rest';
import type { SettingsStore } from '../settings/store';
import { ConfSettingsStore } from '../settings/conf-store';
import { MemorySecretStore, type SecretStore } from '../settings/secrets';
import { CtiService, type CtiServiceOptions } from './service';
import { telServicesLinkFactory } from './telservices-link';

export interface CoreRuntimeOptions {
  /** Builds the settings store once the overrides are known (demo mode points the line at the simulator). */
  settings: (overrides: SettingsPatch) => SettingsStore;
  /** Where secrets live (the desktop: the OS keychain; plain Node: a 0600 file). Default: memory. */
  secrets?: SecretStore;
  /** Start the embedded simulator's demo and use it as the TelServer. */
  demo: boolean;
  /** The client's device in demo mode (default 1101). */
  demoDevice?: string;
  /** The demo's pace (tests play it faster). */
  demoPace?: Pick<DemoOptions, 'everyMs' | 'calls'>;
  /** What the About view shows besides the settings (the desktop shell: its log and status). */
  diagnostics?: CtiServiceOptions['diagnostics'];
}

export interface CoreRuntime {
  service: CtiService;
  /** Present in demo mode. */
  simulator?: RunningSimulator;
  close(): Promise<void>;
}

export const DEMO_DEVICE = '1101';

export async function startCoreRuntime(options: CoreRuntimeOptions): Promise<CoreRuntime> {
  let simulator: RunningSimulator | undefined;
  const overrides: SettingsPatch = {};
  if (options.demo) {
    const device = options.demoDevice ?? DEMO_DEVICE;
    // The control API lets an integrator (or an end-to-end test) ring the line on demand.
    simulator = await startSimulator({ port: 0, controlPort: 0, demo: { device, ...options.demoPace }, pbx: { callReference: true } });
    overrides.serverHost = simulator.host;
    overrides.serverPort = simulator.port;
    overrides.deviceNumber = device;
    if (simulator.restUrls) Object.assign(overrides, demoRestSettings(simulator.restUrls));
  }
  const settings = options.settings(overrides);
  // The demo's REST credentials are the mocks' and last for the run: never written to the user's
  // keychain or secrets file. Otherwise a conf store without an explicit secret store keeps secrets
  // in its own 0600 file: use that one.
  const secrets = options.demo
    ? new MemorySecretStore(DEMO_REST_SECRETS, 'The demo keeps its secrets (the mock services\' credentials) until it quits.')
    : (options.secrets ?? (settings instanceof ConfSettingsStore ? settings.secrets : undefined));
  const service = new CtiService({
    settings,
    ...(secrets ? { secrets } : {}),
    ...(options.diagnostics ? { diagnostics: options.diagnostics } : {}),
    linkFactory: telServicesLinkFactory,
  });
  service.start();
  let closed: Promise<void> | undefined;
  return {
    service,
    ...(simulator ? { simulator } : {}),
    close() {
      // Line first (it closes its session on the simulator), then the simulator.
      closed ??= service.stop().then(() => simulator?.close());
      return closed;
    },
  };
}

export type Startup = { demo: true } | { demo: false; overrides: SettingsPatch };

/**
 * Which TelServer the line uses at start-up:
 * - CTI_TELSERVER=HOST:PORT (and optionally CTI_DEVICE=N): that server, whatever is saved;
 * - CTI_DEMO=1 / CTI_DEMO=0: the embedded simulator's demo / the saved settings;
 * - otherwise the demo until a TelServer is configured, i.e. while there is no settings file.
 * A CTI_TELSERVER that is not HOST:PORT is an error, not a silent demo.
 */
export function chooseStartup(env: Readonly<Record<string, string | undefined>>, hasSettingsFile: boolean): Startup {
  const server = env['CTI_TELSERVER'];
  if (server !== undefined && server !== '') {
    const address = parseServerAddress(server);
    if (!address) throw new CtiError('invalidArgument', `CTI_TELSERVER must be HOST:PORT, got "${server}"`);
    const overrides: SettingsPatch = { serverHost: address.host, serverPort: address.port };
    const device = env['CTI_DEVICE'];
    if (device !== undefined && device !== '') overrides.deviceNumber = device;
    return { demo: false, overrides };
  }
  if (env['CTI_DEMO'] === '1') return { demo: true };
  if (env['CTI_DEMO'] === '0') return { demo: false, overrides: {} };
  return hasSettingsFile ? { demo: false, overrides: {} } : { demo: true };
}
