/**
 * Secrets (the TelServer password, the REST services' passwords and tokens) behind one interface,
 * kept apart from the settings so that no settings view, log line or renderer ever carries one.
 *
 * Implementations: memory (one run; also the desktop's fallback where the OS offers no safe
 * storage), a 0600 file in plain Node (web mode, CLI), Electron's safeStorage in the desktop app
 * (main/app/, the only place that may import electron).
 */

// The key list lives in common/ (the contract's schema validates `setSecret`'s key); re-exported here.
import { SECRET_KEYS, type SecretKey } from '../../common/secrets';
export { SECRET_KEYS, type SecretKey } from '../../common/secrets';

export interface SecretStore {
  /**
   * 'persistent': kept across runs, safely (OS-encrypted, or a file only the user can read);
   * 'session': memory only, lost at exit (the settings view says so, with `unavailableReason`).
   */
  readonly kind: 'persistent' | 'session';
  /** Why secrets are not persistent here, in words for the settings view. */
  readonly unavailableReason?: string;
  get(key: SecretKey): string | undefined;
  /** `undefined` or '' removes the secret. */
  set(key: SecretKey, value: string | undefined): void;
  has(key: SecretKey): boolean;
}

/** Which secrets are set: what the renderer may know (never the values). */
export function secretsPresence(store: SecretStore): Record<SecretKey, boolean> {
  return Object.fromEntries(SECRET_KEYS.map((k) => [k, store.has(k)])) as Record<SecretKey, boolean>;
}

export class MemorySecretStore implements SecretStore {
  readonly kind = 'session' as const;
  readonly unavailableReason: string | undefined;
  readonly #values = new Map<SecretKey, string>();

  constructor(initial: Partial<Record<SecretKey, string>> = {}, unavailableReason?: string) {
    this.unavailableReason = unavailableReason;
    for (const [k, v] of Object.entries(initial) as [SecretKey, string | undefined][]) this.set(k, v);
  }

  get(key: SecretKey): string | undefined {
    return this.#values.get(key);
  }

  set(key: SecretKey, value: string | undefined): void {
    if (value === undefined || value === '') this.#values.delete(key);
    else this.#values.set(key, value);
  }

  has(key: SecretKey): boolean {
    return this.#values.has(key);
  }
}
