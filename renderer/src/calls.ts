/**
 * Pure helpers that turn the core's call views into what a row of the call list shows. Kept out of
 * the component so they are tested as plain functions.
 */
import type { CallLegView, CallView, PartyView } from '../../common/domain';
import { t } from './i18n/i18n.svelte';

/** Name when the directory knows it, the number otherwise; a hidden number is said so. */
export function partyLabel(party: PartyView): string {
  if (party.name) return party.name;
  if (party.hidden) return t('party.hidden');
  return party.number === '' ? t('party.dialling') : party.number;
}

/** The second line under the name: company and number, whichever are known and not already shown. */
export function partyDetail(party: PartyView): string {
  const parts: string[] = [];
  if (party.company) parts.push(party.company);
  if (party.numberType) parts.push(t(`party.type.${party.numberType}`));
  if (party.name && !party.hidden && party.number !== '') parts.push(party.number);
  return parts.join(' · ');
}

/** How the call reached us, when it was not dialled straight to us. */
export function routeNote(leg: CallLegView): string | undefined {
  const notes: string[] = [];
  if (leg.dialledNumber) notes.push(t('route.dialled', { number: leg.dialledNumber }));
  if (leg.redirectedBy && leg.redirectKind) {
    notes.push(t(leg.redirectKind === 'diverted' ? 'route.diverted' : 'route.transferred', { who: partyLabel(leg.redirectedBy) }));
  }
  return notes.length > 0 ? notes.join(', ') : undefined;
}

/** The leg the agent acts on: the secondary (consulted) one when it exists. */
export function activeLeg(call: CallView): CallLegView | undefined {
  return call.secondary ?? call.primary;
}
