/**
 * Transfer with data, the pure parts (tested directly): when the call card offers it, the dialog's
 * key/value rows and their problems, the flow's state in words.
 */
import type { CallView } from '../../common/domain';
import type { TransferDataPair } from '../../common/transfer-data';
import { isFinalTransferState, type TransferMode, type TransferWithDataView } from '../../common/transfer-with-data';
import { inConsultation } from './call-actions';
import { errorWords } from './i18n/errors';
import { t, type MessageKey } from './i18n/i18n.svelte';

/** The PBX service each mode uses: a consultation, or a divert of the connected call (blind). */
const MODE_SERVICE = { consult: 'consultationCall', blind: 'divertCall' } as const satisfies Record<TransferMode, string>;

/** The modes the call allows now: a single connected call, the service configured, no transfer running on it. */
export function transferModes(call: CallView, configured: boolean, current: TransferWithDataView | undefined): TransferMode[] {
  if (!configured || inConsultation(call) || call.secondary !== undefined || call.primary?.state !== 'connected') return [];
  if (current && !isFinalTransferState(current.state)) return [];
  return (['consult', 'blind'] as const).filter((m) => call.permittedServices.includes(MODE_SERVICE[m]));
}

export interface PairRow {
  id: number;
  key: string;
  value: string;
}

export type PairProblem = 'empty' | 'duplicate';

/** By row id: an empty key, or a key an earlier row already has (keys are compared trimmed, as the core does). */
export function pairProblems(rows: readonly PairRow[]): Record<number, PairProblem> {
  const seen = new Set<string>();
  const out: Record<number, PairProblem> = {};
  for (const row of rows) {
    const key = row.key.trim();
    if (key === '') out[row.id] = 'empty';
    else if (seen.has(key)) out[row.id] = 'duplicate';
    seen.add(key);
  }
  return out;
}

export function pairsOf(rows: readonly PairRow[]): TransferDataPair[] {
  return rows.map((r) => ({ key: r.key.trim(), value: r.value }));
}

const FAILURE_KEY: Readonly<Record<NonNullable<TransferWithDataView['failure']>, MessageKey>> = {
  serviceFailed: 'xfer.failure.serviceFailed',
  callFailed: 'xfer.failure.callFailed',
  consultationFailed: 'xfer.failure.consultationFailed',
  callerLeft: 'xfer.failure.callerLeft',
};

/** The flow's state on the card, in words. */
export function transferStateText(view: TransferWithDataView): string {
  const dnis = view.dnis ?? '';
  switch (view.state) {
    case 'started':
      return t('xfer.state.started', { dnis });
    case 'consulting':
      return t('xfer.state.consulting', { dnis });
    case 'completed':
      return t('xfer.state.completed', { dnis });
    case 'cancelled':
      return t('xfer.state.cancelled');
    case 'expired':
      return t('xfer.state.expired');
    case 'failed': {
      const why = view.failure ? t(FAILURE_KEY[view.failure]) : '';
      return t('xfer.state.failed', { reason: view.error ? `${why} (${errorWords(view.error)})` : why });
    }
    default: {
      const never: never = view.state;
      return never;
    }
  }
}
