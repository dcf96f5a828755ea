/**
 * The settings form as a table: one row per field of the core's settings (common/schemas.ts
 * settingsSchema), with its kind of input, its words and its group. Adding a setting to the core
 * means adding one row here (a test fails while a field has no row or section claiming it).
 *
 * Validation reuses the zod schema: the whole candidate settings object is parsed on every input,
 * and each issue is shown under the field its path names (settingsProblems).
 */
import { settingsSchema, type Settings } from '../../common/schemas';
import type { MessageKey } from './i18n/i18n.svelte';

export type FieldKind = 'text' | 'number' | 'select' | 'switch' | 'list';
/** The REST services' groups are named as the services are (common/rest-settings.ts REST_SERVICES). */
export type FieldGroup = 'server' | 'line' | 'advanced' | 'desktop' | 'tds' | 'arc' | 'dnisFree';

export interface FieldSpec {
  /** The setting's path: a top-level key, or key.subkey for an object setting (callActions.ring). */
  path: string;
  kind: FieldKind;
  group: FieldGroup;
  label: MessageKey;
  help?: MessageKey;
  /** select: the values, each with its words. */
  options?: readonly { value: string; label: MessageKey }[];
}

const o = (value: string, label: MessageKey) => ({ value, label });

export const FIELDS: readonly FieldSpec[] = [
  { path: 'serverHost', kind: 'text', group: 'server', label: 'set.serverHost', help: 'set.serverHost.help' },
  { path: 'serverPort', kind: 'number', group: 'server', label: 'set.serverPort' },
  { path: 'transport', kind: 'select', group: 'server', label: 'set.transport', options: [o('tcp', 'set.transport.tcp'), o('http', 'set.transport.http')] },
  { path: 'deviceNumber', kind: 'text', group: 'line', label: 'set.deviceNumber', help: 'set.deviceNumber.help' },
  { path: 'userID', kind: 'text', group: 'line', label: 'set.userID', help: 'set.userID.help' },
  {
    path: 'eventMode',
    kind: 'select',
    group: 'advanced',
    label: 'set.eventMode',
    help: 'set.eventMode.help',
    options: [o('auto', 'set.eventMode.auto'), o('udp', 'set.eventMode.udp'), o('poll', 'set.eventMode.poll')],
  },
  { path: 'udpPort', kind: 'number', group: 'advanced', label: 'set.udpPort', help: 'set.udpPort.help' },
  { path: 'httpPort', kind: 'number', group: 'advanced', label: 'set.httpPort', help: 'set.httpPort.help' },
  { path: 'endOfPdu', kind: 'text', group: 'advanced', label: 'set.endOfPdu', help: 'set.endOfPdu.help' },
  { path: 'sessionTimeout', kind: 'number', group: 'advanced', label: 'set.sessionTimeout', help: 'set.sessionTimeout.help' },
  { path: 'requestTimeoutMs', kind: 'number', group: 'advanced', label: 'set.requestTimeoutMs' },
  { path: 'maxReplyBytes', kind: 'number', group: 'advanced', label: 'set.maxReplyBytes' },
  { path: 'eventSources', kind: 'list', group: 'advanced', label: 'set.eventSources', help: 'set.eventSources.help' },
  // The desktop shell's settings (common/desktop-settings.ts); web mode keeps them, harmlessly.
  { path: 'popEnabled', kind: 'switch', group: 'desktop', label: 'set.popEnabled' },
  { path: 'popFocus', kind: 'switch', group: 'desktop', label: 'set.popFocus' },
  { path: 'linkDialsAtOnce', kind: 'switch', group: 'desktop', label: 'set.linkDialsAtOnce' },
  { path: 'dialShortcut', kind: 'text', group: 'desktop', label: 'set.dialShortcut', help: 'set.dialShortcut.help' },
  { path: 'startMinimised', kind: 'switch', group: 'desktop', label: 'set.startMinimised' },
  { path: 'startAtLogin', kind: 'switch', group: 'desktop', label: 'set.startAtLogin' },
  { path: 'callActions.ring', kind: 'text', group: 'desktop', label: 'set.callActions.ring', help: 'set.callActions.help' },
  { path: 'callActions.answer', kind: 'text', group: 'desktop', label: 'set.callActions.answer' },
  { path: 'callActions.hangUp', kind: 'text', group: 'desktop', label: 'set.callActions.hangUp' },
  { path: 'allowedSchemes', kind: 'list', group: 'desktop', label: 'set.allowedSchemes', help: 'set.allowedSchemes.help' },
  // The REST services (common/rest-settings.ts); their passwords and token are under Secrets.
  { path: 'tdsBaseUrl', kind: 'text', group: 'tds', label: 'set.tdsBaseUrl' },
  { path: 'tdsClientId', kind: 'text', group: 'tds', label: 'set.tdsClientId' },
  { path: 'tdsCampaignId', kind: 'text', group: 'tds', label: 'set.tdsCampaignId' },
  { path: 'tdsUser', kind: 'text', group: 'tds', label: 'set.tdsUser' },
  { path: 'tdsDnisList', kind: 'list', group: 'tds', label: 'set.tdsDnisList', help: 'set.commaList.help' },
  { path: 'tdsDnisPrefixes', kind: 'list', group: 'tds', label: 'set.tdsDnisPrefixes', help: 'set.commaList.help' },
  {
    path: 'tdsRelease',
    kind: 'select',
    group: 'tds',
    label: 'set.tdsRelease',
    options: [o('stop', 'set.tdsRelease.stop'), o('dnisFree', 'set.tdsRelease.dnisFree'), o('none', 'set.tdsRelease.none')],
  },
  { path: 'tdsTimeoutMs', kind: 'number', group: 'tds', label: 'set.tdsTimeoutMs' },
  { path: 'arcBaseUrl', kind: 'text', group: 'arc', label: 'set.arcBaseUrl' },
  { path: 'arcUserId', kind: 'text', group: 'arc', label: 'set.arcUserId' },
  { path: 'dnisFreeBaseUrl', kind: 'text', group: 'dnisFree', label: 'set.dnisFreeBaseUrl' },
  { path: 'dnisFreeUser', kind: 'text', group: 'dnisFree', label: 'set.dnisFreeUser' },
  { path: 'dnisFreeTenantId', kind: 'text', group: 'dnisFree', label: 'set.dnisFreeTenantId' },
  { path: 'dnisFreeApplicationKey', kind: 'text', group: 'dnisFree', label: 'set.dnisFreeApplicationKey' },
  { path: 'dnisFreeEnvironment', kind: 'text', group: 'dnisFree', label: 'set.dnisFreeEnvironment' },
];

