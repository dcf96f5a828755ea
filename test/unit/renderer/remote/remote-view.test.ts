import { describe, expect, it } from 'vitest';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/svelte';
import type { ArcCallsView, ArcListResult } from '../../../../common/arc-panel';
import type { Result } from '../../../../common/contract';
import { DEFAULT_SETTINGS } from '../../../../common/schemas';
import { arcErrorText, pollStatus, pickableCodes } from '../../../../renderer/src/arc';
import { visibleTabs } from '../../../../renderer/src/views/tabs';
import RemoteView from '../../../../renderer/src/views/remote/RemoteView.svelte';
import type { AppStates } from '../../../../renderer/src/state/app-states';
import { FakeCti } from '../views/fake-cti';
import Harness from '../views/Harness.svelte';

const CALLS: ArcCallsView['calls'] = [
  { callId: '1', phone: '0160121314', customerName: 'Jo Caller', state: 5, status: 1, recording: true, startTime: new Date(Date.now() - 65_000).toISOString() },
  { callId: '2', phone: '0612345678', state: 4, status: 2, recording: false },
];
const view = (over: Partial<ArcCallsView> = {}): ArcCallsView => ({ configured: true, watching: true, calls: CALLS, failures: 0, pollMs: 2000, updatedAt: Date.now(), ...over });

function fakeArc(initial: ArcCallsView = view()): FakeCti {
  const fake = new FakeCti();
  // Other state classes read the settings at start; give them real ones.
  fake.answer('getSettings', { ok: true, value: { settings: { ...DEFAULT_SETTINGS }, secrets: { telserverPassword: false, tdsPassword: false, arcToken: true, dnisPassword: false }, secretStorage: { kind: 'session' } } });
  fake.answer('arcCalls', { ok: true, value: initial });
  fake.answer('arcWatch', { ok: true, value: initial });
  fake.answer('arcAction', (a) => ({ ok: true, value: { action: (a as { action: 'goready' }).action, responseCode: 200 } }));
  fake.answer('arcList', (a): Result<ArcListResult> => {
    const kind = (a as { kind: string }).kind;
    if (kind === 'resultcodes') return { ok: true, value: { kind, items: [{ code: 'SALE', description: 'Sale', agentViewable: true }, { code: 'SYS', description: 'System', agentViewable: false }] } };
    if (kind === 'campaigns') return { ok: true, value: { kind, items: [{ id: '1001', name: 'Inbound sales', active: true }] } };
    if (kind === 'leadphones') return { ok: true, value: { kind, lead: '501', items: [{ leadPhoneId: '50101', leadId: '501', phone: '0160121314', recordType: 'Phone' }] } };
    return { ok: true, value: { kind: 'users', items: [] } };
  });
  return fake;
}

describe('remote control helpers', () => {
  it('the tab shows only when configured; the poll status; errors with the service’s code and detail', () => {
    expect(visibleTabs(false)).not.toContain('remote');
    expect(visibleTabs(true, true)).toEqual(['calls', 'directory', 'history', 'features', 'agent', 'remote', 'settings']);
    expect(pollStatus(undefined)).toEqual({ kind: 'paused' });
    expect(pollStatus(view({ updatedAt: undefined }))).toEqual({ kind: 'loading' });
    expect(pollStatus(view({ failures: 2, pollMs: 8000, nextPollAt: 99 }))).toEqual({ kind: 'backoff', until: 99 });
    expect(pollStatus(view({ updatedAt: 5 }))).toEqual({ kind: 'live', seconds: 2, updatedAt: 5 });
    expect(arcErrorText({ code: 'arcFailed', message: 'x', detail: { responseCode: 404, responseDetail: 'call 9 not found' } })).toBe('The agent remote control refused that (code 404: call 9 not found)');
    expect(arcErrorText({ code: 'httpStatus', message: 'x', detail: { httpStatus: 500 } })).toMatch(/\(code 500\)$/);
    expect(arcErrorText({ code: 'notConfigured', message: 'x', detail: { missing: 'arcUserId,the arcToken secret' } })).toMatch(/: arcUserId, the arcToken secret$/);
    expect(pickableCodes([{ code: 'A', description: 'a', agentViewable: false }])).toEqual([]);
  });
});

