/**
 * Where `cti` takes a password from, so it need not sit on the command line where `ps` shows it:
 * --ask-password (a prompt on the terminal, never echoed), else CTI_PASSWORD, else --password
 * (still accepted, with a warning). Pure: the prompt is a function the caller passes in.
 */
import { OPTIONS, type ParsedArgs } from './args';
import { usageError } from './exit-codes';

/** Prompts on the terminal without echo; `undefined` when stdin is not a TTY (no prompt then). */
export type AskSecret = (prompt: string) => Promise<string | undefined>;

export interface PasswordSources {
  env: { CTI_PASSWORD?: string | undefined };
  ask?: AskSecret;
  warn(text: string): void;
}

function takesPassword(command: ParsedArgs['command']): boolean {
  const scope = OPTIONS['password']?.scope;
  return command !== undefined && scope !== undefined && scope !== 'global' && scope.includes(command);
}

/** Returns the arguments with `options.password` filled from the chosen source. */
export async function resolvePassword(parsed: ParsedArgs, sources: PasswordSources): Promise<ParsedArgs> {
  const options = { ...parsed.options };
  const given = typeof options['password'] === 'string';
  if (options['ask-password'] === true) {
    delete options['ask-password'];
    if (given) throw usageError('give --password or --ask-password, not both');
    const answer = sources.ask ? await sources.ask('TelServer password: ') : undefined;
    if (answer === undefined) throw usageError('--ask-password needs a terminal (stdin is not a TTY): set CTI_PASSWORD instead');
    options['password'] = answer;
  } else if (given) {
    sources.warn('cti: warning: --password is visible to other users (ps); prefer CTI_PASSWORD or --ask-password');
  } else if (takesPassword(parsed.command) && sources.env.CTI_PASSWORD) {
    options['password'] = sources.env.CTI_PASSWORD;
  }
  return { ...parsed, options };
}
