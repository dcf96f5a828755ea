import { describe, expect, it } from 'vitest';
import { callActions, currentCall, inConsultation, legActions, needsNumber } from '../../../../renderer/src/call-actions';
import { groupByPerson } from '../../../../renderer/src/directory';
import { readDialInput } from '../../../../renderer/src/phone';
import { correlatorPairs, formatElapsed, popItems } from '../../../../renderer/src/pop';
import { matchShortcut } from '../../../../renderer/src/shortcuts';
import { call, leg, line, party } from './fixtures';

const key = (k: Partial<Parameters<typeof matchShortcut>[0]>) => matchShortcut({ key: '', code: '', altKey: false, ctrlKey: false, metaKey: false, inTextField: false, ...k });

describe('call actions', () => {
  it('a single call offers only what the PBX permits, in a fixed order', () => {
    expect(callActions(call({ permittedServices: ['divertCall', 'answerCall'] }))).toEqual(['answer', 'divert']);
    const connected = call({ primary: leg({ state: 'connected' }), permittedServices: ['holdCall', 'dropCall', 'divertCall', 'consultationCall'] });
    expect(callActions(connected)).toEqual(['hold', 'consult', 'divert', 'addParty', 'drop']);
    expect(callActions(call({ permittedServices: [] }))).toEqual([]);
  });

  it('a consultation (held original + consulted leg) offers Complete transfer / Conference / Alternate / Cancel', () => {
    const c = call({
      primary: leg({ state: 'hold' }),
      secondary: leg({ role: 'secondary', state: 'connected', isOutgoing: true, otherParty: party({ number: '1102' }) }),
      permittedServices: ['dropCall', 'holdCall', 'reconnectCall', 'alternateCall', 'transferCall', 'conferenceCall'],
    });
    expect(inConsultation(c)).toBe(true);
    expect(callActions(c)).toEqual(['transfer', 'conference', 'alternate', 'reconnect']);
    expect(legActions(c, c.secondary!)).toEqual(['drop']);
    expect(legActions(c, c.primary!)).toEqual([]);
    // While the consulted phone still rings, the PBX allows no conference yet.
    const dialling = { ...c, secondary: { ...c.secondary!, state: 'delivered' as const }, permittedServices: ['dropCall' as const, 'reconnectCall' as const, 'transferCall' as const] };
    expect(callActions(dialling)).toEqual(['transfer', 'reconnect']);
  });

  it('a second caller ringing during a call is two calls: buttons per leg', () => {
    const c = call({
      primary: leg({ state: 'connected' }),
      secondary: leg({ role: 'secondary', state: 'alerting', otherParty: party({ number: '+801' }) }),
      permittedServices: ['holdCall', 'dropCall', 'answerCall', 'divertCall'],
    });
    expect(inConsultation(c)).toBe(false);
    expect(callActions(c)).toEqual([]);
    expect(legActions(c, c.primary!)).toEqual(['hold', 'drop']);
    expect(legActions(c, c.secondary!)).toEqual(['answer', 'divert']);
  });

  it('knows which actions need a number and which call Alt+H hangs up', () => {
    expect(['consult', 'divert', 'addParty'].every((a) => needsNumber(a as never))).toBe(true);
    expect(needsNumber('hold')).toBe(false);
    const ringing = call({ id: 'r' });
    const talking = call({ id: 't', primary: leg({ state: 'connected' }) });
    expect(currentCall([ringing, talking])?.id).toBe('t');
    expect(currentCall([ringing])).toBeUndefined();
  });
});

