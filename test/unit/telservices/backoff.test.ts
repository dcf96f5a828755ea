import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { backoffDelay } from '../../../main/telservices/backoff';

describe('backoffDelay', () => {
  it('doubles from base and stops at the cap (random fixed at its extremes)', () => {
    const lo = { baseMs: 100, maxMs: 1000, random: () => 0 };
    const hi = { baseMs: 100, maxMs: 1000, random: () => 0.999999 };
    expect([0, 1, 2, 3, 4, 10].map((a) => backoffDelay(a, lo))).toEqual([50, 100, 200, 400, 500, 500]);
    expect([0, 1, 2, 3, 4, 10].map((a) => backoffDelay(a, hi))).toEqual([100, 200, 400, 800, 1000, 1000]);
  });

  it('stays within [capped/2, capped] for any attempt and random value, even huge attempts', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 100_000 }), fc.double({ min: 0, max: 1, noNaN: true }), (attempt, r) => {
        const d = backoffDelay(attempt, { baseMs: 250, maxMs: 30_000, random: () => r });
        const capped = Math.min(30_000, 250 * 2 ** attempt);
        expect(d).toBeGreaterThanOrEqual(Math.floor(capped / 2));
        expect(d).toBeLessThanOrEqual(capped);
        expect(Number.isFinite(d)).toBe(true);
      }),
    );
  });

  it('treats negative or fractional attempts as their floor, at least 0', () => {
    const o = { baseMs: 100, maxMs: 1000, random: () => 0 };
    expect(backoffDelay(-3, o)).toBe(50);
    expect(backoffDelay(2.7, o)).toBe(200);
  });

  it('spreads clients out with the default random', () => {
    const seen = new Set(Array.from({ length: 50 }, () => backoffDelay(5, { baseMs: 100, maxMs: 60_000 })));
    expect(seen.size).toBeGreaterThan(10);
  });
});
