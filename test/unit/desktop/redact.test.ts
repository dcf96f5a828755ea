import { describe, expect, it } from 'vitest';
import { REDACTED, redactText, redactValue } from '../../../main/desktop/redact';

describe('redactText', () => {
  it('removes the values of the secrets we hold wherever they appear', () => {
    expect(redactText('open as agent with s3cr3t-pw, again s3cr3t-pw', ['s3cr3t-pw'])).toBe(`open as agent with ${REDACTED}, again ${REDACTED}`);
    // Regex characters in a secret are taken literally.
    expect(redactText('pw a+b(c)* end', ['a+b(c)*'])).toBe(`pw ${REDACTED} end`);
  });

  it('removes credential-shaped text even when the value is not known', () => {
    expect(redactText('<openSession><userID>u</userID><userPassword>hunter2</userPassword></openSession>')).toBe(
      `<openSession><userID>u</userID><userPassword>${REDACTED}</userPassword></openSession>`,
    );
    expect(redactText('{"userPassword":"hunter2","arcToken": "abc"}')).toBe(`{"userPassword":"${REDACTED}","arcToken": "${REDACTED}"}`);
    expect(redactText('GET /x?user=a&password=hunter2&y=1')).toBe(`GET /x?user=a&password=${REDACTED}&y=1`);
    expect(redactText('Cookie: TokenKey=abc123; other=1')).toBe(`Cookie: TokenKey=${REDACTED}; other=1`);
    expect(redactText('Authorization: Basic dXNlcjpwdw==')).toBe(`Authorization: Basic ${REDACTED}`);
    expect(redactText('User-Password=xyz')).toBe(`User-Password=${REDACTED}`);
  });

  it('leaves ordinary text alone', () => {
    const line = '[line] L1 monitored on 127.0.0.1:8800 (udp), call c1 from 0612345678';
    expect(redactText(line, ['ab'])).toBe(line);
  });
});

describe('redactValue', () => {
  it('redacts strings, errors and objects whose keys name a secret, deeply', () => {
    const err = new Error('open failed for hunter2');
    const out = redactValue([{ userPassword: 'x', nested: { token: 'y', note: 'hunter2 here' }, port: 8800 }, err], ['hunter2']) as [Record<string, unknown>, Error];
    expect(out[0]).toEqual({ userPassword: REDACTED, nested: { token: REDACTED, note: `${REDACTED} here` }, port: 8800 });
    expect(out[1]).toBeInstanceOf(Error);
    expect(out[1].message).toBe(`open failed for ${REDACTED}`);
    expect(err.message).toBe('open failed for hunter2');
  });
});