describe('RemoteView', () => {
  it('takes the watch lease while shown and gives it back when gone; lists the calls', async () => {
    const fake = fakeArc();
    const { unmount } = render(Harness, { cti: fake.api, view: RemoteView });
    const table = await screen.findByRole('table', { name: 'Active calls' });
    expect(fake.sent('arcWatch')).toEqual([{ on: true }]);
    const rows = within(table).getAllByRole('row');
    expect(rows[1]).toHaveTextContent('0160121314Jo Caller5 / 11:05On');
    expect(screen.getByText(/Up to date, checked every 2 s/)).toBeInTheDocument();
    unmount();
    expect(fake.sent('arcWatch')).toEqual([{ on: true }, { on: false }]);
  });

  it('per-call actions send the call id; dispose offers only the agent’s codes; change lead by its phones', async () => {
    const fake = fakeArc();
    render(Harness, { cti: fake.api, view: RemoteView });
    const call1 = await screen.findByRole('group', { name: 'Call 1' });
    await fireEvent.click(within(call1).getByRole('button', { name: 'Hang up' }));
    await fireEvent.click(within(call1).getByRole('button', { name: 'Stop recording' }));
    expect(within(call1).queryByRole('button', { name: 'Start recording' })).toBeNull();
    const call2 = screen.getByRole('group', { name: 'Call 2' });
    await fireEvent.click(within(call2).getByRole('button', { name: 'Start recording' }));
    await fireEvent.click(within(call1).getByRole('button', { name: 'Lead and disposition' }));
    const code = screen.getByLabelText('Result code');
    expect(within(code).getAllByRole('option').map((o) => o.textContent)).toEqual(['Choose a result code', 'Sale (SALE)']);
    await fireEvent.change(code, { target: { value: 'SALE' } });
    await fireEvent.click(screen.getByRole('button', { name: 'Dispose' }));
    await fireEvent.input(screen.getByLabelText('Lead ID'), { target: { value: '501' } });
    await fireEvent.click(screen.getByRole('button', { name: 'Find its phones' }));
    const phone = await screen.findByLabelText('Lead phone');
    await fireEvent.change(phone, { target: { value: '50101' } });
    await fireEvent.click(screen.getByRole('button', { name: 'Change lead' }));
    await waitFor(() =>
      expect(fake.sent('arcAction')).toEqual([
        { action: 'hangup', call: '1' },
        { action: 'stoprecord', call: '1' },
        { action: 'startrecord', call: '2' },
        { action: 'dispose', call: '1', code: 'SALE' },
        { action: 'changelead', call: '1', leadPhone: '50101' },
      ]),
    );
  });

  it('Go ready, Dial with a lead, Connect two calls with notes and sales', async () => {
    const fake = fakeArc();
    let states: AppStates | undefined;
    render(Harness, { cti: fake.api, view: RemoteView, onstates: (s: AppStates) => (states = s) });
    await fireEvent.click(await screen.findByRole('button', { name: 'Go ready' }));
    await fireEvent.input(screen.getByLabelText('Number to dial'), { target: { value: '06 12 34 56 78' } });
    await fireEvent.input(screen.getByLabelText('Lead ID (optional)'), { target: { value: '501' } });
    await fireEvent.click(screen.getByRole('button', { name: 'Dial' }));
    const form = screen.getByRole('form', { name: 'Connect two calls' });
    await fireEvent.change(within(form).getByLabelText('First call'), { target: { value: '1' } });
    await fireEvent.change(within(form).getByLabelText('Second call'), { target: { value: '1' } });
    expect(within(form).getByText('Pick two different calls')).toBeInTheDocument();
    expect(within(form).getByRole('button', { name: 'Connect' })).toBeDisabled();
    await fireEvent.change(within(form).getByLabelText('Second call'), { target: { value: '2' } });
    await fireEvent.change(within(form).getByLabelText('Result code of the first'), { target: { value: 'SALE' } });
    await fireEvent.change(within(form).getByLabelText('Result code of the second'), { target: { value: 'SALE' } });
    await fireEvent.input(within(form).getByLabelText('Notes on the first'), { target: { value: 'warm' } });
    await fireEvent.input(within(form).getByLabelText('Sales on the second'), { target: { value: '2' } });
    await fireEvent.click(within(form).getByRole('button', { name: 'Connect' }));
    await waitFor(() =>
      expect(fake.sent('arcAction')).toEqual([
        { action: 'goready' },
        { action: 'dial', phone: '06 12 34 56 78', lead: '501' },
        { action: 'connectcalls', call1: '1', call2: '2', code1: 'SALE', code2: 'SALE', notes1: 'warm', numSales2: 2 },
      ]),
    );
    expect(states?.announcer.message.replace('\u200d', '')).toBe('Connect: done');
  });

  it('a failing service: backing off with the error in words; an action refused shows its code and detail', async () => {
    const fake = fakeArc();
    let states: AppStates | undefined;
    render(Harness, { cti: fake.api, view: RemoteView, onstates: (s: AppStates) => (states = s) });
    await screen.findByRole('table');
    fake.emit('arcCalls', view({ failures: 3, pollMs: 16_000, nextPollAt: Date.now() + 16_000, lastError: { code: 'timeout', message: 'x' } }));
    expect(await screen.findByText(/The service is not answering; next try at/)).toBeInTheDocument();
    fake.answer('arcAction', { ok: false, error: { code: 'arcFailed', message: 'x', detail: { responseCode: 409, responseDetail: 'the PBX refused holdCall' } } });
    await fireEvent.click(within(screen.getByRole('group', { name: 'Call 1' })).getByRole('button', { name: 'Hold' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('(code 409: the PBX refused holdCall)');
    expect(states?.navigation.tabs).toContain('remote');
  });

  it('the campaigns list loads when opened; not configured: no tab, and the view says why', async () => {
    const fake = fakeArc();
    render(Harness, { cti: fake.api, view: RemoteView });
    await fireEvent.click(await screen.findByRole('button', { name: 'Campaigns' }));
    expect(await screen.findByRole('list', { name: 'Campaigns' })).toHaveTextContent('Inbound sales (1001)· active');
    const off = fakeArc(view({ configured: false, watching: false, calls: [] }));
    let states: AppStates | undefined;
    render(Harness, { cti: off.api, view: RemoteView, onstates: (s: AppStates) => (states = s) });
    expect(await screen.findByText(/not configured: set its base URL/)).toBeInTheDocument();
    expect(states?.navigation.tabs).not.toContain('remote');
  });

  it('in French', async () => {
    const fake = fakeArc();
    render(Harness, { cti: fake.api, view: RemoteView, languages: ['fr-FR'] });
    expect(await screen.findByRole('heading', { name: 'Contrôle à distance de l’agent' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Se mettre prêt' })).toBeInTheDocument();
  });
});
