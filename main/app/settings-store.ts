/**
 * The desktop app's settings on electron-store, in the file the app used before (userData/
 * settings.json), validated by the same zod schema as every other store. At load the file is
 * migrated (main/desktop/settings-migration.ts: a clear-text password goes to the SecretStore, keys
 * later versions dropped are removed); a file that cannot be used is never overwritten but renamed
 * `settings.bad-<timestamp>.json`, defaults are used, and `loadError` says so (as ConfSettingsStore).
 */
import { join } from 'node:path';
import ElectronStore from 'electron-store';
import type { ErrorShape } from '../../common/errors';
import { DEFAULT_SETTINGS, type Settings } from '../../common/schemas';
import { migrateSettings } from '../desktop/settings-migration';
import type { SecretStore } from '../settings/secrets';
import { readOrSetAside } from '../settings/set-aside';
import { SettingsStoreBase } from '../settings/store';

export const SETTINGS_NAME = 'settings';

export interface ElectronSettingsOptions {
  /** userData. */
  readonly cwd: string;
  /** A password found in an old file is moved here. */
  readonly secrets: SecretStore;
  readonly now?: () => Date;
}

export class ElectronSettingsStore extends SettingsStoreBase {
  readonly #store: ElectronStore<Settings>;
  readonly loadError: ErrorShape | undefined;

  constructor(options: ElectronSettingsOptions) {
    const path = join(options.cwd, `${SETTINGS_NAME}.json`);
    const outcome = readOrSetAside(path, migrateSettings, options.now?.() ?? new Date());
    super(outcome.kind === 'read' ? outcome.value.settings : { ...DEFAULT_SETTINGS });
    this.loadError = outcome.kind === 'setAside' ? outcome.error : undefined;
    if (outcome.kind === 'read' && outcome.value.legacyPassword !== undefined && !options.secrets.has('telserverPassword')) {
      options.secrets.set('telserverPassword', outcome.value.legacyPassword);
    }
    this.#store = new ElectronStore<Settings>({ name: SETTINGS_NAME, cwd: options.cwd, clearInvalidConfig: false, watch: false, configFileMode: 0o600 });
    // No file yet: write nothing, so that start-up still sees "no TelServer configured" (the demo).
    if ((outcome.kind === 'read' && outcome.value.changed) || outcome.kind === 'setAside') this.#store.store = this.get();
  }

  get path(): string {
    return this.#store.path;
  }

  protected persist(next: Settings): void {
    this.#store.store = next;
  }
}

/** The encrypted secrets' file (base64 blobs from safeStorage, nothing in clear). */
export function secretBlobFile(cwd: string): ElectronStore<Record<string, string>> {
  return new ElectronStore<Record<string, string>>({ name: 'secrets.safe', cwd, clearInvalidConfig: true, watch: false, configFileMode: 0o600 });
}
