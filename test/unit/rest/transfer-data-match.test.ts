import { describe, expect, it } from 'vitest';
import type { CallLegView } from '../../../common/domain';
import { aniOf, transferDataDnis } from '../../../main/core/transfer-data-pop';

const leg = (dialledNumber: string | undefined, number = '+33160127764', hidden = false): CallLegView => ({
  role: 'primary',
  state: 'alerting',
  otherParty: { number, hidden },
  addedParties: [],
  ...(dialledNumber !== undefined ? { dialledNumber } : {}),
  isOutgoing: false,
  isConference: false,
  since: 0,
});

describe('which calls carry transfer data', () => {
  const settings = { tdsDnisList: ['0800123456'], tdsDnisPrefixes: ['1800555', ''] };
  it('matches the dialled number against the list and the prefixes (an empty prefix matches nothing)', () => {
    expect(transferDataDnis(leg('0800123456'), settings)).toBe('0800123456');
    expect(transferDataDnis(leg('18005550003'), settings)).toBe('18005550003');
    expect(transferDataDnis(leg('0800123457'), settings)).toBeUndefined();
    expect(transferDataDnis(leg('1800'), settings)).toBeUndefined();
    expect(transferDataDnis(leg(undefined), settings)).toBeUndefined();
    expect(transferDataDnis(leg(''), { tdsDnisList: [''], tdsDnisPrefixes: [] })).toBeUndefined();
  });

  it('uses the caller as ANI, 0 when the network hid it', () => {
    expect(aniOf(leg('1'))).toBe('+33160127764');
    expect(aniOf(leg('1', '*****-12', true))).toBe('0');
    expect(aniOf(leg('1', ''))).toBe('0');
  });
});
