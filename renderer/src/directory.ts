/**
 * Directory results grouped by person (pure): the server answers one entry per number, the agent
 * sees each person once with all their numbers, in the server's order of first appearance.
 */
import type { DirectoryEntry, NumberType } from '../../common/domain';

export interface PersonNumber {
  number: string;
  numberType?: NumberType;
}

export interface Person {
  /** Stable key: name and company (or the number when there is no name). */
  key: string;
  name?: string;
  company?: string;
  numbers: PersonNumber[];
}

export function groupByPerson(entries: readonly DirectoryEntry[]): Person[] {
  const byKey = new Map<string, Person>();
  for (const e of entries) {
    const key = e.name ? `${e.name}\u0000${e.company ?? ''}` : `#${e.number}`;
    let person = byKey.get(key);
    if (!person) {
      person = { key, numbers: [] };
      if (e.name !== undefined) person.name = e.name;
      if (e.company !== undefined) person.company = e.company;
      byKey.set(key, person);
    }
    if (person.numbers.some((n) => n.number === e.number)) continue;
    const n: PersonNumber = { number: e.number };
    if (e.numberType !== undefined) n.numberType = e.numberType;
    person.numbers.push(n);
  }
  return [...byKey.values()];
}
