/**
 * Argument parsing for `cti` (pure: argv in, a structure out, no I/O).
 *
 * Options may stand anywhere, before or after the command and its arguments, so one pass sorts
 * every token into options and positionals. Each option is declared once with the commands it
 * applies to; an option given to a command that does not take it is a usage error rather than
 * silently ignored, so a typo in a script fails loudly.
 */
import { usageError } from './exit-codes';
import { ROUTING_CONFIG_OPTIONS } from './routing-config';

export const COMMANDS = [
  'make-call',
  'answer',
  'drop',
  'hold',
  'retrieve',
  'alternate',
  'reconnect',
  'transfer',
  'conference',
  'consult',
  'divert',
  'add-party',
  'dnd',
  'forward',
  'msg-waiting',
  'agent-state',
  'history',
  'search-name',
  'search-number',
  'snapshot',
  'stats',
  'qualify',
  'update-directory',
  'update-user-directory',
  'open-session',
  'close-session',
  'raw',
  'routing-point',
  'listen',
  'help',
] as const;
export type CommandName = (typeof COMMANDS)[number];

interface OptionSpec {
  /** A flag takes no value; a value option takes the next token (or `--name=value`). */
  takesValue: boolean;
  /** 'global' or the commands it applies to. */
  scope: 'global' | readonly CommandName[];
}

const ONE_CALL = ['drop', 'hold', 'retrieve'] as const;
const TWO_CALLS = ['alternate', 'reconnect', 'transfer', 'conference'] as const;
const NEW_PARTY = ['consult', 'divert', 'add-party'] as const;

export const OPTIONS: Readonly<Record<string, OptionSpec>> = {
  // global
  server: { takesValue: true, scope: 'global' },
  device: { takesValue: true, scope: 'global' },
  timeout: { takesValue: true, scope: 'global' },
  'connect-timeout': { takesValue: true, scope: 'global' },
  http: { takesValue: false, scope: 'global' },
  json: { takesValue: false, scope: 'global' },
  eop: { takesValue: true, scope: 'global' },
  help: { takesValue: false, scope: 'global' },
  version: { takesValue: false, scope: 'global' },
  // per command
  user: {
    takesValue: true,
    scope: ['history', 'search-name', 'search-number', 'stats', 'listen', 'open-session', 'update-user-directory'],
  },
  password: { takesValue: true, scope: ['listen', 'open-session'] },
  'ask-password': { takesValue: false, scope: ['listen', 'open-session'] },
  'start-pbx-monitor': { takesValue: true, scope: ['open-session'] },
  'close-timeout': { takesValue: true, scope: ['close-session'] },
  'client-only': { takesValue: true, scope: ['close-session'] },
  extra: { takesValue: true, scope: ['make-call', ...NEW_PARTY] },
  other: { takesValue: true, scope: [...ONE_CALL, ...NEW_PARTY] },
  prim: { takesValue: true, scope: TWO_CALLS },
  sec: { takesValue: true, scope: TWO_CALLS },
  calling: { takesValue: true, scope: ['answer'] },
  type: { takesValue: true, scope: ['history'] },
  from: { takesValue: true, scope: ['history'] },
  hour: { takesValue: true, scope: ['history'] },
  to: { takesValue: true, scope: ['history'] },
  search: { takesValue: true, scope: ['history'] },
  limit: { takesValue: true, scope: ['history', 'search-name'] },
  'no-answer': { takesValue: false, scope: ['qualify'] },
  'no-name': { takesValue: false, scope: ['qualify'] },
  template: { takesValue: true, scope: ['routing-point'] },
  'udp-port': { takesValue: true, scope: ['listen', 'open-session'] },
  'udp-host': { takesValue: true, scope: ['listen'] },
  'event-source': { takesValue: true, scope: ['listen'] },
  restricted: { takesValue: false, scope: ['listen', 'open-session'] },
  poll: { takesValue: false, scope: ['listen'] },
  'poll-timeout': { takesValue: true, scope: ['listen'] },
  'http-port': { takesValue: true, scope: ['listen'] },
  'session-timeout': { takesValue: true, scope: ['listen', 'open-session'] },
  ...Object.fromEntries(
    ROUTING_CONFIG_OPTIONS.map((o) => [o.flag, { takesValue: true, scope: ['routing-point'] }]),
  ),
};

/** Short aliases. */
const SHORT: Readonly<Record<string, string>> = { h: 'help', V: 'version' };

export interface ParsedArgs {
  /** Undefined when only options were given (e.g. `cti --help`). */
  command?: CommandName;
  /** Positionals after the command, in order. */
  args: string[];
  /** Option name (without dashes) -> value, or `true` for a flag. The last occurrence wins. */
  options: Record<string, string | true>;
}

export function isCommand(word: string): word is CommandName {
  return (COMMANDS as readonly string[]).includes(word);
}

export function parseArgs(argv: readonly string[]): ParsedArgs {
  const options: Record<string, string | true> = {};
  const positionals: string[] = [];
  let onlyPositionals = false;

  for (let i = 0; i < argv.length; i++) {
    const token = argv[i] as string;
    // A lone "-" is a positional (stdin for `raw -`); "--" ends the options (search text "-x").
    if (onlyPositionals || token === '-' || !token.startsWith('-')) {
      positionals.push(token);
      continue;
    }
    if (token === '--') {
      onlyPositionals = true;
      continue;
    }
    const { name, inlineValue } = splitOption(token);
    const spec = Object.hasOwn(OPTIONS, name) ? OPTIONS[name] : undefined;
    if (!spec) throw usageError(`unknown option ${token.split('=')[0]}`);
    if (!spec.takesValue) {
      if (inlineValue !== undefined) throw usageError(`option --${name} takes no value`);
      options[name] = true;
      continue;
    }
    if (inlineValue !== undefined) {
      options[name] = inlineValue;
      continue;
    }
    const next = argv[i + 1];
    if (next === undefined) throw usageError(`option --${name} needs a value`);
    options[name] = next;
    i++;
  }

  const [first, ...rest] = positionals;
  if (first === undefined) return { args: [], options };
  if (!isCommand(first)) throw usageError(`unknown command '${first}'`);
  checkScopes(first, options);
  return { command: first, args: rest, options };
}

function splitOption(token: string): { name: string; inlineValue?: string } {
  if (!token.startsWith('--')) {
    const letter = token.slice(1);
    const short = Object.hasOwn(SHORT, letter) ? SHORT[letter] : undefined;
    if (!short) throw usageError(`unknown option ${token}`);
    return { name: short };
  }
  const eq = token.indexOf('=');
  return eq < 0 ? { name: token.slice(2) } : { name: token.slice(2, eq), inlineValue: token.slice(eq + 1) };
}

function checkScopes(command: CommandName, options: Record<string, string | true>): void {
  for (const name of Object.keys(options)) {
    const scope = OPTIONS[name]?.scope;
    if (scope === undefined || scope === 'global') continue;
    if (!scope.includes(command)) throw usageError(`option --${name} does not apply to ${command}`);
  }
}