describe('screen pop derivations', () => {
  it('shows ringing inbound legs of popped calls, newest first, and drops answered or dismissed ones', () => {
    const a = call({ id: 'a' });
    const b = call({ id: 'b', primary: leg({ otherParty: party({ number: '+801' }) }) });
    const answered = call({ id: 'c', primary: leg({ state: 'connected' }) });
    const l = line({ calls: [a, b, answered], popups: ['a', 'b', 'c'] });
    expect(popItems(l).map((i) => i.callId)).toEqual(['b', 'a']);
    expect(popItems(l, new Set(['b'])).map((i) => i.callId)).toEqual(['a']);
    expect(popItems(l, new Set(['a/primary'])).map((i) => i.callId)).toEqual(['b']);
    expect(popItems(undefined)).toEqual([]);
  });

  it('a second caller in the same call id pops too, on top', () => {
    const c = call({ id: 'x', primary: leg({ state: 'alerting' }), secondary: leg({ role: 'secondary', otherParty: party({ number: '+801' }) }) });
    expect(popItems(line({ calls: [c], popups: ['x'] })).map((i) => i.key)).toEqual(['x/secondary', 'x/primary']);
  });

  it('reads correlator data as pairs when it has that shape', () => {
    expect(correlatorPairs('customerId=42;campaign=spring')).toEqual([['customerId', '42'], ['campaign', 'spring']]);
    expect(correlatorPairs('{"order":7,"vip":true}')).toEqual([['order', '7'], ['vip', 'true']]);
    expect(correlatorPairs('a: 1 | b: 2')).toEqual([['a', '1'], ['b', '2']]);
    expect(correlatorPairs('just some words')).toBeUndefined();
    expect(correlatorPairs('{"nested":{"x":1}}')).toBeUndefined();
    expect(correlatorPairs('{broken')).toBeUndefined();
  });

  it('formats elapsed time as a clock', () => {
    expect(formatElapsed(7_400)).toBe('0:07');
    expect(formatElapsed(750_000)).toBe('12:30');
    expect(formatElapsed(3_723_000)).toBe('1:02:03');
    expect(formatElapsed(-5)).toBe('0:00');
  });
});

describe('dial input', () => {
  it('keeps PBX extensions and codes as they are', () => {
    expect(readDialInput(' 1102 ', 'FR')).toEqual({ kind: 'number', number: '1102', extension: true });
    expect(readDialInput('*21#', 'FR')).toMatchObject({ kind: 'number', number: '*21#' });
  });

  it('normalises public numbers in any human form to E.164 for the country', () => {
    for (const form of ['01 60 12 77 64', '01.60.12.77.64', '(01) 60-12-77-64', '+33 1 60 12 77 64', '0033 1 60 12 77 64']) {
      expect(readDialInput(form, 'FR')).toEqual({ kind: 'number', number: '+33160127764', extension: false });
    }
    expect(readDialInput('(212) 555-0123', 'US')).toMatchObject({ number: '+12125550123' });
    expect(readDialInput('1-800-FLOWERS', 'US')).toMatchObject({ kind: 'number', number: '+18003569377' });
  });

  it('reads names as names and nothing as nothing', () => {
    expect(readDialInput('Jagger', 'FR')).toEqual({ kind: 'name', query: 'Jagger' });
    expect(readDialInput('   ', 'FR')).toEqual({ kind: 'empty' });
  });
});

describe('directory grouping', () => {
  it('shows a person with several numbers once, in the order the server gave', () => {
    const people = groupByPerson([
      { number: '+801', name: 'Marcel Jagger', company: 'uniGone', numberType: 'work' },
      { number: '+33160127764', name: 'Martin Jagger', company: 'uniGone', numberType: 'home' },
      { number: '+33612', name: 'Marcel Jagger', company: 'uniGone', numberType: 'mobile' },
      { number: '+801', name: 'Marcel Jagger', company: 'uniGone', numberType: 'work' },
      { number: '5555' },
    ]);
    expect(people.map((p) => p.name ?? p.key)).toEqual(['Marcel Jagger', 'Martin Jagger', '#5555']);
    expect(people[0]?.numbers).toEqual([{ number: '+801', numberType: 'work' }, { number: '+33612', numberType: 'mobile' }]);
  });
});

describe('shortcuts', () => {
  it('matches by physical key and never while typing, except Esc and Alt combinations', () => {
    expect(key({ code: 'KeyA', altKey: true })).toEqual({ id: 'answer' });
    expect(key({ code: 'KeyA', altKey: true, inTextField: true })).toEqual({ id: 'answer' });
    expect(key({ code: 'Digit3', altKey: true })).toEqual({ id: 'tab', index: 2 });
    expect(key({ key: 'Escape', inTextField: true })).toEqual({ id: 'dismiss' });
    expect(key({ key: '?' })).toEqual({ id: 'help' });
    expect(key({ key: '?', inTextField: true })).toBeUndefined();
    expect(key({ code: 'KeyA', altKey: true, ctrlKey: true })).toBeUndefined();
    expect(key({ key: 'a' })).toBeUndefined();
  });
});
