/**
 * `npm run simulator -- [--port P] [--host H] [--control-port P] [--scenario FILE] [--demo]
 *                       [--eop SEQ] [--session-limit N] [--credentials user:pass,...]
 *                       [--directory-size N] [--print-demo] [--no-rest] [--rest] [--immediate-tcp-polls] [--help]`
 *
 * Prints `listening on 127.0.0.1:PORT` once it accepts requests and `control on http://…` for the
 * JSON control API; runs until SIGINT/SIGTERM. Exit codes: 0 ok, 2 usage (bad option or scenario),
 * 1 anything else (e.g. the port is taken).
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { startSimulator, parseScenario, ScenarioError, type SimulatorOptions } from '../simulator/index';
import { buildDemoScenario } from '../simulator/scenario/demo';
import { Directory } from '../simulator/directory/directory';
import { startRestMocks, type RestMockUrls } from '../simulator/rest/rest-mocks';
import { startControlApi } from '../simulator/control/control-api';

const HELP = `TelServer simulator (TelServices over TCP/HTTP, events over UDP)

  --port P            TelServices port (TCP + HTTP), default 0 = any free port
  --host H            bind address, default 127.0.0.1
  --control-port P    JSON control API on 127.0.0.1, default 0 = any free port
  --scenario FILE     play a JSON scenario (format: main/simulator/scenario/schema.ts,
                      example: main/simulator/scenario/examples/calls-and-faults.json)
  --demo              an inbound call to 1101 every few seconds from the directory
                      (every fifth transferred in with transfer data, on a mock DNIS)
  --eop SEQ           end-of-PDU sequence after each reply and event (\\n, \\0 escapes allowed)
  --session-limit N   open sessions allowed at once
  --credentials LIST  user:password,... required on the first openSession of a device
  --directory-size N  generated directory entries (default 800)
  --print-demo        print the demo scenario as JSON and exit
  --immediate-tcp-polls
                      answer a raw-TCP long-poll (snapshot resultOnEvent) at once instead
                      of holding it, as a TelServer may (the spec meant it for HTTP);
                      HTTP long-polls are still held
  --no-rest           do not start the mock REST services (they start by default)
  --rest              the mock REST services alone, without the TelServer (the control
                      API then serves only /rest/...)

The mock REST services (transfer data, agent remote control, DNIS release) share one loopback
port and print their base URLs (what 'cti tds|arc|dnis-free --base' takes); their credentials
are in main/simulator/rest/rest-mocks.ts (MOCK_CREDENTIALS).
`;

class UsageError extends Error {}

function unescape(text: string): string {
  return text.replace(/\\([nrt0\\])/g, (_m, c: string) => ({ n: '\n', r: '\r', t: '\t', '0': '\0', '\\': '\\' })[c] ?? c);
}

function integer(name: string, text: string | undefined, min: number, max: number): number | undefined {
  if (text === undefined) return undefined;
  const n = Number(text);
  if (!Number.isInteger(n) || n < min || n > max) throw new UsageError(`--${name} must be an integer from ${min} to ${max}`);
  return n;
}

function credentials(text: string | undefined): Record<string, string> | undefined {
  if (text === undefined) return undefined;
  const out: Record<string, string> = {};
  for (const pair of text.split(',')) {
    const at = pair.indexOf(':');
    if (at <= 0) throw new UsageError('--credentials must look like user:password[,user:password...]');
    out[pair.slice(0, at)] = pair.slice(at + 1);
  }
  return out;
}

async function main(argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv[0] === '--' ? argv.slice(1) : argv,
    options: {
      port: { type: 'string' },
      host: { type: 'string' },
      'control-port': { type: 'string' },
      scenario: { type: 'string' },
      demo: { type: 'boolean' },
      eop: { type: 'string' },
      'session-limit': { type: 'string' },
      credentials: { type: 'string' },
      'directory-size': { type: 'string' },
      'print-demo': { type: 'boolean' },
      rest: { type: 'boolean' },
      'no-rest': { type: 'boolean' },
      'immediate-tcp-polls': { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
    strict: true,
  });
  if (values.help) {
    process.stdout.write(HELP);
    return 0;
  }
  const entries = integer('directory-size', values['directory-size'], 0, 1_000_000);
  const directory = entries === undefined ? {} : { entries };
  if (values['print-demo']) {
    process.stdout.write(JSON.stringify(buildDemoScenario(new Directory(directory).publicParties()), null, 2) + '\n');
    return 0;
  }
  const options: SimulatorOptions = {
    port: integer('port', values.port, 0, 65535) ?? 0,
    host: values.host ?? '127.0.0.1',
    controlPort: integer('control-port', values['control-port'], 0, 65535) ?? 0,
    directory,
    log: (line) => console.log(`[${new Date().toISOString().slice(11, 19)}] ${line}`),
  };
  if (values.eop !== undefined) options.endOfPdu = unescape(values.eop);
  const limit = integer('session-limit', values['session-limit'], 0, 1_000_000);
  if (limit !== undefined) options.sessionLimit = limit;
  const creds = credentials(values.credentials);
  if (creds) options.credentials = creds;
  if (values.scenario !== undefined) {
    let text: string;
    try {
      text = readFileSync(values.scenario, 'utf8');
    } catch (e) {
      throw new UsageError(`cannot read ${values.scenario}: ${e instanceof Error ? e.message : String(e)}`);
    }
    options.scenario = parseScenario(text, values.scenario);
  }
  if (values.demo) options.demo = true;
  if (values['immediate-tcp-polls']) options.immediateTcpPolls = true;

  if (values.rest) return restAlone(options.controlPort ?? 0);
  if (values['no-rest']) options.rest = false;
  const sim = await startSimulator(options);
  console.log(`listening on ${sim.host}:${sim.port}`);
  if (sim.controlUrl) console.log(`control on ${sim.controlUrl}`);
  if (sim.restUrls) printRestUrls(sim.restUrls);
  if (values.demo) console.log('demo: an external caller rings 1101 every 12 s (open a session on 1101 to see it)');
  await new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  await sim.close();
  return 0;
}

function printRestUrls(urls: RestMockUrls): void {
  console.log(`rest tds on ${urls.tds}`);
  console.log(`rest arc on ${urls.arc}`);
  console.log(`rest dnis-free on ${urls.dnisFree}`);
}

async function restAlone(controlPort: number): Promise<number> {
  const rest = await startRestMocks();
  const api = await startControlApi(undefined, controlPort, rest.control);
  printRestUrls(rest.urls);
  console.log(`control on ${api.url}`);
  await new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  await api.close();
  await rest.close();
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (e: unknown) => {
    const usage = e instanceof UsageError || e instanceof ScenarioError || (e instanceof TypeError && 'code' in e);
    console.error(`simulator: ${e instanceof Error ? e.message : String(e)}`);
    if (usage) console.error('try --help');
    process.exit(usage ? 2 : 1);
  },
);
