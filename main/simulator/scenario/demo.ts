/**
 * The built-in demo: an external caller from the directory rings the demo line every few seconds,
 * gives up if nobody answers in time, or hangs up a few seconds after being answered. It is an
 * ordinary scenario (print it with `--print-demo`, edit it, play it with `--scenario`).
 */
import type { Party } from '../../../common/telservices/structures';
import { seededRandom } from '../directory/generate';
import type { Scenario } from './schema';

export interface DemoOptions {
  /** The line that rings (the client's line in demo mode). Default 1101. */
  device?: string;
  /** Milliseconds between two calls. Default 12000. */
  everyMs?: number;
  /** Calls per round before the round repeats. Default 10. */
  calls?: number;
  seed?: number;
  /**
   * Every fifth call (the 2nd, the 7th…) is transferred in from a remote contact centre with
   * transfer data: it rings on a DNIS of the mock transfer data service. Default true; false when
   * the simulator runs without its REST mocks.
   */
  transferredCalls?: boolean;
}

const TOPICS = ['billing', 'delivery', 'support', 'sales', 'complaint', 'appointment'];

/** External people only: numbers that are not internal extensions (those have 4 digits). */
function externalCallers(parties: readonly Party[]): Party[] {
  return parties.filter((p) => p.name !== undefined && (p.number.startsWith('+') || p.number.startsWith('0')));
}

export function buildDemoScenario(directory: readonly Party[], options: DemoOptions = {}): Scenario {
  const device = options.device ?? '1101';
  const every = options.everyMs ?? 12_000;
  const count = options.calls ?? 10;
  const rand = seededRandom(options.seed ?? 2024);
  const callers = externalCallers(directory);
  if (callers.length === 0) throw new Error('the directory has no external caller for the demo');
  const transferred = options.transferredCalls ?? true;
  const steps: Scenario['steps'] = [];
  for (let i = 0; i < count; i++) {
    const who = callers[Math.floor(rand() * callers.length)] as Party;
    // Keep ring + talk inside one interval so demo calls never pile up on the line.
    const ringMs = Math.round(every * (0.45 + rand() * 0.15));
    const talkMs = Math.round(every * (0.2 + rand() * 0.15));
    const customerId = String(10000 + Math.floor(rand() * 90000));
    const topic = TOPICS[Math.floor(rand() * TOPICS.length)] ?? 'support';
    // A call from a remote contact centre, with its agent's notes as transfer data.
    const withData = transferred && i % 5 === 1;
    steps.push({
      at: 2000 + i * every,
      do: 'inboundCall',
      from: who.number,
      ...(who.name !== undefined ? { name: who.name } : {}),
      ...(who.company !== undefined ? { company: who.company } : {}),
      to: device,
      ...(withData
        ? { transferData: { customer: who.name ?? who.number, customerId, reason: topic, note: 'Transferred by the front office: already identified' } }
        : { dnis: '0800100200' }),
      // A transferred call's facts come as its transfer data; the others carry correlator data.
      ...(withData ? {} : { extraData: `customerId=${customerId}&topic=${topic}` }),
      ringMs,
      talkMs,
      // Every fourth caller withholds the number: the line shows `*****-<reference>`, as a TelServer sends it.
      ...(i % 4 === 3 && !withData ? { hidden: true } : {}),
    });
  }
  return { name: 'demo: inbound calls to ' + device, loop: true, periodMs: 2000 + count * every, steps };
}
