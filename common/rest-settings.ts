/**
 * The REST services' settings (transfer data, agent remote control, DNIS release): a zod shape
 * spread into common/schemas.ts settingsSchema, like the desktop shell's. An empty base URL means
 * the service is not configured. Secrets are not here: SecretStore keys tdsPassword, arcToken,
 * dnisPassword.
 */
import { z } from 'zod';

/** '' or an http(s) URL without query, fragment or credentials (the paths of each spec are appended). */
const baseUrl = z
  .string()
  .trim()
  .max(2048)
  .refine((s) => s === '' || /^https?:\/\/[^\s?#@]+$/i.test(s), 'an http(s) URL without query, fragment or user:password@');
const identity = z.string().trim().max(256);
const dnis = z.string().trim().regex(/^[0-9+*#]{1,32}$/, 'digits (a DNIS)');

/** How the pop releases a transfer-data DNIS once it has read the data. */
export const TDS_RELEASES = ['stop', 'dnisFree', 'none'] as const;
export type TdsRelease = (typeof TDS_RELEASES)[number];

export const restSettingsShape = {
  /** Transfer data: everything before /<client_id>/… (e.g. https://api.liveops.com/louie). */
  tdsBaseUrl: baseUrl,
  tdsClientId: identity,
  tdsCampaignId: identity,
  tdsUser: identity,
  /** Inbound calls on these numbers (the dialled number) carry transfer data … */
  tdsDnisList: z.array(dnis).max(256),
  /** … and so do calls on numbers starting with one of these. */
  tdsDnisPrefixes: z.array(dnis).max(32),
  /** After reading: stop the session, free the DNIS with the DNIS release service, or neither. */
  tdsRelease: z.enum(TDS_RELEASES),
  /** The pop never waits for the data; after this the data is said unavailable (a later answer still fills it in). */
  tdsTimeoutMs: z.number().int().min(100).max(60_000),
  /** Agent remote control: everything before /webservices/…; the agent's UserID. */
  arcBaseUrl: baseUrl,
  arcUserId: z.string().trim().regex(/^\d{0,18}$/, 'a number'),
  /** DNIS release: everything before /dnis/allocate/free/… */
  dnisFreeBaseUrl: baseUrl,
  dnisFreeUser: identity,
  dnisFreeTenantId: identity,
  dnisFreeApplicationKey: identity,
  /** Multi-environment configurations only; '' = none. */
  dnisFreeEnvironment: identity,
};

export type RestSettings = { [K in keyof typeof restSettingsShape]: z.infer<(typeof restSettingsShape)[K]> };

export const DEFAULT_REST_SETTINGS: RestSettings = {
  tdsBaseUrl: '',
  tdsClientId: '',
  tdsCampaignId: '',
  tdsUser: '',
  tdsDnisList: [],
  tdsDnisPrefixes: [],
  tdsRelease: 'stop',
  tdsTimeoutMs: 3000,
  arcBaseUrl: '',
  arcUserId: '',
  dnisFreeBaseUrl: '',
  dnisFreeUser: '',
  dnisFreeTenantId: '',
  dnisFreeApplicationKey: '',
  dnisFreeEnvironment: '',
};

/** The three services, as the settings' Test buttons and errors name them. */
export const REST_SERVICES = ['tds', 'arc', 'dnisFree'] as const;
export type RestServiceName = (typeof REST_SERVICES)[number];

/** testRestService: the service answered as a working one does, in this time. */
export interface RestTestResult {
  service: RestServiceName;
  latencyMs: number;
}
