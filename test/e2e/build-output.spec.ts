// Checks the shape of `npm run build` output (runs after the build, with the e2e tests;
// no browser is launched for these).
import { existsSync, readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { resolve } from 'node:path';
import { expect, test } from '@playwright/test';

const out = resolve('out');
const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { main: string; dependencies: Record<string, string> };

function read(path: string): string {
  const file = resolve(out, path);
  if (!existsSync(file)) throw new Error(`${file} is missing: run \`npm run build\` first`);
  return readFileSync(file, 'utf8');
}

/**
 * Specifiers of static imports (Rollup writes each on its own line), dynamic imports and requires
 * in a bundle. Anchored to statement syntax: the bundle's own strings (e.g. a JSON scenario with a
 * "from" key) must not count as imports.
 */
function specifiers(code: string): string[] {
  const found = new Set<string>();
  const patterns = [
    /^\s*(?:import|export)\b[^;'"]*?\bfrom\s*["']([^"']+)["']/gm,
    /^\s*import\s*["']([^"']+)["']/gm,
    /\bimport\(\s*["']([^"']+)["']\s*\)/g,
    /\brequire\(\s*["']([^"']+)["']\s*\)/g,
  ];
  for (const pattern of patterns) for (const match of code.matchAll(pattern)) found.add(match[1]!);
  return [...found];
}

const isRelative = (spec: string): boolean => spec.startsWith('.') || spec.startsWith('/');
const bareSpecifiers = (code: string): string[] => specifiers(code).filter((s) => !isRelative(s));

const packageOf = (spec: string): string =>
  spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0]!;

test('package.json main points at the built main bundle', () => {
  expect(resolve(pkg.main)).toBe(resolve(out, 'main/index.js'));
  read('main/index.js');
});

test('main bundles our own code and leaves only electron, node built-ins and dependencies outside', () => {
  const allowed = new Set(['electron', ...builtinModules, ...Object.keys(pkg.dependencies)]);
  const external = bareSpecifiers(read('main/index.js')).map((s) => packageOf(s.replace(/^node:/, '')));
  expect(external).toContain('electron');
  expect(external.filter((name) => !allowed.has(name))).toEqual([]);
  // Our own modules (main/telservices, common/ ...) are inside the bundle, never loaded from
  // the source tree: the only relative imports are the bundle's own chunks.
  const relative = specifiers(read('main/index.js')).filter(isRelative);
  expect(relative.filter((spec) => !spec.startsWith('./chunks/'))).toEqual([]);
});

test('the sandboxed preload is CommonJS and requires nothing but electron', () => {
  const preload = read('preload/index.cjs');
  expect(preload).not.toMatch(/^\s*(import|export)\s/m);
  expect(bareSpecifiers(preload)).toEqual(['electron']);
});

for (const page of ['index.html', 'pop.html', 'dial.html']) test(`the built ${page} keeps its CSP and has no inline script`, () => {
  const html = read(`renderer/${page}`);
  expect(html).toContain('http-equiv="Content-Security-Policy"');
  expect(html).toMatch(/default-src 'none'/);
  const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)];
  expect(scripts.length).toBeGreaterThan(0);
  for (const [, attributes, body] of scripts) {
    expect(attributes).toMatch(/\bsrc="\.\/assets\//);
    expect(body!.trim()).toBe('');
  }
  expect(html).not.toMatch(/\sstyle="/);
});
