/**
 * What the agent can do with a call, derived from the PBX's `permittedServices` (pure, tested
 * directly). Two phases: a single call (answer, hold, consult, divert …) and a consultation, where
 * the call has a held primary leg and a secondary one (dialling, then connected): the two-step
 * transfer's Complete transfer / Conference / Alternate / Cancel (reconnect).
 */
import type { CallLegView, CallServiceName, CallView } from '../../common/domain';
import type { MessageKey } from './i18n/i18n.svelte';

export type CallAction =
  | 'answer'
  | 'hold'
  | 'retrieve'
  | 'drop'
  | 'consult'
  | 'transfer'
  | 'conference'
  | 'alternate'
  | 'reconnect'
  | 'divert'
  | 'addParty';

/** Actions that need a number first (they open the dial/search box). */
export type NumberAction = Extract<CallAction, 'consult' | 'divert' | 'addParty'>;
export function needsNumber(action: CallAction): action is NumberAction {
  return action === 'consult' || action === 'divert' || action === 'addParty';
}

/**
 * The PBX service that permits each action. Adding a party has no service of its own in the
 * protocol's list: it is offered where a consultation could be made (a connected call).
 */
export const ACTION_SERVICE: Readonly<Record<CallAction, CallServiceName>> = {
  answer: 'answerCall',
  hold: 'holdCall',
  retrieve: 'retrieveCall',
  drop: 'dropCall',
  consult: 'consultationCall',
  transfer: 'transferCall',
  conference: 'conferenceCall',
  alternate: 'alternateCall',
  reconnect: 'reconnectCall',
  divert: 'divertCall',
  addParty: 'consultationCall',
};

export const ACTION_LABEL: Readonly<Record<CallAction, MessageKey>> = {
  answer: 'call.answer',
  hold: 'call.hold',
  retrieve: 'call.retrieve',
  drop: 'call.hangUp',
  consult: 'call.consult',
  transfer: 'call.transfer',
  conference: 'call.conference',
  alternate: 'call.alternate',
  reconnect: 'call.reconnect',
  divert: 'call.divert',
  addParty: 'call.addParty',
};

const SINGLE_ORDER: readonly CallAction[] = ['answer', 'retrieve', 'hold', 'consult', 'transfer', 'divert', 'addParty', 'drop'];
const CONSULT_ORDER: readonly CallAction[] = ['transfer', 'conference', 'alternate', 'reconnect'];

function ringingInbound(leg: CallLegView): boolean {
  return !leg.isOutgoing && (leg.state === 'alerting' || leg.state === 'queued');
}

/**
 * True while the call is a consultation: two legs, one held, neither an inbound call still
 * ringing (a second caller ringing during a call is two calls, not a consultation).
 */
export function inConsultation(call: CallView): boolean {
  const legs = legsOf(call);
  return legs.length === 2 && legs.some((l) => l.state === 'hold') && !legs.some(ringingInbound);
}

function permits(call: CallView, action: CallAction): boolean {
  return call.permittedServices.includes(ACTION_SERVICE[action]);
}

/** The call-level buttons, in a fixed order: only what the PBX permits right now. */
export function callActions(call: CallView): CallAction[] {
  if (inConsultation(call)) return CONSULT_ORDER.filter((a) => permits(call, a));
  const legs = legsOf(call);
  if (legs.length > 1) return []; // two separate calls: each leg has its own buttons
  const leg = legs[0];
  return SINGLE_ORDER.filter((a) => {
    if (!permits(call, a)) return false;
    if (a === 'addParty') return leg?.state === 'connected';
    return true;
  });
}

/** The buttons of one leg when the call has two: what that leg's state allows, if the PBX permits it. */
export function legActions(call: CallView, leg: CallLegView): CallAction[] {
  if (legsOf(call).length < 2) return [];
  const wanted: CallAction[] = inConsultation(call)
    ? leg.role === 'secondary' && leg.state !== 'cleared'
      ? ['drop']
      : []
    : ringingInbound(leg)
      ? ['answer', 'divert']
      : leg.state === 'hold'
        ? ['retrieve', 'drop']
        : leg.state === 'connected'
          ? ['hold', 'drop']
          : ['drop'];
  return wanted.filter((a) => permits(call, a));
}

/** The number the server needs to tell which of two calls is meant, when the party shows one. */
export function numberOf(leg: CallLegView | undefined): string | undefined {
  if (!leg || leg.otherParty.hidden || leg.otherParty.number === '') return undefined;
  return leg.otherParty.number;
}

/** Legs as the agent reads them: the original call first, then the consultation. */
export function legsOf(call: CallView): CallLegView[] {
  return [call.primary, call.secondary].filter((l): l is CallLegView => l !== undefined);
}

/** The call "Hang up" (Alt+H) ends: the first connected one, else one being dialled. */
export function currentCall(calls: readonly CallView[]): CallView | undefined {
  const active = (c: CallView, states: readonly string[]) => legsOf(c).some((l) => typeof l.state === 'string' && states.includes(l.state));
  return calls.find((c) => active(c, ['connected'])) ?? calls.find((c) => active(c, ['initiated', 'originated', 'delivered']));
}
