/**
 * The CLI as a function: argv + environment + I/O in, exit code out. cti.ts binds it to the
 * process; tests call it with their own I/O. Protocol modules are imported lazily so that help
 * and usage errors stay fast.
 */
import { parseArgs } from './args';
import { buildAction, type Action } from './commands';
import type { Env } from './connection';
import { describeError, EXIT, exitCodeFor, type ExitCode } from './exit-codes';
import { formatResult } from './format';
import { USAGE } from './help';
import { restCommandOf } from './rest-args';
import { REST_USAGE } from './rest-help';
import { resolvePassword, type AskSecret } from './password';

export interface CliIo {
  /** Writes a line (or block) to stdout; a newline is appended. */
  out(text: string): void;
  /** Writes a line to stderr; a newline is appended. */
  err(text: string): void;
  env: Env;
  /** Reads the `raw` input: a file path, or `-` for stdin. */
  readInput(source: string): Promise<string>;
  /** The package version (read only for --version). */
  version(): string;
  /** Resolves with the signal's name when the process is asked to stop (SIGINT/SIGTERM): ends `listen`. */
  waitForStop(): Promise<string>;
  /** The --ask-password prompt; resolves undefined when there is no terminal to ask on. */
  askSecret?: AskSecret;
}

export async function run(argv: readonly string[], io: CliIo): Promise<ExitCode> {
  // `cti tds|arc|dnis-free …`: the REST services have their own options (rest-run.ts).
  if (restCommandOf(argv)) {
    const { runRest } = await import('./rest-run');
    return runRest(argv, io);
  }
  let action: Action;
  try {
    const parsed = await resolvePassword(parseArgs(argv), { env: io.env, ...(io.askSecret ? { ask: io.askSecret } : {}), warn: (t) => io.err(t) });
    action = buildAction(parsed, io.env);
  } catch (err) {
    io.err(describeError(err));
    return exitCodeFor(err);
  }
  try {
    return await execute(action, io);
  } catch (err) {
    io.err(describeError(err));
    return exitCodeFor(err);
  }
}

async function execute(action: Action, io: CliIo): Promise<ExitCode> {
  switch (action.kind) {
    case 'help':
      io.out(`${USAGE.trimEnd()}\n\n${REST_USAGE.trimEnd()}`);
      return EXIT.ok;
    case 'version':
      io.out(`cti ${io.version()}`);
      return EXIT.ok;
    case 'request': {
      const { sendRequest } = await import('./backend');
      const result = await sendRequest(action.connection, action.request);
      io.out(action.json ? JSON.stringify(result, null, 2) : formatResult(result));
      return EXIT.ok;
    }
    case 'raw': {
      const { runRaw } = await import('./raw');
      return runRaw(action, io);
    }
    case 'listen': {
      const { runListen } = await import('./listen');
      return runListen(action, io);
    }
    default: {
      const unreachable: never = action;
      throw new Error(`unknown action ${JSON.stringify(unreachable)}`);
    }
  }
}
