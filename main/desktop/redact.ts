/**
 * Secret redaction for log lines (an electron-log hook) and the diagnostics copied from the About
 * view: the values of the secrets we hold, and anything shaped like a credential (passwords in
 * XML, JSON or query strings, Authorization headers, the agent service's TokenKey cookie).
 */

export const REDACTED = '[redacted]';

const PATTERNS: readonly [RegExp, string][] = [
  // <userPassword>secret</userPassword>, <password>…</password>
  [/(<(\w*password\w*)>)[^<]*(<\/\2>)/gi, `$1${REDACTED}$3`],
  // "password": "secret", "arcToken":"…", 'userPassword': '…'
  [/(["']?\w*(?:password|passwd|secret|token)\w*["']?\s*[:=]\s*)(["'])(?:\\.|(?!\2).)*\2/gi, `$1$2${REDACTED}$2`],
  // password=secret in query strings and cookies (TokenKey=…, User-Password=…)
  [/(\b(?:[\w-]*password|passwd|tokenkey|token|secret)=)[^&;\s"']*/gi, `$1${REDACTED}`],
  // Authorization: Basic dXNlcjpwdw== / Bearer …
  [/(\bauthorization\s*[:=]\s*(?:basic|bearer|digest)?\s*)[^\s"',;]+/gi, `$1${REDACTED}`],
];

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Removes every known secret value and credential-shaped text from `text`. */
export function redactText(text: string, secrets: readonly string[] = []): string {
  let out = text;
  // Longest first, so a secret that contains another is removed whole. Very short values (1–2
  // characters) would blank out ordinary text and are left to the patterns.
  for (const s of [...new Set(secrets)].filter((v) => v.length >= 3).sort((a, b) => b.length - a.length)) {
    out = out.replace(new RegExp(escapeRegExp(s), 'g'), REDACTED);
  }
  for (const [pattern, replacement] of PATTERNS) out = out.replace(pattern, replacement);
  return out;
}

const SECRET_KEY = /password|passwd|secret|token|authorization/i;

/** Redacts a value about to be logged: strings, errors, arrays and plain objects (keys named like secrets lose their value). */
export function redactValue(value: unknown, secrets: readonly string[] = [], depth = 0): unknown {
  if (typeof value === 'string') return redactText(value, secrets);
  if (depth > 6 || value === null || typeof value !== 'object') return value;
  if (value instanceof Error) {
    const copy = new Error(redactText(value.message, secrets));
    copy.name = value.name;
    if (value.stack !== undefined) copy.stack = redactText(value.stack, secrets);
    return copy;
  }
  if (Array.isArray(value)) return value.map((v) => redactValue(v, secrets, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) out[k] = SECRET_KEY.test(k) && v !== '' && v !== undefined ? REDACTED : redactValue(v, secrets, depth + 1);
  return out;
}
