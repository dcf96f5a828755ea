/**
 * A single fast pass over a document before fast-xml-parser sees it.
 *
 * Why: fast-xml-parser is lenient by design. It accepts a truncated document (`<a><b>1` parses as
 * `{a:{b:''}}`), mismatched closing tags, several roots and a DOCTYPE whose entities it expands.
 * For a protocol peer that is dangerous: a prefix of a call event must never decode as a call
 * event. This scanner checks well-formedness at the level of tags (every element closed, in
 * order, one root, nothing but blanks outside it), enforces the size and depth limits, rejects
 * DOCTYPE/ENTITY declarations outright (no entity expansion, no billion laughs) and reports the
 * root's name. It uses indexOf jumps, so it costs a small fraction of the parse itself.
 */
import { DecodeFault } from './xml-fault';

/** 16 MiB, counted in UTF-16 code units (the transport limits bytes before we get here). */
export const MAX_DOCUMENT_LENGTH = 16 * 1024 * 1024;
/** The deepest spec message nests 8 levels; 64 leaves room and stops stack games early. */
export const MAX_DEPTH = 64;

export interface ScanResult {
  root: string;
  /** Index just after a leading byte-order mark (0 without one). */
  start: number;
  /** The document holds CDATA sections (see rewriteCdata). */
  hasCdata: boolean;
  /** An element is named `__proto__`, `constructor` or `prototype` (fast-xml-parser refuses those names). */
  hasReservedName: boolean;
}

const GT = 62;
const SLASH = 47;
const BANG = 33;
const QUESTION = 63;
const EQUALS = 61;

function isBlank(c: number): boolean {
  return c === 32 || c === 10 || c === 9 || c === 13;
}

