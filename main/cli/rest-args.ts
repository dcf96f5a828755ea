/**
 * Argument parsing for `cti tds|arc|dnis-free` (pure). Each service declares its value options,
 * repeatable options (`--agent k=v`...) and flags; --timeout and --json work for all, anywhere on
 * the line. An option the service does not know is a usage error, as in the rest of `cti`.
 */
import { checkBaseUrl } from '../rest/url';
import { usageError } from './exit-codes';
import { positiveInteger } from './validate';

export const REST_COMMANDS = ['tds', 'arc', 'dnis-free'] as const;
export type RestCommand = (typeof REST_COMMANDS)[number];

/** The environment variables that may hold the secrets (so they stay out of shell history). */
export const REST_SECRET_ENV = {
  tds: 'CTI_TDS_PASSWORD',
  arc: 'CTI_ARC_TOKEN',
  'dnis-free': 'CTI_DNIS_PASSWORD',
} as const satisfies Record<RestCommand, string>;
export type RestEnv = Partial<Record<(typeof REST_SECRET_ENV)[RestCommand], string>>;

interface ServiceOptions {
  values: readonly string[];
  lists: readonly string[];
  flags: readonly string[];
}

const COMMON: ServiceOptions = { values: ['base', 'timeout'], lists: [], flags: ['json', 'help'] };

export const SERVICE_OPTIONS: Readonly<Record<RestCommand, ServiceOptions>> = {
  tds: {
    values: ['client', 'campaign', 'user', 'password', 'ani', 'oemkey', 'guid', 'dnis'],
    lists: ['agent', 'routing', 'reporting', 'property'],
    flags: ['echo-args', 'echo-meta'],
  },
  arc: { values: ['token', 'user-id', 'lead', 'notes1', 'notes2', 'numsales1', 'numsales2'], lists: [], flags: ['xml'] },
  'dnis-free': { values: ['user', 'password', 'tenant', 'app-key', 'environment'], lists: [], flags: [] },
};

export interface RestArgs {
  command: RestCommand;
  positionals: string[];
  values: ReadonlyMap<string, string>;
  lists: ReadonlyMap<string, string[]>;
  flags: ReadonlySet<string>;
}

function isRestCommand(word: string): word is RestCommand {
  return (REST_COMMANDS as readonly string[]).includes(word);
}

/** The service word when argv is a REST subcommand (only --json / --timeout MS may come before it). */
export function restCommandOf(argv: readonly string[]): RestCommand | undefined {
  for (let i = 0; i < argv.length; i++) {
    const t = argv[i] as string;
    if (t === '--json' || t.startsWith('--timeout=')) continue;
    if (t === '--timeout') {
      i++;
      continue;
    }
    return isRestCommand(t) ? t : undefined;
  }
  return undefined;
}

export function parseRestArgs(argv: readonly string[]): RestArgs {
  const command = restCommandOf(argv);
  if (!command) throw usageError('expected tds, arc or dnis-free');
  const spec = SERVICE_OPTIONS[command];
  const values = new Map<string, string>();
  const lists = new Map<string, string[]>();
  const flags = new Set<string>();
  const positionals: string[] = [];
  let seenCommand = false;
  let onlyPositionals = false;
  for (let i = 0; i < argv.length; i++) {
    const token = argv[i] as string;
    if (onlyPositionals || !token.startsWith('--')) {
      if (!seenCommand && token === command) seenCommand = true;
      else positionals.push(token);
      continue;
    }
    if (token === '--') {
      onlyPositionals = true;
      continue;
    }
    const eq = token.indexOf('=');
    const name = eq < 0 ? token.slice(2) : token.slice(2, eq);
    const isFlag = COMMON.flags.includes(name) || spec.flags.includes(name);
    const isValue = COMMON.values.includes(name) || spec.values.includes(name);
    const isList = spec.lists.includes(name);
    if (!isFlag && !isValue && !isList) throw usageError(`option --${name} does not apply to ${command}`);
    if (isFlag) {
      if (eq >= 0) throw usageError(`option --${name} takes no value`);
      flags.add(name);
      continue;
    }
    let value: string;
    if (eq >= 0) value = token.slice(eq + 1);
    else {
      const next = argv[i + 1];
      if (next === undefined) throw usageError(`option --${name} needs a value`);
      value = next;
      i++;
    }
    if (isList) lists.set(name, [...(lists.get(name) ?? []), value]);
    else values.set(name, value);
  }
  return { command, positionals, values, lists, flags };
}

export function required(args: RestArgs, name: string): string {
  const value = args.values.get(name);
  if (value === undefined || value === '') throw usageError(`${args.command} needs --${name}`);
  return value;
}

/** A password or token: the option, else its environment variable. Never echoed in a message. */
export function secret(args: RestArgs, name: string, env: RestEnv): string {
  const variable = REST_SECRET_ENV[args.command];
  const value = args.values.get(name) ?? env[variable];
  if (value === undefined || value === '') throw usageError(`${args.command} needs --${name} (or ${variable})`);
  return value;
}

export function baseUrl(args: RestArgs): string {
  const base = required(args, 'base');
  const problem = checkBaseUrl(base);
  if (problem) throw usageError(`--base: ${problem}`);
  return base;
}

export function timeoutMs(args: RestArgs): number | undefined {
  const v = args.values.get('timeout');
  if (v === undefined) return undefined;
  const ms = Number(positiveInteger(v, '--timeout'));
  if (ms > 86_400_000) throw usageError(`--timeout ${v} is more than a day`);
  return ms;
}

/** Options that belong to some methods only: given to another, a usage error. */
export function onlyFor(args: RestArgs, method: string, allowed: Readonly<Record<string, readonly string[]>>): void {
  for (const [option, methods] of Object.entries(allowed)) {
    const given = args.values.has(option) || args.lists.has(option) || args.flags.has(option);
    if (given && !methods.includes(method)) throw usageError(`option --${option} does not apply to ${args.command} ${method}`);
  }
}

export function digits(value: string, what: string): string {
  if (!/^\d{1,18}$/.test(value)) throw usageError(`${what} must be a number, got '${value}'`);
  return value;
}
