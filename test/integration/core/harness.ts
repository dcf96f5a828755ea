/**
 * The core (CtiService -> Line -> TelClient/UDP) against the simulator over real loopback sockets,
 * with short timings so reconnects and reconciles happen within a test's patience.
 */
import { cleanupAfterEach } from '../../support/cleanup';
import type { ConnectionState, IncomingCall, LineState } from '../../../common/domain';
import type { SettingsPatch } from '../../../common/schemas';
import { startSimulator, type RunningSimulator, type SimulatorOptions } from '../../../main/simulator/index';
import { CtiService } from '../../../main/core/service';
import { telServicesLinkFactory } from '../../../main/core/telservices-link';
import { MemorySettingsStore } from '../../../main/settings/store';
import type { LineTiming } from '../../../main/core/line';

export const FAST: Partial<LineTiming> = {
  backoffBaseMs: 50,
  backoffMaxMs: 400,
  reconcileMs: 400,
  probeMs: 200,
  pollTimeoutSec: 2,
  popupNameWaitMs: 500,
};

export interface CoreRig {
  sim: RunningSimulator;
  service: CtiService;
  incoming: IncomingCall[];
  statuses: ConnectionState[];
  line(): LineState;
  waitFor(pred: (line: LineState) => boolean, what: string, timeoutMs?: number): Promise<LineState>;
  close(): Promise<void>;
}

export async function rig(
  settings: SettingsPatch = {},
  simOptions: SimulatorOptions = {},
  before?: (sim: RunningSimulator) => void,
  timing: Partial<LineTiming> = {},
): Promise<CoreRig> {
  const sim = await startSimulator({ port: 0, ...simOptions });
  before?.(sim);
  const service = new CtiService({
    settings: new MemorySettingsStore({ serverPort: sim.port, deviceNumber: '1101', requestTimeoutMs: 2000, ...settings }),
    linkFactory: telServicesLinkFactory,
    timing: { ...FAST, ...timing },
  });
  const incoming: IncomingCall[] = [];
  const statuses: ConnectionState[] = [];
  service.on('incomingCall', (c) => incoming.push(c));
  service.on('connection', ({ connection }) => {
    if (statuses[statuses.length - 1] !== connection.state) statuses.push(connection.state);
  });
  service.start();
  const line = (): LineState => (service.getState()).lines[0] as LineState;
  const waitFor = async (pred: (l: LineState) => boolean, what: string, timeoutMs = 5000): Promise<LineState> => {
    const end = Date.now() + timeoutMs;
    while (Date.now() < end) {
      if (pred(line())) return line();
      await new Promise((r) => setTimeout(r, 10));
    }
    throw new Error(`timed out waiting for ${what}; line is ${JSON.stringify(line(), null, 1)}`);
  };
  await waitFor((l) => l.connection.state === 'monitored', 'monitored');
  return {
    sim,
    service,
    incoming,
    statuses,
    line,
    waitFor,
    async close() {
      await service.stop();
      await sim.close();
    },
  };
}

/**
 * For one test file: returns a `start` that makes a rig like `rig` and closes every rig it made
 * after each test. Call it once, at the top of the file.
 */
export function rigsClosedAfterEach(): (...args: Parameters<typeof rig>) => Promise<CoreRig> {
  const cleanup = cleanupAfterEach();
  return async (...args) => {
    const r = await rig(...args);
    cleanup(() => r.close());
    return r;
  };
}

/** An external caller from the simulator's directory (so searchNumber knows the name). */
export function directoryCaller(sim: RunningSimulator): { number: string; name: string } {
  const p = sim.directory.publicParties().find((x) => x.name !== undefined && x.number.startsWith('+'));
  if (!p || p.name === undefined) throw new Error('no external caller with a name in the directory');
  return { number: p.number, name: p.name };
}
