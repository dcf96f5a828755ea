/**
 * Writing compact XML: no prolog, no blanks between elements, no attributes.
 *
 * Text escaping, and why each rule:
 * - `&`, `<`, `>` become entities, so no value can ever open or close an element.
 * - CR becomes `&#xD;`: XML parsers turn a raw CR (or CRLF) into LF.
 * - Leading and trailing blanks (anything String.prototype.trim removes) become character
 *   references: readers trim values (the spec's examples are indented), and a reference survives
 *   the trim, so " Bob " reads back as " Bob ".
 * - Characters XML 1.0 cannot carry at all (most C0 controls, U+FFFE/U+FFFF, lone surrogates) are
 *   refused with an EncodeFault rather than silently dropped.
 */
import { EncodeFault } from './xml-fault';

// A string needing any work: a character to escape or refuse, or a blank at either end.
const NEEDS_WORK = /[&<>\r\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF\uD800-\uDFFF]|^\s|\s$/u;
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF\uD800-\uDFFF]/u;
const SPECIAL = /[&<>\r]/g;
const ESCAPES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '\r': '&#xD;' };
const BLANK = /\s/;

function charRef(ch: string): string {
  return `&#x${(ch.codePointAt(0) ?? 0).toString(16).toUpperCase()};`;
}

export function escapeText(value: string): string {
  if (!NEEDS_WORK.test(value)) return value;
  const bad = NOT_XML.exec(value);
  if (bad) {
    const code = (bad[0].codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0');
    throw new EncodeFault(`character U+${code} cannot be written in XML`);
  }
  let lead = 0;
  while (lead < value.length && BLANK.test(value.charAt(lead))) lead++;
  let trail = value.length;
  while (trail > lead && BLANK.test(value.charAt(trail - 1))) trail--;
  let out = '';
  for (let k = 0; k < lead; k++) out += charRef(value.charAt(k));
  out += value.slice(lead, trail).replace(SPECIAL, (ch) => ESCAPES[ch] ?? ch);
  for (let k = trail; k < value.length; k++) out += charRef(value.charAt(k));
  return out;
}

/** `<name>content</name>`, or `<name/>` for empty content (the spec writes `<number/>`, `<forwards/>`). */
export function element(name: string, content: string): string {
  return content === '' ? `<${name}/>` : `<${name}>${content}</${name}>`;
}
