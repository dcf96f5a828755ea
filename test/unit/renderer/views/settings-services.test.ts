import { describe, expect, it } from 'vitest';
import { fireEvent, render, screen, within } from '@testing-library/svelte';
import type { SettingsView } from '../../../../common/contract';
import { DEFAULT_SETTINGS } from '../../../../common/schemas';
import SettingsViewC from '../../../../renderer/src/views/settings/SettingsView.svelte';
import { FakeCti } from './fake-cti';
import Harness from './Harness.svelte';

const view = (): SettingsView => ({
  settings: { ...DEFAULT_SETTINGS, tdsBaseUrl: 'http://tds.example/louie', tdsUser: 'u', arcBaseUrl: 'http://arc.example', arcUserId: '8001' },
  secrets: { telserverPassword: false, tdsPassword: true, arcToken: true, dnisPassword: false },
  secretStorage: { kind: 'persistent' },
});

describe('the REST services section', () => {
  it('has one fieldset per service, each with its own Test that sends the unsaved values and says the outcome', async () => {
    const fake = new FakeCti();
    fake.answer('getSettings', { ok: true, value: view() });
    fake.answer('testRestService', (a) =>
      (a as { service: string }).service === 'tds'
        ? { ok: true, value: { service: 'tds', latencyMs: 12.5 } }
        : { ok: false, error: { code: 'unauthorized', message: 'agent remote control: 401' } },
    );
    render(Harness, { cti: fake.api, view: SettingsViewC });
    const tds = await screen.findByRole<HTMLElement>('group', { name: 'Transfer data' });
    const arc = screen.getByRole('group', { name: 'Agent remote control' });
    expect(screen.getByRole('group', { name: 'DNIS release' })).toBeInTheDocument();
    const address = within(tds).getByLabelText('Address');
    await fireEvent.input(address, { target: { value: 'http://other.example/louie' } });

    await fireEvent.click(screen.getByRole('button', { name: 'Test Transfer data' }));
    expect(await screen.findByText('Works: answered in 12.5 ms.')).toBeInTheDocument();
    const sent = fake.sent('testRestService')[0] as { service: string; settings: Record<string, unknown> };
    expect(sent.service).toBe('tds');
    expect(sent.settings).toMatchObject({ tdsBaseUrl: 'http://other.example/louie', tdsUser: 'u' });
    expect(Object.keys(sent.settings).every((k) => k.startsWith('tds'))).toBe(true);

    await fireEvent.click(screen.getByRole('button', { name: 'Test Agent remote control' }));
    expect(await screen.findByText(/^Test failed: /)).toBeInTheDocument();
    expect(within(arc).queryByText(/Works/)).toBeNull();
    // the TDS outcome stays where it was
    expect(screen.getByText('Works: answered in 12.5 ms.')).toBeInTheDocument();
  });

  it('a field with a problem is left out of the Test (the saved value is used)', async () => {
    const fake = new FakeCti();
    fake.answer('getSettings', { ok: true, value: view() });
    fake.answer('testRestService', { ok: true, value: { service: 'arc', latencyMs: 3 } });
    render(Harness, { cti: fake.api, view: SettingsViewC });
    const arc = await screen.findByRole<HTMLElement>('group', { name: 'Agent remote control' });
    await fireEvent.input(within(arc).getByLabelText('User ID'), { target: { value: 'not digits' } });
    await fireEvent.click(screen.getByRole('button', { name: 'Test Agent remote control' }));
    await screen.findByText('Works: answered in 3 ms.');
    const sent = fake.sent('testRestService')[0] as { settings: Record<string, unknown> };
    expect(sent.settings).not.toHaveProperty('arcUserId');
    expect(sent.settings).toMatchObject({ arcBaseUrl: 'http://arc.example' });
  });
});
