/**
 * Numbers as people type or paste them → what the PBX dials (pure). PBX extensions (short digit
 * strings) stay as they are; a public number in any human form (spaces, dots, dashes, parentheses,
 * `00` or `+` prefixes, keypad letters) becomes E.164 for the country in the preferences.
 */
import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js';

/** Longest number still read as an extension of the PBX. */
export const MAX_EXTENSION_DIGITS = 6;

const KEYPAD: Readonly<Record<string, string>> = {
  a: '2', b: '2', c: '2', d: '3', e: '3', f: '3', g: '4', h: '4', i: '4', j: '5', k: '5', l: '5',
  m: '6', n: '6', o: '6', p: '7', q: '7', r: '7', s: '7', t: '8', u: '8', v: '8', w: '9', x: '9', y: '9', z: '9',
};

export type DialInput =
  | { kind: 'number'; number: string; extension: boolean }
  /** Not a number: a name to look up in the directory. */
  | { kind: 'name'; query: string }
  | { kind: 'empty' };

/** Only separators humans put in numbers, digits, keypad letters and a leading +. */
const NUMBERISH = /^\+?[0-9a-z*#\s().\-/]+$/i;

export function readDialInput(input: string, country: CountryCode): DialInput {
  const text = input.trim();
  if (text === '') return { kind: 'empty' };
  const digitCount = (text.match(/[0-9]/g) ?? []).length;
  // Letters count as keypad digits only in something that already looks like a number (1-800-FLOWERS).
  if (!NUMBERISH.test(text) || digitCount < 3) {
    return /[a-z]/i.test(text) ? { kind: 'name', query: text } : digitsOnly(text, country);
  }
  const keyed = text.toLowerCase().replace(/[a-z]/g, (c) => KEYPAD[c] ?? c);
  return digitsOnly(keyed, country);
}

function digitsOnly(text: string, country: CountryCode): DialInput {
  const compact = text.replace(/[\s().\-/]/g, '');
  if (!/^\+?[0-9*#]+$/.test(compact)) return /[a-z]/i.test(text) ? { kind: 'name', query: text.trim() } : { kind: 'empty' };
  if (!compact.startsWith('+') && !compact.startsWith('0') && compact.length <= MAX_EXTENSION_DIGITS) {
    return { kind: 'number', number: compact, extension: true };
  }
  if (/[*#]/.test(compact)) return { kind: 'number', number: compact, extension: true }; // PBX codes
  const parsed = parsePhoneNumberFromString(compact, country);
  if (parsed?.isPossible()) return { kind: 'number', number: parsed.number, extension: false };
  return { kind: 'number', number: compact, extension: compact.length <= MAX_EXTENSION_DIGITS };
}
