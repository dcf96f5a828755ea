/** Builders of wire structures (as the codec yields them) for the reducer tests. */
import type { CallInfo, CallLeg, Party } from '../../../common/telservices/structures';
import type { CallStateName, CallServiceName, CallCause } from '../../../common/telservices/enums';
import type { TelEvent } from '../../../common/telservices/events';

export function leg(state: CallStateName, other: string | Party, opts: Partial<CallLeg> = {}): CallLeg {
  const otherParty = typeof other === 'string' ? { number: other } : other;
  return { state, otherParty, duration: '0', isOutgoing: false, isConference: false, ...opts };
}

export function call(
  id: string,
  prim: CallLeg | undefined,
  sec?: CallLeg,
  permitted: CallServiceName[] = [],
  extraData?: string,
): CallInfo {
  const info: CallInfo = { id, permittedServices: permitted };
  if (prim) info.primCall = prim;
  if (sec) info.secCall = sec;
  if (extraData !== undefined) info.extraData = extraData;
  return info;
}

export function callEvent(info: CallInfo, deviceNumber = '1102'): TelEvent {
  return { type: 'call', call: info, deviceNumber };
}

export function cleared(id: string, other: string, cause?: CallCause): TelEvent {
  return callEvent(call(id, leg('cleared', other, cause ? { cause } : {})));
}
