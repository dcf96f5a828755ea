/**
 * The agent remote-control panel end to end (issue 11 item 6): web mode for agent 8001's phone,
 * configured for the mock agent remote control service, whose agent 8001 follows the simulator's
 * PBX. The Remote control tab lists the agent's calls as the core polls them; hang up, dial and a
 * disposition act on the PBX; the lists; a failing service backs off with the error in words.
 */
import { expect, test, type Page } from '@playwright/test';
import { checkScreen, control, openClient, phone, ring, watch } from './agent-support';
import { startRestRig, type RestRig } from './rest-support';

let rig: RestRig;
const CALLER = '+33160127764';

test.beforeAll(async () => {
  rig = await startRestRig(['8001']);
});

test.afterAll(async () => {
  await rig?.stop();
});

const calls = (page: Page) => page.getByRole('table', { name: /Active calls|Appels en cours/ });
const callGroup = (page: Page, id: string) => page.getByRole('group', { name: new RegExp(`^(Call|Appel) ${id}$`) });

async function openPanel(page: Page): Promise<void> {
  await openClient(page, rig.urls['8001'] ?? '');
  await page.getByRole('tab', { name: 'Remote control' }).click();
  await expect(page.getByRole('heading', { name: 'Agent remote control' })).toBeVisible();
  await expect(page.getByText(/Up to date, checked every 2 s/)).toBeVisible();
}

/** The panel's id of the call with `number` (its row's first cell). */
async function callIdOf(page: Page, number: string): Promise<string> {
  const row = calls(page).getByRole('row').filter({ hasText: number }).first();
  await expect(row).toBeVisible({ timeout: 8000 });
  return (await row.getByRole('cell').first().innerText()).trim();
}

/** An external caller rings 8001, whose phone answers; returns the panel's id of that call. */
async function answeredCall(page: Page): Promise<string> {
  await ring(rig, { from: CALLER, to: '8001' });
  await phone(rig, '8001', 'answer', '--calling', CALLER);
  return callIdOf(page, CALLER);
}

test('the agent’s calls follow the PBX; hang up from the panel; dial and dispose with a listed code', async ({ page }) => {
  const problems = await watch(page);
  await openPanel(page);
  await expect(page.getByText('No active call')).toBeVisible();
  const id = await answeredCall(page);
  await checkScreen(page, 'rest-arc');
  await page.emulateMedia({ colorScheme: 'dark' });
  await checkScreen(page, 'rest-arc-dark');
  await page.emulateMedia({ colorScheme: 'light' });
  await callGroup(page, id).getByRole('button', { name: 'Hang up' }).click();
  await expect(page.getByText('No active call')).toBeVisible({ timeout: 8000 });

  await page.getByLabel('Number to dial').fill('0612345678');
  await page.getByLabel('Lead ID (optional)').first().fill('501');
  await page.getByRole('button', { name: 'Dial', exact: true }).click();
  const dialled = await callIdOf(page, '0612345678');
  await callGroup(page, dialled).getByRole('button', { name: 'Lead and disposition' }).click();
  const code = page.getByLabel('Result code');
  await expect(code.getByRole('option')).toHaveText(['Choose a result code', 'Sale (SALE)', 'No sale (NOSALE)', 'Call back later (CALLBACK)', 'Transferred (XFER)']);
  await code.selectOption('NOSALE');
  await checkScreen(page, 'rest-arc-dispose');
  await page.getByRole('button', { name: 'Dispose' }).click();
  await expect(page.getByText('No active call')).toBeVisible({ timeout: 8000 });
  expect(problems).toEqual([]);
});

test('connect two calls: the caller and a consultation to 1102, each with its result code and notes', async ({ page }) => {
  const problems = await watch(page);
  await openPanel(page);
  const held = await answeredCall(page);
  await phone(rig, '8001', 'consult', '1102');
  const consulted = await callIdOf(page, '1102');
  const form = page.getByRole('form', { name: 'Connect two calls' });
  await form.getByLabel('First call').selectOption(held);
  await form.getByLabel('Second call').selectOption(consulted);
  await form.getByLabel('Result code of the first').selectOption('XFER');
  await form.getByLabel('Result code of the second').selectOption('SALE');
  await form.getByLabel('Notes on the first').fill('asked for billing');
  await form.getByLabel('Sales on the second').fill('1');
  await checkScreen(page, 'rest-arc-connect');
  await form.getByRole('button', { name: 'Connect' }).click();
  // The PBX joined the caller and 1102: the agent has no call left.
  await expect(page.getByText('No active call')).toBeVisible({ timeout: 8000 });
  const pbxCalls = (await control(rig, 'GET', '/calls')) as { parties: string[] }[];
  expect(pbxCalls.some((c) => c.parties.includes(CALLER) && c.parties.includes('1102') && !c.parties.includes('8001'))).toBe(true);
  expect(problems).toEqual([]);
});

test('campaigns, users and ACD queues; a failing service backs off, says why, and recovers', async ({ page }) => {
  const problems = await watch(page);
  await openPanel(page);
  await page.getByRole('button', { name: 'Campaigns' }).click();
  await expect(page.getByRole('list', { name: 'Campaigns' })).toContainText('Inbound sales (1001)');
  await page.getByRole('button', { name: 'Users' }).click();
  await expect(page.getByRole('list', { name: 'Users' })).toContainText('(8001)');
  await page.getByRole('button', { name: 'ACD queues' }).click();
  await expect(page.getByRole('list', { name: 'ACD queues' })).toContainText('Support (2)');
  await control(rig, 'POST', '/rest/faults', { arc: { httpStatus: 500 } });
  await expect(page.getByText(/The service is not answering; next try at/)).toBeVisible({ timeout: 8000 });
  await expect(page.getByText(/\(code 500\)/)).toBeVisible();
  await checkScreen(page, 'rest-arc-backoff');
  await fetch(`${rig.controlUrl}/rest/faults`, { method: 'DELETE' });
  await expect(page.getByText(/Up to date, checked every 2 s/)).toBeVisible({ timeout: 15_000 });
  expect(problems).toEqual([]);
});

test('in French and narrow', async ({ page }) => {
  const problems = await watch(page);
  await openPanel(page);
  const id = await answeredCall(page);
  await page.getByRole('tab', { name: 'Settings' }).click();
  await page.getByLabel('Language').selectOption('fr');
  await page.getByRole('tab', { name: 'Contrôle à distance' }).click();
  await expect(page.getByRole('heading', { name: 'Contrôle à distance de l’agent' })).toBeVisible();
  await callGroup(page, id).getByRole('button', { name: 'Prospect et qualification' }).click();
  await checkScreen(page, 'rest-arc-french');
  await page.setViewportSize({ width: 380, height: 800 });
  await checkScreen(page, 'rest-arc-narrow');
  await callGroup(page, id).getByRole('button', { name: 'Raccrocher' }).click();
  await expect(page.getByText('Aucun appel en cours')).toBeVisible({ timeout: 8000 });
  expect(problems).toEqual([]);
});
