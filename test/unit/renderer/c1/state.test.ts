import { flushSync } from 'svelte';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Result } from '../../../../common/contract';
import { ERROR_CODES } from '../../../../common/errors';
import { ERROR_MESSAGE_KEYS, errorWords } from '../../../../renderer/src/i18n/errors';
import { localeFromLanguages, setLocale, t } from '../../../../renderer/src/i18n/i18n.svelte';
import { CtiStore } from '../../../../renderer/src/lib/cti-store.svelte';
import { Announcer } from '../../../../renderer/src/state/announcer.svelte';
import { CallsState } from '../../../../renderer/src/state/calls.svelte';
import { CommandRunner } from '../../../../renderer/src/state/command-runner.svelte';
import { DialState } from '../../../../renderer/src/state/dial.svelte';
import { DirectoryState } from '../../../../renderer/src/state/directory.svelte';
import { PopState } from '../../../../renderer/src/state/pop.svelte';
import { Preferences } from '../../../../renderer/src/state/preferences.svelte';
import { call, fakeCti, leg, line, party } from './fixtures';

afterEach(() => setLocale('en'));

function memoryStorage() {
  const m = new Map<string, string>();
  return { getItem: (k: string) => m.get(k) ?? null, setItem: (k: string, v: string) => void m.set(k, v) };
}

const settle = () => new Promise((r) => setTimeout(r, 0));

describe('errors in words', () => {
  it('every ErrorCode has words, in English and French', () => {
    for (const code of ERROR_CODES) expect(ERROR_MESSAGE_KEYS[code], code).toBeDefined();
    expect(errorWords({ code: 'noOpenSession' })).toBe('The line is not monitored: reconnecting…');
    expect(errorWords({ code: 'pbxReject' })).toBe('The phone system refused that');
    setLocale('fr');
    expect(errorWords({ code: 'pbxReject' })).toBe('Le PBX a refusé');
  });

  it('picks the language from the browser and fills placeholders', () => {
    expect(localeFromLanguages(['fr-CA', 'en'])).toBe('fr');
    expect(localeFromLanguages(['de-DE'])).toBe('en');
    expect(t('app.line', { number: '1101' })).toBe('line 1101');
  });
});

describe('CommandRunner', () => {
  it('is busy while a command runs, refuses a double run, and says a failure in words', async () => {
    const runner = new CommandRunner();
    let finish: (r: Result<null>) => void = () => undefined;
    const first = runner.run('hold:7', () => new Promise<Result<null>>((r) => (finish = r)));
    expect(runner.isBusy('hold:7')).toBe(true);
    expect((await runner.run('hold:7', () => Promise.resolve({ ok: true as const, value: null }))).ok).toBe(false);
    finish({ ok: false, error: { code: 'pbxReject', message: 'no' } });
    await first;
    expect(runner.isBusy('hold:7')).toBe(false);
    expect(runner.lastError?.text).toBe('The phone system refused that');
  });

  it('a command that never settles times out and re-enables', async () => {
    vi.useFakeTimers();
    const runner = new CommandRunner({ timeoutMs: 1000 });
    const p = runner.run('dial', () => new Promise<Result<null>>(() => undefined));
    vi.advanceTimersByTime(1000);
    expect(await p).toMatchObject({ ok: false, error: { code: 'timeout' } });
    expect(runner.isBusy('dial')).toBe(false);
    vi.useRealTimers();
  });

  it('a rejected promise becomes an internal error, never a throw', async () => {
    const runner = new CommandRunner();
    expect(await runner.run('x', () => Promise.reject(new Error('boom')))).toMatchObject({ ok: false, error: { code: 'internal', message: 'boom' } });
  });
});

describe('Preferences', () => {
  it('follows the system language, persists a choice, sets data-theme and lang on <html>', () => {
    const storage = memoryStorage();
    const root = document.createElement('html');
    const prefs = new Preferences({ storage, languages: ['fr-FR'], root });
    expect(prefs.locale).toBe('fr');
    expect(prefs.country).toBe('FR');
    expect(root.lang).toBe('fr');
    prefs.setTheme('dark');
    prefs.setLocale('en');
    expect(root.dataset['theme']).toBe('dark');
    expect(t('call.answer')).toBe('Answer');
    expect(prefs.setCountry('XX')).toBe(false);
    expect(prefs.setCountry('US')).toBe(true);
    const again = new Preferences({ storage, languages: ['fr-FR'], root: document.createElement('html') });
    expect([again.theme, again.localeChoice, again.country]).toEqual(['dark', 'en', 'US']);
  });

  it('a corrupt stored entry falls back to defaults', () => {
    const storage = memoryStorage();
    storage.setItem('cti.preferences', '{nope');
    expect(new Preferences({ storage, languages: [] }).theme).toBe('system');
  });
});