// ASCII name characters: 1 = may start a name, 2 = may only continue one. Anything >= 0x80 may do both.
const NAME_TABLE = new Uint8Array(128);
for (let c = 0; c < 128; c++) {
  const start = (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95 || c === 58;
  const more = (c >= 48 && c <= 57) || c === 45 || c === 46;
  NAME_TABLE[c] = start ? 1 : more ? 2 : 0;
}

function isNameStart(c: number): boolean {
  return c < 128 ? NAME_TABLE[c] === 1 : c === c; // NaN (past the end) is not a name start
}

function isNameChar(c: number): boolean {
  return c < 128 ? NAME_TABLE[c] !== 0 : c === c;
}

/**
 * Non-ASCII names are legal XML, but fast-xml-parser ends a name at any Unicode space, so we
 * refuse names holding one: both sides must agree on where a name ends.
 */
const UNICODE_SPACE = /[\s\u0085]/;

function readName(xml: string, from: number): number {
  let j = from;
  if (j >= xml.length || !isNameStart(xml.charCodeAt(j))) return from;
  let ascii = true;
  while (j < xml.length) {
    const c = xml.charCodeAt(j);
    if (!isNameChar(c)) break;
    if (c >= 0x80) ascii = false;
    j++;
  }
  if (!ascii && UNICODE_SPACE.test(xml.slice(from, j))) return from;
  return j;
}

function truncated(what: string): DecodeFault {
  return new DecodeFault(`not well-formed XML: ${what} (truncated document?)`);
}

/** Cheap pre-check (length and first character) before slicing a name to compare it. */
function mayBeReserved(xml: string, from: number, to: number): boolean {
  const len = to - from;
  const c = xml.charCodeAt(from);
  return (len === 9 && (c === 95 || c === 112)) || (len === 11 && c === 99);
}

function isReservedName(name: string): boolean {
  return name === '__proto__' || name === 'constructor' || name === 'prototype';
}

/** Reads attributes (tolerated, then ignored by the parser) up to the tag's end; returns the index of '>'. */
function skipAttributes(xml: string, from: number, tag: string): number {
  let i = from;
  const n = xml.length;
  for (;;) {
    while (i < n && isBlank(xml.charCodeAt(i))) i++;
    if (i >= n) throw truncated(`<${tag}> is not closed`);
    const c = xml.charCodeAt(i);
    if (c === GT) return i;
    if (c === SLASH) {
      if (i + 1 >= n) throw truncated(`<${tag}> is not closed`);
      if (xml.charCodeAt(i + 1) === GT) return i + 1;
      throw new DecodeFault(`not well-formed XML: stray '/' in <${tag}>`);
    }
    if (i === from && !isBlank(xml.charCodeAt(i - 1))) {
      throw new DecodeFault(`not well-formed XML: bad character in tag <${tag}>`);
    }
    const end = readName(xml, i);
    if (end === i) throw new DecodeFault(`not well-formed XML: bad attribute in <${tag}>`);
    i = end;
    while (i < n && isBlank(xml.charCodeAt(i))) i++;
    if (i >= n) throw truncated(`<${tag}> is not closed`);
    if (xml.charCodeAt(i) !== EQUALS) throw new DecodeFault(`not well-formed XML: attribute without value in <${tag}>`);
    i++;
    while (i < n && isBlank(xml.charCodeAt(i))) i++;
    const q = xml.charCodeAt(i);
    if (q !== 34 && q !== 39) {
      if (i >= n) throw truncated(`<${tag}> is not closed`);
      throw new DecodeFault(`not well-formed XML: unquoted attribute in <${tag}>`);
    }
    const close = xml.indexOf(xml[i] as string, i + 1);
    if (close === -1) throw truncated(`<${tag}> is not closed`);
    i = close + 1;
    if (i < n && !isBlank(xml.charCodeAt(i)) && xml.charCodeAt(i) !== GT && xml.charCodeAt(i) !== SLASH) {
      throw new DecodeFault(`not well-formed XML: bad character after an attribute in <${tag}>`);
    }
  }
}

/** `rest` (the short end of a document) is the start of a comment, CDATA section or declaration. */
function isCutMarkup(rest: string): boolean {
  return '<!--'.startsWith(rest) || '<![CDATA['.startsWith(rest) || '<!DOCTYPE'.startsWith(rest);
}

/** Whether xml[a, a+len) and xml[b, b+len) hold the same characters (no substring allocated). */
function sameName(xml: string, a: number, b: number, len: number): boolean {
  for (let k = 0; k < len; k++) if (xml.charCodeAt(a + k) !== xml.charCodeAt(b + k)) return false;
  return true;
}

// The open elements, as (start, length) of their names in the document: the hot path slices
// nothing. Shared by every call: the scan is synchronous and never re-entered.
const openAt = new Int32Array(MAX_DEPTH);
const openLen = new Int32Array(MAX_DEPTH);

export function scanDocument(xml: string): ScanResult {
  const n = xml.length;
  if (n > MAX_DOCUMENT_LENGTH) {
    throw new DecodeFault(`document too large (${n} characters, limit ${MAX_DOCUMENT_LENGTH})`);
  }
  const start = xml.charCodeAt(0) === 0xfeff ? 1 : 0;
  let depth = 0;
  let root: string | undefined;
  let hasCdata = false;
  let hasReservedName = false;
  let i = start;
  for (;;) {
    const lt = xml.indexOf('<', i);
    const textEnd = lt === -1 ? n : lt;
    if (depth === 0) {
      for (let k = i; k < textEnd; k++) {
        if (!isBlank(xml.charCodeAt(k))) {
          throw new DecodeFault(root === undefined ? 'not XML: text before the root element' : 'not well-formed XML: content after the root element');
        }
      }
    }
    if (lt === -1) break;
    const c1 = xml.charCodeAt(lt + 1);
    if (c1 === SLASH) {
      // Fast path: `</name>` closing the element we expect.
      if (depth > 0) {
        const len = openLen[depth - 1] ?? 0;
        if (xml.charCodeAt(lt + 2 + len) === GT && sameName(xml, openAt[depth - 1] ?? 0, lt + 2, len)) {
          depth--;
          i = lt + 3 + len;
          continue;
        }
      }
      const nameEnd = readName(xml, lt + 2);
      let k = nameEnd;
      while (k < n && isBlank(xml.charCodeAt(k))) k++;
      if (k >= n) throw truncated('a closing tag is cut');
      if (nameEnd === lt + 2 || xml.charCodeAt(k) !== GT) throw new DecodeFault('not well-formed XML: bad closing tag');
      const len = nameEnd - lt - 2;
      if (depth === 0) throw new DecodeFault(`not well-formed XML: </${xml.slice(lt + 2, nameEnd)}> closes nothing`);
      depth--;
      const at = openAt[depth] ?? 0;
      if (openLen[depth] !== len || !sameName(xml, at, lt + 2, len)) {
        const open = xml.slice(at, at + (openLen[depth] ?? 0));
        throw new DecodeFault(`not well-formed XML: </${xml.slice(lt + 2, nameEnd)}> closes <${open}>`);
      }
      i = k + 1;
    } else if (c1 === BANG) {
      if (xml.startsWith('<!--', lt)) {
        const end = xml.indexOf('-->', lt + 4);
        if (end === -1) throw truncated('a comment is not closed');
        i = end + 3;
      } else if (xml.startsWith('<![CDATA[', lt)) {
        if (depth === 0) throw new DecodeFault('not well-formed XML: CDATA outside the root element');
        const end = xml.indexOf(']]>', lt + 9);
        if (end === -1) throw truncated('a CDATA section is not closed');
        hasCdata = true;
        i = end + 3;
      } else if (n - lt < 9 && isCutMarkup(xml.slice(lt))) {
        throw truncated('a comment, CDATA section or declaration is cut');
      } else {
        // DOCTYPE, ENTITY, ELEMENT ...: the protocol has none, and entity declarations are how
        // billion-laughs and external-entity attacks start. Refuse before anything is expanded.
        throw new DecodeFault('DOCTYPE and other declarations are not accepted');
      }
    } else if (c1 === QUESTION) {
      const end = xml.indexOf('?>', lt + 2);
      if (end === -1) throw truncated('a processing instruction is not closed');
      i = end + 2;
    } else {
      if (lt + 1 >= n) throw truncated('a tag is cut');
      const nameEnd = readName(xml, lt + 1);
      if (nameEnd === lt + 1) throw new DecodeFault('not well-formed XML: bad tag');
      const gt = xml.charCodeAt(nameEnd) === GT ? nameEnd : skipAttributes(xml, nameEnd, xml.slice(lt + 1, nameEnd));
      const selfClosing = xml.charCodeAt(gt - 1) === SLASH;
      if (depth === 0) {
        if (root !== undefined) throw new DecodeFault('not well-formed XML: more than one root element');
        root = xml.slice(lt + 1, nameEnd);
      }
      if (!hasReservedName && mayBeReserved(xml, lt + 1, nameEnd) && isReservedName(xml.slice(lt + 1, nameEnd))) hasReservedName = true;
      if (!selfClosing) {
        if (depth === MAX_DEPTH) throw new DecodeFault(`elements nested deeper than ${MAX_DEPTH}`);
        openAt[depth] = lt + 1;
        openLen[depth] = nameEnd - lt - 1;
        depth++;
      }
      i = gt + 1;
    }
  }
  if (root === undefined) throw new DecodeFault(n === start ? 'empty document' : 'not XML: no root element');
  if (depth > 0) {
    const at = openAt[depth - 1] ?? 0;
    throw truncated(`<${xml.slice(at, at + (openLen[depth - 1] ?? 0))}> is not closed`);
  }
  return { root, start, hasCdata, hasReservedName };
}

/**
 * fast-xml-parser hands CDATA content to the value processor unescaped, which our entity
 * decoding would then misread; the protocol never uses CDATA, so the rare document that does is
 * rewritten once into plain escaped text.
 */
export function rewriteCdata(xml: string): string {
  return xml.replace(/<!\[CDATA\[([\s\S]*?)\]\]>/g, (_m, body: string) =>
    body.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;'),
  );
}
