/**
 * startSimulator: the TelServer simulator from code (tests, demo mode, the `simulator` CLI).
 *
 *   const sim = await startSimulator({ port: 0 });
 *   // sim.port, sim.control.injectCall({ from: '+33160127764', to: '1101' }), await sim.close()
 */
import { Pbx, realClock, type Clock, type PbxOptions } from './pbx/model';
import { Directory, type DirectoryOptions } from './directory/directory';
import { Simulator, type SimulatorControl } from './server/simulator';
import { startControlApi } from './control/control-api';
import { ScenarioPlayer } from './scenario/player';
import { buildDemoScenario, type DemoOptions } from './scenario/demo';
import type { Scenario } from './scenario/schema';
import { encodeDataPairs } from '../rest/data-pairs';
import { startRestMocks, type RestMocksControl, type RestMockUrls, type RestMocksOptions } from './rest/rest-mocks';

export type { SimulatorControl, SimulatorState } from './server/simulator';
export type { Faults } from './server/faults';
export type { Scenario } from './scenario/schema';
export { parseScenario, ScenarioError } from './scenario/schema';
export { MOCK_CREDENTIALS, type RestMocksControl, type RestMockUrls } from './rest/rest-mocks';

export interface SimulatorOptions {
  /** TelServices port (TCP and HTTP). 0 (default) lets the OS choose. */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
  /** The end-of-PDU sequence appended to replies and events (absent: none, the spec's default). */
  endOfPdu?: string;
  /** A connection that sends no complete request within this is closed (TCP and HTTP). Default 10 s. */
  requestTimeoutMs?: number;
  /** The JSON control API's port: 0 lets the OS choose; absent: no control API. */
  controlPort?: number;
  clock?: Clock;
  pbx?: Omit<PbxOptions, 'clock'>;
  directory?: DirectoryOptions;
  /** Open sessions allowed at once (sessionLimitExceeded beyond). Default: no limit. */
  sessionLimit?: number;
  /** Answer raw-TCP snapshot long-polls at once (as a TelServer may: resultOnEvent is for HTTP clients). */
  immediateTcpPolls?: boolean;
  /** userID -> password: the first openSession on a device must authenticate. Default: no control. */
  credentials?: Readonly<Record<string, string>>;
  /** A timeline to play from the start. */
  scenario?: Scenario;
  /** Play the built-in demo (an inbound call to 1101 every few seconds). */
  demo?: boolean | DemoOptions;
  /** Scenario and demo actions, one line each. */
  log?: (line: string) => void;
  /**
   * The mock REST services (transfer data, agent remote control, DNIS release) on one loopback
   * port, their agents following this PBX. Started unless false.
   */
  rest?: boolean | Omit<RestMocksOptions, 'pbx' | 'clock'>;
}

export interface RunningSimulator {
  host: string;
  /** The TelServices port (the same after a restart). */
  port: number;
  /** http://127.0.0.1:PORT when the control API runs. */
  controlUrl?: string;
  control: SimulatorControl;
  /** The mock REST services' base URLs (what `cti … --base` and the settings take), unless rest: false. */
  restUrls?: RestMockUrls;
  restControl?: RestMocksControl;
  pbx: Pbx;
  directory: Directory;
  close(): Promise<void>;
}

export async function startSimulator(options: SimulatorOptions = {}): Promise<RunningSimulator> {
  const clock = options.clock ?? realClock;
  const host = options.host ?? '127.0.0.1';
  const pbx = new Pbx({ ...options.pbx, clock });
  const directory = new Directory(options.directory);
  const sim = new Simulator({
    host,
    port: options.port ?? 0,
    pbx,
    directory,
    clock,
    ...(options.endOfPdu ? { endOfPdu: options.endOfPdu } : {}),
    ...(options.sessionLimit !== undefined ? { sessionLimit: options.sessionLimit } : {}),
    ...(options.immediateTcpPolls ? { immediateTcpPolls: true } : {}),
    ...(options.requestTimeoutMs !== undefined ? { requestTimeoutMs: options.requestTimeoutMs } : {}),
    ...(options.credentials ? { credentials: options.credentials } : {}),
  });
  const port = await sim.start();
  const rest =
    options.rest === false ? undefined : await startRestMocks({ ...(options.rest === true ? {} : options.rest), pbx, clock });
  const api = options.controlPort === undefined ? undefined : await startControlApi(sim, options.controlPort, rest?.control);
  const players: ScenarioPlayer[] = [];
  const log = options.log ?? (() => {});
  const play = (scenario: Scenario): void => {
    const player = new ScenarioPlayer(sim, scenario, {
      clock,
      log,
      onError: (step, e) => log(`scenario step "${step.do}" at ${step.at} ms failed: ${String(e)}`),
      ...(rest
        ? {
            startTransferSession: (ani: string, agent: Readonly<Record<string, string>>) => {
              const out = rest.control.startTdsSession({ ani, agentdata: encodeDataPairs(Object.entries(agent)) });
              return typeof out === 'string' ? out : { dnis: out.dnis };
            },
          }
        : {}),
    });
    players.push(player);
    player.start();
  };
  if (options.scenario) play(options.scenario);
  if (options.demo) {
    const demo = options.demo === true ? {} : options.demo;
    // Without the REST mocks there is no transfer data service to transfer calls in with.
    play(buildDemoScenario(directory.publicParties(), rest ? demo : { ...demo, transferredCalls: false }));
  }
  return {
    host,
    port,
    ...(api ? { controlUrl: api.url } : {}),
    ...(rest ? { restUrls: rest.urls, restControl: rest.control } : {}),
    control: sim,
    pbx,
    directory,
    async close() {
      for (const p of players) p.stop();
      await api?.close();
      await rest?.close();
      await sim.close();
    },
  };
}
