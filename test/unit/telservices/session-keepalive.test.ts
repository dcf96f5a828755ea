import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { IdleTimer } from '../../../main/telservices/keepalive';

describe('IdleTimer (the session keep-alive clock)', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('fires after idleMs without activity, then again only after the next touch', () => {
    const fired: number[] = [];
    const t = new IdleTimer(1000, () => fired.push(Date.now()));
    t.start();
    vi.advanceTimersByTime(999);
    expect(fired).toHaveLength(0);
    vi.advanceTimersByTime(1);
    expect(fired).toHaveLength(1);
    vi.advanceTimersByTime(5000);
    expect(fired).toHaveLength(1);
    t.touch();
    vi.advanceTimersByTime(1000);
    expect(fired).toHaveLength(2);
    t.stop();
  });

  it('each touch pushes the deadline back', () => {
    let fired = 0;
    const t = new IdleTimer(1000, () => fired++);
    t.start();
    for (let i = 0; i < 10; i++) {
      vi.advanceTimersByTime(600);
      t.touch();
    }
    expect(fired).toBe(0);
    vi.advanceTimersByTime(1000);
    expect(fired).toBe(1);
    t.stop();
  });

  it('stop() cancels and later touches do nothing; no timer is left', () => {
    let fired = 0;
    const t = new IdleTimer(1000, () => fired++);
    t.start();
    t.stop();
    t.touch();
    vi.advanceTimersByTime(10_000);
    expect(fired).toBe(0);
    expect(vi.getTimerCount()).toBe(0);
  });
});
