/**
 * `cti arc --base URL --token T --user-id N METHOD [ARGS]`: every method of the agent remote
 * control API. Read-only methods print a table, the others `ok` with the service's code.
 */
import type { AgentRemoteControlClient, ArcReply } from '../rest/arc';
import { keyValues, table } from './format-table';
import { usageError } from './exit-codes';
import { baseUrl, digits, onlyFor, required, secret, timeoutMs, type RestArgs, type RestEnv } from './rest-args';
import type { RestJob } from './rest-output';
import { nonEmpty } from './validate';

type Client = AgentRemoteControlClient;
type Call = { timeoutMs?: number };
type Row = Readonly<Record<string, string | number | boolean | undefined>>;

interface MethodSpec {
  /** Positional argument names, for usage messages. */
  params: readonly string[];
  /** Columns of the text table (list methods), or 'one' (dial), or 'ack'. */
  shows: readonly string[] | 'one' | 'ack';
  /** Checks the arguments (usage errors) and returns the call to make. */
  bind(a: readonly string[], args: RestArgs): (c: Client, call: Call) => Promise<ArcReply<unknown>>;
}

const CALL_COLUMNS = ['CallId', 'PhoneNumber', 'CustomerName', 'CallState', 'CallStatus', 'RecordingState', 'CallStartTime'];
const callId = (a: readonly string[], i = 0): string => digits(a[i] as string, i === 0 ? 'CALL' : `CALL${i + 1}`);
/** A method on one call: the id checked now, the call made later. */
function one(a: readonly string[], fn: (c: Client, id: string, k: Call) => Promise<ArcReply<unknown>>) {
  const id = callId(a);
  return (c: Client, k: Call) => fn(c, id, k);
}

const METHODS: Readonly<Record<string, MethodSpec>> = {
  getcalls: { params: [], shows: CALL_COLUMNS, bind: () => (c, k) => c.getCalls(k) },
  goready: { params: [], shows: 'ack', bind: () => (c, k) => c.goReady(k) },
  dial: {
    params: ['PHONE'],
    shows: 'one',
    bind: (a, g) => {
      const lead = g.values.get('lead');
      const phone = nonEmpty(a[0] as string, 'PHONE');
      const leadId = lead === undefined ? undefined : digits(lead, '--lead');
      return (c, k) => c.dial(phone, leadId, k);
    },
  },
  hangup: { params: ['CALL'], shows: 'ack', bind: (a) => one(a, (c, id, k) => c.hangup(id, k)) },
  dispose: { params: ['CALL', 'CODE'], shows: 'ack', bind: (a) => {
      const [id, code] = [callId(a), nonEmpty(a[1] as string, 'CODE')];
      return (c, k) => c.dispose(id, code, k);
    }, },
  hold: { params: ['CALL'], shows: 'ack', bind: (a) => one(a, (c, id, k) => c.hold(id, k)) },
  retrieve: { params: ['CALL'], shows: 'ack', bind: (a) => one(a, (c, id, k) => c.retrieve(id, k)) },
  stoprecord: { params: ['CALL'], shows: 'ack', bind: (a) => one(a, (c, id, k) => c.stopRecord(id, k)) },
  startrecord: { params: ['CALL'], shows: 'ack', bind: (a) => one(a, (c, id, k) => c.startRecord(id, k)) },
  campaigns: { params: [], shows: ['CampaignID', 'CampaignName', 'Active', 'CallerID'], bind: () => (c, k) => c.campaigns(k) },
  users: { params: [], shows: ['ID', 'FullName'], bind: () => (c, k) => c.users(k) },
  resultcodes: {
    params: [],
    shows: ['ResultCodeID', 'Code', 'Description', 'IsSuccess', 'Sales'],
    bind: () => (c, k) => c.resultCodes(k),
  },
  acdqueues: { params: [], shows: ['ID', 'AcdName', 'Active'], bind: () => (c, k) => c.acdQueues(k) },
  leadphones: {
    params: ['LEAD'],
    shows: ['LeadId', 'RecordTypeId', 'PhoneNumber', 'RecordType'],
    bind: (a) => {
      const lead = digits(a[0] as string, 'LEAD');
      return (c, k) => c.leadPhones(lead, k);
    },
  },
  changelead: {
    params: ['CALL', 'LEADPHONE'],
    shows: 'ack',
    bind: (a) => {
      const [id, leadPhone] = [callId(a), digits(a[1] as string, 'LEADPHONE')];
      return (c, k) => c.changeLead(id, leadPhone, k);
    },
  },
  createnewlead: {
    params: ['CALL', 'PHONE'],
    shows: 'ack',
    bind: (a) => {
      const [id, phone] = [callId(a), nonEmpty(a[1] as string, 'PHONE')];
      return (c, k) => c.createNewLead(id, phone, k);
    },
  },
  connectcalls: {
    params: ['CALL1', 'CALL2', 'CODE1', 'CODE2'],
    shows: 'ack',
    bind: (a, g) => {
      const sales = (name: string): number | undefined => {
        const v = g.values.get(name);
        return v === undefined ? undefined : Number(digits(v, `--${name}`));
      };
      const notes1 = g.values.get('notes1');
      const notes2 = g.values.get('notes2');
      const n1 = sales('numsales1');
      const n2 = sales('numsales2');
      const input = {
        call1: callId(a, 0),
        call2: callId(a, 1),
        resultCode1: nonEmpty(a[2] as string, 'CODE1'),
        resultCode2: nonEmpty(a[3] as string, 'CODE2'),
        ...(notes1 !== undefined ? { notes1 } : {}),
        ...(notes2 !== undefined ? { notes2 } : {}),
        ...(n1 !== undefined ? { numSales1: n1 } : {}),
        ...(n2 !== undefined ? { numSales2: n2 } : {}),
      };
      return (c, k) => c.connectCalls(input, k);
    },
  },
};

