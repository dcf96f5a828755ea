import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDirsAfterEach } from '../../support/temp-dir';
import { ConfSettingsStore } from '../../../main/settings/conf-store';
import { MemorySettingsStore } from '../../../main/settings/store';
import { DEFAULT_SETTINGS } from '../../../common/schemas';
import { CtiError } from '../../../common/errors';

const tempDir = tempDirsAfterEach('cti-settings-');

describe('ConfSettingsStore', () => {
  it('starts from defaults, persists a change, and reads it back in a new instance', () => {
    const cwd = tempDir();
    const a = new ConfSettingsStore({ cwd });
    expect(a.get()).toEqual(DEFAULT_SETTINGS);
    expect(a.loadError).toBeUndefined();
    a.set({ serverHost: 'pbx.example', serverPort: 9000, eventMode: 'poll' });
    const b = new ConfSettingsStore({ cwd });
    expect(b.get()).toMatchObject({ serverHost: 'pbx.example', serverPort: 9000, eventMode: 'poll', deviceNumber: '1101' });
  });

  it('refuses an invalid change with invalidArgument and keeps the old value', () => {
    const store = new ConfSettingsStore({ cwd: tempDir() });
    let caught: unknown;
    try {
      store.set({ serverPort: 70000 });
    } catch (err) {
      caught = err;
    }
    expect(caught).toBeInstanceOf(CtiError);
    expect((caught as CtiError).code).toBe('invalidArgument');
    expect((caught as CtiError).message).toContain('serverPort');
    expect(store.get().serverPort).toBe(DEFAULT_SETTINGS.serverPort);
  });

  it.each([
    ['not JSON', '{"serverHost": '],
    ['a bad value', JSON.stringify({ ...DEFAULT_SETTINGS, transport: 'carrier-pigeon' })],
    ['an unknown key', JSON.stringify({ serverHost: 'x', colour: 'red' })],
  ])('keeps a file with %s aside (timestamped), uses defaults and reports badSettings', (_label, content) => {
    const cwd = tempDir();
    writeFileSync(join(cwd, 'settings.json'), content);
    const store = new ConfSettingsStore({ cwd, now: () => new Date('2026-01-02T03:04:05.678Z') });
    expect(store.get()).toEqual(DEFAULT_SETTINGS);
    expect(store.loadError?.code).toBe('badSettings');
    const aside = 'settings.bad-2026-01-02T03-04-05-678Z.json';
    expect(readdirSync(cwd).sort()).toEqual([aside, 'settings.json']);
    expect(readFileSync(join(cwd, aside), 'utf8')).toBe(content);
    expect(store.loadError?.message).toContain(aside);
  });

  it('fills keys an older file lacks with their defaults', () => {
    const cwd = tempDir();
    writeFileSync(join(cwd, 'settings.json'), JSON.stringify({ serverHost: '10.0.0.5' }));
    const store = new ConfSettingsStore({ cwd });
    expect(store.loadError).toBeUndefined();
    expect(store.get()).toEqual({ ...DEFAULT_SETTINGS, serverHost: '10.0.0.5' });
  });

  it('notifies listeners until unsubscribed', () => {
    const store = new MemorySettingsStore();
    const seen: string[] = [];
    const off = store.onChange((s) => seen.push(s.deviceNumber));
    store.set({ deviceNumber: '1102' });
    off();
    store.set({ deviceNumber: '1103' });
    expect(seen).toEqual(['1102']);
  });
});
