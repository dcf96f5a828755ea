import { afterEach, describe, expect, it } from 'vitest';
import { setLocale, tCount } from '../../../../renderer/src/i18n/i18n.svelte';

describe('tCount: plural-aware count messages', () => {
  afterEach(() => setLocale('en'));

  it('says "1 manqué" (singular) and "2 manqués" in French', () => {
    setLocale('fr');
    expect(tCount('hist.missedBadge', 1)).toBe('1 manqué');
    expect(tCount('hist.missedBadge', 2)).toBe('2 manqués');
    expect(tCount('hist.missedLabel', 1)).toBe('1 appel manqué non vu');
  });

  it('uses English rules: 1 call, 0 and 3 calls', () => {
    setLocale('en');
    expect(tCount('hist.missedLabel', 1)).toBe('1 missed call not seen yet');
    expect(tCount('hist.missedLabel', 0)).toBe('0 missed calls not seen yet');
    expect(tCount('hist.missedLabel', 3)).toBe('3 missed calls not seen yet');
  });
});
