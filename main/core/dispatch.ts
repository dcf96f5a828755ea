/**
 * The boundary every transport goes through (Electron IPC, the web WebSocket): look the command up
 * in the contract's one table, validate its arguments with the command's zod schema, run the
 * handler, and turn whatever happens into a `Result` (never a thrown value, never a bare string).
 */
import { CtiError, toErrorShape } from '../../common/errors';
import { isCommandName, type CommandHandlers, type CommandName, type Result } from '../../common/contract';
import { commandArgs } from '../../common/schemas';

function invalid(name: string, issues: readonly { path: PropertyKey[]; message: string }[]): CtiError {
  const text = issues.map((i) => `${i.path.map(String).join('.') || '(arguments)'}: ${i.message}`).join('; ');
  return new CtiError('invalidArgument', `${name}: ${text}`);
}

async function run<K extends CommandName>(handlers: CommandHandlers, name: K, raw: unknown): Promise<Result<unknown>> {
  const parsed = commandArgs[name].safeParse(raw ?? {});
  if (!parsed.success) return { ok: false, error: invalid(name, parsed.error.issues).toShape() };
  const handler = handlers[name] as (args: unknown) => Promise<unknown>;
  const value = await handler(parsed.data);
  return { ok: true, value };
}

export async function dispatchCommand(handlers: CommandHandlers, name: string, raw: unknown): Promise<Result<unknown>> {
  if (!isCommandName(name)) {
    return { ok: false, error: new CtiError('unknownCommand', `unknown command "${name.slice(0, 64)}"`).toShape() };
  }
  try {
    return await run(handlers, name, raw);
  } catch (err) {
    return { ok: false, error: toErrorShape(err) };
  }
}
