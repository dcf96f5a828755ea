#!/usr/bin/env node
// Renders build/icon.svg to the PNGs electron-builder and the tray need, with the
// system Chromium (never a downloaded browser): `node scripts/make-icons.mjs`.
import { mkdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { chromium } from '@playwright/test';
import { CHROMIUM_ARGS, chromiumPath } from './lib/chromium.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const svg = readFileSync(`${root}build/icon.svg`, 'utf8');
const outputs = [
  { file: 'build/icon.png', size: 512 },
  { file: 'build/tray.png', size: 32 },
  // Linux installers (AppImage, deb) take one PNG per size from build/icons/ (hicolor theme sizes).
  ...[16, 24, 32, 48, 64, 128, 256, 512].map((size) => ({ file: `build/icons/${size}x${size}.png`, size })),
];

mkdirSync(`${root}build/icons`, { recursive: true });
const browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
try {
  const page = await browser.newPage();
  for (const { file, size } of outputs) {
    await page.setViewportSize({ width: size, height: size });
    const sized = svg.replace('width="512" height="512"', `width="${size}" height="${size}"`);
    await page.setContent(`<html><body style="margin:0;background:transparent">${sized}</body></html>`);
    await page.locator('svg').screenshot({ path: `${root}${file}`, omitBackground: true });
    console.log(`wrote ${file} (${size}x${size})`);
  }
} finally {
  await browser.close();
}
