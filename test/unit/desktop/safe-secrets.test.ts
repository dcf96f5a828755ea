import { describe, expect, it, vi } from 'vitest';
import { SafeStorageSecretStore, type BlobStore, type SafeStorageLike } from '../../../main/desktop/safe-secrets';
import type { SecretKey } from '../../../main/settings/secrets';

/** A reversible stand-in for the OS encryption: the plain text never appears in its output. */
function fakeSafe(available = true, backend = 'gnome_libsecret'): SafeStorageLike & { encrypt: ReturnType<typeof vi.fn> } {
  const encrypt = vi.fn((s: string) => Buffer.from([...Buffer.from(s, 'utf8')].map((b) => b ^ 0x5a)));
  return {
    encrypt,
    isEncryptionAvailable: () => available,
    encryptString: encrypt,
    decryptString: (b: Buffer) => Buffer.from([...b].map((x) => x ^ 0x5a)).toString('utf8'),
    getSelectedStorageBackend: () => backend,
  };
}
function blobs(): BlobStore & { data: Map<SecretKey, string> } {
  const data = new Map<SecretKey, string>();
  return { data, get: (k) => data.get(k), set: (k, v) => void data.set(k, v), delete: (k) => void data.delete(k) };
}

describe('SafeStorageSecretStore', () => {
  it('writes only the encrypted blob, and reads it back in the next run', () => {
    const safe = fakeSafe();
    const file = blobs();
    const store = new SafeStorageSecretStore(safe, file, 'linux');
    store.set('telserverPassword', 'hunter2-secret');
    expect(store.kind).toBe('persistent');
    expect(safe.encrypt).toHaveBeenCalledWith('hunter2-secret');
    const written = file.data.get('telserverPassword')!;
    expect(written).not.toContain('hunter2');
    expect(Buffer.from(written, 'base64').toString('utf8')).not.toContain('hunter2');
    const nextRun = new SafeStorageSecretStore(safe, file, 'linux');
    expect(nextRun.get('telserverPassword')).toBe('hunter2-secret');
    nextRun.set('telserverPassword', '');
    expect(file.data.has('telserverPassword')).toBe(false);
  });

  it('keeps secrets in memory only, saying why, without encryption or with Linux basic_text', () => {
    for (const [safe, platform] of [[fakeSafe(false), 'win32'], [fakeSafe(true, 'basic_text'), 'linux']] as const) {
      const file = blobs();
      const store = new SafeStorageSecretStore(safe, file, platform);
      store.set('arcToken', 'tok-123');
      expect(store.kind).toBe('session');
      expect(store.unavailableReason).toMatch(/session only/);
      expect(store.get('arcToken')).toBe('tok-123');
      expect(file.data.size).toBe(0);
      expect(safe.encrypt).not.toHaveBeenCalled();
    }
  });

  it('drops a blob it cannot decrypt (another keyring) instead of failing', () => {
    const file = blobs();
    file.data.set('tdsPassword', 'AAAA');
    const warn = vi.fn();
    const safe = { ...fakeSafe(), decryptString: () => { throw new Error('bad key'); } };
    const store = new SafeStorageSecretStore(safe, file, 'darwin', warn);
    expect(store.has('tdsPassword')).toBe(false);
    expect(file.data.has('tdsPassword')).toBe(false);
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('tdsPassword'));
  });
});
