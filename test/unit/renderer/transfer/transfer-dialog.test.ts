/** The transfer with data dialog and panel, and their state class, on a scripted CtiApi. */
import { fireEvent, render, screen, within } from '@testing-library/svelte';
import { describe, expect, it, vi } from 'vitest';
import type { TransferWithDataView } from '../../../../common/transfer-with-data';
import TransferDialog from '../../../../renderer/src/components/transfer/TransferDialog.svelte';
import TransferPanel from '../../../../renderer/src/components/transfer/TransferPanel.svelte';
import { CtiStore } from '../../../../renderer/src/lib/cti-store.svelte';
import { Announcer } from '../../../../renderer/src/state/announcer.svelte';
import { TransferWithDataState } from '../../../../renderer/src/state/transfer-with-data.svelte';
import { call, fakeCti, leg, line } from '../c1/fixtures';

const settle = () => new Promise((r) => setTimeout(r, 0));

async function openDialog(onStart = vi.fn(() => Promise.resolve(true))) {
  render(TransferDialog, { id: 'x7', modes: ['consult', 'blind'], busy: false, onStart });
  const trigger = screen.getByRole('button', { name: 'Transfer with data' });
  // As a keyboard or mouse user would: the button has focus when it opens the dialog.
  trigger.focus();
  await fireEvent.click(trigger);
  const dialog = await screen.findByRole('dialog', { name: 'Transfer with data' });
  return { trigger, dialog, onStart };
}

describe('TransferDialog', () => {
  it('edits key/value rows (add, remove), picks the mode, and starts with the trimmed pairs; focus goes back to its button', async () => {
    const { trigger, dialog, onStart } = await openDialog();
    const d = within(dialog);
    await fireEvent.input(d.getByLabelText('Key of pair 1'), { target: { value: ' order ' } });
    await fireEvent.input(d.getByLabelText('Value of pair 1'), { target: { value: '42' } });
    await fireEvent.click(d.getByRole('button', { name: 'Add a pair' }));
    await fireEvent.input(d.getByLabelText('Key of pair 2'), { target: { value: 'gone' } });
    await fireEvent.click(d.getByRole('button', { name: 'Add a pair' }));
    await fireEvent.input(d.getByLabelText('Key of pair 3'), { target: { value: 'note' } });
    await fireEvent.input(d.getByLabelText('Value of pair 3'), { target: { value: 'a&b = c' } });
    await fireEvent.click(d.getByRole('button', { name: 'Remove pair 2' }));
    await fireEvent.click(d.getByRole('radio', { name: 'Transfer at once (blind)' }));
    await fireEvent.click(d.getByRole('button', { name: 'Start transfer' }));
    expect(onStart).toHaveBeenCalledWith(
      [
        { key: 'order', value: '42' },
        { key: 'note', value: 'a&b = c' },
      ],
      'blind',
    );
    await settle();
    await vi.waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    await vi.waitFor(() => expect(document.activeElement).toBe(trigger));
    // Opened again: one empty row, nothing marked (the rows and what was touched start anew).
    await fireEvent.click(trigger);
    const again = within(await screen.findByRole('dialog'));
    expect(again.getByLabelText('Key of pair 1')).toHaveValue('');
    expect(again.getByLabelText('Key of pair 1')).toHaveAttribute('aria-invalid', 'false');
    expect(again.queryByLabelText('Key of pair 2')).toBeNull();
  });

  it('refuses an empty key and a key used twice, saying which row, until they are fixed', async () => {
    const { dialog, onStart } = await openDialog();
    const d = within(dialog);
    await fireEvent.click(d.getByRole('button', { name: 'Add a pair' }));
    await fireEvent.input(d.getByLabelText('Key of pair 2'), { target: { value: 'k' } });
    await fireEvent.click(d.getByRole('button', { name: 'Start transfer' }));
    expect(onStart).not.toHaveBeenCalled();
    expect(d.getByLabelText('Key of pair 1')).toHaveAttribute('aria-invalid', 'true');
    expect(d.getByLabelText('Key of pair 1')).toHaveAccessibleDescription('A key is required');
    await fireEvent.input(d.getByLabelText('Key of pair 1'), { target: { value: 'k' } });
    expect(d.getByLabelText('Key of pair 2')).toHaveAccessibleDescription('This key is already used');
    await fireEvent.click(d.getByRole('button', { name: 'Start transfer' }));
    expect(onStart).not.toHaveBeenCalled();
    await fireEvent.input(d.getByLabelText('Key of pair 2'), { target: { value: 'k2' } });
    await fireEvent.click(d.getByRole('button', { name: 'Start transfer' }));
    expect(onStart).toHaveBeenCalledWith([{ key: 'k', value: '' }, { key: 'k2', value: '' }], 'consult');
  });

  it('stays open and shows the error in words when the start fails', async () => {
    const onStart = vi.fn(() => Promise.resolve(false));
    render(TransferDialog, { id: 'x7', modes: ['consult'], busy: false, error: 'No transfer number is free right now', onStart });
    await fireEvent.click(screen.getByRole('button', { name: 'Transfer with data' }));
    const d = within(await screen.findByRole('dialog'));
    await fireEvent.click(d.getByRole('button', { name: 'Remove pair 1' }));
    await fireEvent.click(d.getByRole('button', { name: 'Start transfer' }));
    expect(onStart).toHaveBeenCalledWith([], 'consult');
    expect(d.getByRole('alert')).toHaveTextContent('No transfer number is free right now');
    expect(screen.getByRole('dialog')).toBeInTheDocument();
  });
});

