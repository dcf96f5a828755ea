/** The Line's periodic-check schedule (issue 9 item 18): quick on a new session, rare once UDP is proven. */
import { describe, expect, it } from 'vitest';
import { DEFAULT_TIMING, nextCheckMs, type CheckInputs } from '../../../main/core/line-timing';

const base: CheckInputs = { mode: 'udp', linkDown: false, linkProbes: 0, udpProven: false, openForMs: 0 };
const backoff = (n: number): number => 1000 * 2 ** n;

describe('nextCheckMs', () => {
  it('a new session on UDP with no datagram yet: the quick reconcile (blocked UDP is detected soon)', () => {
    expect(nextCheckMs(DEFAULT_TIMING, base, backoff)).toBe(DEFAULT_TIMING.reconcileMs);
  });

  it('once datagrams prove UDP, or the new session stayed quiet past the window: every few minutes, <= 12 an hour', () => {
    expect(nextCheckMs(DEFAULT_TIMING, { ...base, udpProven: true }, backoff)).toBe(DEFAULT_TIMING.idleReconcileMs);
    expect(nextCheckMs(DEFAULT_TIMING, { ...base, openForMs: DEFAULT_TIMING.udpProofWindowMs }, backoff)).toBe(DEFAULT_TIMING.idleReconcileMs);
    expect(3_600_000 / DEFAULT_TIMING.idleReconcileMs).toBeLessThanOrEqual(12);
  });

  it('polling: no periodic snapshot (the long-poll is the fresh view); the link down: backed-off probes', () => {
    expect(nextCheckMs(DEFAULT_TIMING, { ...base, mode: 'poll' }, backoff)).toBeUndefined();
    expect(nextCheckMs(DEFAULT_TIMING, { ...base, linkDown: true, linkProbes: 3 }, backoff)).toBe(8000);
  });
});
