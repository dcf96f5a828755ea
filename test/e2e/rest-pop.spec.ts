/**
 * Screen pop with transfer data end to end (issue 11 item 4): web mode configured for the mock REST
 * services, in Chromium. A remote contact centre starts a session for the caller and transfers the
 * call to the DNIS it got: the pop shows at once, the agent data fills it in, the DNIS is released.
 * A service slower than the setting's timeout never holds the pop: it says why, then fills in.
 * The settings' Test of each service works against the mocks.
 */
import { expect, test, type Page } from '@playwright/test';
import { checkScreen, control, openClient, ring, watch } from './agent-support';
import { startRestRig, startTransferSession, type RestRig } from './rest-support';

let rig: RestRig;
const CALLER = '+33160127764';

test.beforeAll(async () => {
  rig = await startRestRig(['1101'], { tdsTimeoutMs: 800 });
});

test.afterAll(async () => {
  await rig?.stop();
});

const pop = (page: Page) => page.getByRole('region', { name: 'Incoming calls' }).getByRole('article');

interface MockSession {
  dnis: string;
  active: boolean;
  endedBy?: string;
}
const sessions = async (): Promise<MockSession[]> => ((await control(rig, 'GET', '/rest/state')) as { sessions: MockSession[] }).sessions;

async function hangUp(page: Page, callId: string): Promise<void> {
  await control(rig, 'POST', `/calls/${callId}/hangup`);
  await expect(pop(page)).toHaveCount(0);
}

test('a call transferred in pops with its transfer data, and its DNIS is released', async ({ page }) => {
  const problems = await watch(page);
  await openClient(page, rig.urls['1101'] ?? '');
  const { dnis } = await startTransferSession(rig, CALLER, { customer: 'Martin Jagger', order: '42', note: 'wants a refund & a call back' });
  const callId = await ring(rig, { from: CALLER, to: '1101', dnis });
  await expect(pop(page)).toContainText(`Dialled ${dnis}`);
  const data = pop(page).getByLabel('Transfer data');
  await expect(data).toContainText('Martin Jagger');
  await expect(data).toContainText('wants a refund & a call back');
  await expect.poll(async () => (await sessions()).find((s) => s.dnis === dnis)).toMatchObject({ active: false, endedBy: 'stop' });
  await checkScreen(page, 'rest-pop-data');
  await page.emulateMedia({ colorScheme: 'dark' });
  await checkScreen(page, 'rest-pop-data-dark');
  await page.emulateMedia({ colorScheme: 'light' });
  await page.setViewportSize({ width: 380, height: 800 });
  await checkScreen(page, 'rest-pop-data-narrow');
  await hangUp(page, callId);
  expect(problems).toEqual([]);
});

test('a transfer data service slower than the timeout: the pop shows at once, says why, and fills in later', async ({ page }) => {
  const problems = await watch(page);
  await openClient(page, rig.urls['1101'] ?? '');
  await control(rig, 'POST', '/rest/faults', { tds: { delayMs: 2500 } });
  try {
    const { dnis } = await startTransferSession(rig, CALLER, { order: '43' });
    const started = Date.now();
    const callId = await ring(rig, { from: CALLER, to: '1101', dnis });
    await expect(pop(page)).toContainText('Martin Jagger');
    expect(Date.now() - started).toBeLessThan(2000);
    await expect(pop(page)).toContainText(/Loading transfer data…|Transfer data is late/);
    await expect(pop(page)).toContainText('Transfer data is late: it shows here if it comes.', { timeout: 2000 });
    await checkScreen(page, 'rest-pop-timeout');
    await expect(pop(page).getByLabel('Transfer data')).toContainText('43', { timeout: 5000 });
    await hangUp(page, callId);
  } finally {
    await fetch(`${rig.controlUrl}/rest/faults`, { method: 'DELETE' });
  }
  expect(problems).toEqual([]);
});

test('Settings: each REST service has a Test that works against the mocks; French', async ({ page }) => {
  const problems = await watch(page);
  await openClient(page, rig.urls['1101'] ?? '');
  await page.getByRole('tab', { name: 'Settings' }).click();
  for (const service of ['Transfer data', 'Agent remote control', 'DNIS release']) {
    await page.getByRole('button', { name: `Test ${service}` }).click();
    await expect(page.getByRole('group', { name: service }).locator('xpath=following-sibling::div[1]')).toContainText('Works: answered in');
  }
  await page.getByRole('group', { name: 'DNIS release' }).scrollIntoViewIfNeeded();
  await checkScreen(page, 'rest-settings');
  await page.getByLabel('Language').selectOption('fr');
  await page.getByRole('button', { name: 'Tester : Données de transfert' }).click();
  await expect(page.getByText('Fonctionne : réponse en').first()).toBeVisible();
  await checkScreen(page, 'rest-settings-french');
  await page.getByLabel('Langue').selectOption('system');
  expect(problems).toEqual([]);
});
