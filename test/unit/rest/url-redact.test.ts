import { describe, expect, it } from 'vitest';
import { redact } from '../../../main/rest/errors';
import { buildUrl, checkBaseUrl, encodeComponent, queryString, v } from '../../../main/rest/url';

describe('REST URLs', () => {
  it('percent-encodes every path value and query value, literals as they are', () => {
    expect(buildUrl('http://h:1/base', ['a', v('x/y z'), 'b', v(5)], [['q', 'a&b=c'], ['skip', undefined], ['n', 3]])).toBe(
      'http://h:1/base/a/x%2Fy%20z/b/5?q=a%26b%3Dc&n=3',
    );
    expect(encodeComponent("it's (ok)*!")).toBe('it%27s%20%28ok%29%2A%21');
    expect(queryString([])).toBe('');
    expect(queryString([['property', 'a'], ['property', 'b']])).toBe('?property=a&property=b');
  });

  it('checks base URLs', () => {
    expect(checkBaseUrl('https://api.liveops.com/louie')).toBeUndefined();
    expect(checkBaseUrl('nope')).toMatch(/not a URL/);
    expect(checkBaseUrl('ftp://h/x')).toMatch(/http/);
    expect(checkBaseUrl('http://h/x?a=1')).toMatch(/query/);
    expect(checkBaseUrl('http://u:p@h/x')).toMatch(/credentials/);
  });
});

describe('redact', () => {
  it('masks a secret, its base64 and its percent-encoded forms', () => {
    const secret = 'p@ss word';
    const b64 = Buffer.from(secret).toString('base64');
    const text = `a ${secret} b ${b64} c ${encodeURIComponent(secret)}`;
    expect(redact(text, [secret])).toBe('a *** b *** c ***');
  });

  it('ignores absent and empty secrets', () => {
    expect(redact('nothing here', [undefined, ''])).toBe('nothing here');
  });
});
