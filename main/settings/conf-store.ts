/**
 * Settings stored with `conf` (a JSON file). We validate with our own zod schema rather than conf's
 * JSON-schema option, so the desktop (electron-store) and this store share one definition.
 *
 * A bad file (not JSON, or failing the schema) is never overwritten: it is renamed
 * `<name>.bad-<timestamp>.json` beside the original, defaults are used, and `loadError` says what
 * happened and where the old file went (the contract reports it to the UI).
 *
 * The file is written 0600. Secrets are not settings: a file from an older version that still holds
 * `userPassword` has it moved into the SecretStore (`telserverPassword`) at load, and the settings
 * file is rewritten without it.
 */
import { chmodSync, existsSync, readFileSync, renameSync } from 'node:fs';
import { dirname, join } from 'node:path';
import Conf from 'conf';
import { CtiError, type ErrorShape } from '../../common/errors';
import { DEFAULT_SETTINGS, type Settings, type SettingsPatch } from '../../common/schemas';
import { mergeSettings, type SettingsStore } from './store';
import type { SecretStore } from './secrets';
import { FileSecretStore } from './secrets-file';

const FILE_MODE = 0o600;
/** The key older versions kept the TelServer password under, in the settings file. */
const LEGACY_PASSWORD_KEY = 'userPassword';

export interface ConfStoreOptions {
  /** Directory of the file (default: the user's config directory for this app). */
  cwd?: string;
  /** File name without extension (default "settings"). */
  configName?: string;
  /** Clock for the aside file's timestamp (tests). */
  now?: () => Date;
  /** Where secrets go (a legacy `userPassword` is moved there). Default: a 0600 `secrets.json` beside the settings file. */
  secrets?: SecretStore;
}

function stamp(date: Date): string {
  return date.toISOString().replace(/[:.]/g, '-');
}

/** Takes an older version's password out of the parsed file (mutates `raw`). */
function takeLegacyPassword(raw: unknown): string | undefined {
  if (typeof raw !== 'object' || raw === null || !(LEGACY_PASSWORD_KEY in raw)) return undefined;
  const record = raw as Record<string, unknown>;
  const value = record[LEGACY_PASSWORD_KEY];
  delete record[LEGACY_PASSWORD_KEY];
  return typeof value === 'string' && value !== '' ? value : undefined;
}

interface Loaded {
  settings: Settings;
  error?: ErrorShape;
  legacyPassword?: string;
}

/** Reads and validates the file; on failure moves it aside. Never throws for a bad file. */
function loadOrSetAside(path: string, now: Date): Loaded {
  if (!existsSync(path)) return { settings: { ...DEFAULT_SETTINGS } };
  let reason: string;
  try {
    const raw: unknown = JSON.parse(readFileSync(path, 'utf8'));
    const legacyPassword = takeLegacyPassword(raw);
    // Keys the file lacks take their defaults (a file written by an older version stays valid).
    const settings = mergeSettings({ ...DEFAULT_SETTINGS }, raw);
    return legacyPassword === undefined ? { settings } : { settings, legacyPassword };
  } catch (err) {
    reason = err instanceof Error ? err.message : String(err);
  }
  const aside = path.replace(/\.json$/, '') + `.bad-${stamp(now)}.json`;
  renameSync(path, aside);
  return {
    settings: { ...DEFAULT_SETTINGS },
    error: new CtiError('badSettings', `The settings file could not be used (${reason}). It was kept as ${aside}; defaults are in use.`, {
      path,
      keptAs: aside,
    }).toShape(),
  };
}

export class ConfSettingsStore implements SettingsStore {
  readonly #conf: Conf<Settings>;
  #settings: Settings;
  readonly #listeners = new Set<(s: Settings) => void>();
  readonly loadError: ErrorShape | undefined;
  /** The store secrets live in (the one given, or the 0600 file beside the settings). */
  readonly secrets: SecretStore;

  constructor(options: ConfStoreOptions = {}) {
    const configName = options.configName ?? 'settings';
    const confOptions = {
      configName,
      projectName: 'telservices-cti',
      projectSuffix: '',
      clearInvalidConfig: false,
      watch: false,
      configFileMode: FILE_MODE,
      ...(options.cwd !== undefined ? { cwd: options.cwd } : {}),
    };
    // Learn the path conf will use, then check the file before conf reads it.
    const probePath = options.cwd !== undefined ? join(options.cwd, `${configName}.json`) : undefined;
    const path = probePath ?? new Conf<Record<string, unknown>>({ ...confOptions, configName: `${configName}.probe` }).path.replace(/\.probe\.json$/, '.json');
    const loaded = loadOrSetAside(path, options.now?.() ?? new Date());
    this.loadError = loaded.error;
    this.#settings = loaded.settings;
    this.secrets = options.secrets ?? new FileSecretStore(join(dirname(path), 'secrets.json'));
    // The secret first: if it cannot be stored, the old file (still holding it) is not yet rewritten.
    if (loaded.legacyPassword !== undefined && !this.secrets.has('telserverPassword')) this.secrets.set('telserverPassword', loaded.legacyPassword);
    this.#conf = new Conf<Settings>(confOptions);
    this.#conf.store = this.#settings;
    // conf's mode applies to the files it creates; narrow one an older version wrote 0644.
    chmodSync(this.#conf.path, FILE_MODE);
  }

  get path(): string {
    return this.#conf.path;
  }

  get(): Settings {
    return { ...this.#settings };
  }

  set(patch: SettingsPatch): Settings {
    const next = mergeSettings(this.#settings, patch);
    this.#conf.store = next;
    this.#settings = next;
    for (const l of this.#listeners) l(this.get());
    return this.get();
  }

  onChange(listener: (settings: Settings) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }
}
