/**
 * `cti tds|arc|dnis-free`: parse, validate (usage errors before any network), call the service,
 * print the typed result (JSON with --json), and map errors to the exit codes of the rest of cti.
 */
import { describeError, EXIT, exitCodeFor, type ExitCode } from './exit-codes';
import { parseRestArgs, type RestArgs, type RestCommand, type RestEnv } from './rest-args';
import { buildArc } from './rest-arc';
import { buildDnisFree } from './rest-dnis';
import { REST_USAGE } from './rest-help';
import type { RestJob } from './rest-output';
import { buildTds } from './rest-tds';

export interface RestIo {
  out(text: string): void;
  err(text: string): void;
  env: RestEnv;
}

function build(command: RestCommand, args: RestArgs, env: RestEnv): RestJob {
  switch (command) {
    case 'tds':
      return buildTds(args, env);
    case 'arc':
      return buildArc(args, env);
    case 'dnis-free':
      return buildDnisFree(args, env);
    default: {
      const unreachable: never = command;
      throw new Error(`unknown REST command ${String(unreachable)}`);
    }
  }
}

export async function runRest(argv: readonly string[], io: RestIo): Promise<ExitCode> {
  let job: RestJob;
  let json = false;
  try {
    const args = parseRestArgs(argv);
    if (args.flags.has('help')) {
      io.out(REST_USAGE.trimEnd());
      return EXIT.ok;
    }
    json = args.flags.has('json');
    job = build(args.command, args, io.env);
  } catch (err) {
    io.err(describeError(err));
    return exitCodeFor(err);
  }
  try {
    const output = await job();
    io.out(json ? JSON.stringify(output.result, null, 2) : output.text);
    return EXIT.ok;
  } catch (err) {
    io.err(describeError(err));
    return exitCodeFor(err);
  }
}
