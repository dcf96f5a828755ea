/**
 * Capped exponential backoff with jitter (DESIGN rule 8), pure so callers and tests control time
 * and randomness. "Equal jitter": half the capped delay is fixed, half random, so a retry is never
 * immediate (a dead server is not hammered) yet clients that failed together spread out.
 */
export interface BackoffOptions {
  /** Delay scale of the first retry (attempt 0 waits between baseMs/2 and baseMs). */
  baseMs: number;
  /** Cap of the exponential part. */
  maxMs: number;
  /** Uniform in [0, 1). Default Math.random. */
  random?: () => number;
}

/** Delay in ms before retry number `attempt` (0 = first retry). */
export function backoffDelay(attempt: number, { baseMs, maxMs, random = Math.random }: BackoffOptions): number {
  const n = Math.max(0, Math.floor(attempt));
  // 2 ** n overflows to Infinity for huge n; Math.min handles that and keeps the cap.
  const capped = Math.min(maxMs, baseMs * 2 ** n);
  const r = Math.min(Math.max(random(), 0), 1);
  return Math.round(capped / 2 + (capped / 2) * r);
}
