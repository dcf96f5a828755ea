/**
 * Settings behind an interface, so the core never knows where they live: `conf` in plain Node (web
 * mode, CLI, tests), electron-store in the desktop app later, memory for one-off runs.
 */
import type { ErrorShape } from '../../common/errors';
import { CtiError } from '../../common/errors';
import { DEFAULT_SETTINGS, settingsSchema, type Settings, type SettingsPatch } from '../../common/schemas';

export interface SettingsStore {
  get(): Settings;
  /** Validates the merged result; throws a CtiError('invalidArgument') and changes nothing if it is bad. */
  set(patch: SettingsPatch): Settings;
  /** Set when the stored file was bad at load (it was kept aside and defaults are in use). */
  readonly loadError: ErrorShape | undefined;
  /** Returns its unsubscribe function. */
  onChange(listener: (settings: Settings) => void): () => void;
}

/** Merges and validates; the message lists each bad field so the UI can show it. */
export function mergeSettings(base: Settings, patch: unknown): Settings {
  const candidate = typeof patch === 'object' && patch !== null ? { ...base, ...patch } : patch;
  const parsed = settingsSchema.safeParse(candidate);
  if (!parsed.success) {
    const fields = parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ');
    throw new CtiError('invalidArgument', `Invalid settings: ${fields}`);
  }
  return parsed.data;
}

/**
 * The half every store shares: the current settings, the validated merge, the listeners. A store
 * adds where the settings are written (`persist`, called with a valid value before it becomes
 * current, so a failed write changes nothing) and what it found at load.
 */
export abstract class SettingsStoreBase implements SettingsStore {
  #settings: Settings;
  readonly #listeners = new Set<(s: Settings) => void>();
  abstract readonly loadError: ErrorShape | undefined;

  protected constructor(initial: Settings) {
    this.#settings = initial;
  }

  protected abstract persist(next: Settings): void;

  get(): Settings {
    return { ...this.#settings };
  }

  set(patch: SettingsPatch): Settings {
    const next = mergeSettings(this.#settings, patch);
    this.persist(next);
    this.#settings = next;
    for (const l of this.#listeners) l(this.get());
    return this.get();
  }

  onChange(listener: (settings: Settings) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }
}

/** A store that lives as long as the process (web mode with --server, tests of the core). */
export class MemorySettingsStore extends SettingsStoreBase {
  readonly loadError: ErrorShape | undefined = undefined;

  constructor(initial: SettingsPatch = {}) {
    super(mergeSettings({ ...DEFAULT_SETTINGS }, initial));
  }

  protected persist(): void {
    // Memory only: nothing to write.
  }
}
