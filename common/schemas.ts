/**
 * zod schemas of every command's arguments and of the settings. Every boundary (Electron IPC, the
 * web WebSocket, the settings file) parses with these before anything is used. Objects are strict:
 * an unknown key is an error, not something silently carried along.
 */
import { z } from 'zod';
import { FORWARD_TYPES, HISTORY_RECORD_TYPES, REQUESTABLE_AGENT_STATES } from './telservices/enums';
import type { CommandName } from './contract';
import { DEFAULT_DESKTOP_SETTINGS, desktopSettingsShape } from './desktop-settings';
import { DEFAULT_REST_SETTINGS, REST_SERVICES, restSettingsShape } from './rest-settings';
import { HISTORY_DIRECTIONS } from './history';
import { SECRET_KEYS } from './secrets';
import { transferWithDataArgs } from './transfer-with-data';
import { arcCommandArgs } from './arc-panel';

/** A dialable number: digits, `+`, `*`, `#`, with spaces/dashes/dots/parentheses allowed for humans. */
export const phoneNumber = z
  .string()
  .trim()
  .min(1, 'a number is required')
  .max(64)
  .regex(/^[+]?[0-9*#][0-9*#\s().-]*$/, 'not a phone number');

/** A calendar day, `yyyy-MM-dd`, that exists (no 2026-02-30). */
const day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'yyyy-MM-dd')
  .refine((d) => {
    const t = new Date(`${d}T00:00:00Z`);
    return !Number.isNaN(t.getTime()) && t.toISOString().startsWith(d);
  }, 'not a date');

/** Which line; absent means the first configured line. */
const line = z.string().min(1).max(64).optional();
const otherNumber = phoneNumber.optional();
const extraData = z.string().max(1024).optional();
const none = z.strictObject({ line });
const twoCall = z.strictObject({ line, primOtherNumber: otherNumber, secOtherNumber: otherNumber });

export const DEVICE_NUMBER_RE = /^[0-9*#+]{1,32}$/;

export const eventModeSchema = z.enum(['udp', 'poll', 'auto']);

export const settingsSchema = z.strictObject({
  serverHost: z.string().trim().min(1).max(253),
  serverPort: z.number().int().min(1).max(65535),
  transport: z.enum(['tcp', 'http']),
  deviceNumber: z.string().regex(DEVICE_NUMBER_RE, 'not a device number'),
  userID: z.string().max(128),
  /** 0 = let the OS choose. */
  udpPort: z.number().int().min(0).max(65535),
  /** The server's HTTP port, for the long-poll when UDP cannot reach us over raw TCP; 0 = none. */
  httpPort: z.number().int().min(0).max(65535),
  /** The end-of-PDU sequence configured on the server; empty = none. */
  endOfPdu: z.string().max(16),
  /** Seconds; 0 = no session timeout. */
  sessionTimeout: z.number().int().min(0).max(86_400),
  eventMode: eventModeSchema,
  /** Per-request timeout in ms. */
  requestTimeoutMs: z.number().int().min(100).max(60_000),
  /**
   * Other hosts whose UDP datagrams are events (a TelServer cluster's members). The server's own
   * address is always accepted; datagrams from anyone else are counted and ignored.
   */
  eventSources: z.array(z.string().trim().min(1).max(253)).max(16),
  /** Largest TCP/HTTP reply accepted, in bytes (a TelServices reply is rarely over a few hundred KiB). */
  maxReplyBytes: z.number().int().min(64 * 1024).max(16 * 1024 * 1024),
  /** The desktop shell's own settings (common/desktop-settings.ts). */
  ...desktopSettingsShape,
  /** The REST services' settings (common/rest-settings.ts). */
  ...restSettingsShape,
});
export type Settings = z.infer<typeof settingsSchema>;
/** A partial update (no defaults filled in: absent keys keep their stored value). */
export const settingsPatchSchema = settingsSchema.partial();
export type SettingsPatch = z.infer<typeof settingsPatchSchema>;

export const DEFAULT_SETTINGS: Readonly<Settings> = Object.freeze({
  serverHost: '127.0.0.1',
  serverPort: 8800,
  transport: 'tcp',
  deviceNumber: '1101',
  userID: '',
  udpPort: 0,
  httpPort: 0,
  endOfPdu: '',
  sessionTimeout: 0,
  eventMode: 'auto',
  requestTimeoutMs: 5000,
  eventSources: [],
  maxReplyBytes: 2 * 1024 * 1024,
  ...DEFAULT_DESKTOP_SETTINGS,
  ...DEFAULT_REST_SETTINGS,
});

/** Arguments of each command, by command name (every name of contract.ts COMMAND_NAMES, no other). */
export const commandArgs = {
  getState: z.strictObject({}),
  dial: z.strictObject({ line, number: phoneNumber, extraData }),
  answer: z.strictObject({ line, callingNumber: otherNumber }),
  drop: z.strictObject({ line, otherNumber }),
  hold: z.strictObject({ line, otherNumber }),
  retrieve: z.strictObject({ line, otherNumber }),
  consult: z.strictObject({ line, number: phoneNumber, otherNumber, extraData }),
  transfer: twoCall,
  conference: twoCall,
  alternate: twoCall,
  reconnect: twoCall,
  divert: z.strictObject({ line, number: phoneNumber, otherNumber, extraData }),
  addParty: z.strictObject({ line, number: phoneNumber, otherNumber, extraData }),
  setDnd: z.strictObject({ line, on: z.boolean() }),
  // The spec's forward "on" names the number to forward to (cti refuses it without one too).
  setForward: z
    .strictObject({ line, type: z.enum(FORWARD_TYPES), on: z.boolean(), number: otherNumber })
    .refine((a) => !a.on || a.number !== undefined, { message: 'forward on needs the number to forward to', path: ['number'] }),
  setAgentState: z.strictObject({ line, state: z.enum(REQUESTABLE_AGENT_STATES) }),
  searchDirectory: z.strictObject({
    line,
    query: z.string().trim().min(1).max(128),
    limit: z.number().int().min(1).max(500).optional(),
  }),
  // The spec's queryHistory filters, plus the direction and an end hour the core applies itself (common/history.ts).
  history: z
    .strictObject({
      line,
      recordType: z.enum(HISTORY_RECORD_TYPES).optional(),
      direction: z.enum(HISTORY_DIRECTIONS).optional(),
      startDate: day.optional(),
      /** Used only with startDate (the spec). */
      startHour: z.number().int().min(0).max(23).optional(),
      endDate: day.optional(),
      /** Records from this hour of the day on are left out (on the end date only, when there is one). */
      endHour: z.number().int().min(1).max(24).optional(),
      search: z.string().max(128).optional(),
      limit: z.number().int().min(1).max(1000).optional(),
    })
    .refine((a) => a.startDate === undefined || a.endDate === undefined || a.startDate <= a.endDate, {
      message: 'the end date is before the start date',
      path: ['endDate'],
    }),
  /** queryUserStatistics 'snapshot' and 'total' together. */
  userStatistics: none,
  markMissedSeen: none,
  reconnectLine: none,
  dismissPopup: z.strictObject({ line, callId: z.string().min(1).max(64) }),
  /** answerCall and needName default to true on the server (spec: QualifyCall). */
  qualifyCall: z.strictObject({ line, answerCall: z.boolean().optional(), needName: z.boolean().optional() }),
  getSettings: z.strictObject({}),
  setSettings: settingsPatchSchema,
  /** A new secret (the TelServer password...); '' clears it. The value never comes back. */
  setSecret: z.strictObject({ key: z.enum(SECRET_KEYS), value: z.string().max(1024) }),
  testConnection: z.strictObject({
    serverHost: z.string().trim().min(1).max(253).optional(),
    serverPort: z.number().int().min(1).max(65535).optional(),
    transport: z.enum(['tcp', 'http']).optional(),
    httpPort: z.number().int().min(0).max(65535).optional(),
  }),
  getDiagnostics: z.strictObject({}),
  /** With the form's unsaved values of the REST settings, if any (the saved ones otherwise). */
  testRestService: z.strictObject({ service: z.enum(REST_SERVICES), settings: z.strictObject(restSettingsShape).partial().optional() }),
  ...arcCommandArgs,
  ...transferWithDataArgs,
} as const satisfies Record<CommandName, z.ZodType>;

export type ArgsOf<K extends CommandName> = z.infer<(typeof commandArgs)[K]>;
/** What a caller may pass (defaults not yet applied). */
export type InputOf<K extends CommandName> = z.input<(typeof commandArgs)[K]>;
