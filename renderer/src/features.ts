/**
 * Pure helpers of the phone features (forward, do-not-disturb, message waiting): the nine forward
 * types in words, one row per type from the line's forwards, the header's summary, and the check
 * of the number to forward to (the spec requires one to switch a forward on).
 */
import type { ForwardType, ForwardView } from '../../common/domain';
import { phoneNumber } from '../../common/schemas';
import { FORWARD_TYPES } from '../../common/telservices/enums';
import type { MessageKey } from './i18n/i18n.svelte';

export const FORWARD_LABELS: Readonly<Record<ForwardType, MessageKey>> = {
  immediate: 'fwd.type.immediate',
  busy: 'fwd.type.busy',
  noAnswer: 'fwd.type.noAnswer',
  immInt: 'fwd.type.immInt',
  immExt: 'fwd.type.immExt',
  busyInt: 'fwd.type.busyInt',
  busyExt: 'fwd.type.busyExt',
  noAnswerInt: 'fwd.type.noAnswerInt',
  noAnswerExt: 'fwd.type.noAnswerExt',
};

export interface ForwardRow {
  type: ForwardType;
  on: boolean;
  /** The number the phone reports for this forward (on, or remembered while off). */
  number?: string;
}

/** All nine types, in the spec's order, each with what the phone says of it. */
export function forwardRows(forwards: readonly ForwardView[]): ForwardRow[] {
  return FORWARD_TYPES.map((type) => {
    const f = forwards.find((x) => x.type === type);
    const row: ForwardRow = { type, on: f?.on ?? false };
    if (f?.number !== undefined) row.number = f.number;
    return row;
  });
}

/** The forwards switched on, in the spec's order (the header shows the first and counts the rest). */
export function activeForwards(forwards: readonly ForwardView[]): ForwardRow[] {
  return forwardRows(forwards).filter((r) => r.on);
}

/** Why this number cannot be forwarded to, as a message key; undefined when it can. */
export function forwardNumberProblem(text: string): MessageKey | undefined {
  if (text.trim() === '') return 'fwd.problem.required';
  return phoneNumber.safeParse(text).success ? undefined : 'fwd.problem.invalid';
}
