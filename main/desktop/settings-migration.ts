/**
 * Settings files written by older versions, brought up to today's schema: the TelServer password
 * leaves the file for the SecretStore, keys later versions dropped are removed. Pure: the store
 * (main/app/settings-store.ts) reads the file, calls this, and writes the result back.
 */
import { DEFAULT_SETTINGS, type Settings } from '../../common/schemas';
import { mergeSettings } from '../settings/store';

/** Keys a settings file may hold that today's schema no longer has, and why they went. */
export const REMOVED_KEYS: Readonly<Record<string, string>> = {
  userPassword: 'moved to the SecretStore (telserverPassword)',
  country: 'the dial box country is a renderer preference',
};

export interface Migrated {
  readonly settings: Settings;
  /** The password an older file held in clear, for the SecretStore. */
  readonly legacyPassword?: string;
  /** True when the file must be rewritten (something was moved or dropped). */
  readonly changed: boolean;
}

/** Throws a CtiError('invalidArgument') naming the bad fields when the file cannot be used. */
export function migrateSettings(raw: unknown): Migrated {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return { settings: mergeSettings({ ...DEFAULT_SETTINGS }, raw), changed: true };
  const record: Record<string, unknown> = { ...(raw as Record<string, unknown>) };
  let changed = false;
  let legacyPassword: string | undefined;
  for (const key of Object.keys(REMOVED_KEYS)) {
    if (!(key in record)) continue;
    if (key === 'userPassword' && typeof record[key] === 'string' && record[key] !== '') legacyPassword = record[key];
    delete record[key];
    changed = true;
  }
  // Keys the file lacks take their defaults (the desktop fields, for a file of the web mode era).
  const settings = mergeSettings({ ...DEFAULT_SETTINGS }, record);
  if (Object.keys(settings).some((k) => !(k in record))) changed = true;
  return legacyPassword === undefined ? { settings, changed } : { settings, legacyPassword, changed };
}
