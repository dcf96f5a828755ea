import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { expect, test } from '@playwright/test';
import { serveDirectory, type StaticServer } from './static-server';

const builtRenderer = resolve('out/renderer');
let server: StaticServer;

test.beforeAll(async () => {
  if (!existsSync(resolve(builtRenderer, 'index.html'))) {
    throw new Error('out/renderer/index.html is missing: run `npm run build` first');
  }
  server = await serveDirectory(builtRenderer);
});

test.afterAll(async () => {
  await server?.close();
});

test('the built renderer renders under its strict CSP without console errors', async ({ page }) => {
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
  page.on('requestfailed', (request) => problems.push(`requestfailed: ${request.url()}`));
  page.on('response', (response) => {
    if (response.status() >= 400) problems.push(`HTTP ${response.status()}: ${response.url()}`);
  });

  await page.goto(server.url);

  await expect(page).toHaveTitle('TelServices CTI');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('TelServices CTI');
  await expect(page.getByRole('status')).toContainText('Not connected');

  const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  expect(csp).toContain("default-src 'none'");
  expect(csp).toContain("script-src 'self'");
  expect(csp).not.toContain('unsafe-inline');
  expect(csp).not.toContain('unsafe-eval');

  // The stylesheet is applied (a CSP block of style-src would leave the heading unstyled).
  const headingColor = await page.getByRole('heading', { level: 1 }).evaluate((h) => getComputedStyle(h).color);
  // --accent-text of the light theme in app.css (#1b5fb8); the browser's default would be black.
  expect(headingColor).toBe('rgb(27, 95, 184)');

  // A stable path (test-results/e2e/renderer.png) so a human can look at the last run.
  await page.screenshot({ path: resolve(test.info().project.outputDir, 'renderer.png') });
  expect(problems).toEqual([]);
});

test('the CSP really blocks inline script', async ({ page }) => {
  const violations: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') violations.push(message.text());
  });
  await page.goto(server.url);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  const ran = await page.evaluate(() => {
    const script = document.createElement('script');
    script.textContent = 'window.__inlineRan = true;';
    document.body.append(script);
    return (window as unknown as { __inlineRan?: boolean }).__inlineRan === true;
  });
  expect(ran).toBe(false);
  expect(violations.some((v) => v.includes('Content Security Policy'))).toBe(true);
});
