import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../../common/schemas';
import { migrateSettings } from '../../../main/desktop/settings-migration';

describe('migrateSettings', () => {
  it("takes the clear-text password out of today's conf file and fills the desktop fields", () => {
    const old = { serverHost: 'pbx.example', serverPort: 8800, transport: 'tcp', deviceNumber: '1105', userID: 'u', userPassword: 'hunter2', udpPort: 0, endOfPdu: '', sessionTimeout: 0, eventMode: 'auto', requestTimeoutMs: 5000 };
    const m = migrateSettings(old);
    expect(m.legacyPassword).toBe('hunter2');
    expect(m.changed).toBe(true);
    expect(m.settings).toEqual({ ...DEFAULT_SETTINGS, serverHost: 'pbx.example', deviceNumber: '1105', userID: 'u' });
    expect(JSON.stringify(m.settings)).not.toContain('hunter2');
  });

  it('drops keys later versions removed, and leaves a current file unchanged', () => {
    expect(migrateSettings({ ...DEFAULT_SETTINGS, country: 'FR' }).changed).toBe(true);
    const current = migrateSettings({ ...DEFAULT_SETTINGS, popFocus: true });
    expect(current).toEqual({ settings: { ...DEFAULT_SETTINGS, popFocus: true }, changed: false });
  });

  it('refuses a file it cannot use, naming the field', () => {
    expect(() => migrateSettings({ ...DEFAULT_SETTINGS, serverPort: 'eighty' })).toThrow(/serverPort/);
    expect(() => migrateSettings({ ...DEFAULT_SETTINGS, surprise: 1 })).toThrow(/Invalid settings/);
  });
});
