/**
 * Web mode end to end: the simulator and `npm run web` as a user starts them, the built renderer in
 * Chromium over the real WebSocket. A call injected through the simulator's control API pops up
 * with the caller's name found in the directory (the call event carries only the number), and the
 * page's buttons answer and hang up through the contract.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { expect, test } from '@playwright/test';
import { startTsx, type Started } from './processes';

let simulator: Started;
let web: Started;
let controlUrl: string;
let pageUrl: string;

test.beforeAll(async () => {
  if (!existsSync(resolve('out/renderer/index.html'))) throw new Error('out/renderer is missing: run `npm run build` first');
  simulator = await startTsx('main/cli/simulator.ts', ['--port', '0', '--control-port', '0'], [/listening on (127\.0\.0\.1:\d+)/, /control on (http:\/\/\S+)/]);
  const [telServer, control] = simulator.values as [string, string];
  controlUrl = control;
  web = await startTsx('main/web/cli.ts', ['--port', '0', '--server', telServer, '--device', '1101'], [/Open (http:\/\/\S+)/]);
  pageUrl = web.values[0] as string;
});

test.afterAll(async () => {
  await web?.stop();
  await simulator?.stop();
});

test('an inbound call pops up with the directory name, and is answered and hung up from the page', async ({ page }) => {
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console: ${message.text()}`);
  });

  await page.goto(pageUrl);
  await expect(page.locator('header [role="status"]')).toHaveAttribute('data-state', 'monitored', { timeout: 10_000 });
  await expect(page.getByText('No call')).toBeVisible();

  // The spec's own directory entry; the name is NOT given: the core must find it by number.
  const injected = await fetch(`${controlUrl}/calls`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ from: '+33160127764', to: '1101', dnis: '0800100200', extraData: 'customerId=42' }),
  });
  expect(injected.status).toBe(201);

  const pop = page.getByRole('region', { name: 'Incoming calls' }).getByRole('article');
  await expect(pop).toContainText('Martin Jagger');
  await expect(pop).toContainText('uniGone');
  await expect(pop).toContainText('Dialled 0800100200');
  await expect(pop).toContainText('customerId');
  const row = page.getByRole('list', { name: 'Calls' }).getByRole('listitem');
  await expect(row.locator('.state')).toHaveText('Ringing');
  await page.screenshot({ path: 'test-results/e2e/web-mode-ringing.png' });

  await pop.getByRole('button', { name: 'Answer' }).click();
  await expect(row.locator('.state')).toHaveText('Connected');
  await expect(pop).toHaveCount(0);
  await expect(row.getByRole('button', { name: 'Answer' })).toHaveCount(0);

  await row.getByRole('button', { name: 'Hang up' }).click();
  await expect(page.getByText('No call')).toBeVisible();
  expect(problems).toEqual([]);
});
