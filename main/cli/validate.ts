/**
 * Validators for command line values. Each returns the value exactly as typed (numbers stay
 * strings: leading zeros and `+` must reach the wire untouched) or throws a usage error naming
 * what was wrong, so nothing is sent before every argument is known to be good.
 */
import { parseServerAddress, type ServerAddress } from '../../common/address';
import { isOneOf } from '../../common/telservices/enums';
import { usageError } from './exit-codes';

/** Digits, `*` and `#`, with an optional leading `+` (a dialable string, as on the phone). */
const PHONE = /^\+?[0-9*#]+$/;

export function phoneNumber(value: string, what: string): string {
  if (!PHONE.test(value)) {
    throw usageError(`${what} '${value}' is not a phone number (digits, *, #, optional leading +)`);
  }
  return value;
}

/** `YYYY-MM-DD`, and a day that exists (2025-02-30 is refused). */
export function isoDate(value: string, what: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (m) {
    const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
    const probe = new Date(Date.UTC(year, month - 1, day));
    if (probe.getUTCFullYear() === year && probe.getUTCMonth() === month - 1 && probe.getUTCDate() === day) {
      return value;
    }
  }
  throw usageError(`${what} '${value}' is not a date YYYY-MM-DD`);
}

/** An integer written in plain decimal digits within [min, max]; returned as typed. */
export function integerIn(value: string, what: string, min: number, max: number): string {
  if (/^\d+$/.test(value)) {
    const n = Number(value);
    if (n >= min && n <= max) return value;
  }
  throw usageError(`${what} '${value}' must be an integer from ${min} to ${max}`);
}

export function positiveInteger(value: string, what: string): string {
  return integerIn(value, what, 1, Number.MAX_SAFE_INTEGER);
}

export function nonNegativeInteger(value: string, what: string): string {
  return integerIn(value, what, 0, Number.MAX_SAFE_INTEGER);
}

export function hour(value: string, what: string): string {
  return integerIn(value, what, 0, 23);
}

export function oneOf<T extends string>(values: readonly T[], value: string, what: string): T {
  if (isOneOf(values, value)) return value;
  throw usageError(`${what} '${value}' must be one of: ${values.join(', ')}`);
}

export function nonEmpty(value: string, what: string): string {
  if (value.trim() === '') throw usageError(`${what} must not be empty`);
  return value;
}

export function boolean(value: string, what: string): boolean {
  if (value === 'true' || value === 'yes' || value === 'on') return true;
  if (value === 'false' || value === 'no' || value === 'off') return false;
  throw usageError(`${what} '${value}' must be true or false`);
}

/** `HOST:PORT`, or `[IPv6]:PORT`. */
export type { ServerAddress };

export function serverAddress(value: string): ServerAddress {
  const address = parseServerAddress(value);
  if (address) return address;
  throw usageError(`--server '${value}' must be HOST:PORT (port 1-65535)`);
}

/**
 * The end-of-PDU sequence as typed on a shell: `\n`, `\r`, `\t`, `\0`, `\\` and `\xHH` are
 * unescaped, so `--eop '\0'` means one NUL byte.
 */
export function endOfPdu(value: string): string {
  let out = '';
  for (let i = 0; i < value.length; i++) {
    const c = value[i] as string;
    if (c !== '\\') {
      out += c;
      continue;
    }
    const next = value[i + 1];
    if (next === 'n') out += '\n';
    else if (next === 'r') out += '\r';
    else if (next === 't') out += '\t';
    else if (next === '0') out += '\0';
    else if (next === '\\') out += '\\';
    else if (next === 'x' && /^[0-9a-fA-F]{2}$/.test(value.slice(i + 2, i + 4))) {
      out += String.fromCharCode(parseInt(value.slice(i + 2, i + 4), 16));
      i += 2;
    } else throw usageError(`--eop '${value}': unknown escape \\${next ?? ''}`);
    i++;
  }
  if (out === '') throw usageError('--eop must not be empty');
  return out;
}
