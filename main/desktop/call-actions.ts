/**
 * Call actions: on ring / answer / hang-up, open a URL built from a template such as
 * `https://crm.example/search?phone={number}&name={name}&dnis={dnis}`, every value URL-encoded, once
 * per call, and only when the result passes the external-URL allowlist (https, plus the schemes
 * the user added; never one that runs code or reads files).
 */
import { FORBIDDEN_SCHEMES, type CallActionEvent, type DesktopSettings } from '../../common/desktop-settings';
import type { CallFacts, CallMoment, OncePerCall } from './call-events';

export const TEMPLATE_FIELDS = ['number', 'name', 'company', 'dnis', 'callId', 'device', 'line'] as const;
export type TemplateField = (typeof TEMPLATE_FIELDS)[number];

const PLACEHOLDER = /\{([^{}]*)\}/g;

function valueOf(field: TemplateField, call: CallFacts): string {
  switch (field) {
    case 'number':
      return call.number;
    case 'name':
      return call.name;
    case 'company':
      return call.company;
    case 'dnis':
      return call.dnis;
    case 'callId':
      return call.callId;
    case 'device':
      return call.device;
    case 'line':
      return call.lineId;
    default: {
      const unreachable: never = field;
      return unreachable;
    }
  }
}

const isField = (name: string): name is TemplateField => (TEMPLATE_FIELDS as readonly string[]).includes(name);

export type TemplateProblem = { readonly code: 'unknownField'; readonly field: string } | { readonly code: 'notAllowed'; readonly scheme: string } | { readonly code: 'notAUrl' };

/** Fills the placeholders, each value through encodeURIComponent (a name cannot add a parameter). */
export function expandTemplate(template: string, call: CallFacts): { url: string } | { problem: TemplateProblem } {
  let unknown: string | undefined;
  const url = template.replace(PLACEHOLDER, (_, name: string) => {
    if (!isField(name)) {
      unknown ??= name;
      return '';
    }
    return encodeURIComponent(valueOf(name, call));
  });
  if (unknown !== undefined) return { problem: { code: 'unknownField', field: unknown } };
  return { url };
}

/** True for a well-formed URL with an allowed scheme: https (with a host, no credentials) or one of `extraSchemes`. */
export function isAllowedUrl(raw: string, extraSchemes: readonly string[]): boolean {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return false;
  }
  const scheme = url.protocol.slice(0, -1);
  if ((FORBIDDEN_SCHEMES as readonly string[]).includes(scheme)) return false;
  if (scheme === 'https') return url.hostname !== '' && url.username === '' && url.password === '';
  return extraSchemes.includes(scheme);
}

/** What the settings view shows under a template: fine, or what is wrong (checked with sample values). */
export function checkTemplate(template: string, extraSchemes: readonly string[]): TemplateProblem | null {
  if (template.trim() === '') return null;
  const sample: CallFacts = { lineId: 'L1', callId: 'c1', device: '1101', number: '+33123456789', name: 'A B', company: 'C', dnis: '8000', outgoing: false };
  const expanded = expandTemplate(template, sample);
  if ('problem' in expanded) return expanded.problem;
  let scheme: string;
  try {
    scheme = new URL(expanded.url).protocol.slice(0, -1);
  } catch {
    return { code: 'notAUrl' };
  }
  return isAllowedUrl(expanded.url, extraSchemes) ? null : { code: 'notAllowed', scheme };
}

export type CallActionOutcome =
  | { readonly kind: 'open'; readonly event: CallActionEvent; readonly url: string }
  | { readonly kind: 'refused'; readonly event: CallActionEvent; readonly problem: TemplateProblem };

/** The URLs to open for these moments (a template left empty runs nothing; each pair runs once). */
export function planCallActions(
  moments: readonly CallMoment[],
  settings: Pick<DesktopSettings, 'callActions' | 'allowedSchemes'>,
  once: OncePerCall,
): CallActionOutcome[] {
  const out: CallActionOutcome[] = [];
  for (const { event, call } of moments) {
    const template = settings.callActions[event].trim();
    if (template === '' || !once.first(event, call)) continue;
    const expanded = expandTemplate(template, call);
    if ('problem' in expanded) {
      out.push({ kind: 'refused', event, problem: expanded.problem });
      continue;
    }
    if (!isAllowedUrl(expanded.url, settings.allowedSchemes)) {
      out.push({ kind: 'refused', event, problem: { code: 'notAllowed', scheme: expanded.url.split(':', 1)[0] ?? '' } });
      continue;
    }
    out.push({ kind: 'open', event, url: expanded.url });
  }
  return out;
}
