/**
 * electron-log for the main process: a file the user can find from the About view, rotated at
 * 1 MB (electron-log keeps the previous file as main.old.log), console.* routed into it, and every
 * message passed through the secret redaction of main/desktop/redact.ts before any transport
 * (console or file) sees it.
 */
import { readFileSync } from 'node:fs';
import log from 'electron-log/main';
import { redactValue } from '../desktop/redact';

export const LOG_MAX_BYTES = 1_000_000;

export interface AppLog {
  readonly file: string;
  /** The last `n` lines of the current file (already redacted when written). */
  lastLines(n: number): string[];
}

/** `secrets()` returns the secret values held now: they are removed wherever they appear. */
export function setupLog(secrets: () => readonly string[]): AppLog {
  log.transports.file.maxSize = LOG_MAX_BYTES;
  log.transports.file.level = 'info';
  log.hooks.push((message) => ({ ...message, data: message.data.map((v: unknown) => redactValue(v, secrets())) }));
  // The rest of main logs with console.*: the same redaction and file for all of it.
  Object.assign(console, log.functions);
  const file = log.transports.file.getFile().path;
  return {
    file,
    lastLines(n) {
      try {
        const lines = readFileSync(file, 'utf8').split(/\r?\n/).filter((l) => l !== '');
        return lines.slice(-n);
      } catch {
        return [];
      }
    },
  };
}
