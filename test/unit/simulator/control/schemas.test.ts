import { describe, expect, it } from 'vitest';
import { describeZodError, faultsSchema, inboundCallSchema, msgWaitingSchema } from '../../../../main/simulator/control/schemas';

function errorOf(result: { success: boolean; error?: unknown }): string {
  if (result.success) throw new Error('expected a validation error');
  return describeZodError(result.error as Parameters<typeof describeZodError>[0]);
}

describe('control schemas', () => {
  it('accept a full inbound call and a partial faults change', () => {
    expect(
      inboundCallSchema.parse({ from: '+801', name: 'Marcel Jagger', to: '1101', dnis: '0800', extraData: 'k=v' }),
    ).toEqual({ from: '+801', name: 'Marcel Jagger', to: '1101', dnis: '0800', extraData: 'k=v' });
    expect(faultsSchema.parse({ linkDown: true })).toEqual({ linkDown: true });
    expect(msgWaitingSchema.parse({ deviceNumber: '1101', state: 'off' })).toEqual({ deviceNumber: '1101', state: 'off' });
  });

  it('name each bad field, one issue per entry', () => {
    expect(errorOf(inboundCallSchema.safeParse({ from: '', to: 5 }))).toMatch(/^from: .*; to: /);
    expect(errorOf(faultsSchema.safeParse({ replyDelayMs: 1.5 }))).toMatch(/^replyDelayMs: /);
    expect(errorOf(faultsSchema.safeParse({ linkdown: true }))).toMatch(/linkdown/);
    expect(errorOf(msgWaitingSchema.safeParse({ deviceNumber: '1101', state: 'maybe' }))).toMatch(/^state: /);
    expect(errorOf(msgWaitingSchema.safeParse(null))).toMatch(/^\(root\): /);
  });
});
