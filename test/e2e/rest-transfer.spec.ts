/**
 * Transfer with data end to end (issue 11 item 5): two agents in web mode (1101 transfers, 1102
 * receives), the simulator with the transfer data mock, whose DNIS pool rings 1102 (POST
 * /rest/tds/route). The agent answers a caller, opens Transfer with data, edits the pairs,
 * consults the allocated DNIS: 1102's pop shows the data; complete, or cancel (session stopped).
 */
import { expect, test, type Page } from '@playwright/test';
import { checkScreen, control, openClient, ring, watch } from './agent-support';
import { startRestRig, type RestRig } from './rest-support';

let rig: RestRig;
const CALLER = '+33160127764';

test.beforeAll(async () => {
  rig = await startRestRig(['1101', '1102']);
  await control(rig, 'POST', '/rest/tds/route', { device: '1102' });
});

test.afterAll(async () => {
  await rig?.stop();
});

interface MockSession {
  guid: string;
  dnis: string;
  active: boolean;
  endedBy?: string;
}
const sessions = async (): Promise<MockSession[]> => ((await control(rig, 'GET', '/rest/state')) as { sessions: MockSession[] }).sessions;
const pop = (page: Page) => page.getByRole('region', { name: 'Incoming calls' }).getByRole('article');
const callList = (page: Page) => page.getByRole('list', { name: 'Calls' });
/** The call cards, whatever the language. */
const cards = (page: Page) => page.locator('li[data-call-id]');

async function answered(page: Page): Promise<void> {
  await ring(rig, { from: CALLER, to: '1101' });
  await pop(page).getByRole('button', { name: 'Answer' }).click();
  await expect(callList(page).locator('.state')).toHaveText('Connected');
}

/** Opens the dialog from the call card and fills two pairs (a third added and removed). */
async function fillDialog(page: Page): Promise<void> {
  await callList(page).getByRole('button', { name: 'Transfer with data' }).click();
  const dialog = page.getByRole('dialog', { name: 'Transfer with data' });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByLabel('Key of pair 1')).toBeFocused();
  await dialog.getByLabel('Key of pair 1').fill('order');
  await dialog.getByLabel('Value of pair 1').fill('42');
  await dialog.getByRole('button', { name: 'Add a pair' }).click();
  await dialog.getByLabel('Key of pair 2').fill('order');
  await dialog.getByRole('button', { name: 'Start transfer' }).click();
  await expect(dialog.getByLabel('Key of pair 2')).toHaveAccessibleDescription('This key is already used');
  await dialog.getByLabel('Key of pair 2').fill('note');
  await dialog.getByLabel('Value of pair 2').fill('wants a refund & a call back');
}

test('answer, Transfer with data, consult the DNIS: 1102 pops with the data; Complete transfer', async ({ page, browser }) => {
  const problems = await watch(page);
  const other = await browser.newPage();
  const otherProblems = await watch(other);
  await openClient(page, rig.urls['1101'] ?? '');
  await openClient(other, rig.urls['1102'] ?? '');
  await answered(page);
  await fillDialog(page);
  await checkScreen(page, 'rest-transfer-dialog');
  await page.getByRole('dialog').getByRole('button', { name: 'Start transfer' }).click();
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await expect(callList(page).getByRole('button', { name: 'Transfer with data' })).toHaveCount(0);
  const status = callList(page).getByRole('status');
  await expect(status).toContainText(/Consulting 1800555000\d with the data/);
  // The DNIS as the card names it (the receiving side may already have read and stopped the session).
  const dnis = /Consulting (\d+) with the data/.exec((await status.textContent()) ?? '')?.[1] ?? 'none';
  // 1102 rings with the DNIS and the caller, and shows the data the agent typed.
  await expect(pop(other)).toContainText(`Dialled ${dnis}`);
  await expect(pop(other)).toContainText('Martin Jagger');
  const data = pop(other).getByLabel('Transfer data');
  await expect(data).toContainText('wants a refund & a call back');
  await expect(data).toContainText('42');
  await checkScreen(page, 'rest-transfer-consulting');
  await pop(other).getByRole('button', { name: 'Answer' }).click();
  await expect(callList(page).locator('[data-role="secondary"] .state')).toHaveText('Connected');
  await status.getByRole('button', { name: 'Complete transfer' }).click();
  await expect(page.getByText('No call')).toBeVisible();
  await expect(callList(other)).toContainText('Martin Jagger');
  // The receiving side read the data and released the DNIS (stop), not us.
  await expect.poll(async () => (await sessions()).find((s) => s.dnis === dnis)).toMatchObject({ active: false, endedBy: 'stop' });
  await callList(other).getByRole('button', { name: 'Hang up' }).click();
  await expect(other.getByText('No call')).toBeVisible();
  expect(problems).toEqual([]);
  expect(otherProblems).toEqual([]);
  await other.close();
});

test('a cancelled transfer takes the caller back and stops the session; dark, French and narrow', async ({ page, browser }) => {
  const problems = await watch(page);
  const other = await browser.newPage();
  await openClient(page, rig.urls['1101'] ?? '');
  await openClient(other, rig.urls['1102'] ?? '');
  await answered(page);
  await page.emulateMedia({ colorScheme: 'dark' });
  await fillDialog(page);
  await checkScreen(page, 'rest-transfer-dialog-dark');
  await page.getByRole('dialog').getByRole('button', { name: 'Start transfer' }).click();
  const status = cards(page).getByRole('status');
  await expect(status).toContainText('with the data');
  await expect(pop(other)).toBeVisible();
  await checkScreen(page, 'rest-transfer-consulting-dark');
  await page.emulateMedia({ colorScheme: 'light' });
  await page.setViewportSize({ width: 380, height: 800 });
  await checkScreen(page, 'rest-transfer-consulting-narrow');
  await page.getByRole('tab', { name: 'Settings' }).click();
  await page.getByLabel('Language').selectOption('fr');
  await page.getByRole('tab', { name: 'Appels' }).click();
  await expect(status).toContainText('avec les données');
  await checkScreen(page, 'rest-transfer-consulting-french');
  const guid = (await sessions()).at(-1)?.guid;
  await status.getByRole('button', { name: 'Annuler le transfert' }).click();
  await expect(cards(page).locator('.state')).toHaveText(['En ligne']);
  await expect(status).toContainText('Transfert avec données annulé');
  await expect.poll(async () => (await sessions()).find((s) => s.guid === guid)).toMatchObject({ active: false, endedBy: 'stop' });
  await expect(other.getByText('No call')).toBeVisible();
  await page.getByRole('tab', { name: 'Réglages' }).click();
  await page.getByLabel('Langue').selectOption('system');
  await page.getByRole('tab', { name: 'Calls' }).click();
  await callList(page).getByRole('button', { name: 'Hang up' }).click();
  await expect(page.getByText('No call')).toBeVisible();
  expect(problems).toEqual([]);
  await other.close();
});
