/**
 * XML text -> fast-xml-parser's ordered node tree, after the well-formedness scan.
 *
 * Parser choices, and why:
 * - preserveOrder: document order survives (permitted services, list items), repeated and
 *   empty elements look alike (`<forwards/>` is an element with no children), and the parser
 *   skips its object-building pass, which makes it faster than the default mode.
 * - parseTagValue false: every value stays the string on the wire ("0160121314", "+801",
 *   "1.0E2", "*****-12").
 * - trimValues: the spec's examples are indented; blanks between elements are not values.
 * - processEntities false + our own value processor: we decode exactly the five XML entities and
 *   character references (`&#x20;`, which the encoder uses to keep edge blanks), never a
 *   DOCTYPE-declared entity (DOCTYPE is refused by the scanner anyway).
 */
import { XMLParser, type X2jOptions } from 'fast-xml-parser';
import { DecodeFault } from './xml-fault';
import { MAX_DEPTH, rewriteCdata, scanDocument } from './xml-scan';

/** One node of the ordered tree: `{ name: children }` for an element, `{ '#text': value }` for text. */
export type XmlNode = { readonly [name: string]: XmlNode[] | string };

export const TEXT = '#text';

const NAMED_ENTITIES: Readonly<Record<string, string>> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

function isXmlChar(cp: number): boolean {
  return (
    cp === 0x9 ||
    cp === 0xa ||
    cp === 0xd ||
    (cp >= 0x20 && cp <= 0xd7ff) ||
    (cp >= 0xe000 && cp <= 0xfffd) ||
    (cp >= 0x10000 && cp <= 0x10ffff)
  );
}

function decodeReference(token: string): string | undefined {
  if (token.charCodeAt(0) !== 35 /* # */) {
    return Object.hasOwn(NAMED_ENTITIES, token) ? NAMED_ENTITIES[token] : undefined;
  }
  const hex = token.charCodeAt(1) === 120 /* x */;
  const digits = token.slice(hex ? 2 : 1);
  if (!(hex ? /^[0-9a-fA-F]{1,6}$/ : /^[0-9]{1,7}$/).test(digits)) return undefined;
  const cp = Number.parseInt(digits, hex ? 16 : 10);
  if (!isXmlChar(cp)) throw new DecodeFault(`invalid character reference &${token};`);
  return String.fromCodePoint(cp);
}

/**
 * Decodes `&lt; &gt; &amp; &quot; &apos;` and `&#N;`/`&#xH;`. An unknown name or a bare `&` stays
 * as written: a sloppy server must not cost us a call event, and nothing is ever expanded.
 */
export function decodeEntities(raw: string): string {
  let amp = raw.indexOf('&');
  if (amp === -1) return raw;
  let out = '';
  let last = 0;
  while (amp !== -1) {
    // Look for the ';' within the longest reference (&#x10FFFF;) only: searching further would make
    // a text of many bare '&' quadratic.
    let semi = -1;
    for (let k = amp + 1, end = Math.min(raw.length, amp + 10); k < end; k++) {
      if (raw.charCodeAt(k) === 59 /* ; */) {
        semi = k;
        break;
      }
    }
    const value = semi === -1 ? undefined : decodeReference(raw.slice(amp + 1, semi));
    if (value !== undefined) {
      out += raw.slice(last, amp) + value;
      last = semi + 1;
      amp = raw.indexOf('&', last);
    } else {
      amp = raw.indexOf('&', amp + 1);
    }
  }
  return last === 0 ? raw : out + raw.slice(last);
}

/** The options of the one parser instance; exported so the benchmark's baseline uses the same. */
export const PARSER_OPTIONS = {
  preserveOrder: true,
  ignoreAttributes: true,
  parseTagValue: false,
  trimValues: true,
  processEntities: false,
  htmlEntities: false,
  ignoreDeclaration: true,
  ignorePiTags: true,
  jPath: false,
  // The scanner enforces MAX_DEPTH first; this is the parser's own backstop.
  maxNestedTags: MAX_DEPTH + 1,
  tagValueProcessor: (_tag: string, value: string): string => decodeEntities(value),
} satisfies X2jOptions;

const parser = new XMLParser(PARSER_OPTIONS);

/**
 * fast-xml-parser refuses `__proto__`/`constructor`/`prototype` as element names. Such an
 * element is just an unknown element to us, so the rare document holding one goes through a
 * second parser that renames it (the common path pays nothing for this).
 */
const RESERVED = new Set(['__proto__', 'constructor', 'prototype']);
const renamingParser = new XMLParser({
  ...PARSER_OPTIONS,
  transformTagName: (name: string) => (RESERVED.has(name) ? `${name}-` : name),
});

export interface ParsedDocument {
  root: string;
  /** The root element's children. */
  children: XmlNode[];
}

/** Scans, then parses. Throws DecodeFault for anything that is not one well-formed element tree. */
export function parseDocument(xml: string): ParsedDocument {
  const scan = scanDocument(xml);
  let text = scan.start > 0 ? xml.slice(scan.start) : xml;
  if (scan.hasCdata) text = rewriteCdata(text);
  let tree: unknown;
  try {
    tree = (scan.hasReservedName ? renamingParser : parser).parse(text);
  } catch (err) {
    if (err instanceof DecodeFault) throw err;
    throw new DecodeFault(`not well-formed XML: ${err instanceof Error ? err.message : String(err)}`);
  }
  if (Array.isArray(tree)) {
    for (const node of tree as XmlNode[]) {
      const children = node[scan.root];
      if (Array.isArray(children)) return { root: scan.root, children };
    }
  }
  // The scanner found a root, so the parser must have produced it; anything else is a parser surprise.
  throw new DecodeFault('not well-formed XML: the parser found no root element');
}

/** The element name of a node (`#text` for text). */
export function nodeName(node: XmlNode): string {
  for (const name in node) return name;
  return TEXT;
}

/** The children of an element node (its only key is its name). */
export function childrenOf(node: XmlNode, name: string): XmlNode[] {
  const children = node[name];
  return Array.isArray(children) ? children : [];
}

/** The text content of an element: '' when empty; text pieces joined, child elements ignored. */
export function textOf(children: readonly XmlNode[]): string {
  if (children.length === 0) return '';
  if (children.length === 1) {
    const only = (children[0] as XmlNode)[TEXT];
    return typeof only === 'string' ? only : '';
  }
  let out = '';
  for (const child of children) {
    const piece = child[TEXT];
    if (typeof piece === 'string') out += piece;
  }
  return out;
}
