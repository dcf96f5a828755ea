import { afterEach, describe, expect, it } from 'vitest';
import { setLocale } from '../../../../renderer/src/i18n/i18n.svelte';
import { formatTime } from '../../../../renderer/src/i18n/format-date';

describe('formatTime follows the app language, not the browser', () => {
  afterEach(() => setLocale('en'));
  const at = new Date(2026, 11, 1, 22, 6, 43);

  it('is 24-hour in French and 12-hour in English', () => {
    setLocale('fr');
    expect(formatTime(at)).toBe('22:06:43');
    setLocale('en');
    expect(formatTime(at)).toMatch(/^10:06:43\sPM$/);
  });
});
