/** What every request builder gets, and the small helpers they share (pure). */
import type { TelRequest } from '../../common/telservices/requests';
import type { CommandName } from './args';
import { usageError } from './exit-codes';

type Options = Readonly<Record<string, string | true>>;

/** The context every request builder gets: its arguments, its options and the device if any. */
export interface CommandInput {
  command: CommandName;
  args: readonly string[];
  options: Options;
  /** From --device or CTI_DEVICE, validated; undefined when neither is given. */
  device: string | undefined;
}

/** Checks the count of positionals and returns them (absent ones as undefined). */
export function arity(input: CommandInput, min: number, max: number, usage: string): (string | undefined)[] {
  const { args, command } = input;
  if (args.length < min) throw usageError(`${command} needs ${usage}`);
  if (args.length > max) {
    throw usageError(`${command}: unexpected argument '${args[max] ?? ''}'${usage ? ` (usage: ${command} ${usage})` : ''}`);
  }
  return Array.from({ length: max }, (_, i) => args[i]);
}

export function needDevice(input: CommandInput): string {
  if (input.device === undefined) throw usageError(`${input.command} needs --device N (or CTI_DEVICE)`);
  return input.device;
}

export function str(options: Options, name: string): string | undefined {
  const v = options[name];
  return typeof v === 'string' ? v : undefined;
}

/**
 * Drops the fields left undefined: an optional request field is sent only when given, and our
 * types say an absent field is absent, never undefined-valued. Key order (spec order, as
 * written in the literals) is kept.
 */
export function compact<T extends TelRequest>(request: T): T {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(request)) if (value !== undefined) out[key] = value;
  return out as T;
}
