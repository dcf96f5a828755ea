/**
 * The agent's client end to end (issue 8 items 1–3): web mode + simulator in Chromium. A call pops
 * with the caller's directory name, is answered, held, retrieved, consulted to another extension
 * (whose user answers it on their own client) and transferred, or the consultation is cancelled.
 */
import { expect, test, type Page } from '@playwright/test';
import { checkScreen, openClient, phone, ring, startRig, watch, type Rig } from './agent-support';

let rig: Rig;

test.beforeAll(async () => {
  rig = await startRig(['1101', '1102']);
});

test.afterAll(async () => {
  await rig?.stop();
});

const pops = (page: Page) => page.getByRole('region', { name: 'Incoming calls' });
const callList = (page: Page) => page.getByRole('list', { name: 'Calls' });

async function answeredCall(page: Page): Promise<void> {
  await ring(rig, { from: '+33160127764', to: '1101', dnis: '0800100200', extraData: 'customerId=42;campaign=spring' });
  const pop = pops(page).getByRole('article');
  await expect(pop).toContainText('Martin Jagger');
  await expect(pop).toContainText('uniGone');
  await expect(pop).toContainText('Dialled 0800100200');
  await expect(pop.locator('dl')).toContainText('campaign');
  await expect(page.getByTestId('live-region')).toContainText('Incoming call from');
  await pop.getByRole('button', { name: 'Answer' }).click();
  await expect(pops(page)).toHaveCount(0);
  await expect(callList(page).locator('.state').first()).toHaveText('Connected');
}

async function consult1102(page: Page, other: Page): Promise<void> {
  await callList(page).getByRole('button', { name: 'Consult' }).click();
  const box = page.getByLabel('Consult: number or name');
  await box.fill('1102');
  await box.press('Enter');
  const otherPop = pops(other).getByRole('article');
  await expect(otherPop).toBeVisible();
  await expect(callList(page).locator('[data-role="primary"] .state')).toHaveText('On hold');
  await otherPop.getByRole('button', { name: 'Answer' }).click();
  await expect(callList(page).locator('[data-role="secondary"] .state')).toHaveText('Connected');
  await expect(callList(page)).toContainText('Original call');
  await expect(callList(page)).toContainText('Consultation');
}

test('inbound call → Answer → Hold → Retrieve → Consult 1102 → Complete transfer', async ({ page, browser }) => {
  const problems = await watch(page);
  const other = await browser.newPage();
  const otherProblems = await watch(other);
  await openClient(page, rig.urls['1101'] as string);
  await openClient(other, rig.urls['1102'] as string);

  await ring(rig, { from: '+33160127764', to: '1101', dnis: '0800100200', extraData: 'customerId=42;campaign=spring' });
  await expect(pops(page).getByRole('article')).toContainText('Martin Jagger');
  await expect(page.locator(':focus')).toHaveCount(0); // the pop never takes focus
  await checkScreen(page, 'pop');
  await pops(page).getByRole('button', { name: 'Answer' }).click();
  await expect(pops(page)).toHaveCount(0);
  const calls = callList(page);
  await expect(calls.locator('.state')).toHaveText('Connected');
  await expect(calls.locator('time.elapsed')).toHaveText(/0:0[1-9]/, { timeout: 4000 }); // ticking in the UI

  await calls.getByRole('button', { name: 'Hold' }).click();
  await expect(calls.locator('.state')).toHaveText('On hold');
  await calls.getByRole('button', { name: 'Retrieve' }).click();
  await expect(calls.locator('.state')).toHaveText('Connected');
  await checkScreen(page, 'calls');

  await consult1102(page, other);
  await checkScreen(page, 'consult');
  await calls.getByRole('button', { name: 'Complete transfer' }).click();
  await expect(page.getByText('No call')).toBeVisible();
  // The caller is now with 1102.
  await expect(callList(other)).toContainText('Martin Jagger');
  await callList(other).getByRole('button', { name: 'Hang up' }).click();
  await expect(other.getByText('No call')).toBeVisible();
  expect(problems).toEqual([]);
  expect(otherProblems).toEqual([]);
  await other.close();
});

test('the same with Cancel consultation: back to the caller', async ({ page, browser }) => {
  const problems = await watch(page);
  const other = await browser.newPage();
  await openClient(page, rig.urls['1101'] as string);
  await openClient(other, rig.urls['1102'] as string);
  await answeredCall(page);
  await consult1102(page, other);
  await callList(page).getByRole('button', { name: 'Cancel consultation' }).click();
  const calls = callList(page);
  await expect(calls.locator('.state')).toHaveText(['Connected']);
  await expect(calls).toContainText('Martin Jagger');
  await expect(other.getByText('No call')).toBeVisible();
  await calls.getByRole('button', { name: 'Hang up' }).click();
  await expect(page.getByText('No call')).toBeVisible();
  expect(problems).toEqual([]);
  await other.close();
});

test('a call answered on the phone itself closes its pop; two ringing calls stack newest on top', async ({ page }) => {
  const problems = await watch(page);
  await openClient(page, rig.urls['1101'] as string);
  await ring(rig, { from: '+33160127764', to: '1101' });
  await expect(pops(page).getByRole('article')).toHaveCount(1);
  await ring(rig, { from: '+801', to: '1101' });
  const stacked = pops(page).getByRole('article');
  await expect(stacked).toHaveCount(2);
  await expect(stacked.first()).toContainText('Marcel Jagger'); // the newest on top
  await expect(stacked.nth(1)).toContainText('Martin Jagger');

  await phone(rig, '1101', 'answer', '--calling', '+801'); // the agent picks up the handset
  await expect(stacked).toHaveCount(1);
  await expect(stacked.first()).toContainText('Martin Jagger');
  await page.keyboard.press('Escape'); // Dismiss: the call keeps ringing
  await expect(pops(page)).toHaveCount(0);
  await expect(callList(page).locator('.leg[data-state="alerting"]')).toHaveCount(1);
  for (const id of ['+33160127764', '+801']) await fetch(`${rig.controlUrl}/calls/${encodeURIComponent(id)}/hangup`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
  await expect(page.getByText('No call')).toBeVisible();
  expect(problems).toEqual([]);
});

test('keyboard only: dial, answer and hang up without the mouse', async ({ page }) => {
  const problems = await watch(page);
  await openClient(page, rig.urls['1101'] as string);
  await page.keyboard.press('Alt+KeyD');
  await expect(page.getByLabel('Number to dial')).toBeFocused();
  await page.keyboard.type('1103');
  await page.keyboard.press('Enter');
  await expect(callList(page)).toContainText('1103');
  await page.keyboard.press('Alt+KeyH');
  await expect(page.getByText('No call')).toBeVisible();

  await ring(rig, { from: '+33160127764', to: '1101' });
  await expect(pops(page).getByRole('article')).toBeVisible();
  await expect(page.getByLabel('Number to dial')).toBeFocused(); // the pop did not take focus
  await page.keyboard.press('Alt+KeyA');
  await expect(callList(page).locator('.state')).toHaveText('Connected');
  await page.keyboard.press('Alt+KeyH');
  await expect(page.getByText('No call')).toBeVisible();
  expect(problems).toEqual([]);
});
