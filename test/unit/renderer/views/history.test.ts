import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/svelte';
import type { HistoryEntry } from '../../../../common/domain';
import { EMPTY_FORM, clock, formProblem, historyArgs, historyRow } from '../../../../renderer/src/history';
import HistoryView from '../../../../renderer/src/views/history/HistoryView.svelte';
import HeaderIndicators from '../../../../renderer/src/components/shell/HeaderIndicators.svelte';
import type { AppStates } from '../../../../renderer/src/state/app-states';
import { FakeCti, lineState } from './fake-cti';
import Harness from './Harness.svelte';

const missed: HistoryEntry = {
  date: '2026-11-30',
  time: '10:12:00',
  otherParty: { number: '+33160127764', name: 'Martin Jagger', company: 'uniGone', hidden: false },
  alertingSeconds: 14,
  durationSeconds: 0,
  isOutgoing: false,
  isConnected: false,
  cause: 'droppedByOtherParty',
};
const made: HistoryEntry = { date: '2026-11-30', time: '09:00:05', otherParty: { number: '1102', hidden: false }, durationSeconds: 125, isOutgoing: true, isConnected: true, cause: 'normal' };
const hidden: HistoryEntry = { date: '2026-11-29', time: '18:00:00', otherParty: { number: '*****-12', hidden: true }, isOutgoing: false, isConnected: true, durationSeconds: 3700 };

/** Types a day into a DayField as a keyboard user would: its first segment focused, then digits (en: MM DD YYYY). */
async function typeDay(label: string, digits: string): Promise<void> {
  const [first] = within(screen.getByRole('group', { name: label })).getAllByRole('spinbutton');
  first?.focus();
  for (const key of digits) await fireEvent.keyDown(document.activeElement ?? document.body, { key });
}

describe('history helpers', () => {
  it('form -> arguments: only what is set, start hour only with a start date', () => {
    expect(historyArgs({ ...EMPTY_FORM })).toEqual({ direction: 'all', limit: 200 });
    expect(historyArgs({ ...EMPTY_FORM, direction: 'missed', startHour: '8', search: ' jag ', endHour: '12' })).toEqual({ direction: 'missed', limit: 200, search: 'jag', endHour: 12 });
    expect(historyArgs({ ...EMPTY_FORM, startDate: '2026-11-01', startHour: '8', endDate: '2026-11-30', withAgentRecords: true })).toEqual({
      direction: 'all',
      limit: 200,
      recordType: 'all',
      startDate: '2026-11-01',
      startHour: 8,
      endDate: '2026-11-30',
    });
  });

  it('says what is wrong with a form', () => {
    expect(formProblem({ ...EMPTY_FORM, startDate: '2026-12-01', endDate: '2026-11-01' })).toBe('hist.problem.range');
    expect(formProblem({ ...EMPTY_FORM, startHour: '24' })).toBe('hist.problem.startHour');
    expect(formProblem({ ...EMPTY_FORM, endHour: '0' })).toBe('hist.problem.endHour');
    expect(formProblem({ ...EMPTY_FORM, endHour: '24' })).toBeUndefined();
  });

  it('rows: direction, party, times, cause in words; no Call back to a hidden number', () => {
    expect(clock(14)).toBe('0:14');
    expect(clock(3700)).toBe('1:01:40');
    expect(historyRow(missed)).toMatchObject({ kind: 'missed', who: 'Martin Jagger', detail: 'uniGone · +33160127764', ring: '0:14', cause: 'The other party hung up', callBack: '+33160127764' });
    expect(historyRow(made)).toMatchObject({ kind: 'outgoing', who: '1102', talk: '2:05', cause: 'Ended normally' });
    expect(historyRow(made).ring).toBeUndefined();
    const h = historyRow(hidden);
    expect(h.who).toBe('Hidden number');
    expect(h.callBack).toBeUndefined();
    expect(historyRow({ date: '2026-11-30', time: '08:00:00', agentState: 'ready' })).toMatchObject({ kind: 'agent', who: 'Ready' });
  });
});

