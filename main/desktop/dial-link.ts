/**
 * Dial links -> the number to dial: tel: (RFC 3966), callto: (Skype-style callto://) and
 * sip:/sips: URIs whose user part is a number (RFC 3261 `sip:+331234@pbx;user=phone`).
 * Pure: used by the protocol glue (main/app/protocol.ts) and tested directly.
 */

export const DIAL_SCHEMES = ['tel', 'callto', 'sip', 'sips'] as const;
export type DialScheme = (typeof DIAL_SCHEMES)[number];
/**
 * The schemes the installed app asks to be the OS handler of. sip: links are understood when they
 * reach us, but we do not take them over from a SIP softphone the user may have.
 */
export const OS_HANDLED_SCHEMES = ['tel', 'callto'] as const satisfies readonly DialScheme[];

/** Visual separators RFC 3966 allows inside a number; they never reach the PBX. */
const VISUAL_SEPARATORS = /[\s\-.()]/g;
/** What a dialable string may contain once cleaned: digits, a leading +, and * # for features. */
const DIALABLE = /^\+?[0-9*#]{1,32}$/;

function schemeOf(raw: string): DialScheme | null {
  const lower = raw.trim().toLowerCase();
  // Longest first, so sips: is not read as sip: with an "s" in the number.
  for (const scheme of [...DIAL_SCHEMES].sort((a, b) => b.length - a.length)) {
    if (lower.startsWith(`${scheme}:`)) return scheme;
  }
  return null;
}

/** Digits, `+`, `*`, `#` of a human-typed number, or null when something else is in it. */
export function normaliseNumber(text: string): string | null {
  const number = text.trim().replace(VISUAL_SEPARATORS, '');
  return DIALABLE.test(number) ? number : null;
}

/**
 * Returns the number a dial link asks to dial, or null when `raw` is not such a link or carries
 * nothing dialable. Parameters (`;phone-context=...`, `?call`) and a SIP host are dropped; the
 * number stays a string, so leading zeros and `+` survive.
 */
export function parseDialUrl(raw: string): string | null {
  const scheme = schemeOf(raw);
  if (scheme === null) return null;
  let rest = raw.trim().slice(scheme.length + 1);
  if (rest.startsWith('//')) rest = rest.slice(2);
  let decoded: string;
  try {
    decoded = decodeURIComponent(rest);
  } catch {
    return null;
  }
  let number = decoded.split(/[;?]/, 1)[0] ?? '';
  if (scheme === 'sip' || scheme === 'sips') number = number.split('@', 1)[0] ?? '';
  return normaliseNumber(number.replace(/\/$/, ''));
}

/** The first dial link in a command line (Windows/Linux pass it as an argument). */
export function findDialUrlInArgv(argv: readonly string[]): string | null {
  for (const arg of argv) {
    if (schemeOf(arg) !== null) return arg;
  }
  return null;
}

/** A number the user copied or selected: one short line that is a number and nothing else. */
export function clipboardNumber(text: string): string | null {
  const trimmed = text.trim();
  if (trimmed.length === 0 || trimmed.length > 40 || /[\r\n]/.test(trimmed)) return null;
  const fromLink = schemeOf(trimmed) !== null ? parseDialUrl(trimmed) : normaliseNumber(trimmed);
  // Two digits at least: a stray "1" or "#" on the clipboard is not a phone number.
  return fromLink !== null && (fromLink.match(/[0-9]/g)?.length ?? 0) >= 2 ? fromLink : null;
}

/** Keeps the last numbers dialled, most recent first, without repeats. */
export function pushRedial(list: readonly string[], number: string, keep = 5): string[] {
  return [number, ...list.filter((n) => n !== number)].slice(0, keep);
}
