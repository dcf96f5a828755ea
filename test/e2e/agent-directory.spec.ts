/**
 * Directory search and the dial box's matches end to end, plus the agent client's screens in dark,
 * French and a narrow window (axe + zero CSP violations on each).
 */
import { expect, test } from '@playwright/test';
import { checkScreen, openClient, ring, startRig, watch, type Rig } from './agent-support';

let rig: Rig;

test.beforeAll(async () => {
  rig = await startRig(['1101']);
});

test.afterAll(async () => {
  await rig?.stop();
});

test('directory: search as you type, a person once with each number, keyboard to Call', async ({ page }) => {
  const problems = await watch(page);
  await openClient(page, rig.urls['1101'] as string);
  await page.keyboard.press('Alt+KeyF');
  const search = page.getByLabel('Search the directory');
  await expect(search).toBeFocused();
  await search.pressSequentially('Jagger');
  const marcel = page.locator('.person', { hasText: 'Marcel Jagger' });
  await expect(marcel).toHaveCount(1);
  await expect(page.getByText(/People found: 4/)).toBeVisible();
  await checkScreen(page, 'directory');
  await search.press('ArrowDown'); // into the results
  await expect(page.locator('.scroller button:focus')).toHaveCount(1);
  await marcel.getByRole('button', { name: /^Call Marcel Jagger on \+801/ }).click();
  await page.getByRole('tab', { name: 'Calls' }).click();
  await expect(page.getByRole('list', { name: 'Calls' })).toContainText('Marcel Jagger');
  await page.getByRole('list', { name: 'Calls' }).getByRole('button', { name: 'Hang up' }).click();
  await expect(page.getByText('No call')).toBeVisible();

  // The dial box: matches grouped by person as you type; Enter on a match dials it.
  const box = page.getByLabel('Number to dial');
  await box.pressSequentially('Martin Jag');
  await expect(page.getByRole('option', { name: /\+33160127764/ })).toBeVisible();
  await box.press('ArrowDown');
  await box.press('Enter');
  await expect(page.getByRole('list', { name: 'Calls' })).toContainText('Martin Jagger');
  await page.getByRole('list', { name: 'Calls' }).getByRole('button', { name: 'Hang up' }).click();
  await box.focus();
  await box.press('ArrowDown'); // the redial list
  await expect(page.getByRole('option', { name: '+33160127764' })).toBeVisible();
  await box.press('Escape');
  expect(problems).toEqual([]);
});

test('the pop and calls in dark, in French and in a narrow window', async ({ page }) => {
  const problems = await watch(page);
  await page.addInitScript(() => localStorage.setItem('cti.preferences', JSON.stringify({ theme: 'dark', locale: 'fr', country: 'FR' })));
  await page.setViewportSize({ width: 380, height: 760 });
  await page.goto(rig.urls['1101'] as string);
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
  await ring(rig, { from: '+33160127764', to: '1101', dnis: '0800100200', extraData: 'customerId=42' });
  const pop = page.getByRole('region', { name: 'Appels entrants' }).getByRole('article');
  await expect(pop).toContainText('Martin Jagger');
  await expect(pop.getByRole('button', { name: 'Répondre' })).toBeVisible();
  await checkScreen(page, 'pop-dark-fr-narrow');
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0); // no horizontal scroll at 380 px
  await pop.getByRole('button', { name: 'Répondre' }).click();
  await expect(page.getByRole('list', { name: 'Appels' }).locator('.state')).toHaveText('En ligne');
  await checkScreen(page, 'calls-dark-fr-narrow');
  await page.getByRole('list', { name: 'Appels' }).getByRole('button', { name: 'Raccrocher' }).click();
  expect(problems).toEqual([]);
});

test('? opens the keyboard shortcuts dialog, Esc closes it and gives focus back', async ({ page }) => {
  const problems = await watch(page);
  await openClient(page, rig.urls['1101'] as string);
  await page.getByRole('tab', { name: 'Calls' }).focus();
  await page.keyboard.press('?');
  const dialog = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText('Answer the newest ringing call');
  await expect(dialog).toContainText('Alt+A');
  await checkScreen(page, 'shortcuts');
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
  await expect(page.getByRole('tab', { name: 'Calls' })).toBeFocused();
  expect(problems).toEqual([]);
});