export const GROUP_LABELS: Readonly<Record<FieldGroup, MessageKey>> = {
  server: 'set.group.server',
  line: 'set.group.line',
  advanced: 'set.group.advanced',
  desktop: 'set.group.desktop',
  tds: 'set.group.tds',
  arc: 'set.group.arc',
  dnisFree: 'set.group.dnisFree',
};

/** What an input holds: text (text, number, select, list) or a boolean (switch). */
export type RawValue = string | boolean;
export type Draft = Record<string, RawValue>;

function get(obj: unknown, path: string): unknown {
  return path.split('.').reduce<unknown>((v, k) => (typeof v === 'object' && v !== null ? (v as Record<string, unknown>)[k] : undefined), obj);
}

/** The input's value for a setting. */
export function rawOf(spec: FieldSpec, settings: Settings): RawValue {
  const v = get(settings, spec.path);
  switch (spec.kind) {
    case 'switch':
      return v === true;
    case 'list':
      return Array.isArray(v) ? v.join(', ') : '';
    case 'number':
    case 'text':
    case 'select':
      return typeof v === 'string' || typeof v === 'number' ? String(v) : '';
    default: {
      const never: never = spec.kind;
      return never;
    }
  }
}

/** The setting's value for an input: numbers only when they are whole numbers (else zod says so). */
export function valueOf(spec: FieldSpec, raw: RawValue): unknown {
  if (typeof raw === 'boolean') return raw;
  switch (spec.kind) {
    case 'number':
      return /^\s*-?\d+\s*$/.test(raw) ? Number(raw) : raw;
    case 'list':
      return raw
        .split(',')
        .map((s) => s.trim())
        .filter((s) => s !== '');
    case 'switch':
      return raw === 'true';
    case 'text':
    case 'select':
      return raw;
    default: {
      const never: never = spec.kind;
      return never;
    }
  }
}

export function draftOf(settings: Settings, fields: readonly FieldSpec[] = FIELDS): Draft {
  return Object.fromEntries(fields.map((f) => [f.path, rawOf(f, settings)]));
}

/** The saved settings with the draft's values in place (not validated). */
export function candidate(saved: Settings, draft: Draft, fields: readonly FieldSpec[] = FIELDS): Record<string, unknown> {
  const out = structuredClone(saved) as Record<string, unknown>;
  for (const f of fields) {
    const raw = draft[f.path];
    if (raw === undefined) continue;
    const keys = f.path.split('.');
    const last = keys.pop() as string;
    let target = out;
    for (const k of keys) {
      const next = target[k];
      target = typeof next === 'object' && next !== null ? (next as Record<string, unknown>) : (target[k] = {});
    }
    target[last] = valueOf(f, raw);
  }
  return out;
}

export interface FieldProblem {
  key: MessageKey;
  params?: Record<string, string | number>;
}

/** The schema's verdict, by field path: at most one problem per field (the first). */
export function settingsProblems(value: Record<string, unknown>): Record<string, FieldProblem> {
  const parsed = settingsSchema.safeParse(value);
  if (parsed.success) return {};
  const out: Record<string, FieldProblem> = {};
  for (const issue of parsed.error.issues) {
    // A list's item problem belongs to the list field (allowedSchemes.2 -> allowedSchemes).
    const path = issue.path.filter((p) => typeof p === 'string').join('.');
    if (out[path]) continue;
    out[path] = problemOf(issue);
  }
  return out;
}

type Issue = { code: string; message: string; minimum?: unknown; maximum?: unknown; expected?: unknown; origin?: unknown };

function problemOf(issue: Issue): FieldProblem {
  switch (issue.code) {
    case 'too_small':
      return issue.origin === 'string' ? { key: 'set.problem.required' } : { key: 'set.problem.min', params: { min: Number(issue.minimum) } };
    case 'too_big':
      return issue.origin === 'string' ? { key: 'set.problem.tooLong', params: { max: Number(issue.maximum) } } : { key: 'set.problem.max', params: { max: Number(issue.maximum) } };
    case 'invalid_type':
      return issue.expected === 'number' ? { key: 'set.problem.number' } : { key: 'set.problem.format' };
    case 'invalid_value':
      return { key: 'set.problem.choice' };
    default:
      return { key: 'set.problem.format' };
  }
}

/** The top-level settings the candidate changes (what setSettings is sent). */
export function changedKeys(saved: Settings, value: Record<string, unknown>): (keyof Settings)[] {
  return (Object.keys(saved) as (keyof Settings)[]).filter((k) => JSON.stringify(saved[k]) !== JSON.stringify(value[k]));
}
