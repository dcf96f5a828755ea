import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { ArcCallsView } from '../../../common/arc-panel';
import { arcActionSchema, arcListSchema } from '../../../common/arc-panel';
import {
  nextPollDelay,
  steadyStarts,
  toCallView,
  toCallViews,
  toLeadPhoneView,
  toResultCodeView,
  viewChangeKey,
} from '../../../main/core/arc-panel-map';

describe('the panel poll schedule', () => {
  it('is 2 s while the service answers, doubles on each failure, and stops at 60 s', () => {
    expect([0, 1, 2, 3, 4, 5, 6, 50].map((f) => nextPollDelay(f))).toEqual([2000, 4000, 8000, 16_000, 32_000, 60_000, 60_000, 60_000]);
    expect(nextPollDelay(-1)).toBe(2000);
    expect(nextPollDelay(Number.NaN)).toBe(2000);
  });

  it('never goes below the base nor above the cap, and never shrinks as failures grow', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 5000 }), fc.integer({ min: 0, max: 100_000 }), fc.nat(200), (base, extra, failures) => {
        const s = { baseMs: base, maxMs: base + extra };
        const d = nextPollDelay(failures, s);
        expect(d).toBeGreaterThanOrEqual(base);
        expect(d).toBeLessThanOrEqual(s.maxMs);
        expect(nextPollDelay(failures + 1, s)).toBeGreaterThanOrEqual(d);
      }),
    );
  });
});

describe('the panel view mapping', () => {
  it('maps a Call (ids as text, recording from RecordingState) and leaves out what the service did not say', () => {
    expect(toCallView({ CallId: 7, PhoneNumber: '0160', CustomerName: 'Jo', CallState: 5, CallStatus: 1, RecordingState: 0, CallStartTime: '2026-01-01T10:00:00Z' })).toEqual({
      callId: '7',
      phone: '0160',
      customerName: 'Jo',
      state: 5,
      status: 1,
      recording: false,
      startTime: '2026-01-01T10:00:00Z',
    });
    expect(toCallView({ CallId: 8 })).toEqual({ callId: '8', phone: '' });
    expect(toCallViews([{ PhoneNumber: 'no id' }, { CallId: 1, RecordingState: 2 }])).toEqual([{ callId: '1', phone: '', recording: true }]);
  });

  it('result codes are agent-viewable unless the service says not; a lead phone’s id is its RecordTypeId', () => {
    expect(toResultCodeView({ Code: 'X' })).toEqual({ code: 'X', description: 'X', agentViewable: true });
    expect(toResultCodeView({ Code: 'N', Description: 'No', IsAgentViewable: false, IsSuccess: false })).toEqual({ code: 'N', description: 'No', agentViewable: false, isSuccess: false });
    expect(toLeadPhoneView({ LeadId: 5, PhoneNumber: '06', RecordType: 'Phone', RecordTypeId: 501 })).toEqual({ leadPhoneId: '501', leadId: '5', phone: '06', recordType: 'Phone' });
  });

  it('keeps a start time that only jitters between polls, takes one that really moved', () => {
    const prev = [{ callId: '1', phone: '', startTime: '2026-01-01T10:00:00.000Z' }];
    expect(steadyStarts(prev, [{ callId: '1', phone: '', startTime: '2026-01-01T10:00:00.900Z' }])[0]?.startTime).toBe('2026-01-01T10:00:00.000Z');
    expect(steadyStarts(prev, [{ callId: '1', phone: '', startTime: '2026-01-01T10:00:05.000Z' }])[0]?.startTime).toBe('2026-01-01T10:00:05.000Z');
    expect(steadyStarts(prev, [{ callId: '2', phone: '', startTime: 'x' }])[0]?.startTime).toBe('x');
  });

  it('a change worth emitting is anything but the times', () => {
    const v: ArcCallsView = { configured: true, watching: true, calls: [], failures: 0, pollMs: 2000, updatedAt: 1, nextPollAt: 3 };
    expect(viewChangeKey({ ...v, updatedAt: 9, nextPollAt: 11 })).toBe(viewChangeKey(v));
    expect(viewChangeKey({ ...v, failures: 1 })).not.toBe(viewChangeKey(v));
    const { updatedAt: _never, ...unpolled } = v;
    void _never;
    expect(viewChangeKey(unpolled)).not.toBe(viewChangeKey(v));
    expect(viewChangeKey({ ...v, lastError: { code: 'timeout', message: 'x' } })).not.toBe(viewChangeKey(v));
    expect(viewChangeKey({ ...v, calls: [{ callId: '1', phone: '' }] })).not.toBe(viewChangeKey(v));
  });
});

describe('the panel arguments', () => {
  it('accept each action with what it needs and refuse the rest', () => {
    expect(arcActionSchema.parse({ action: 'dial', phone: ' 06 12 ', lead: '501' })).toEqual({ action: 'dial', phone: '06 12', lead: '501' });
    expect(arcActionSchema.safeParse({ action: 'hangup', call: '12' }).success).toBe(true);
    expect(arcActionSchema.safeParse({ action: 'hangup' }).success).toBe(false);
    expect(arcActionSchema.safeParse({ action: 'hold', call: '1; drop' }).success).toBe(false);
    expect(arcActionSchema.safeParse({ action: 'dispose', call: '1', code: '' }).success).toBe(false);
    expect(arcActionSchema.safeParse({ action: 'connectcalls', call1: '1', call2: '2', code1: 'A', code2: 'B', numSales1: -1 }).success).toBe(false);
    expect(arcActionSchema.safeParse({ action: 'goready', extra: 1 }).success).toBe(false);
    expect(arcActionSchema.safeParse({ action: 'reboot' }).success).toBe(false);
    expect(arcListSchema.safeParse({ kind: 'leadphones' }).success).toBe(false);
    expect(arcListSchema.safeParse({ kind: 'users' }).success).toBe(true);
  });
});
