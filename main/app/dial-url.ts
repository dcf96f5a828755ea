/**
 * tel: and callto: links (RFC 3966, Skype-style callto://) -> the number to dial.
 * Pure: used by the protocol handler glue in main/app/protocol.ts and tested directly.
 */

export const DIAL_SCHEMES = ['tel', 'callto'] as const;
export type DialScheme = (typeof DIAL_SCHEMES)[number];

/** Visual separators RFC 3966 allows inside a number; they never reach the PBX. */
const VISUAL_SEPARATORS = /[\s\-.()]/g;
/** What a dialable string may contain once cleaned: digits, a leading +, and * # for features. */
const DIALABLE = /^\+?[0-9*#]{1,32}$/;

function schemeOf(raw: string): DialScheme | null {
  const lower = raw.trim().toLowerCase();
  for (const scheme of DIAL_SCHEMES) {
    if (lower.startsWith(`${scheme}:`)) return scheme;
  }
  return null;
}

/**
 * Returns the number a tel:/callto: URL asks to dial, or null when `raw` is not such a
 * URL or carries nothing dialable. Parameters (`;phone-context=...`, `?call`) are dropped;
 * the number stays a string, so leading zeros and `+` survive.
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
  const number = (decoded.split(/[;?]/, 1)[0] ?? '').replace(VISUAL_SEPARATORS, '').replace(/\/$/, '');
  return DIALABLE.test(number) ? number : null;
}

/** The first tel:/callto: URL in a command line (Windows/Linux pass it as an argument). */
export function findDialUrlInArgv(argv: readonly string[]): string | null {
  for (const arg of argv) {
    if (schemeOf(arg) !== null) return arg;
  }
  return null;
}
