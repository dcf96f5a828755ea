/** Reading a two-step transfer's consultation from the line's calls (pure). */
import { describe, expect, it } from 'vitest';
import type { CallLegView, CallView } from '../../../common/domain';
import { readConsultation, showsTwoLegs } from '../../../main/core/transfer-with-data-watch';

const party = (number: string) => ({ number, hidden: false });
function leg(role: CallLegView['role'], state: CallLegView['state'], number: string): CallLegView {
  return { role, state, otherParty: party(number), addedParties: [], isOutgoing: role === 'secondary', isConference: false, since: 0 };
}
const call = (primary?: CallLegView, secondary?: CallLegView): CallView => ({
  id: '1',
  permittedServices: [],
  ...(primary ? { primary } : {}),
  ...(secondary ? { secondary } : {}),
});
const watch = (seenTwoLegs: boolean) => ({ callId: '1', dnis: '18005550001', seenTwoLegs });

describe('readConsultation', () => {
  it('waits while the consultation has not shown up yet', () => {
    expect(readConsultation([call(leg('primary', 'connected', '+33'))], watch(false))).toBe('pending');
    expect(readConsultation([], watch(false))).toBe('pending');
  });

  it('follows the consultation leg: dialling, connected, failed', () => {
    const held = leg('primary', 'hold', '+33');
    expect(readConsultation([call(held, leg('secondary', 'initiated', ''))], watch(false))).toBe('pending');
    expect(readConsultation([call(held, leg('secondary', 'delivered', '18005550001'))], watch(true))).toBe('pending');
    expect(readConsultation([call(held, leg('secondary', 'connected', '18005550001'))], watch(true))).toBe('connected');
    expect(readConsultation([call(held, leg('secondary', 'failed', '18005550001'))], watch(true))).toBe('failed');
  });

  it('once both legs were seen: the caller alone on hold is a failed consultation, anything else alone means the caller left', () => {
    expect(readConsultation([call(leg('primary', 'hold', '+33'))], watch(true))).toBe('failed');
    expect(readConsultation([call(leg('primary', 'connected', '18005550001'))], watch(true))).toBe('callerLeft');
    expect(readConsultation([call(leg('primary', 'hold', '+33'), leg('secondary', 'cleared', 'x'))], watch(true))).toBe('failed');
    expect(readConsultation([], watch(true))).toBe('callerLeft');
  });

  it('showsTwoLegs counts live legs of that call only', () => {
    expect(showsTwoLegs([call(leg('primary', 'hold', '+33'), leg('secondary', 'initiated', ''))], '1')).toBe(true);
    expect(showsTwoLegs([call(leg('primary', 'hold', '+33'), leg('secondary', 'cleared', ''))], '1')).toBe(false);
    expect(showsTwoLegs([call(leg('primary', 'hold', '+33'), leg('secondary', 'initiated', ''))], '2')).toBe(false);
  });
});
