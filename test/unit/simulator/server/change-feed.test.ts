import { describe, expect, it } from 'vitest';
import { manualClock } from '../../../../main/simulator/pbx/model';
import { ChangeFeed } from '../../../../main/simulator/server/change-feed';
import { DropGate } from '../../../../main/simulator/server/faults';

describe('ChangeFeed', () => {
  it('knows what changed since a sequence number, per device', () => {
    const feed = new ChangeFeed(manualClock());
    const seq = feed.issue();
    expect(feed.changedSince('1101', seq)).toBe(false);
    feed.changed('1102');
    expect(feed.changedSince('1101', seq)).toBe(false);
    feed.changed('1101', 'pbxlinkOutOfService');
    expect(feed.changedSince('1101', seq)).toBe(true);
    expect(feed.sessionEventSince('1101', seq)).toBe('pbxlinkOutOfService');
    expect(feed.sessionEventSince('1101', feed.issue())).toBeUndefined();
  });

  it('wakes a waiter on the next change, or at its timeout, or when aborted', async () => {
    const clock = manualClock();
    const feed = new ChangeFeed(clock);
    let woke = 0;
    void feed.waitForChange('1101', 5000).then(() => woke++);
    expect(feed.waiting).toBe(1);
    feed.changed('1101');
    await Promise.resolve();
    expect(woke).toBe(1);
    void feed.waitForChange('1101', 5000).then(() => woke++);
    clock.advance(4999);
    await Promise.resolve();
    expect(woke).toBe(1);
    clock.advance(1);
    await Promise.resolve();
    expect(woke).toBe(2);
    const abort = new AbortController();
    void feed.waitForChange('1101', 5000, abort.signal).then(() => woke++);
    abort.abort();
    await Promise.resolve();
    expect(woke).toBe(3);
    expect(feed.waiting).toBe(0);
  });
});

describe('DropGate', () => {
  it('drops exactly the share asked, evenly', () => {
    const gate = new DropGate();
    const drops = Array.from({ length: 10 }, () => gate.shouldDrop(0.3)).filter(Boolean).length;
    expect(drops).toBe(3);
    expect(Array.from({ length: 5 }, () => gate.shouldDrop(0)).some(Boolean)).toBe(false);
    expect(Array.from({ length: 5 }, () => gate.shouldDrop(1)).every(Boolean)).toBe(true);
  });
});
