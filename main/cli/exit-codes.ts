/**
 * The exit codes of `cti` (a contract: scripts branch on them) and the mapping from a typed
 * error to its code. Anything that is not a usage, server or transport error is a bug (1).
 */
import { CtiError, isProtocolError, isRestError, isTransportError, type ErrorCode } from '../../common/errors';

export const EXIT = {
  ok: 0,
  internal: 1,
  usage: 2,
  serverError: 3,
  network: 4,
} as const;
export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

export function exitCodeForCode(code: ErrorCode): ExitCode {
  if (code === 'invalidArgument' || code === 'unknownCommand') return EXIT.usage;
  // serverError: an error name the spec does not list, from a newer server: still the server's refusal.
  if (isProtocolError(code) || isRestError(code) || code === 'serverError') return EXIT.serverError;
  if (isTransportError(code)) return EXIT.network;
  return EXIT.internal;
}

export function exitCodeFor(err: unknown): ExitCode {
  return err instanceof CtiError ? exitCodeForCode(err.code) : EXIT.internal;
}

/** A usage error: exit 2, the message is shown on one line with a hint to --help. */
export function usageError(message: string): CtiError {
  return new CtiError('invalidArgument', message);
}

/** The one stderr line for an error, by category (server errors lead with their name). */
export function describeError(err: unknown): string {
  if (!(err instanceof CtiError)) {
    const message = err instanceof Error ? err.message : String(err);
    return `cti: internal error: ${message}`;
  }
  const exit = exitCodeForCode(err.code);
  switch (exit) {
    case EXIT.usage:
      return `cti: ${err.message} (see 'cti --help')`;
    case EXIT.serverError:
      if (err.code === 'serverError' && typeof err.detail?.serverError === 'string') return `cti: server error: ${err.detail.serverError} (unknown to this client)`;
      return `cti: server error: ${err.code}${err.message && err.message !== err.code ? ` (${err.message})` : ''}`;
    case EXIT.network:
      return `cti: ${err.code}: ${err.message}`;
    case EXIT.ok:
    case EXIT.internal:
      return `cti: ${err.code}: ${err.message}`;
    default: {
      const unreachable: never = exit;
      return String(unreachable);
    }
  }
}
