import { describe, expect, it } from 'vitest';
import { Directory } from '../../../../main/simulator/directory/directory';
import { generateDirectory } from '../../../../main/simulator/directory/generate';
import { fold } from '../../../../main/simulator/directory/fold';
import type { Party } from '../../../../common/telservices/structures';

const PARTIES: Party[] = [
  { number: '+801', name: 'Marcel Jagger', numberType: 'work', company: 'uniGone' },
  { number: '+33160127764', name: 'Martin Jagger', numberType: 'home', company: 'uniGone' },
  { number: '0102030405', name: 'Éric Marchand', numberType: 'mobile', company: 'Acme' },
  { number: '0102030406', name: 'Éric Marchand', numberType: 'work', company: 'Acme' },
  { number: '0600000001', name: 'Zoé Lefèvre', numberType: 'home' },
  { number: '0600000002', name: 'anne de la Marne', numberType: 'work', company: 'Société Générale' },
];

const names = (ps: Party[]): string[] => ps.map((p) => `${p.name ?? ''}/${p.number}`);

describe('fold', () => {
  it('ignores case and accents', () => {
    expect(fold('Éric LEFÈVRE')).toBe('eric lefevre');
    expect(fold('Größer Æsir')).toBe('grosser aesir');
  });
});

describe('Directory.searchName (the spec smart search)', () => {
  const dir = new Directory({ parties: PARTIES });

  it('finds names starting with the text first, ordered, case ignored (the spec example)', () => {
    expect(names(dir.searchName('mar'))).toEqual(['Marcel Jagger/+801', 'Martin Jagger/+33160127764']);
  });

  it('then names containing " text" when no name starts with it', () => {
    expect(names(dir.searchName('jag'))).toEqual(['Marcel Jagger/+801', 'Martin Jagger/+33160127764']);
    // "marn" starts no name, but a word of "anne de la Marne"
    expect(names(dir.searchName('MARN'))).toEqual(['anne de la Marne/0600000002']);
  });

  it('the word stage does not match inside a word', () => {
    expect(dir.searchName('agger')).toEqual([]);
  });

  it('then companies', () => {
    expect(names(dir.searchName('unigone'))).toEqual(['Marcel Jagger/+801', 'Martin Jagger/+33160127764']);
    expect(names(dir.searchName('societe'))).toEqual(['anne de la Marne/0600000002']);
  });

  it('ignores accents both ways and orders one person by number type', () => {
    expect(names(dir.searchName('eric'))).toEqual(['Éric Marchand/0102030406', 'Éric Marchand/0102030405']);
    expect(names(dir.searchName('Zoe LEF'))).toEqual(['Zoé Lefèvre/0600000001']);
    expect(names(dir.searchName('lefèvre'))).toEqual(['Zoé Lefèvre/0600000001']);
  });

  it('honours limit and answers the request with a searchDirectory result', () => {
    expect(dir.searchName('m', { limit: 1 })).toHaveLength(1);
    const reply = dir.execute({ type: 'searchName', name: 'Mar', limit: '1' });
    expect(reply).toEqual({
      kind: 'result',
      result: { type: 'searchDirectory', parties: [PARTIES[0]] },
    });
    expect(dir.execute({ type: 'searchName', name: 'qqq' })).toEqual({
      kind: 'result',
      result: { type: 'searchDirectory', parties: [] },
    });
  });
});

describe('Directory.searchNumber and private directories', () => {
  it('matches the number exactly as recorded', () => {
    const dir = new Directory({ parties: PARTIES });
    expect(names(dir.searchNumber('+33160127764'))).toEqual(['Martin Jagger/+33160127764']);
    expect(dir.searchNumber('33160127764')).toEqual([]);
  });

  it('updateUserDirectory replaces the whole private directory, visible to that user only', () => {
    const dir = new Directory({ parties: PARTIES });
    const bob: Party = { number: '0160121314', name: 'Bob Blake', numberType: 'work', company: 'TheCompany' };
    const bob2: Party = { number: '0160121315', name: 'Bob Blake', numberType: 'ip', company: 'TheCompany' };
    expect(
      dir.execute({ type: 'updateUserDirectory', userID: 'user', directoryName: 'outlook', parties: [bob, bob2] }),
    ).toEqual({ kind: 'result', result: { type: 'standard' } });
    expect(dir.searchName('bob', { user: 'user' })).toEqual([bob, bob2]);
    expect(dir.searchName('bob')).toEqual([]);
    expect(dir.searchName('bob', { user: 'other' })).toEqual([]);
    // the device number stands for the user when there is no userID
    dir.execute({ type: 'updateUserDirectory', deviceNumber: '1101', directoryName: 'outlook', parties: [bob] });
    expect(dir.execute({ type: 'searchNumber', deviceNumber: '1101', number: '0160121314' })).toEqual({
      kind: 'result',
      result: { type: 'searchDirectory', parties: [bob] },
    });
    // whole replacement: bob2 is gone
    dir.updateUserDirectory('user', 'outlook', [bob]);
    expect(dir.searchNumber('0160121315', 'user')).toEqual([]);
    // merged in name order with the public directory
    dir.updateUserDirectory('user', 'mine', [{ number: '1', name: 'Marc Zed' }]);
    expect(names(dir.searchName('mar', { user: 'user' }))).toEqual([
      'Marc Zed/1',
      'Marcel Jagger/+801',
      'Martin Jagger/+33160127764',
    ]);
  });

  it('updateDirectory knows the configured directory only', () => {
    const dir = new Directory({ parties: PARTIES });
    expect(dir.execute({ type: 'updateDirectory', directoryName: 'ldap' }).kind).toBe('result');
    expect(dir.execute({ type: 'updateDirectory', directoryName: 'nope' })).toEqual({ kind: 'error', error: 'reject' });
    expect(dir.execute({ type: 'updateUserDirectory', directoryName: 'x', parties: [] })).toEqual({
      kind: 'error',
      error: 'reject',
    });
  });
});

describe('generateDirectory', () => {
  it('is deterministic, holds the spec entries and the internal devices, and names with accents', () => {
    const a = generateDirectory({ entries: 500, seed: 7 });
    expect(a).toEqual(generateDirectory({ entries: 500, seed: 7 }));
    expect(a).toHaveLength(500 + 2 + 15);
    expect(a).toContainEqual({ number: '+801', name: 'Marcel Jagger', numberType: 'work', company: 'uniGone' });
    for (const n of ['1101', '1110', '8001', '8005']) expect(a.some((p) => p.number === n)).toBe(true);
    expect(a.some((p) => /[éèüöåñç]/i.test(p.name ?? ''))).toBe(true);
    expect(new Set(a.map((p) => p.numberType))).toEqual(new Set(['work', 'home', 'mobile', 'ip']));
  });

  it('agrees with a linear scan on a generated directory', () => {
    const parties = generateDirectory({ entries: 3000, seed: 3 });
    const dir = new Directory({ parties });
    for (const text of ['mar', 'jo', 'mül', 'gar', 'ö', 'acme', 'le ']) {
      const key = fold(text);
      let expected = parties.filter((p) => fold(p.name ?? '').startsWith(key));
      if (expected.length === 0) expected = parties.filter((p) => fold(p.name ?? '').includes(` ${key}`));
      if (expected.length === 0) expected = parties.filter((p) => fold(p.company ?? '').startsWith(key));
      const got = dir.searchName(text);
      expect(new Set(got)).toEqual(new Set(expected));
      const keys = got.map((p) => fold(p.name ?? ''));
      expect(keys).toEqual([...keys].sort());
    }
  });
});
