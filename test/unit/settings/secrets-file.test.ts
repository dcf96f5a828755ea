import { chmodSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDirsAfterEach } from '../../support/temp-dir';
import { FileSecretStore } from '../../../main/settings/secrets-file';
import { ConfSettingsStore } from '../../../main/settings/conf-store';
import { MemorySecretStore, secretsPresence } from '../../../main/settings/secrets';

const tempDir = tempDirsAfterEach('cti-secrets-');
const mode = (path: string): number => statSync(path).mode & 0o777;

describe('FileSecretStore', () => {
  it('writes a 0600 file, reads it back in a new instance, and clears a secret with ""', () => {
    const path = join(tempDir(), 'secrets.json');
    const a = new FileSecretStore(path);
    expect(a.kind).toBe('persistent');
    a.set('telserverPassword', 's3cret');
    expect(mode(path)).toBe(0o600);
    const b = new FileSecretStore(path);
    expect(b.get('telserverPassword')).toBe('s3cret');
    expect(secretsPresence(b)).toEqual({ telserverPassword: true, tdsPassword: false, arcToken: false, dnisPassword: false });
    b.set('telserverPassword', '');
    expect(new FileSecretStore(path).has('telserverPassword')).toBe(false);
  });

  it('narrows a world-readable file to 0600 at load', () => {
    const path = join(tempDir(), 'secrets.json');
    writeFileSync(path, JSON.stringify({ arcToken: 't' }));
    chmodSync(path, 0o644);
    expect(new FileSecretStore(path).get('arcToken')).toBe('t');
    expect(mode(path)).toBe(0o600);
  });

  it('a bad file is not fatal: no secrets, and loadError says why; unknown keys are ignored', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'bad.json'), '{ nope');
    const bad = new FileSecretStore(join(dir, 'bad.json'));
    expect(bad.has('telserverPassword')).toBe(false);
    expect(bad.loadError).toMatch(/bad\.json/);
    writeFileSync(join(dir, 'odd.json'), JSON.stringify({ other: 'x', tdsPassword: 7, dnisPassword: 'd' }));
    expect(secretsPresence(new FileSecretStore(join(dir, 'odd.json')))).toMatchObject({ tdsPassword: false, dnisPassword: true });
  });
});

describe('ConfSettingsStore and secrets', () => {
  it('writes the settings file 0600, also over a 0644 file an older version left', () => {
    const cwd = tempDir();
    writeFileSync(join(cwd, 'settings.json'), JSON.stringify({ serverHost: 'pbx' }));
    chmodSync(join(cwd, 'settings.json'), 0o644);
    const store = new ConfSettingsStore({ cwd, secrets: new MemorySecretStore() });
    expect(mode(store.path)).toBe(0o600);
    store.set({ serverPort: 9001 });
    expect(mode(store.path)).toBe(0o600);
  });

  it('moves an older file\'s userPassword into the secret store and rewrites the file without it', () => {
    const cwd = tempDir();
    writeFileSync(join(cwd, 'settings.json'), JSON.stringify({ serverHost: 'pbx', userID: 'alice', userPassword: 'old-pw' }));
    const store = new ConfSettingsStore({ cwd });
    expect(store.loadError).toBeUndefined();
    expect(store.get()).toMatchObject({ serverHost: 'pbx', userID: 'alice' });
    expect(store.get()).not.toHaveProperty('userPassword');
    expect(readFileSync(store.path, 'utf8')).not.toContain('old-pw');
    // The default secret store: a 0600 file beside the settings.
    expect(store.secrets.get('telserverPassword')).toBe('old-pw');
    expect(mode(join(cwd, 'secrets.json'))).toBe(0o600);
    expect(new FileSecretStore(join(cwd, 'secrets.json')).get('telserverPassword')).toBe('old-pw');
  });

  it('the migration never overwrites a password already in the secret store', () => {
    const cwd = tempDir();
    writeFileSync(join(cwd, 'settings.json'), JSON.stringify({ userPassword: 'stale' }));
    const secrets = new MemorySecretStore({ telserverPassword: 'current' });
    new ConfSettingsStore({ cwd, secrets });
    expect(secrets.get('telserverPassword')).toBe('current');
  });
});
