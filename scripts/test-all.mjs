#!/usr/bin/env node
// `npm test`: set-up, then typecheck, lint, unit+integration tests, build, e2e, in this
// order, stopping at the first failure. Prints each step's last line, and as its very
// last line `N passed, M failed` (test cases of vitest and Playwright).
// `npm test -- --from=vitest` resumes at a step (typecheck, lint, security, vitest, build, e2e).
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CHROMIUM_INSTALL_HINT, chromiumPath, hasChromium } from './lib/chromium.mjs';
import { lastLine, run } from './lib/run.mjs';
import { ensureDependencies } from './lib/setup.mjs';
import { addCounts, countPlaywright, countVitest, formatSummary } from './lib/summary.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const reports = join(root, 'test-results');
const VITEST_JSON = join(reports, 'vitest.json');
const PLAYWRIGHT_JSON = join(reports, 'playwright.json');

function readReport(file) {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return null;
  }
}

/** Each step: a command, and optionally how to count its test cases from its report. */
const steps = [
  { name: 'typecheck', command: 'npm', args: ['run', 'typecheck'] },
  { name: 'lint', command: 'npm', args: ['run', 'lint'] },
  // electronegativity over the Electron shell, offline (~10 s); HIGH/MEDIUM findings must be explained
  // in build/electronegativity-allowlist.json.
  { name: 'security', command: 'node', args: ['build/electronegativity.mjs'] },
  {
    name: 'vitest',
    command: 'npx',
    args: ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${VITEST_JSON}`],
    report: VITEST_JSON,
    count: countVitest,
    // vitest's last line names the JSON file; its totals line says more.
    pick: /^\s*Tests\s+\d+/,
  },
  { name: 'build', command: 'npm', args: ['run', 'build'] },
  {
    name: 'e2e',
    command: 'npx',
    args: ['playwright', 'test'],
    report: PLAYWRIGHT_JSON,
    count: countPlaywright,
    precondition: () => (hasChromium() ? null : `${chromiumPath()} not found. ${CHROMIUM_INSTALL_HINT}`),
  },
];

async function main() {
  const results = [];
  let counts = { passed: 0, failed: 0 };
  const finish = (failedStep) => {
    console.log('\n== npm test summary ==');
    for (const r of results) console.log(`${r.ok ? 'ok  ' : 'FAIL'} ${r.name.padEnd(9)} ${r.seconds}s  ${r.last}`);
    if (failedStep) console.log(`stopped at: ${failedStep}`);
    console.log(formatSummary(counts));
    return failedStep ? 1 : 0;
  };

  const startedAt = Date.now();
  const installed = await ensureDependencies(root);
  results.push({ name: 'setup', ok: installed, seconds: secondsSince(startedAt), last: installed ? 'dependencies ready' : 'npm install failed' });
  if (!installed) return finish('setup');
  mkdirSync(reports, { recursive: true });

  const fromArg = process.argv.find((a) => a.startsWith('--from='))?.slice('--from='.length);
  const firstStep = fromArg === undefined ? 0 : steps.findIndex((s) => s.name === fromArg);
  if (firstStep < 0) {
    console.error(`unknown step ${fromArg}; steps: ${steps.map((s) => s.name).join(', ')}`);
    return finish('arguments');
  }
  for (const step of steps.slice(firstStep)) {
    console.log(`\n== ${step.name}: ${step.command} ${step.args.join(' ')} ==`);
    const began = Date.now();
    const blocked = step.precondition?.() ?? null;
    if (blocked !== null) {
      console.error(blocked);
      results.push({ name: step.name, ok: false, seconds: '0.0', last: blocked });
      return finish(step.name);
    }
    // A report left by an earlier run must never be counted for this one.
    if (step.report) rmSync(step.report, { force: true });
    const result = await run(step.command, step.args, { cwd: root, env: { FORCE_COLOR: '0' } });
    let stepCounts = null;
    if (step.report && existsSync(step.report)) {
      stepCounts = step.count(readReport(step.report));
      counts = addCounts(counts, stepCounts);
    }
    const ok = result.code === 0 && (stepCounts === null || stepCounts.failed === 0);
    const tail = lastLine(pickLines(result.output, step.pick));
    // A silent tool (eslint with no finding) leaves npm's own "> command" echo as last line.
    const last = result.error
      ? `could not start ${step.command}: ${result.error.message}`
      : tail.startsWith('> ') || tail === ''
        ? `(no output) ${tail}`.trim()
        : tail;
    results.push({ name: step.name, ok, seconds: secondsSince(began), last });
    if (!ok) return finish(step.name);
  }
  return finish(null);
}

/** The lines matching `pattern` (all of them when there is none or none matches). */
function pickLines(output, pattern) {
  if (!pattern) return output;
  const picked = output
    .replace(/\u001b\[[0-9;?]*[ -/]*[@-~]/g, '')
    .split('\n')
    .filter((line) => pattern.test(line));
  return picked.length > 0 ? picked.join('\n') : output;
}

function secondsSince(ms) {
  return ((Date.now() - ms) / 1000).toFixed(1);
}

process.exitCode = await main();
