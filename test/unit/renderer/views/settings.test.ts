import { describe, expect, it } from 'vitest';
import { fireEvent, render, screen, waitFor } from '@testing-library/svelte';
import type { SettingsView } from '../../../../common/contract';
import { DEFAULT_SETTINGS, settingsSchema } from '../../../../common/schemas';
import { FIELDS, candidate, changedKeys, draftOf, settingsProblems } from '../../../../renderer/src/settings-fields';
import { SETTINGS_SECTIONS } from '../../../../renderer/src/views/settings/sections';
import SettingsViewC from '../../../../renderer/src/views/settings/SettingsView.svelte';
import { FakeCti } from './fake-cti';
import Harness from './Harness.svelte';

const view = (over: Partial<SettingsView> = {}): SettingsView => ({
  settings: { ...DEFAULT_SETTINGS },
  secrets: { telserverPassword: true, tdsPassword: false, arcToken: false, dnisPassword: false },
  secretStorage: { kind: 'session', unavailableReason: 'No keyring.' },
  ...over,
});

describe('the settings field table', () => {
  it('every field of settingsSchema has a place in the view (a row or a section claiming it)', () => {
    const claimed = new Set(SETTINGS_SECTIONS.flatMap((s) => s.claims));
    const rows = new Set(FIELDS.map((f) => f.path.split('.')[0]));
    for (const key of Object.keys(settingsSchema.shape)) expect(claimed.has(key as never) || rows.has(key), key).toBe(true);
  });

  it('validates the draft with the core schema, field by field; sends only what changed', () => {
    const saved = { ...DEFAULT_SETTINGS };
    const draft = { ...draftOf(saved), serverPort: '99999', deviceNumber: 'abc', serverHost: '' };
    const problems = settingsProblems(candidate(saved, draft));
    expect(problems['serverPort']).toEqual({ key: 'set.problem.max', params: { max: 65535 } });
    expect(problems['deviceNumber']).toEqual({ key: 'set.problem.format' });
    expect(problems['serverHost']).toEqual({ key: 'set.problem.required' });
    expect(settingsProblems(candidate(saved, { ...draftOf(saved), serverPort: 'x' }))['serverPort']).toEqual({ key: 'set.problem.number' });
    const ok = candidate(saved, { ...draftOf(saved), serverPort: '8801', 'callActions.ring': 'https://crm/{number}', allowedSchemes: 'crm, sf' });
    expect(settingsProblems(ok)).toEqual({});
    expect(changedKeys(saved, ok).sort()).toEqual(['allowedSchemes', 'callActions', 'serverPort']);
    expect(ok['allowedSchemes']).toEqual(['crm', 'sf']);
  });
});

describe('SettingsView', () => {
  it('validates as you type, saves the changed fields, tests the connection with words', async () => {
    const fake = new FakeCti();
    fake.answer('getSettings', { ok: true, value: view() });
    fake.answer('setSettings', (patch) => ({ ok: true, value: view({ settings: { ...DEFAULT_SETTINGS, ...(patch as object) } }) }));
    fake.answer('testConnection', { ok: false, error: { code: 'connectionRefused', message: 'refused' } });
    render(Harness, { cti: fake.api, view: SettingsViewC });
    const port = await screen.findByLabelText('Port');
    expect(port).toHaveValue('8800');
    await fireEvent.input(port, { target: { value: '70000' } });
    expect(await screen.findByText('At most 65535')).toBeInTheDocument();
    const save = screen.getAllByRole('button', { name: 'Save' })[0] as HTMLElement;
    expect(save).toBeDisabled();
    await fireEvent.input(port, { target: { value: '8801' } });
    await waitFor(() => expect(save).toBeEnabled());
    await fireEvent.click(save);
    await waitFor(() => expect(fake.sent('setSettings')).toEqual([{ serverPort: 8801 }]));
    expect(await screen.findByText('Settings saved.')).toBeInTheDocument();
    await fireEvent.click(screen.getByRole('button', { name: 'Test connection' }));
    expect(await screen.findByText('Test failed: Nothing answers at the TelServer’s address')).toBeInTheDocument();
    expect(fake.sent('testConnection')).toEqual([{ serverHost: '127.0.0.1', serverPort: 8801, transport: 'tcp', httpPort: 0 }]);
  });

  it('Test connection with an HTTP port: a port that does not answer is named beside the TelServer that did', async () => {
    const fake = new FakeCti();
    fake.answer('getSettings', { ok: true, value: view({ settings: { ...DEFAULT_SETTINGS, httpPort: 8080 } }) });
    fake.answer('testConnection', { ok: true, value: { latencyMs: 3.2, httpPort: { port: 8080, ok: false, error: { code: 'connectionRefused', message: 'refused' } } } });
    render(Harness, { cti: fake.api, view: SettingsViewC });
    await fireEvent.click(await screen.findByRole('button', { name: 'Test connection' }));
    const outcome = await screen.findByText(/The TelServer answered in 3.2 ms\./);
    expect(outcome).toHaveTextContent('Its HTTP port 8080 did not answer: Nothing answers at the TelServer’s address');
    expect(outcome).toHaveAttribute('data-ok', 'false');
    expect(fake.sent('testConnection')).toEqual([{ serverHost: '127.0.0.1', serverPort: 8800, transport: 'tcp', httpPort: 8080 }]);
  });

  it('secrets: set / not set, never a value; a new one is sent once; the session-only note', async () => {
    const fake = new FakeCti();
    fake.answer('getSettings', { ok: true, value: view() });
    fake.answer('setSecret', { ok: true, value: view({ secrets: { telserverPassword: true, tdsPassword: true, arcToken: false, dnisPassword: false } }) });
    render(Harness, { cti: fake.api, view: SettingsViewC });
    const pw = await screen.findByLabelText('TelServer password');
    expect(pw).toHaveValue('');
    expect(pw).toHaveAttribute('type', 'password');
    expect(screen.getByText(/keeps secrets only until the app quits/)).toBeInTheDocument();
    await fireEvent.input(screen.getByLabelText('Transfer data password'), { target: { value: 's3cret' } });
    await fireEvent.click(screen.getByRole('button', { name: 'Save Transfer data password' }));
    await waitFor(() => expect(fake.sent('setSecret')).toEqual([{ key: 'tdsPassword', value: 's3cret' }]));
    await waitFor(() => expect(screen.getByLabelText('Transfer data password')).toHaveValue(''));
    expect(document.body.innerHTML).not.toContain('s3cret');
  });

  it('theme and language switch at once (French words, dark theme on <html>)', async () => {
    const fake = new FakeCti();
    fake.answer('getSettings', { ok: true, value: view() });
    render(Harness, { cti: fake.api, view: SettingsViewC });
    await fireEvent.change(await screen.findByLabelText('Language'), { target: { value: 'fr' } });
    expect(await screen.findByLabelText('Adresse du serveur')).toBeInTheDocument();
    await fireEvent.change(screen.getByLabelText('Thème'), { target: { value: 'dark' } });
    await waitFor(() => expect(screen.getByLabelText('Thème')).toHaveValue('dark'));
    await fireEvent.change(screen.getByLabelText('Langue'), { target: { value: 'en' } });
    expect(await screen.findByLabelText('Server address')).toBeInTheDocument();
  });
});
