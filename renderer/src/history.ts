/**
 * Pure helpers of the History view: the filter form as the agent fills it -> the `history`
 * command's arguments, and one record -> what its row shows (direction, party, date, ringing and
 * talk time, the cause in words).
 */
import type { InputOf } from '../../common/contract';
import type { HistoryEntry } from '../../common/domain';
import { kindOf, type HistoryDirection, type HistoryKind } from '../../common/history';
import type { HistoryCause } from '../../common/telservices/enums';
import { partyLabel } from './calls';
import { t, type MessageKey } from './i18n/i18n.svelte';

/** The filter form: strings as the inputs hold them ('' = no filter). */
export interface HistoryForm {
  direction: HistoryDirection;
  /** Agent state changes listed too (the spec's recordType 'all'). */
  withAgentRecords: boolean;
  startDate: string;
  endDate: string;
  /** '' or '0'..'23' */
  startHour: string;
  /** '' or '1'..'24' */
  endHour: string;
  search: string;
  limit: number;
}

export const HISTORY_PAGE = 200;

export const EMPTY_FORM: Readonly<HistoryForm> = Object.freeze({
  direction: 'all',
  withAgentRecords: false,
  startDate: '',
  endDate: '',
  startHour: '',
  endHour: '',
  search: '',
  limit: HISTORY_PAGE,
});

function hour(text: string, min: number, max: number): number | undefined {
  if (!/^\d{1,2}$/.test(text.trim())) return undefined;
  const n = Number(text);
  return n >= min && n <= max ? n : undefined;
}

/** The arguments of `history`: only the filters set; the start hour only with a start date (the spec). */
export function historyArgs(f: HistoryForm): InputOf<'history'> {
  const args: InputOf<'history'> = { direction: f.direction, limit: f.limit };
  if (f.withAgentRecords && f.direction === 'all') args.recordType = 'all';
  if (f.startDate) {
    args.startDate = f.startDate;
    const h = hour(f.startHour, 0, 23);
    if (h !== undefined) args.startHour = h;
  }
  if (f.endDate) args.endDate = f.endDate;
  const end = hour(f.endHour, 1, 24);
  if (end !== undefined) args.endHour = end;
  if (f.search.trim()) args.search = f.search.trim();
  return args;
}

/** What is wrong with the form, as a message key (the command would refuse it too). */
export function formProblem(f: HistoryForm): MessageKey | undefined {
  if (f.startDate && f.endDate && f.startDate > f.endDate) return 'hist.problem.range';
  if (f.startHour !== '' && hour(f.startHour, 0, 23) === undefined) return 'hist.problem.startHour';
  if (f.endHour !== '' && hour(f.endHour, 1, 24) === undefined) return 'hist.problem.endHour';
  return undefined;
}

/** `1:05`, `12:00`, `1:02:03`: ringing and talk times the way a phone shows them. */
export function clock(seconds: number): string {
  const s = Math.max(0, Math.floor(seconds));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const ss = String(s % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${ss}` : `${m}:${ss}`;
}

export const KIND_LABELS: Readonly<Record<HistoryKind, MessageKey>> = {
  incoming: 'hist.kind.incoming',
  outgoing: 'hist.kind.outgoing',
  missed: 'hist.kind.missed',
  agent: 'hist.kind.agent',
};

export const CAUSE_LABELS: Readonly<Record<HistoryCause, MessageKey>> = {
  normal: 'hist.cause.normal',
  busy: 'hist.cause.busy',
  conference: 'hist.cause.conference',
  destNotObtainable: 'hist.cause.destNotObtainable',
  droppedByOtherParty: 'hist.cause.droppedByOtherParty',
  heldByOtherParty: 'hist.cause.heldByOtherParty',
  redirect: 'hist.cause.redirect',
  retrievedByOtherParty: 'hist.cause.retrievedByOtherParty',
  transfer: 'hist.cause.transfer',
  route: 'hist.cause.route',
};

export interface HistoryRow {
  kind: HistoryKind;
  who: string;
  /** Company, number: what is not already in `who`. */
  detail: string;
  when: string;
  ring?: string;
  talk?: string;
  cause?: string;
  /** The number Call back dials; absent for hidden numbers and agent records. */
  callBack?: string;
}

export function historyRow(e: HistoryEntry): HistoryRow {
  const kind = kindOf(e);
  const row: HistoryRow = { kind, who: '', detail: '', when: `${e.date} ${e.time}` };
  if (kind === 'agent') {
    row.who = e.agentState ? t(`agent.state.${e.agentState}`) : t('hist.kind.agent');
    return row;
  }
  const party = e.otherParty;
  if (party) {
    row.who = partyLabel(party);
    row.detail = [party.company, party.name && !party.hidden ? party.number : undefined].filter(Boolean).join(' · ');
    if (!party.hidden && party.number !== '') row.callBack = party.number;
  } else row.who = t('party.hidden');
  if (kind !== 'outgoing' && e.alertingSeconds !== undefined) row.ring = clock(e.alertingSeconds);
  if (e.isConnected && e.durationSeconds !== undefined) row.talk = clock(e.durationSeconds);
  if (e.cause) row.cause = t(CAUSE_LABELS[e.cause]);
  return row;
}
