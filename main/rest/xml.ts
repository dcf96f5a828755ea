/**
 * XML text -> a plain object tree for the REST replies (fast-xml-parser), after a well-formedness
 * check: fast-xml-parser alone accepts truncated documents, and a truncated reply must be a
 * malformedReply, not half a session. Values stay strings (a DNIS keeps its leading zeros);
 * attributes (single- or double-quoted) appear as `@_name`. No DOCTYPE: no entity expansion.
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser';

export type XmlValue = string | XmlObject | XmlValue[];
export interface XmlObject {
  [name: string]: XmlValue;
}

export class XmlReadError extends Error {
  override name = 'XmlReadError';
}

export function readXml(text: string, alwaysArrays: readonly string[] = []): XmlObject {
  if (/<!DOCTYPE/i.test(text)) throw new XmlReadError('a DOCTYPE is not accepted');
  const valid = XMLValidator.validate(text);
  if (valid !== true) throw new XmlReadError(`not well-formed XML: ${valid.err.msg} (line ${valid.err.line})`);
  const arrays = new Set(alwaysArrays);
  const parser = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '@_',
    parseTagValue: false,
    parseAttributeValue: false,
    trimValues: true,
    removeNSPrefix: true,
    ignoreDeclaration: true,
    isArray: (name) => arrays.has(name),
  });
  const tree: unknown = parser.parse(text);
  if (typeof tree !== 'object' || tree === null || Array.isArray(tree)) throw new XmlReadError('no root element');
  return tree as XmlObject;
}

export function escapeXml(text: string): string {
  return text.replace(/[<>&'"]/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', "'": '&apos;', '"': '&quot;' })[c] as string);
}

export function isXmlObject(value: XmlValue | undefined): value is XmlObject {
  return typeof value === 'object' && !Array.isArray(value);
}
