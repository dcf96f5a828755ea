/**
 * Pure derivations of the Remote control tab (the agent remote-control panel): the polling state
 * in words, a service error with its ResponseCode/ResponseDetail, what each call row offers.
 */
import type { ArcAction, ArcCallView, ArcCallsView, ArcLeadPhoneView, ArcResultCodeView } from '../../common/arc-panel';
import type { ErrorShape } from '../../common/errors';
import { errorWords } from './i18n/errors';
import { formatTime } from './i18n/format-date';
import { t } from './i18n/i18n.svelte';

/** What the calls table hands each call row (and its lead tools): the codes to pick, the verbs. */
export interface ArcCallTools {
  codes: ArcResultCodeView[];
  act: (a: ArcAction) => Promise<boolean>;
  busy: (key: string) => boolean;
  leadPhones: (lead: string) => ArcLeadPhoneView[] | undefined;
  onfindphones: (lead: string) => void;
}

/** A row of one of the service's lists (campaigns, users, ACD queues). */
export interface ListItem {
  key: string;
  label: string;
  note?: string;
}

export type PollStatus =
  | { kind: 'paused' }
  | { kind: 'loading' }
  | { kind: 'live'; seconds: number; updatedAt: number }
  | { kind: 'backoff'; until: number };

/** Where the polling stands: live (with its period), backing off until a time, or paused. */
export function pollStatus(v: ArcCallsView | undefined): PollStatus {
  if (!v?.watching) return { kind: 'paused' };
  if (v.failures > 0) return { kind: 'backoff', until: v.nextPollAt ?? Date.now() + v.pollMs };
  if (v.updatedAt === undefined) return { kind: 'loading' };
  return { kind: 'live', seconds: Math.round(v.pollMs / 100) / 10, updatedAt: v.updatedAt };
}

export function pollStatusText(s: PollStatus): string {
  switch (s.kind) {
    case 'paused':
      return t('arc.status.paused');
    case 'loading':
      return t('arc.status.loading');
    case 'live':
      return `${t('arc.status.live', { seconds: s.seconds })}, ${t('arc.status.updated', { time: formatTime(s.updatedAt) })}`;
    case 'backoff':
      return t('arc.status.backoff', { time: formatTime(s.until) });
    default: {
      const unreachable: never = s;
      return unreachable;
    }
  }
}

/**
 * An error in words, with what the service said: its ResponseCode and ResponseDetail when it
 * answered, else what is missing (notConfigured) or the HTTP status.
 */
export function arcErrorText(e: ErrorShape): string {
  const words = errorWords(e);
  const d = e.detail ?? {};
  const code = d['responseCode'];
  const detail = d['responseDetail'];
  if (code !== undefined && detail !== undefined && detail !== '') return t('arc.errorDetail', { words, code: String(code), detail: String(detail) });
  if (code !== undefined) return t('arc.errorCode', { words, code: String(code) });
  if (e.code === 'notConfigured' && d['missing'] !== undefined) return t('arc.errorMessage', { words, detail: String(d['missing']).replaceAll(',', ', ') });
  if (e.code === 'httpStatus' && d['httpStatus'] !== undefined) return t('arc.errorCode', { words, code: String(d['httpStatus']) });
  return words;
}

/** The result codes an agent may pick (the service marks its system codes not viewable). */
export function pickableCodes(codes: readonly ArcResultCodeView[]): ArcResultCodeView[] {
  return codes.filter((c) => c.agentViewable);
}

/** The call's start as epoch ms, when the service gave one we can read. */
export function startedAt(c: ArcCallView): number | undefined {
  if (c.startTime === undefined) return undefined;
  const at = Date.parse(c.startTime);
  return Number.isFinite(at) ? at : undefined;
}

/** Who the call is with, for the row: the customer's name(s), else nothing beyond the number. */
export function customerOf(c: ArcCallView): string {
  return [c.customerName, c.customerName2].filter((n): n is string => n !== undefined && n !== '').join(', ');
}

const PHONE_RE = /^[+]?[0-9*#][0-9*#\s().-]*$/;
const ID_RE = /^\d{1,18}$/;

/** A problem with a typed number ('' = none yet, no problem shown). */
export function phoneProblem(text: string): 'arc.phoneInvalid' | undefined {
  const s = text.trim();
  return s === '' || PHONE_RE.test(s) ? undefined : 'arc.phoneInvalid';
}

/** A problem with an optional id field ('' is fine). */
export function idProblem(text: string): 'arc.idInvalid' | undefined {
  const s = text.trim();
  return s === '' || ID_RE.test(s) ? undefined : 'arc.idInvalid';
}
