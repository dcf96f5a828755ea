/**
 * The desktop shell's settings (tray, screen pop, links, shortcut, call actions, start-up): a zod
 * shape spread into common/schemas.ts settingsSchema, so one file and one schema hold them all.
 * Web mode keeps them too (harmless); only the Electron shell acts on them.
 */
import { z } from 'zod';

/** Events a call action can run on. */
export const CALL_ACTION_EVENTS = ['ring', 'answer', 'hangUp'] as const;
export type CallActionEvent = (typeof CALL_ACTION_EVENTS)[number];

/** Schemes that can never be opened from a call action or link, whatever the user adds. */
export const FORBIDDEN_SCHEMES = ['javascript', 'vbscript', 'data', 'file', 'blob', 'about', 'chrome', 'devtools', 'view-source', 'ms-msdt', 'search-ms'] as const;

const SCHEME_RE = /^[a-z][a-z0-9+.-]{0,31}$/;
export const extraSchemeSchema = z
  .string()
  .trim()
  .toLowerCase()
  .regex(SCHEME_RE, 'a URL scheme such as "crm" (letters, digits, + . -)')
  .refine((s) => !(FORBIDDEN_SCHEMES as readonly string[]).includes(s), 'this scheme can run code or read files and is never allowed');

/** '' = no action; otherwise a URL template with {number} {name} {company} {dnis} {callId} {device}. */
const urlTemplate = z.string().trim().max(2048);

export const desktopSettingsShape = {
  /** Show the screen-pop window for inbound calls. */
  popEnabled: z.boolean(),
  /** Give the pop the keyboard focus (off: it shows without taking it). */
  popFocus: z.boolean(),
  /** URL templates opened once per call on each event. */
  callActions: z.strictObject({ ring: urlTemplate, answer: urlTemplate, hangUp: urlTemplate }),
  /** Schemes call actions may open besides https. */
  allowedSchemes: z.array(extraSchemeSchema).max(16),
  /** A tel:/callto: link dials at once instead of opening the dial box with the number. */
  linkDialsAtOnce: z.boolean(),
  /** Electron accelerator that dials the selected or copied number; '' = none. */
  dialShortcut: z.string().trim().max(64),
  startMinimised: z.boolean(),
  startAtLogin: z.boolean(),
};

export type DesktopSettings = { [K in keyof typeof desktopSettingsShape]: z.infer<(typeof desktopSettingsShape)[K]> };

/** Defaults (common/schemas.ts spreads them into DEFAULT_SETTINGS, which is frozen). */
export const DEFAULT_DESKTOP_SETTINGS: DesktopSettings = {
  popEnabled: true,
  popFocus: false,
  callActions: { ring: '', answer: '', hangUp: '' },
  allowedSchemes: [],
  linkDialsAtOnce: false,
  dialShortcut: '',
  startMinimised: false,
  startAtLogin: false,
};
