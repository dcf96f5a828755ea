/**
 * Dates and times in the app's chosen language, not the browser's: every place that shows a
 * date or time formats it here, with the locale from i18n (so switching language re-renders it).
 */
import { getLocale } from './i18n.svelte';

export function formatTime(at: Date | number | string): string {
  return new Intl.DateTimeFormat(getLocale(), { timeStyle: 'medium' }).format(new Date(at));
}
