/**
 * A realistic, deterministic directory: the same seed gives the same people on every machine, so
 * tests and demos can name a caller. People have 1-3 numbers (work, home, mobile, ip) in a few
 * countries' formats, many names carry accents, and most people work for a company.
 */
import type { Party } from '../../../common/telservices/structures';
import type { NumberType } from '../../../common/telservices/enums';

/** mulberry32: a tiny seeded PRNG, plenty for test data. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const FIRST_NAMES = [
  'Marcel', 'Martin', 'Léa', 'Chloé', 'Hélène', 'Élodie', 'Zoé', 'Noémie', 'Jérôme', 'François',
  'Stéphane', 'Sébastien', 'Amélie', 'Agnès', 'Gaëlle', 'Anaïs', 'Loïc', 'Benoît', 'Cécile', 'Thérèse',
  'Jürgen', 'Jörg', 'Björn', 'Søren', 'Åsa', 'Ångström', 'José', 'María', 'Íñigo', 'Begoña', 'Sofía',
  'João', 'Conceição', 'Łukasz', 'Małgorzata', 'Zoë', 'Renée', 'André', 'Anne', 'Paul', 'Pierre',
  'Marie', 'Julien', 'Camille', 'Lucas', 'Emma', 'Hugo', 'Louise', 'Nathan', 'Manon', 'Thomas',
  'Sarah', 'David', 'Laura', 'Nicolas', 'Julie', 'Olivier', 'Claire', 'Antoine', 'Isabelle', 'Marc',
  'Mark', 'James', 'Olivia', 'William', 'Ava', 'Michael', 'Emily', 'Daniel', 'Grace', 'Ryan',
  'Mar', 'Martina', 'Marco', 'Giulia', 'Matteo', 'Chiara', 'Alessandro', 'Francesca', 'Ömer', 'Ayşe',
  'Dvořák', 'Ines', 'Mehdi', 'Yasmine', 'Karim', 'Fatima', 'Wei', 'Mei', 'Hiroshi', 'Yuki',
];

const LAST_NAMES = [
  'Jagger', 'Martin', 'Bernard', 'Dubois', 'Thomas', 'Robert', 'Richard', 'Petit', 'Durand', 'Leroy',
  'Moreau', 'Simon', 'Laurent', 'Lefèvre', 'Michel', 'Garcia', 'David', 'Bertrand', 'Roux', 'Vincent',
  'Fournier', 'Morel', 'Girard', 'André', 'Lefebvre', 'Mercier', 'Dupont', 'Lambert', 'Bonnet', 'François',
  'Müller', 'Schröder', 'Größer', 'Köhler', 'Weiß', 'Schäfer', 'Hoffmann', 'Wagner', 'Becker', 'Schulz',
  'García', 'Rodríguez', 'González', 'Fernández', 'López', 'Martínez', 'Sánchez', 'Pérez', 'Gómez', 'Núñez',
  'Conceição', 'Gonçalves', 'Magalhães', 'Åberg', 'Øster', 'Lindqvist', 'Kowalski', 'Wiśniewski', 'Nowak', 'Dvořák',
  'Smith', 'Johnson', 'Williams', 'Brown', 'Jones', 'Miller', 'Davis', 'Wilson', 'Taylor', 'Anderson',
  'Rossi', 'Russo', 'Ferrari', 'Esposito', 'Bianchi', 'Romano', 'Colombo', 'Ricci', 'Marino', 'Greco',
  'Le Gall', 'Le Bihan', 'de La Fontaine', 'Van der Berg', "O'Brien", 'Mc Allister', 'Çelik', 'Yılmaz', 'Tanaka', 'Chen',
];

const COMPANIES = [
  'uniGone', 'Acme Corporation', 'Société Générale de Transport', 'Crédit Mutuel du Nord', 'Électricité Bleue',
  'Bäckerei Schön', 'Müller & Söhne GmbH', 'Telefónica Ibérica', 'Café de la Gare', 'Globex',
  'Initech', 'Umbrella Logistics', 'Northwind Traders', 'Contoso', 'Fabrikam', 'Hôtel du Lac',
  'Pharmacie Centrale', 'Garage Renée', 'Studio Ångström', 'Nordic Øresund Shipping', 'Banco Peñalara',
  'Clinique Saint-Étienne', 'Wayne Enterprises', 'Stark Industries', 'Tyrell', 'Cyberdyne Systems',
];

const NUMBER_TYPES: readonly NumberType[] = ['work', 'home', 'mobile', 'ip'];

function pick<T>(rand: () => number, list: readonly T[]): T {
  return list[Math.floor(rand() * list.length)] as T;
}

function shuffled<T>(rand: () => number, list: readonly T[]): T[] {
  const out = [...list];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

function digits(rand: () => number, count: number): string {
  let s = '';
  for (let i = 0; i < count; i++) s += String(Math.floor(rand() * 10));
  return s;
}

function numberOf(rand: () => number, type: NumberType): string {
  const country = rand();
  switch (type) {
    case 'work':
    case 'home':
      if (country < 0.6) return `+33${1 + Math.floor(rand() * 5)}${digits(rand, 8)}`;
      if (country < 0.8) return `+49${30 + Math.floor(rand() * 60)}${digits(rand, 7)}`;
      return `0${1 + Math.floor(rand() * 5)}${digits(rand, 8)}`;
    case 'mobile':
      if (country < 0.7) return `+33${6 + Math.floor(rand() * 2)}${digits(rand, 8)}`;
      return `+447${digits(rand, 9)}`;
    case 'ip':
      // French VoIP numbers start with 09.
      return `+339${digits(rand, 8)}`;
    default: {
      const never: never = type;
      throw new Error(`unknown number type ${String(never)}`);
    }
  }
}

/** The spec's own examples: the searchName / searchNumber replies name them. */
export const SPEC_ENTRIES: readonly Party[] = [
  { number: '+801', name: 'Marcel Jagger', numberType: 'work', company: 'uniGone' },
  { number: '+33160127764', name: 'Martin Jagger', numberType: 'home', company: 'uniGone' },
];

