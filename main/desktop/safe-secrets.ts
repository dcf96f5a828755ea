/**
 * The desktop's SecretStore on the OS keychain through Electron's safeStorage (DPAPI on Windows,
 * the Keychain on macOS, libsecret/KWallet on Linux): each secret is encrypted and only the
 * encrypted blob (base64) is written. Where no real encryption is available (no keyring, or
 * Linux's 'basic_text' fallback, which uses a fixed key) it says so and keeps secrets in memory
 * for this run only. No electron import: the glue passes safeStorage and a blob store in.
 */
import { SECRET_KEYS, type SecretKey, type SecretStore } from '../settings/secrets';

/** The part of Electron's safeStorage we use. */
export interface SafeStorageLike {
  isEncryptionAvailable(): boolean;
  encryptString(plainText: string): Buffer;
  decryptString(encrypted: Buffer): string;
  /** Linux only. */
  getSelectedStorageBackend?(): string;
}

/** Where the encrypted blobs live (an electron-store file). */
export interface BlobStore {
  get(key: SecretKey): string | undefined;
  set(key: SecretKey, base64: string): void;
  delete(key: SecretKey): void;
}

/** Why safeStorage cannot protect secrets here, or undefined when it can. */
export function safeStorageProblem(safe: SafeStorageLike, platform: NodeJS.Platform): string | undefined {
  if (!safe.isEncryptionAvailable()) return 'The operating system offers no encrypted storage (no keychain or keyring is available)';
  if (platform === 'linux' && safe.getSelectedStorageBackend?.() === 'basic_text') {
    return 'No keyring (GNOME Keyring, KWallet) is running, so secrets cannot be encrypted';
  }
  return undefined;
}

export class SafeStorageSecretStore implements SecretStore {
  readonly kind: 'persistent' | 'session';
  readonly unavailableReason: string | undefined;
  readonly #safe: SafeStorageLike;
  readonly #blobs: BlobStore;
  /** Decrypted values of this run (and all of them in session mode). */
  readonly #cache = new Map<SecretKey, string>();
  readonly #warn: (message: string) => void;

  constructor(safe: SafeStorageLike, blobs: BlobStore, platform: NodeJS.Platform, warn: (message: string) => void = () => undefined) {
    this.#safe = safe;
    this.#blobs = blobs;
    this.#warn = warn;
    const problem = safeStorageProblem(safe, platform);
    this.kind = problem === undefined ? 'persistent' : 'session';
    this.unavailableReason = problem === undefined ? undefined : `${problem}: secrets are kept for this session only.`;
    if (this.kind === 'persistent') for (const key of SECRET_KEYS) this.#load(key);
  }

  #load(key: SecretKey): void {
    const blob = this.#blobs.get(key);
    if (blob === undefined) return;
    try {
      this.#cache.set(key, this.#safe.decryptString(Buffer.from(blob, 'base64')));
    } catch {
      // Encrypted under another OS user or keyring: useless; the user types it again.
      this.#warn(`[secrets] ${key} could not be decrypted (another keyring?); it was removed`);
      this.#blobs.delete(key);
    }
  }

  get(key: SecretKey): string | undefined {
    return this.#cache.get(key);
  }

  set(key: SecretKey, value: string | undefined): void {
    if (value === undefined || value === '') {
      this.#cache.delete(key);
      if (this.kind === 'persistent') this.#blobs.delete(key);
      return;
    }
    this.#cache.set(key, value);
    // Only ever the encrypted form reaches the disk; in session mode nothing does.
    if (this.kind === 'persistent') this.#blobs.set(key, this.#safe.encryptString(value).toString('base64'));
  }

  has(key: SecretKey): boolean {
    return this.#cache.has(key);
  }
}
