/**
 * The desktop section's own words, English and French (kept beside the section so the shared
 * message tables stay untouched; same locales as i18n.svelte.ts).
 */
import type { Locale } from '../../../i18n/i18n.svelte';

const en = {
  aboutTitle: 'About and diagnostics',
  aboutIntro: 'Versions, settings (no password is in them) and the last lines of the log, to send with a problem report.',
  load: 'Show diagnostics',
  reload: 'Refresh',
  copy: 'Copy diagnostics',
  copied: 'Copied',
  copyFailed: 'Could not copy: select the text and copy it by hand',
  logFile: 'Log file',
  noLogFile: 'No log file in web mode',
  statusTitle: 'Desktop status',
  shortcutOff: 'No global dial shortcut is set.',
  shortcutOn: 'The dial shortcut {accelerator} is active.',
  shortcutRefused: 'The dial shortcut {accelerator} is not active: {message}.',
  loginOn: 'The app starts at login.',
  loginOff: 'The app does not start at login.',
  webMode: 'These settings apply to the desktop app; this browser page only keeps them.',
  failed: 'Diagnostics could not be read: {message}',
} as const;

export type DesktopMessageKey = keyof typeof en;

const fr: Readonly<Record<DesktopMessageKey, string>> = {
  aboutTitle: 'À propos et diagnostic',
  aboutIntro: 'Versions, réglages (aucun mot de passe n’y figure) et dernières lignes du journal, à joindre à un signalement.',
  load: 'Afficher le diagnostic',
  reload: 'Actualiser',
  copy: 'Copier le diagnostic',
  copied: 'Copié',
  copyFailed: 'Copie impossible : sélectionnez le texte et copiez-le à la main',
  logFile: 'Fichier journal',
  noLogFile: 'Pas de fichier journal en mode web',
  statusTitle: 'État de l’application',
  shortcutOff: 'Aucun raccourci global de numérotation n’est défini.',
  shortcutOn: 'Le raccourci de numérotation {accelerator} est actif.',
  shortcutRefused: 'Le raccourci de numérotation {accelerator} n’est pas actif : {message}.',
  loginOn: 'L’application démarre à l’ouverture de session.',
  loginOff: 'L’application ne démarre pas à l’ouverture de session.',
  webMode: 'Ces réglages s’appliquent à l’application de bureau ; cette page se contente de les garder.',
  failed: 'Le diagnostic n’a pas pu être lu : {message}',
};

const TABLES: Readonly<Record<Locale, Readonly<Record<DesktopMessageKey, string>>>> = { en, fr };

export function desktopText(locale: Locale, key: DesktopMessageKey, params: Readonly<Record<string, string>> = {}): string {
  return TABLES[locale][key].replace(/\{(\w+)\}/g, (_, name: string) => params[name] ?? `{${name}}`);
}
