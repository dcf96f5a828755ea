/**
 * The XML examples of the TelServices spec, one file each in test/fixtures/spec/, named after
 * the spec's section: request-openSession-1.xml, reply-queryForward-2.xml,
 * event-call-example3-2.xml ... (the number is the example's number, or its rank in the section).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const DIR = fileURLToPath(new URL('../fixtures/spec/', import.meta.url));

export type SpecFixtureKind = 'request' | 'reply' | 'event';

/** Names (without .xml) of every fixture, or of one kind, sorted. */
export function specFixtureNames(kind?: SpecFixtureKind): string[] {
  return readdirSync(DIR)
    .filter((f) => f.endsWith('.xml') && (kind === undefined || f.startsWith(`${kind}-`)))
    .map((f) => f.slice(0, -'.xml'.length))
    .sort();
}

/** The example as the spec writes it (indented), without the file's trailing newline. */
export function specFixture(name: string): string {
  return readFileSync(`${DIR}${name}.xml`, 'utf8').trim();
}

/** The same XML without the blanks between tags: what our encoder writes. */
export function compactXml(xml: string): string {
  return xml.replace(/>\s+</g, '><').trim();
}
