/** The injected clock: the model never reads real time or starts real timers by itself. */
export interface Clock {
  now(): number;
  /** Runs fn once after ms; returns a function that cancels it. */
  setTimer(ms: number, fn: () => void): () => void;
}

/** Date.now + setTimeout; timers are unref'd so a simulator never keeps a process alive by itself. */
export const realClock: Clock = {
  now: () => Date.now(),
  setTimer(ms, fn) {
    const handle = setTimeout(fn, ms);
    handle.unref?.();
    return () => clearTimeout(handle);
  },
};

/** A clock that only moves when told to: timers fire in due order during advance(). */
export function manualClock(start = 0): Clock & { advance(ms: number): void } {
  let now = start;
  let seq = 0;
  const timers = new Map<number, { due: number; fn: () => void }>();
  return {
    now: () => now,
    setTimer(ms, fn) {
      const id = seq++;
      timers.set(id, { due: now + Math.max(0, ms), fn });
      return () => {
        timers.delete(id);
      };
    },
    advance(ms) {
      const target = now + ms;
      for (;;) {
        let nextId = -1;
        let nextDue = Infinity;
        for (const [id, t] of timers) {
          if (t.due <= target && (t.due < nextDue || (t.due === nextDue && id < nextId))) {
            nextId = id;
            nextDue = t.due;
          }
        }
        const timer = timers.get(nextId);
        if (!timer) break;
        timers.delete(nextId);
        now = Math.max(now, timer.due);
        timer.fn();
      }
      now = target;
    },
  };
}
