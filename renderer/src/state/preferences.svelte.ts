/**
 * The agent's own preferences, kept in the page (localStorage works in Electron and in web mode):
 * theme, language and the country used to read phone numbers typed or pasted without a prefix.
 * Applying them is this class's job: `data-theme` and `lang` on <html>, the i18n locale.
 */
import type { CountryCode } from 'libphonenumber-js';
import { getCountries } from 'libphonenumber-js';
import { isLocale, localeFromLanguages, setLocale, type Locale } from '../i18n/i18n.svelte';

export const THEMES = ['system', 'light', 'dark'] as const;
export type ThemeChoice = (typeof THEMES)[number];
export type LocaleChoice = Locale | 'system';

const KEY = 'cti.preferences';
const COUNTRIES: ReadonlySet<string> = new Set(getCountries());

export interface PreferencesEnv {
  storage?: Pick<Storage, 'getItem' | 'setItem'> | undefined;
  languages?: readonly string[];
  root?: HTMLElement | undefined;
}

interface Stored {
  theme: ThemeChoice;
  locale: LocaleChoice;
  country: CountryCode;
}

function isCountry(v: unknown): v is CountryCode {
  return typeof v === 'string' && COUNTRIES.has(v);
}

/** The region of the first preferred language that names one ('en-GB' → GB), else France. */
export function countryFromLanguages(languages: readonly string[]): CountryCode {
  for (const tag of languages) {
    const region = tag.split('-')[1]?.toUpperCase();
    if (isCountry(region)) return region;
  }
  return 'FR';
}

function read(storage: PreferencesEnv['storage'], languages: readonly string[]): Stored {
  const fallback: Stored = { theme: 'system', locale: 'system', country: countryFromLanguages(languages) };
  let raw: unknown;
  try {
    raw = JSON.parse(storage?.getItem(KEY) ?? 'null');
  } catch {
    return fallback; // a hand-edited or corrupt entry: defaults, rewritten on the next change
  }
  if (typeof raw !== 'object' || raw === null) return fallback;
  const r = raw as Record<string, unknown>;
  return {
    theme: (THEMES as readonly unknown[]).includes(r['theme']) ? (r['theme'] as ThemeChoice) : fallback.theme,
    locale: r['locale'] === 'system' || isLocale(r['locale']) ? r['locale'] : fallback.locale,
    country: isCountry(r['country']) ? r['country'] : fallback.country,
  };
}

export class Preferences {
  theme = $state<ThemeChoice>('system');
  localeChoice = $state<LocaleChoice>('system');
  country = $state<CountryCode>('FR');
  readonly #languages: readonly string[];
  /** The language in use: the choice, or the system's when the choice is 'system'. */
  readonly locale: Locale;
  readonly #env: PreferencesEnv;

  constructor(env: PreferencesEnv = defaultEnv()) {
    this.#env = env;
    this.#languages = env.languages ?? [];
    const languages = this.#languages;
    this.locale = $derived(this.localeChoice === 'system' ? localeFromLanguages(languages) : this.localeChoice);
    const stored = read(env.storage, this.#languages);
    this.theme = stored.theme;
    this.localeChoice = stored.locale;
    this.country = stored.country;
    this.#apply();
  }

  setTheme(theme: ThemeChoice): void {
    this.theme = theme;
    this.#save();
  }

  setLocale(choice: LocaleChoice): void {
    this.localeChoice = choice;
    this.#save();
  }

  setCountry(country: string): boolean {
    if (!isCountry(country)) return false;
    this.country = country;
    this.#save();
    return true;
  }

  #save(): void {
    try {
      this.#env.storage?.setItem(KEY, JSON.stringify({ theme: this.theme, locale: this.localeChoice, country: this.country }));
    } catch {
      // storage full or disabled (private mode): the choice still holds for this page
    }
    this.#apply();
  }

  #apply(): void {
    setLocale(this.locale);
    const root = this.#env.root;
    if (!root) return;
    if (this.theme === 'system') delete root.dataset['theme'];
    else root.dataset['theme'] = this.theme;
    root.lang = this.locale;
  }
}

function defaultEnv(): PreferencesEnv {
  const g = globalThis as { localStorage?: Storage; navigator?: Navigator; document?: Document };
  let storage: Storage | undefined;
  try {
    storage = g.localStorage;
  } catch {
    storage = undefined; // access denied (sandboxed frame)
  }
  return { storage, languages: g.navigator?.languages ?? [], root: g.document?.documentElement };
}
