import { describe, expect, it } from 'vitest';
import { directoryCaller, rigsClosedAfterEach } from './harness';

const start = rigsClosedAfterEach();

describe('searchDirectory through the core', () => {
  it('returns every person a name matches, each number once', async () => {
    const r = await start();
    const people = r.sim.directory.publicParties().filter((p) => p.name?.includes('Jagger'));
    expect(people.length).toBeGreaterThan(1);
    const found = await r.service.handlers.searchDirectory({ query: 'Jagger' });
    const numbers = found.map((e) => e.number);
    expect(new Set(numbers).size).toBe(numbers.length);
    for (const p of people) expect(numbers).toContain(p.number);
  });

  it('a number in human form asks searchNumber and finds its owner, and fills the cache', async () => {
    const r = await start();
    const caller = directoryCaller(r.sim);
    const spaced = caller.number.replace(/^(\+\d{2})(\d)(\d{2})/, '$1 $2 $3 ');
    const found = await r.service.handlers.searchDirectory({ query: spaced });
    expect(found[0]).toMatchObject({ number: caller.number, name: caller.name });
    await r.sim.close(); // gone: only the cache can answer
    expect(await r.service.line.directory.lookup(caller.number)).toMatchObject({ name: caller.name });
  });

  it('caps the total at limit', async () => {
    const r = await start();
    const found = await r.service.handlers.searchDirectory({ query: 'a', limit: 3 });
    expect(found.length).toBeLessThanOrEqual(3);
  });
});

describe('qualifyCall through the core', () => {
  it('identifies the ringing caller and answers the call (the server default)', async () => {
    const r = await start();
    const caller = directoryCaller(r.sim);
    r.sim.control.injectCall({ from: caller.number, to: '1101' });
    await r.waitFor((l) => l.calls.some((c) => c.primary?.state === 'alerting'), 'ringing');
    const who = await r.service.handlers.qualifyCall({});
    // The simulator's PBX knows the caller's number only (names live in the directory).
    expect(who).toEqual({ number: caller.number });
    await r.waitFor((l) => l.calls.some((c) => c.primary?.state === 'connected'), 'answered by the server');
  });

  it('with no call ringing, fails with a typed error', async () => {
    const r = await start();
    await expect(r.service.handlers.qualifyCall({ answerCall: false })).rejects.toMatchObject({ code: 'noCall' });
  });
});
