/**
 * The desktop app's settings on electron-store, in the file the app used before (userData/
 * settings.json), validated by the same zod schema as every other store. At load the file is
 * migrated (main/desktop/settings-migration.ts: a clear-text password goes to the SecretStore, keys
 * later versions dropped are removed); a file that cannot be used is never overwritten but renamed
 * `settings.bad-<timestamp>.json`, defaults are used, and `loadError` says so (as ConfSettingsStore).
 */
import { existsSync, readFileSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import ElectronStore from 'electron-store';
import { CtiError, type ErrorShape } from '../../common/errors';
import { DEFAULT_SETTINGS, type Settings, type SettingsPatch } from '../../common/schemas';
import { migrateSettings } from '../desktop/settings-migration';
import type { SecretStore } from '../settings/secrets';
import { mergeSettings, type SettingsStore } from '../settings/store';

export const SETTINGS_NAME = 'settings';

export interface ElectronSettingsOptions {
  /** userData. */
  readonly cwd: string;
  /** A password found in an old file is moved here. */
  readonly secrets: SecretStore;
  readonly now?: () => Date;
}

function stamp(date: Date): string {
  return date.toISOString().replace(/[:.]/g, '-');
}

export class ElectronSettingsStore implements SettingsStore {
  readonly #store: ElectronStore<Settings>;
  #settings: Settings;
  readonly #listeners = new Set<(s: Settings) => void>();
  readonly loadError: ErrorShape | undefined;

  constructor(options: ElectronSettingsOptions) {
    const path = join(options.cwd, `${SETTINGS_NAME}.json`);
    let settings: Settings = { ...DEFAULT_SETTINGS };
    let changed = false;
    if (existsSync(path)) {
      try {
        const migrated = migrateSettings(JSON.parse(readFileSync(path, 'utf8')));
        settings = migrated.settings;
        changed = migrated.changed;
        if (migrated.legacyPassword !== undefined && !options.secrets.has('telserverPassword')) options.secrets.set('telserverPassword', migrated.legacyPassword);
      } catch (err) {
        const reason = err instanceof Error ? err.message : String(err);
        const aside = join(options.cwd, `${SETTINGS_NAME}.bad-${stamp(options.now?.() ?? new Date())}.json`);
        renameSync(path, aside);
        this.loadError = new CtiError('badSettings', `The settings file could not be used (${reason}). It was kept as ${aside}; defaults are in use.`, { path, keptAs: aside }).toShape();
      }
    }
    this.#settings = settings;
    this.#store = new ElectronStore<Settings>({ name: SETTINGS_NAME, cwd: options.cwd, clearInvalidConfig: false, watch: false, configFileMode: 0o600 });
    // No file yet: write nothing, so that start-up still sees "no TelServer configured" (the demo).
    if (changed || this.loadError !== undefined) this.#store.store = settings;
  }

  get path(): string {
    return this.#store.path;
  }

  get(): Settings {
    return { ...this.#settings };
  }

  set(patch: SettingsPatch): Settings {
    const next = mergeSettings(this.#settings, patch);
    this.#store.store = next;
    this.#settings = next;
    for (const l of this.#listeners) l(this.get());
    return this.get();
  }

  onChange(listener: (settings: Settings) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }
}

/** The encrypted secrets' file (base64 blobs from safeStorage, nothing in clear). */
export function secretBlobFile(cwd: string): ElectronStore<Record<string, string>> {
  return new ElectronStore<Record<string, string>>({ name: 'secrets.safe', cwd, clearInvalidConfig: true, watch: false, configFileMode: 0o600 });
}
