import { describe, expect, it } from 'vitest';
import { findDialUrlInArgv, parseDialUrl } from '../../../main/app/dial-url';

describe('parseDialUrl', () => {
  it.each([
    ['tel:+33123456789', '+33123456789'],
    ['tel:0123456789', '0123456789'],
    ['tel:+1-201-555-0123', '+12015550123'],
    ['tel:(0)1%2023%2045', '012345'],
    ['tel:7042;phone-context=example.com', '7042'],
    ['callto:0612345678', '0612345678'],
    ['callto://+4930123456', '+4930123456'],
    ['callto://0612345678/', '0612345678'],
    ['CALLTO:0612', '0612'],
    ['tel:*31#', '*31#'],
    ['  tel:001  ', '001'],
  ])('%s dials %s', (url, number) => {
    expect(parseDialUrl(url)).toBe(number);
  });

  it.each([
    'https://example.com',
    'tel:',
    'tel:abc',
    'tel:++33',
    'tel:%E0%A4%A',
    'tel:' + '1'.repeat(33),
    'telnet:1234',
    'mailto:a@b.c',
  ])('refuses %s', (url) => {
    expect(parseDialUrl(url)).toBeNull();
  });
});

describe('findDialUrlInArgv', () => {
  it('finds the link a second instance was started with', () => {
    expect(findDialUrlInArgv(['/opt/cti/cti', '--flag', 'tel:0123'])).toBe('tel:0123');
    expect(findDialUrlInArgv(['C:\\cti.exe', 'callto://0123'])).toBe('callto://0123');
  });

  it('returns null without such a link', () => {
    expect(findDialUrlInArgv(['/opt/cti/cti', '.', '--no-sandbox'])).toBeNull();
    expect(findDialUrlInArgv([])).toBeNull();
  });
});
