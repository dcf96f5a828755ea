import { describe, expect, it } from 'vitest';
import type { CallLegView, CallView, PartyView } from '../../../common/domain';
import { activeLeg, partyDetail, partyLabel, routeNote } from '../../../renderer/src/calls';

const party = (p: Partial<PartyView> & { number: string }): PartyView => ({ hidden: false, ...p });
const leg = (l: Partial<CallLegView>): CallLegView => ({
  role: 'primary',
  state: 'alerting',
  otherParty: party({ number: '0612345678' }),
  addedParties: [],
  isOutgoing: false,
  isConference: false,
  since: 0,
  ...l,
});
const call = (c: Partial<CallView>): CallView => ({ id: '1', permittedServices: [], ...c });

describe('call row helpers', () => {
  it('names the party by name, else number, and says when the number is hidden', () => {
    expect(partyLabel(party({ number: '+33160127764', name: 'Martin Jagger' }))).toBe('Martin Jagger');
    expect(partyLabel(party({ number: '0160121314' }))).toBe('0160121314');
    expect(partyLabel(party({ number: '*****-42', hidden: true }))).toBe('Hidden number');
    expect(partyLabel(party({ number: '' }))).toBe('Dialling…');
  });

  it('puts company and number under a known name, nothing under a bare number', () => {
    expect(partyDetail(party({ number: '+801', name: 'Marcel Jagger', company: 'uniGone' }))).toBe('uniGone · +801');
    expect(partyDetail(party({ number: '0160121314' }))).toBe('');
  });

  it('says how the call reached us', () => {
    expect(routeNote(leg({}))).toBeUndefined();
    expect(routeNote(leg({ dialledNumber: '0800100200' }))).toBe('dialled 0800100200');
    expect(
      routeNote(leg({ redirectedBy: party({ number: '1102' }), redirectKind: 'transferred', dialledNumber: '1102' })),
    ).toBe('dialled 1102, transferred by 1102');
  });

  it('acts on the consulted leg when there is one', () => {
    const prim = leg({ state: 'hold' });
    const sec = leg({ role: 'secondary', state: 'connected' });
    expect(activeLeg(call({ primary: prim, secondary: sec }))).toBe(sec);
    expect(activeLeg(call({ primary: prim }))).toBe(prim);
  });

});
