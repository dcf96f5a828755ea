/**
 * Reading a settings file that may be bad, for every file-backed store: a file that is not JSON or
 * that `read` refuses is never overwritten but renamed `<name>.bad-<timestamp>.json` beside the
 * original, and the error says what happened and where the old file went (the contract reports it
 * to the UI). Never throws for a bad file.
 */
import { existsSync, readFileSync, renameSync } from 'node:fs';
import { CtiError, type ErrorShape } from '../../common/errors';

export type ReadOutcome<T> = { kind: 'absent' } | { kind: 'read'; value: T } | { kind: 'setAside'; error: ErrorShape };

function stamp(date: Date): string {
  return date.toISOString().replace(/[:.]/g, '-');
}

export function readOrSetAside<T>(path: string, read: (raw: unknown) => T, now: Date): ReadOutcome<T> {
  if (!existsSync(path)) return { kind: 'absent' };
  let reason: string;
  try {
    return { kind: 'read', value: read(JSON.parse(readFileSync(path, 'utf8'))) };
  } catch (err) {
    reason = err instanceof Error ? err.message : String(err);
  }
  const aside = path.replace(/\.json$/, '') + `.bad-${stamp(now)}.json`;
  renameSync(path, aside);
  const error = new CtiError('badSettings', `The settings file could not be used (${reason}). It was kept as ${aside}; defaults are in use.`, { path, keptAs: aside });
  return { kind: 'setAside', error: error.toShape() };
}