/** Names for the PBX's internal devices (1101-1110 users, 8001-8005 agents). */
export const INTERNAL_ENTRIES: readonly Party[] = [
  ['1101', 'Alice Durand'], ['1102', 'Bruno Lefèvre'], ['1103', 'Céline Moreau'], ['1104', 'Denis Girard'],
  ['1105', 'Élise Fontaine'], ['1106', 'Fabien Roux'], ['1107', 'Gérard Bonnet'], ['1108', 'Hélène Mercier'],
  ['1109', 'Ivan Petrović'], ['1110', 'Jeanne Lambert'], ['8001', 'Agent Karine Blanc'], ['8002', 'Agent Louis Chevalier'],
  ['8003', 'Agent Mélanie Faure'], ['8004', 'Agent Nicolas Garnier'], ['8005', 'Agent Océane Perrin'],
].map(([number, name]) => ({ number: number as string, name: name as string, numberType: 'work', company: 'uniGone' }));

export interface GenerateOptions {
  /** How many generated entries (parties) besides the spec's and the internal ones. Default 800. */
  entries?: number;
  seed?: number;
}

/** The spec's entries, the internal ones, then `entries` generated parties (one per number). */
export function generateDirectory(options: GenerateOptions = {}): Party[] {
  const target = options.entries ?? 800;
  const rand = seededRandom(options.seed ?? 1101);
  const out: Party[] = [...SPEC_ENTRIES, ...INTERNAL_ENTRIES];
  let produced = 0;
  while (produced < target) {
    const name = `${pick(rand, FIRST_NAMES)} ${pick(rand, LAST_NAMES)}`;
    const company = rand() < 0.75 ? pick(rand, COMPANIES) : undefined;
    const count = 1 + Math.floor(rand() * 3);
    const types = shuffled(rand, NUMBER_TYPES).slice(0, count);
    for (const numberType of types) {
      if (produced >= target) break;
      const party: Party = { number: numberOf(rand, numberType), name, numberType };
      if (company) party.company = company;
      out.push(party);
      produced++;
    }
  }
  return out;
}
