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
import { chmodSync } from 'node:fs';
import { dirname, join } from 'node:path';
import Conf from 'conf';
import type { ErrorShape } from '../../common/errors';
import { DEFAULT_SETTINGS, type Settings } from '../../common/schemas';
import { readOrSetAside } from './set-aside';
import { mergeSettings, SettingsStoreBase } from './store';
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
  legacyPassword?: string;
}

/** Keys the file lacks take their defaults (a file written by an older version stays valid). */
function readSettingsFile(raw: unknown): Loaded {
  const legacyPassword = takeLegacyPassword(raw);
  const settings = mergeSettings({ ...DEFAULT_SETTINGS }, raw);
  return legacyPassword === undefined ? { settings } : { settings, legacyPassword };
}

export class ConfSettingsStore extends SettingsStoreBase {
  readonly #conf: Conf<Settings>;
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
    const outcome = readOrSetAside(path, readSettingsFile, options.now?.() ?? new Date());
    const loaded: Loaded = outcome.kind === 'read' ? outcome.value : { settings: { ...DEFAULT_SETTINGS } };
    super(loaded.settings);
    this.loadError = outcome.kind === 'setAside' ? outcome.error : undefined;
    this.secrets = options.secrets ?? new FileSecretStore(join(dirname(path), 'secrets.json'));
    // The secret first: if it cannot be stored, the old file (still holding it) is not yet rewritten.
    if (loaded.legacyPassword !== undefined && !this.secrets.has('telserverPassword')) this.secrets.set('telserverPassword', loaded.legacyPassword);
    this.#conf = new Conf<Settings>(confOptions);
    this.#conf.store = this.get();
    // conf's mode applies to the files it creates; narrow one an older version wrote 0644.
    chmodSync(this.#conf.path, FILE_MODE);
  }

  get path(): string {
    return this.#conf.path;
  }

  protected persist(next: Settings): void {
    this.#conf.store = next;
  }
}
