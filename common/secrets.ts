/**
 * Which secrets the app keeps, by name. The values never leave main (main/settings/secrets.ts holds
 * the SecretStore); the renderer learns only which are set (`SettingsView.secrets`) and may send a
 * new one (`setSecret`). The list lives in common/ because the contract's schema validates the key.
 */

/** Every secret the app keeps. Add a key here when a new service needs one. */
export const SECRET_KEYS = [
  /** TelServer openSession userPassword. */
  'telserverPassword',
  /** Transfer data service: Basic auth password. */
  'tdsPassword',
  /** Agent remote control: the token sent as cookie TokenKey. */
  'arcToken',
  /** DNIS release: User-Password. */
  'dnisPassword',
] as const;
export type SecretKey = (typeof SECRET_KEYS)[number];

/** Where secrets are kept, as the settings view shows it. */
export interface SecretStorageView {
  /** 'persistent': kept across runs, safely; 'session': memory only, lost at exit. */
  kind: 'persistent' | 'session';
  /** Why secrets are not persistent here, in words for the settings view. */
  unavailableReason?: string;
}
