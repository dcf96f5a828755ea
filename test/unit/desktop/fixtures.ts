/** LineState builders for the desktop shell's pure tests. */
import type { CallLegView, CallView, LineState, PartyView } from '../../../common/domain';

export function party(number: string, extra: Partial<PartyView> = {}): PartyView {
  return { number, hidden: false, ...extra };
}

export function leg(state: CallLegView['state'], other: PartyView, extra: Partial<CallLegView> = {}): CallLegView {
  return { role: 'primary', state, otherParty: other, addedParties: [], isOutgoing: false, isConference: false, since: 1, ...extra };
}

export function call(id: string, primary: CallLegView, extra: Partial<CallView> = {}): CallView {
  return { id, primary, permittedServices: [], ...extra };
}

export function line(extra: Partial<LineState> = {}): LineState {
  return {
    lineId: 'L1',
    deviceNumber: '1101',
    connection: { state: 'monitored', eventMode: 'udp', since: 1 },
    calls: [],
    popups: [],
    forwards: [],
    doNotDisturb: false,
    messageWaiting: false,
    missedCalls: 0,
    ...extra,
  };
}

export const ringingFrom = (number: string, id = 'c1', extra: Partial<PartyView> = {}): CallView =>
  call(id, leg('alerting', party(number, extra)));