describe('state classes over a CtiApi', () => {
  it('CallsState sends the numbers the server needs to pick a call', async () => {
    const consult = call({
      primary: leg({ state: 'hold' }),
      secondary: leg({ role: 'secondary', state: 'connected', isOutgoing: true, otherParty: party({ number: '1102' }) }),
      permittedServices: ['transferCall', 'reconnectCall', 'dropCall'],
    });
    const f = fakeCti(line({ calls: [consult] }));
    const store = new CtiStore(f.cti);
    await settle();
    const calls = new CallsState(store, new Announcer());
    await calls.act('7', 'transfer');
    expect(f.mock['transfer']).toHaveBeenCalledWith({ line: 'line1', primOtherNumber: '+33160127764', secOtherNumber: '1102' });
    await calls.act('7', 'drop', { legRole: 'secondary' });
    expect(f.mock['drop']).toHaveBeenCalledWith({ line: 'line1', otherNumber: '1102' });
    await calls.act('7', 'retrieve');
    expect(f.mock['retrieve']).toHaveBeenCalledWith({ line: 'line1', otherNumber: '+33160127764' });
    store.destroy();
  });

  it('PopState answers the newest ringing leg, hides a dismissed pop at once and announces new ones', async () => {
    const first = call({ id: 'a' });
    const f = fakeCti(line({ calls: [first], popups: ['a'] }));
    const store = new CtiStore(f.cti);
    await settle();
    const announcer = new Announcer();
    const notify = vi.fn();
    const pop = new PopState(store, announcer, { notify });
    flushSync();
    expect(announcer.message).toContain('Incoming call from Martin Jagger');
    expect(notify).toHaveBeenCalledWith('Incoming call', 'Martin Jagger');
    f.setLine(line({ calls: [first, call({ id: 'b', primary: leg({ otherParty: party({ number: '+801' }) }) })], popups: ['a', 'b'] }));
    flushSync();
    expect(pop.items.map((i) => i.callId)).toEqual(['b', 'a']);
    await pop.answerNewest();
    expect(f.mock['answer']).toHaveBeenCalledWith({ line: 'line1', callingNumber: '+801' });
    expect(pop.dismissNewest()).toBe(true);
    expect(pop.items.map((i) => i.callId)).toEqual(['a']);
    await settle();
    expect(f.mock['dismissPopup']).toHaveBeenCalledWith({ line: 'line1', callId: 'b' });
    pop.destroy();
    store.destroy();
  });

  it('DialState dials the normalised number, keeps a redial list, and looks names up (latest wins)', async () => {
    const f = fakeCti(line(), { searchDirectory: () => ({ ok: true, value: [{ number: '+801', name: 'Marcel Jagger' }] }) });
    const store = new CtiStore(f.cti);
    await settle();
    const storage = memoryStorage();
    const prefs = new Preferences({ storage, languages: ['fr-FR'] });
    const dial = new DialState(store, prefs, new DirectoryState(store), new Announcer(), storage);
    await dial.setText('01 60 12 77 64');
    expect((await dial.dial()).ok).toBe(true);
    expect(f.mock['dial']).toHaveBeenCalledWith({ line: 'line1', number: '+33160127764' });
    expect(dial.text).toBe('');
    await dial.dial('1102');
    expect(dial.recent).toEqual(['1102', '+33160127764']);
    expect(new DialState(store, prefs, new DirectoryState(store), new Announcer(), storage).recent).toEqual(['1102', '+33160127764']);
    await dial.setText('Jag');
    expect(dial.matches[0]?.name).toBe('Marcel Jagger');
    dial.setText('Ja').catch(() => undefined);
    dial.clear();
    expect(dial.matches).toEqual([]);
    expect((await dial.dial()).ok).toBe(false); // nothing to dial: no request
    expect(f.mock['dial']).toHaveBeenCalledTimes(2);
    store.destroy();
  });

  it('DirectoryState groups results and drops a late answer to an older query', async () => {
    const answers: Record<string, (v: Result<unknown>) => void> = {};
    const f = fakeCti(line(), {});
    f.mock['searchDirectory']!.mockImplementation((a: { query: string }) => new Promise<Result<unknown>>((r) => {
      answers[a.query] = r;
    }));
    const store = new CtiStore(f.cti);
    await settle();
    const dir = new DirectoryState(store);
    const older = dir.search('Jag');
    const newer = dir.search('Jagger');
    answers['Jagger']!({ ok: true, value: [{ number: '+801', name: 'Marcel Jagger' }, { number: '+802', name: 'Marcel Jagger' }] });
    await newer;
    answers['Jag']!({ ok: true, value: [{ number: '1', name: 'Old' }] });
    await older;
    expect(dir.people).toHaveLength(1);
    expect(dir.people[0]?.numbers.map((n) => n.number)).toEqual(['+801', '+802']);
    store.destroy();
  });
});
