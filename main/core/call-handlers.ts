/**
 * The call-control and phone-feature commands, each one TelServices request on the line: the
 * contract's arguments mapped to the request (numbers cleaned of what people type), sent by the
 * service's `call` (which picks the line and waits for the answer).
 */
import type { CommandHandlers } from '../../common/contract';
import type { TelRequest } from '../../common/telservices/requests';

/** Drops the separators people type; keeps digits, `+`, `*`, `#`. */
export function dialable(number: string): string {
  return number.replace(/[\s().-]/g, '');
}

/** Removes keys whose value is undefined (requests carry only what is set). */
export function defined<T extends object>(obj: T): T {
  return Object.fromEntries(Object.entries(obj).filter(([, v]) => v !== undefined)) as T;
}

type CallControl = 'dial' | 'answer' | 'drop' | 'hold' | 'retrieve' | 'consult' | 'transfer' | 'conference' | 'alternate' | 'reconnect' | 'divert' | 'addParty' | 'setDnd' | 'setForward' | 'setAgentState';

/** `call(lineId, build)` sends `build(deviceNumber)` on that line (undefined fields dropped). */
export function callControlHandlers(call: (lineId: string | undefined, build: (device: string) => TelRequest) => Promise<null>): Pick<CommandHandlers, CallControl> {
  return {
    dial: (a) => call(a.line, (d) => ({ type: 'makeCall', deviceNumber: d, calledDeviceNumber: dialable(a.number), extraData: a.extraData })),
    answer: (a) => call(a.line, (d) => ({ type: 'answerCall', deviceNumber: d, callingNumber: a.callingNumber })),
    drop: (a) => call(a.line, (d) => ({ type: 'dropCall', deviceNumber: d, otherNumber: a.otherNumber })),
    hold: (a) => call(a.line, (d) => ({ type: 'holdCall', deviceNumber: d, otherNumber: a.otherNumber })),
    retrieve: (a) => call(a.line, (d) => ({ type: 'retrieveCall', deviceNumber: d, otherNumber: a.otherNumber })),
    consult: (a) =>
      call(a.line, (d) => ({
        type: 'consultationCall',
        deviceNumber: d,
        otherNumber: a.otherNumber,
        consultedDeviceNumber: dialable(a.number),
        extraData: a.extraData,
      })),
    transfer: (a) => call(a.line, (d) => ({ type: 'transferCall', deviceNumber: d, primOtherNumber: a.primOtherNumber, secOtherNumber: a.secOtherNumber })),
    conference: (a) => call(a.line, (d) => ({ type: 'conferenceCall', deviceNumber: d, primOtherNumber: a.primOtherNumber, secOtherNumber: a.secOtherNumber })),
    alternate: (a) => call(a.line, (d) => ({ type: 'alternateCall', deviceNumber: d, primOtherNumber: a.primOtherNumber, secOtherNumber: a.secOtherNumber })),
    reconnect: (a) => call(a.line, (d) => ({ type: 'reconnectCall', deviceNumber: d, primOtherNumber: a.primOtherNumber, secOtherNumber: a.secOtherNumber })),
    divert: (a) =>
      call(a.line, (d) => ({ type: 'divertCall', deviceNumber: d, otherNumber: a.otherNumber, divertedDeviceNumber: dialable(a.number), extraData: a.extraData })),
    addParty: (a) =>
      call(a.line, (d) => ({ type: 'addPartyToCall', deviceNumber: d, otherNumber: a.otherNumber, addedDeviceNumber: dialable(a.number), extraData: a.extraData })),
    setDnd: (a) => call(a.line, (d) => ({ type: 'doNotDisturb', deviceNumber: d, state: a.on ? 'on' : 'off' })),
    setForward: (a) =>
      call(a.line, (d) => ({
        type: 'forward',
        deviceNumber: d,
        info: defined({ number: a.number === undefined ? undefined : dialable(a.number), type: a.type, state: a.on ? ('on' as const) : ('off' as const) }),
      })),
    setAgentState: (a) => call(a.line, (d) => ({ type: 'agentState', deviceNumber: d, state: a.state })),
  };
}
