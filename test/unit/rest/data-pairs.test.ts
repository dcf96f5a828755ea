import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { DataEncodingError, decodeDataPairs, encodeDataPairs, parsePairArgument } from '../../../main/rest/data-pairs';

describe('transfer data key/value encoding', () => {
  it('encodes the spec example (Table 3-2) exactly', () => {
    expect(encodeDataPairs([['age', '5'], ['name', 'John Smith'], ['zip code', '90210']])).toBe(
      'age%3D5%26name%3DJohn%20Smith%26zip%20code%3D90210',
    );
    expect(encodeDataPairs([['name', 'John Smith']])).toBe('name%3DJohn%20Smith');
  });

  it('decodes the spec examples', () => {
    expect(decodeDataPairs('age%3D5%26name%3DJohn%20Smith%26zip%20code%3D90210')).toEqual([
      ['age', '5'],
      ['name', 'John Smith'],
      ['zip code', '90210'],
    ]);
    expect(decodeDataPairs('tsid%3D1257923146%26sessionkey%3D3188%26edited%3D1')).toEqual([
      ['tsid', '1257923146'],
      ['sessionkey', '3188'],
      ['edited', '1'],
    ]);
  });

  it('escapes &, = and % inside keys and values first (the specs README)', () => {
    expect(encodeDataPairs([['a', 'a&b']])).toBe('a%3Da%2526b');
    expect(encodeDataPairs([['k=1', '50%']])).toBe('k%253D1%3D50%2525');
    expect(decodeDataPairs('a%3Da%2526b')).toEqual([['a', 'a&b']]);
  });

  it('encodes non-ASCII as UTF-8 and round-trips it', () => {
    const wire = encodeDataPairs([['nom', 'Zoë Ünal 日本']]);
    expect(wire).toBe('nom%3DZo%C3%AB%20%C3%9Cnal%20%E6%97%A5%E6%9C%AC');
    expect(decodeDataPairs(wire)).toEqual([['nom', 'Zoë Ünal 日本']]);
  });

  it('empty data is the empty string, a value-less pair keeps an empty value', () => {
    expect(encodeDataPairs([])).toBe('');
    expect(decodeDataPairs('')).toEqual([]);
    expect(decodeDataPairs('flag')).toEqual([['flag', '']]);
    expect(decodeDataPairs('k%3D')).toEqual([['k', '']]);
  });

  it('splits on the first = only, and keeps a stray % another sender wrote', () => {
    expect(decodeDataPairs(encodeURIComponent('a=b=c'))).toEqual([['a', 'b=c']]);
    expect(decodeDataPairs('k%3D100%25')).toEqual([['k', '100%']]);
  });

  it('refuses what is not URL-encoded, and lone surrogates, with a typed error', () => {
    expect(() => decodeDataPairs('%E0%A4%A')).toThrow(DataEncodingError);
    expect(() => encodeDataPairs([['k', '\uD800']])).toThrow(DataEncodingError);
  });

  it('round-trips any pairs (property)', () => {
    const text = fc.string({ unit: 'binary', maxLength: 20 });
    fc.assert(
      fc.property(fc.array(fc.tuple(text, text), { maxLength: 8 }), (pairs) => {
        const wire = encodeDataPairs(pairs);
        // One URL-encoded string: no raw separator or blank reaches the wire.
        expect(wire).not.toMatch(/[&= ]/);
        expect(decodeDataPairs(wire)).toEqual(pairs);
      }),
      { numRuns: 300 },
    );
  });

  it('parses k=v arguments on the first =', () => {
    expect(parsePairArgument('name=John Smith')).toEqual(['name', 'John Smith']);
    expect(parsePairArgument('eq=a=b')).toEqual(['eq', 'a=b']);
    expect(parsePairArgument('novalue=')).toEqual(['novalue', '']);
    expect(parsePairArgument('=v')).toBeUndefined();
    expect(parsePairArgument('noequals')).toBeUndefined();
  });
});
