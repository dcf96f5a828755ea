/**
 * Secrets in a JSON file only its owner can read (mode 0600), for plain Node: web mode and the CLI.
 * It protects against other local users (the threat of a world-readable settings file), not against
 * the user's own processes; the desktop app uses the OS keychain instead (main/app/).
 *
 * Writes go to a 0600 temporary file renamed over the old one, so a crash never leaves a half-written
 * or briefly readable file. A file found with a wider mode is narrowed at load. An unreadable file
 * is not fatal: its secrets are missing (the settings view shows them unset) and `loadError` says why.
 */
import { chmodSync, existsSync, mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { CtiError } from '../../common/errors';
import { SECRET_KEYS, type SecretKey, type SecretStore } from './secrets';

const FILE_MODE = 0o600;

function isSecretKey(k: string): k is SecretKey {
  return (SECRET_KEYS as readonly string[]).includes(k);
}

/** Keeps the known keys with string values; anything else in the file is ignored. */
function parseSecrets(text: string): Map<SecretKey, string> {
  const raw: unknown = JSON.parse(text);
  const values = new Map<SecretKey, string>();
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) throw new Error('not a JSON object');
  for (const [k, v] of Object.entries(raw)) if (isSecretKey(k) && typeof v === 'string' && v !== '') values.set(k, v);
  return values;
}

export class FileSecretStore implements SecretStore {
  readonly kind = 'persistent' as const;
  readonly unavailableReason = undefined;
  readonly path: string;
  /** Why the file could not be read at load (its secrets are then missing). */
  readonly loadError: string | undefined;
  #values = new Map<SecretKey, string>();

  constructor(path: string) {
    this.path = path;
    if (!existsSync(path)) return;
    try {
      if ((statSync(path).mode & 0o077) !== 0) chmodSync(path, FILE_MODE);
      this.#values = parseSecrets(readFileSync(path, 'utf8'));
    } catch (err) {
      this.loadError = `${path}: ${err instanceof Error ? err.message : String(err)}`;
    }
  }

  get(key: SecretKey): string | undefined {
    return this.#values.get(key);
  }

  has(key: SecretKey): boolean {
    return this.#values.has(key);
  }

  set(key: SecretKey, value: string | undefined): void {
    const next = new Map(this.#values);
    if (value === undefined || value === '') next.delete(key);
    else next.set(key, value);
    this.#write(next);
    this.#values = next;
  }

  #write(values: Map<SecretKey, string>): void {
    const tmp = `${this.path}.${process.pid}.tmp`;
    try {
      mkdirSync(dirname(this.path), { recursive: true, mode: 0o700 });
      // `mode` applies only when the file is created; chmod covers a leftover temporary file.
      writeFileSync(tmp, JSON.stringify(Object.fromEntries(values), null, 2), { mode: FILE_MODE });
      chmodSync(tmp, FILE_MODE);
      renameSync(tmp, this.path);
    } catch (err) {
      throw new CtiError('badSettings', `The secrets file ${this.path} could not be written: ${err instanceof Error ? err.message : String(err)}`);
    }
  }
}
