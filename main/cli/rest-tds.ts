/**
 * `cti tds --base URL --client ID --campaign ID --user U --password P
 *      start --ani A [--oemkey K] [--agent k=v]... [--routing k=v]... [--reporting k=v]...
 *      get|edit|stop (--guid G | --dnis D --ani A | --oemkey K) [--agent k=v]... [--property NAME]...`
 */
import { parsePairArgument, type DataPairs } from '../rest/data-pairs';
import type { TdsAddress, TdsData, TdsSession, TransferDataClient } from '../rest/tds';
import { keyValues } from './format-table';
import { usageError } from './exit-codes';
import { baseUrl, onlyFor, required, secret, timeoutMs, type RestArgs, type RestEnv } from './rest-args';
import type { RestJob } from './rest-output';
import { nonEmpty } from './validate';

const METHODS = ['start', 'get', 'edit', 'stop'] as const;
type TdsCliMethod = (typeof METHODS)[number];

function pairs(args: RestArgs, name: string): DataPairs | undefined {
  const given = args.lists.get(name);
  if (!given) return undefined;
  return given.map((text) => {
    const pair = parsePairArgument(text);
    if (!pair) throw usageError(`--${name} takes key=value, got '${text}'`);
    return pair;
  });
}

function data(args: RestArgs): TdsData {
  const out: TdsData = {};
  const routing = pairs(args, 'routing');
  const reporting = pairs(args, 'reporting');
  const agent = pairs(args, 'agent');
  if (routing) out.routing = routing;
  if (reporting) out.reporting = reporting;
  if (agent) out.agent = agent;
  return out;
}

function address(args: RestArgs): TdsAddress {
  const guid = args.values.get('guid');
  const dnis = args.values.get('dnis');
  const oemkey = args.values.get('oemkey');
  const given = [guid, dnis, oemkey].filter((x) => x !== undefined).length;
  if (given !== 1) throw usageError('name the session with one of --guid G, --dnis D --ani A, --oemkey K');
  if (guid !== undefined) return { guid: nonEmpty(guid, '--guid') };
  if (oemkey !== undefined) return { oemkey: nonEmpty(oemkey, '--oemkey') };
  const ani = args.values.get('ani');
  return { dnis: nonEmpty(dnis ?? '', '--dnis'), ...(ani !== undefined ? { ani: nonEmpty(ani, '--ani') } : {}) };
}

export function buildTds(args: RestArgs, env: RestEnv): RestJob {
  const [method, ...extra] = args.positionals;
  if (method === undefined || !(METHODS as readonly string[]).includes(method)) {
    throw usageError(`tds needs a method: ${METHODS.join(', ')}`);
  }
  if (extra.length > 0) throw usageError(`unexpected argument '${extra[0]}'`);
  const m = method as TdsCliMethod;
  onlyFor(args, m, {
    guid: ['get', 'edit', 'stop'],
    dnis: ['get', 'edit', 'stop'],
    routing: ['start', 'edit'],
    reporting: ['start', 'edit'],
    agent: ['start', 'edit'],
    property: ['get'],
  });
  const options = {
    baseUrl: baseUrl(args),
    clientId: required(args, 'client'),
    campaignId: required(args, 'campaign'),
    user: required(args, 'user'),
    password: secret(args, 'password', env),
    echoArgs: args.flags.has('echo-args'),
    echoMeta: args.flags.has('echo-meta'),
  };
  const timeout = timeoutMs(args);
  const call = timeout !== undefined ? { timeoutMs: timeout } : {};
  let run: (c: TransferDataClient) => Promise<TdsSession>;
  if (m === 'start') {
    const ani = nonEmpty(required(args, 'ani'), '--ani');
    const oemkey = args.values.get('oemkey');
    const input = { ...data(args), ani, ...(oemkey !== undefined ? { oemkey: nonEmpty(oemkey, '--oemkey') } : {}) };
    run = (c) => c.start(input, call);
  } else {
    const where = address(args);
    if (m === 'get') {
      const properties = args.lists.get('property') ?? [];
      run = (c) => c.get(where, { properties }, call);
    } else if (m === 'edit') {
      const d = data(args);
      run = (c) => c.edit(where, d, call);
    } else run = (c) => c.stop(where, call);
  }
  return async () => {
    const { TransferDataClient } = await import('../rest/tds');
    const session = await run(new TransferDataClient(options));
    return { result: session, text: formatSession(session) };
  };
}

function formatPairs(name: string, p: DataPairs | undefined): string[] {
  if (p === undefined) return [];
  if (p.length === 0) return [`${name}: (empty)`];
  return [`${name}:`, ...p.map(([k, v]) => `  ${k} = ${v}`)];
}

function formatHash(name: string, hash: TdsSession['sections'][string], indent = ''): string[] {
  const lines = [`${indent}${name}:`];
  for (const [k, v] of Object.entries(hash)) {
    if (typeof v === 'string') lines.push(`${indent}  ${k}: ${v}`);
    else lines.push(...formatHash(k, v, `${indent}  `));
  }
  return lines;
}

export function formatSession(s: TdsSession): string {
  const head = keyValues([
    ['status', `${s.status} (${s.statusCode})`],
    ['guid', s.guid],
    ['type', s.type],
    ['dnis', s.dnis],
    ['ani', s.ani],
    ['oemkey', s.oemkey],
    ['campaign_id', s.campaignId],
    ['zone', s.zone],
  ]);
  const lines = [
    head,
    ...formatPairs('agentdata', s.agentData),
    ...formatPairs('routingdata', s.routingData),
    ...formatPairs('reportingdata', s.reportingData),
  ];
  for (const [name, hash] of Object.entries(s.sections)) lines.push(...formatHash(name, hash));
  return lines.join('\n');
}
