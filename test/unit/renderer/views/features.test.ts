import { describe, expect, it } from 'vitest';
import { fireEvent, render, screen, waitFor } from '@testing-library/svelte';
import { activeForwards, forwardNumberProblem, forwardRows } from '../../../../renderer/src/features';
import FeaturesView from '../../../../renderer/src/views/features/FeaturesView.svelte';
import { FakeCti, lineState } from './fake-cti';
import Harness from './Harness.svelte';

describe('features helpers', () => {
  it('nine rows in the spec order; the active ones; the number check', () => {
    const rows = forwardRows([{ type: 'noAnswerExt', on: true, number: '0612345678' }]);
    expect(rows.map((r) => r.type)).toEqual(['immediate', 'busy', 'noAnswer', 'immInt', 'immExt', 'busyInt', 'busyExt', 'noAnswerInt', 'noAnswerExt']);
    expect(activeForwards([{ type: 'busy', on: false, number: '1' }, { type: 'immExt', on: true, number: '2' }])).toEqual([{ type: 'immExt', on: true, number: '2' }]);
    expect(forwardNumberProblem('')).toBe('fwd.problem.required');
    expect(forwardNumberProblem('hello')).toBe('fwd.problem.invalid');
    expect(forwardNumberProblem('+33 6 12 34 56 78')).toBeUndefined();
  });
});

describe('FeaturesView', () => {
  it('DND and each forward are switches named in words; they follow the phone', async () => {
    const fake = new FakeCti(lineState({ doNotDisturb: true, forwards: [{ type: 'busy', on: true, number: '1103' }] }));
    render(Harness, { cti: fake.api, view: FeaturesView });
    const dnd = await screen.findByRole('switch', { name: 'Do not disturb' });
    await waitFor(() => expect(dnd).toHaveAttribute('aria-checked', 'true'));
    expect(screen.getAllByRole('switch')).toHaveLength(10);
    expect(screen.getByRole('switch', { name: 'Forward when busy' })).toHaveAttribute('aria-checked', 'true');
    expect(screen.getByRole('switch', { name: 'Forward external calls on no answer' })).toHaveAttribute('aria-checked', 'false');
    expect(screen.getByLabelText('Number to forward to (Forward when busy)')).toHaveValue('1103');
    // The handset changes things: the switches follow.
    fake.setLine({ doNotDisturb: false, forwards: [], messageWaiting: true });
    await waitFor(() => expect(dnd).toHaveAttribute('aria-checked', 'false'));
    expect(screen.getByRole('switch', { name: 'Forward when busy' })).toHaveAttribute('aria-checked', 'false');
    expect(screen.getByText('A voice message is waiting')).toBeInTheDocument();
  });

  it('a click asks the phone; the switch shows the phone\'s answer, not the click', async () => {
    const fake = new FakeCti();
    render(Harness, { cti: fake.api, view: FeaturesView });
    const dnd = await screen.findByRole('switch', { name: 'Do not disturb' });
    await fireEvent.click(dnd);
    await waitFor(() => expect(fake.sent('setDnd')).toEqual([{ line: 'L1', on: true }]));
    expect(dnd).toHaveAttribute('aria-checked', 'false');
    fake.setLine({ doNotDisturb: true });
    await waitFor(() => expect(dnd).toHaveAttribute('aria-checked', 'true'));
  });

  it('a forward on needs a valid number: refused here with words, sent once typed', async () => {
    const fake = new FakeCti();
    render(Harness, { cti: fake.api, view: FeaturesView });
    const immediate = await screen.findByRole('switch', { name: 'Forward all calls' });
    await fireEvent.click(immediate);
    expect(await screen.findByText('Type the number to forward to first')).toBeInTheDocument();
    expect(fake.sent('setForward')).toEqual([]);
    const number = screen.getByLabelText('Number to forward to (Forward all calls)');
    await fireEvent.input(number, { target: { value: 'abc' } });
    expect(await screen.findByText('Not a phone number')).toBeInTheDocument();
    await fireEvent.input(number, { target: { value: '06 12 34 56 78' } });
    await fireEvent.click(immediate);
    await waitFor(() => expect(fake.sent('setForward')).toEqual([{ line: 'L1', type: 'immediate', on: true, number: '06 12 34 56 78' }]));
  });

  it('a refusal is said in words', async () => {
    const fake = new FakeCti();
    fake.answer('setDnd', { ok: false, error: { code: 'pbxReject', message: 'no' } });
    render(Harness, { cti: fake.api, view: FeaturesView });
    await fireEvent.click(await screen.findByRole('switch', { name: 'Do not disturb' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('The phone system refused that');
  });
});