const consulting: TransferWithDataView = { id: 'twd-1', lineId: 'line1', callId: '7', mode: 'consult', state: 'consulting', ani: '+33160127764', pairs: [], dnis: '18005550001', guid: 'g' };

describe('TransferPanel', () => {
  it('consulting: says so, with Complete and Cancel; failed: the reason and Dismiss', async () => {
    const onComplete = vi.fn();
    const onCancel = vi.fn();
    const onDismiss = vi.fn();
    const props = { id: 'x', modes: [], busy: false, onStart: () => Promise.resolve(true), onComplete, onCancel, onDismiss };
    const r = render(TransferPanel, { ...props, view: consulting });
    expect(screen.getByRole('status')).toHaveTextContent('Consulting 18005550001 with the data');
    await fireEvent.click(screen.getByRole('button', { name: 'Complete transfer' }));
    await fireEvent.click(screen.getByRole('button', { name: 'Cancel transfer' }));
    expect(onComplete).toHaveBeenCalledOnce();
    expect(onCancel).toHaveBeenCalledOnce();
    expect(screen.queryByRole('button', { name: 'Transfer with data' })).toBeNull();
    await r.rerender({ ...props, view: { ...consulting, state: 'failed', failure: 'consultationFailed' } });
    expect(screen.getByRole('status')).toHaveTextContent('Transfer with data failed: the consultation did not go through');
    await fireEvent.click(screen.getByRole('button', { name: 'Dismiss' }));
    expect(onDismiss).toHaveBeenCalledOnce();
  });
});

describe('TransferWithDataState', () => {
  it('offers the modes only when configured and the call is connected; starts with the call’s numbers; follows the event', async () => {
    const connected = call({ primary: leg({ state: 'connected' }), permittedServices: ['holdCall', 'dropCall', 'divertCall', 'consultationCall'] });
    const settings = (tdsBaseUrl: string) => () => ({ ok: true, value: { settings: { tdsBaseUrl }, secrets: {}, secretStorage: { kind: 'memory' } } });
    let base = '';
    const f = fakeCti(line({ calls: [connected] }), {
      getSettings: () => settings(base)(),
      startTransferWithData: () => ({ ok: true, value: { ...consulting, state: 'started' } }),
    });
    const store = new CtiStore(f.cti);
    const state = new TransferWithDataState(store, new Announcer());
    await settle();
    expect(state.modes(connected)).toEqual([]);
    base = 'http://tds';
    await state.checkConfigured();
    expect(state.modes(connected)).toEqual(['consult', 'blind']);
    expect(state.modes(call({ primary: leg({ state: 'alerting' }), permittedServices: ['answerCall'] }))).toEqual([]);
    await state.start(connected, [{ key: 'k', value: 'v' }], 'consult');
    expect(f.mock['startTransferWithData']).toHaveBeenCalledWith({ line: 'line1', callId: '7', otherNumber: '+33160127764', pairs: [{ key: 'k', value: 'v' }], mode: 'consult' });
    expect(state.active('7')).toBe(true);
    expect(state.modes(connected)).toEqual([]);
    state.dismiss('7');
    expect(state.of('7')?.state).toBe('started');
    state.destroy();
    store.destroy();
  });

  it('a window opened mid-transfer picks the transfer up from the core (a reload does not lose Complete and Cancel)', async () => {
    const f = fakeCti(line({ calls: [call({ primary: leg({ state: 'connected' }) })] }), {
      listTransfersWithData: () => ({ ok: true, value: [consulting] }),
    });
    const store = new CtiStore(f.cti);
    const state = new TransferWithDataState(store, new Announcer());
    await settle();
    expect(state.of('7')).toMatchObject({ state: 'consulting', dnis: consulting.dnis });
    expect(state.active('7')).toBe(true);
    state.destroy();
    store.destroy();
  });
});
