import { describe, expect, it } from 'vitest';
import { clipboardNumber, findDialUrlInArgv, parseDialUrl, pushRedial } from '../../../main/desktop/dial-link';

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

describe('sip: links and numbers from the clipboard', () => {
  it.each([
    ['sip:+33123456789@pbx.example.com;user=phone', '+33123456789'],
    ['sips:1102@10.0.0.1', '1102'],
    ['SIP:0612-34-56-78@gw', '0612345678'],
    ['sip:7042', '7042'],
  ])('%s dials %s', (url, number) => {
    expect(parseDialUrl(url)).toBe(number);
  });

  it('refuses a sip: address whose user is a name', () => {
    expect(parseDialUrl('sip:alice@example.com')).toBeNull();
  });

  it('takes one short number (or a dial link) from the clipboard and nothing else', () => {
    expect(clipboardNumber(' +33 1 23 45 67 89 ')).toBe('+33123456789');
    expect(clipboardNumber('tel:0612')).toBe('0612');
    expect(clipboardNumber('(01) 40.20.50.00')).toBe('0140205000');
    for (const text of ['', '1', 'hello', '0612\n0613', 'call 0612', '1'.repeat(41), '2026-12-01 10:00']) expect(clipboardNumber(text)).toBeNull();
  });

  it('keeps the last five numbers dialled, most recent first, without repeats', () => {
    let list: string[] = [];
    for (const n of ['1', '2', '3', '2', '4', '5', '6']) list = pushRedial(list, n);
    expect(list).toEqual(['6', '5', '4', '2', '3']);
  });
});
