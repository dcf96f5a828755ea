import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CtiError } from '../../../common/errors';
import { IdleTimer, SessionKeepAlive } from '../../../main/telservices/keepalive';

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

  it('an idleMs past what a Node timer holds waits the longest it can, not 1 ms', () => {
    const setTimeoutSpy = vi.spyOn(globalThis, 'setTimeout');
    let fired = 0;
    const t = new IdleTimer(4_294_967_296 * 1000, () => fired++);
    t.start();
    expect(setTimeoutSpy.mock.calls.at(-1)?.[1]).toBe(2 ** 31 - 1);
    vi.advanceTimersByTime(60_000);
    expect(fired).toBe(0);
    t.stop();
    setTimeoutSpy.mockRestore();
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

describe('SessionKeepAlive (what a failed ping means)', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  async function pingFailing(err: unknown): Promise<{ lost: string[]; errors: string[]; pings: number }> {
    const lost: string[] = [];
    const errors: string[] = [];
    let pings = 0;
    const k = new SessionKeepAlive({
      idleMs: 1000,
      ping: async () => {
        pings++;
        throw err;
      },
      onLost: (e) => lost.push(e.code),
      onError: (e) => errors.push(e.code),
    });
    k.start();
    await vi.advanceTimersByTimeAsync(1000);
    k.stop();
    return { lost, errors, pings };
  }

  it('noOpenSession: the session is lost', async () => {
    expect(await pingFailing(new CtiError('noOpenSession', 'gone'))).toEqual({ lost: ['noOpenSession'], errors: [], pings: 1 });
  });

  it('cancelled (the session closing under the ping): nothing to report', async () => {
    expect(await pingFailing(new CtiError('cancelled', 'closed'))).toEqual({ lost: [], errors: [], pings: 1 });
  });

  it('any other failure (timeout, a non-CtiError) is reported and the session stays', async () => {
    expect(await pingFailing(new CtiError('timeout', 'slow'))).toEqual({ lost: [], errors: ['timeout'], pings: 1 });
    expect(await pingFailing(new Error('boom'))).toEqual({ lost: [], errors: ['internal'], pings: 1 });
  });

  it('touch() pushes the ping back; stop() cancels it', async () => {
    let pings = 0;
    const k = new SessionKeepAlive({ idleMs: 1000, ping: async () => void pings++, onLost: () => undefined, onError: () => undefined });
    k.start();
    await vi.advanceTimersByTimeAsync(800);
    k.touch();
    await vi.advanceTimersByTimeAsync(800);
    expect(pings).toBe(0);
    await vi.advanceTimersByTimeAsync(200);
    expect(pings).toBe(1);
    k.stop();
    await vi.advanceTimersByTimeAsync(5000);
    expect(pings).toBe(1);
  });
});
