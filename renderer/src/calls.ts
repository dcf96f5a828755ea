/**
 * Pure helpers that turn the core's call views into what a row of the call list shows. Kept out of
 * the component so they are tested as plain functions.
 */
import type { CallLegView, CallServiceName, CallView, PartyView } from '../../common/domain';

/** Name when the directory knows it, the number otherwise; a hidden number is said so. */
export function partyLabel(party: PartyView): string {
  if (party.name) return party.name;
  if (party.hidden) return 'Hidden number';
  return party.number === '' ? 'Dialling…' : party.number;
}

/** The second line under the name: company and number, whichever are known and not already shown. */
export function partyDetail(party: PartyView): string {
  const parts: string[] = [];
  if (party.company) parts.push(party.company);
  if (party.name && !party.hidden && party.number !== '') parts.push(party.number);
  return parts.join(' · ');
}

/** How the call reached us, when it was not dialled straight to us. */
export function routeNote(leg: CallLegView): string | undefined {
  const notes: string[] = [];
  if (leg.dialledNumber) notes.push(`dialled ${leg.dialledNumber}`);
  if (leg.redirectedBy && leg.redirectKind) notes.push(`${leg.redirectKind} by ${partyLabel(leg.redirectedBy)}`);
  return notes.length > 0 ? notes.join(', ') : undefined;
}

/** The leg the agent acts on: the secondary (consulted) one when it exists. */
export function activeLeg(call: CallView): CallLegView | undefined {
  return call.secondary ?? call.primary;
}

export type CallAction = 'answer' | 'drop' | 'hold' | 'retrieve' | 'transfer';

const ACTION_SERVICE: Readonly<Record<CallAction, CallServiceName>> = {
  answer: 'answerCall',
  drop: 'dropCall',
  hold: 'holdCall',
  retrieve: 'retrieveCall',
  transfer: 'transferCall',
};

export const ACTION_LABELS: Readonly<Record<CallAction, string>> = {
  answer: 'Answer',
  drop: 'Hang up',
  hold: 'Hold',
  retrieve: 'Retrieve',
  transfer: 'Transfer',
};

/** The buttons a call shows: only what the PBX permits in the call's state, in a fixed order. */
export function actionsFor(call: CallView): CallAction[] {
  const order: CallAction[] = ['answer', 'retrieve', 'hold', 'transfer', 'drop'];
  return order.filter((a) => call.permittedServices.includes(ACTION_SERVICE[a]));
}