export const ARC_METHODS = Object.keys(METHODS);

export function buildArc(args: RestArgs, env: RestEnv): RestJob {
  const [method, ...rest] = args.positionals;
  const spec = method !== undefined && Object.hasOwn(METHODS, method) ? METHODS[method] : undefined;
  if (!spec || method === undefined) throw usageError(`arc needs a method: ${ARC_METHODS.join(', ')}`);
  if (rest.length !== spec.params.length) {
    throw usageError(`arc ${method} takes ${spec.params.length === 0 ? 'no arguments' : spec.params.join(' ')}`);
  }
  onlyFor(args, method, { lead: ['dial'], notes1: ['connectcalls'], notes2: ['connectcalls'], numsales1: ['connectcalls'], numsales2: ['connectcalls'] });
  const options = {
    baseUrl: baseUrl(args),
    token: secret(args, 'token', env),
    userId: digits(required(args, 'user-id'), '--user-id'),
    ...(args.flags.has('xml') ? { format: 'xml' as const } : {}),
  };
  const timeout = timeoutMs(args);
  const call: Call = timeout !== undefined ? { timeoutMs: timeout } : {};
  const send = spec.bind(rest, args);
  return async () => {
    const { AgentRemoteControlClient } = await import('../rest/arc');
    const reply = await send(new AgentRemoteControlClient(options), call);
    return { result: reply, text: formatReply(reply, spec.shows) };
  };
}

function cell(v: Row[string]): string {
  return v === undefined ? '' : String(v);
}

function formatReply(reply: ArcReply<unknown>, shows: MethodSpec['shows']): string {
  const code = reply.responseCode !== undefined ? ` (${reply.responseCode}${reply.responseDetail ? ` ${reply.responseDetail}` : ''})` : '';
  if (shows === 'ack') return `ok${code}`;
  if (shows === 'one') {
    const row = (reply.data ?? {}) as Row;
    return keyValues(Object.entries(row).map(([k, v]) => [k, cell(v)] as const));
  }
  const rows = Array.isArray(reply.data) ? (reply.data as Row[]) : [];
  if (rows.length === 0) return `(none)${code}`;
  return table(shows, rows.map((r) => shows.map((col) => cell(r[col]))));
}