describe('HistoryView', () => {
  // happy-dom has no layout: give the virtual list's scroller a viewport so it renders rows.
  beforeAll(() => {
    // virtual-core reads the scroll element's offset size.
    for (const prop of ['offsetHeight', 'offsetWidth'] as const) {
      vi.spyOn(HTMLElement.prototype, prop, 'get').mockImplementation(function (this: HTMLElement) {
        if (!this.classList.contains('scroller')) return 0;
        return prop === 'offsetHeight' ? 640 : 800;
      });
    }
  });
  afterAll(() => vi.restoreAllMocks());

  function setup(missedCalls = 0) {
    const fake = new FakeCti(lineState({ missedCalls }));
    fake.answer('history', { ok: true, value: [missed, made, hidden] });
    fake.answer('markMissedSeen', () => {
      fake.setLine({ missedCalls: 0 });
      return { ok: true, value: null };
    });
    let states: AppStates | undefined;
    render(Harness, { cti: fake.api, view: HistoryView, onstates: (s: AppStates) => (states = s) });
    return { fake, states: () => states as AppStates };
  }

  it('loads on open, lists each record with its words, and Call back dials the caller', async () => {
    const { fake } = setup();
    const list = await screen.findByRole('list', { name: 'History records' });
    const rows = await within(list).findAllByRole('listitem');
    expect(rows).toHaveLength(3);
    expect(rows[0]).toHaveTextContent('Martin Jagger');
    expect(rows[0]).toHaveTextContent('Missed');
    expect(rows[0]).toHaveTextContent('rang 0:14');
    expect(rows[0]).toHaveTextContent('The other party hung up');
    expect(rows[1]).toHaveTextContent('talked 2:05');
    expect(within(rows[2] as HTMLElement).queryByRole('button')).toBeNull();
    expect(screen.getByText('3 records')).toBeInTheDocument();
    await fireEvent.click(screen.getByRole('button', { name: 'Call back Martin Jagger' }));
    await waitFor(() => expect(fake.sent('dial')).toEqual([{ line: 'L1', number: '+33160127764' }]));
  });

  it('every filter reaches the history command', async () => {
    const { fake } = setup();
    await screen.findByRole('list', { name: 'History records' });
    await fireEvent.change(screen.getByLabelText('Calls'), { target: { value: 'missed' } });
    await waitFor(() => expect(fake.sent('history').at(-1)).toMatchObject({ direction: 'missed' }));
    await fireEvent.input(screen.getByLabelText('Name or number'), { target: { value: 'jagger' } });
    await typeDay('From', '11012026');
    await fireEvent.input(screen.getByLabelText('From hour'), { target: { value: '8' } });
    await typeDay('To', '11302026');
    await fireEvent.input(screen.getByLabelText('Until hour'), { target: { value: '18' } });
    await fireEvent.click(screen.getByRole('button', { name: 'Search' }));
    await waitFor(() =>
      expect(fake.sent('history').at(-1)).toEqual({ line: 'L1', direction: 'missed', limit: 200, search: 'jagger', startDate: '2026-11-01', startHour: 8, endDate: '2026-11-30', endHour: 18 }),
    );
  });

  it('a bad range is said and not sent', async () => {
    const { fake } = setup();
    await screen.findByRole('list', { name: 'History records' });
    const before = fake.sent('history').length;
    await typeDay('From', '12012026');
    await typeDay('To', '11012026');
    expect(screen.getByRole('alert')).toHaveTextContent('The end date is before the start date');
    expect(screen.getByRole('button', { name: 'Search' })).toBeDisabled();
    expect(fake.sent('history')).toHaveLength(before);
  });

  it('opening the view marks the missed calls seen: the badge goes', async () => {
    const { fake, states } = setup(2);
    await waitFor(() => expect(fake.sent('markMissedSeen')).toEqual([{ line: 'L1' }]));
    await waitFor(() => expect(states().views.history.missed).toBe(0));
  });

  it('a failure is said in words', async () => {
    const fake = new FakeCti();
    fake.answer('history', { ok: false, error: { code: 'pbxReject', message: 'no' } });
    render(Harness, { cti: fake.api, view: HistoryView });
    expect(await screen.findByText('The phone system refused that')).toBeInTheDocument();
  });
});

describe('HeaderIndicators', () => {
  it('shows DND, the active forward, message waiting and the missed count as the phone changes them', async () => {
    const fake = new FakeCti();
    render(Harness, { cti: fake.api, view: HeaderIndicators });
    await waitFor(() => expect(screen.getByRole('list', { name: 'Phone status' })).toBeInTheDocument());
    expect(screen.queryByTestId('ind-dnd')).toBeNull();
    fake.setLine({
      doNotDisturb: true,
      messageWaiting: true,
      missedCalls: 3,
      forwards: [
        { type: 'busy', on: true, number: '1103' },
        { type: 'immediate', on: true, number: '0612345678' },
      ],
    });
    await waitFor(() => expect(screen.getByTestId('ind-dnd')).toHaveTextContent('Do not disturb'));
    expect(screen.getByTestId('ind-forward')).toHaveTextContent('Forward all calls to 0612345678');
    expect(screen.getByTestId('ind-forward')).toHaveTextContent('+1');
    expect(screen.getByTestId('ind-mwi')).toBeInTheDocument();
    expect(screen.getByTestId('ind-missed')).toHaveAccessibleName('3 missed calls not seen yet');
    fake.setLine({ doNotDisturb: false, forwards: [], missedCalls: 0, messageWaiting: false });
    await waitFor(() => expect(screen.queryByTestId('ind-dnd')).toBeNull());
    expect(screen.queryByTestId('ind-forward')).toBeNull();
    expect(screen.queryByTestId('ind-missed')).toBeNull();
  });
});
