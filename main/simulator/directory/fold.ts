/**
 * Search keys: the spec says the server "ignores the case"; we also ignore accents ("é" ~ "e",
 * "Müller" ~ "muller") because agents type names without them. NFD splits a letter from its
 * combining marks, which we drop; a few letters that do not decompose are mapped by hand.
 */
const EXTRA: Readonly<Record<string, string>> = {
  ß: 'ss',
  æ: 'ae',
  œ: 'oe',
  ø: 'o',
  ł: 'l',
  đ: 'd',
  ð: 'd',
  þ: 'th',
  ı: 'i',
};
const EXTRA_RE = /[ßæœøłđðþı]/g;
const MARKS_RE = /[\u0300-\u036f]/g;

export function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(MARKS_RE, '')
    .toLowerCase()
    .replace(EXTRA_RE, (c) => EXTRA[c] ?? c);
}
