/**
 * The current language and `t()`. The locale is one `$state`: every `t()` call in a template reads
 * it, so switching language re-renders the words at once, without a reload. Preferences
 * (state/preferences.svelte.ts) decide the locale; components only call `t`.
 */
import { en, type MessageKey, type Messages } from './en';
import { fr } from './fr';

export const LOCALES = ['en', 'fr'] as const;
export type Locale = (typeof LOCALES)[number];
export const BASE_LOCALE: Locale = 'en';

const DICTIONARIES: Readonly<Record<Locale, Messages>> = { en, fr };

let current = $state<Locale>(BASE_LOCALE);

export function getLocale(): Locale {
  return current;
}

export function setLocale(locale: Locale): void {
  current = locale;
}

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

/** The first of the browser's preferred languages we speak ('fr-CA' counts as 'fr'), else English. */
export function localeFromLanguages(languages: readonly string[]): Locale {
  for (const tag of languages) {
    const base = tag.toLowerCase().split('-')[0];
    if (isLocale(base)) return base;
  }
  return BASE_LOCALE;
}

export type MessageParams = Readonly<Record<string, string | number>>;

/** The message in the current language, with `{name}` placeholders filled from params. */
export function t(key: MessageKey, params?: MessageParams): string {
  const text = DICTIONARIES[current][key];
  if (!params) return text;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    return value === undefined ? whole : String(value);
  });
}

export type { MessageKey };

/** Keys that have a singular variant `${key}.one` beside the plural `key`. */
type PluralKey = { [K in MessageKey]: `${K}.one` extends MessageKey ? K : never }[MessageKey];

/** A count message, singular or plural by the current language's rules (French: 0 and 1 are singular). */
export function tCount(key: PluralKey, count: number, params?: MessageParams): string {
  const category = new Intl.PluralRules(current).select(count);
  const chosen: MessageKey = category === 'one' ? (`${key}.one` as MessageKey) : key;
  return t(chosen, { ...params, count });
}
