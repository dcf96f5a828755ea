/**
 * Settings stored with `conf` (a JSON file). We validate with our own zod schema rather than conf's
 * JSON-schema option, so the desktop (electron-store) and this store share one definition.
 *
 * A bad file (not JSON, or failing the schema) is never overwritten: it is renamed
 * `<name>.bad-<timestamp>.json` beside the original, defaults are used, and `loadError` says what
 * happened and where the old file went (the contract reports it to the UI).
 */
import { existsSync, readFileSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import Conf from 'conf';
import { CtiError, type ErrorShape } from '../../common/errors';
import { DEFAULT_SETTINGS, type Settings, type SettingsPatch } from '../../common/schemas';
import { mergeSettings, type SettingsStore } from './store';

export interface ConfStoreOptions {
  /** Directory of the file (default: the user's config directory for this app). */
  cwd?: string;
  /** File name without extension (default "settings"). */
  configName?: string;
  /** Clock for the aside file's timestamp (tests). */
  now?: () => Date;
}

function stamp(date: Date): string {
  return date.toISOString().replace(/[:.]/g, '-');
}

/** Reads and validates the file; on failure moves it aside. Never throws for a bad file. */
function loadOrSetAside(path: string, now: Date): { settings: Settings; error?: ErrorShape } {
  if (!existsSync(path)) return { settings: { ...DEFAULT_SETTINGS } };
  let reason: string;
  try {
    const raw: unknown = JSON.parse(readFileSync(path, 'utf8'));
    // Keys the file lacks take their defaults (a file written by an older version stays valid).
    return { settings: mergeSettings({ ...DEFAULT_SETTINGS }, raw) };
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

  constructor(options: ConfStoreOptions = {}) {
    const configName = options.configName ?? 'settings';
    const confOptions = {
      configName,
      projectName: 'telservices-cti',
      projectSuffix: '',
      clearInvalidConfig: false,
      watch: false,
      ...(options.cwd !== undefined ? { cwd: options.cwd } : {}),
    };
    // Learn the path conf will use, then check the file before conf reads it.
    const probePath = options.cwd !== undefined ? join(options.cwd, `${configName}.json`) : undefined;
    const path = probePath ?? new Conf<Record<string, unknown>>({ ...confOptions, configName: `${configName}.probe` }).path.replace(/\.probe\.json$/, '.json');
    const loaded = loadOrSetAside(path, options.now?.() ?? new Date());
    this.loadError = loaded.error;
    this.#settings = loaded.settings;
    this.#conf = new Conf<Settings>(confOptions);
    this.#conf.store = this.#settings;
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
