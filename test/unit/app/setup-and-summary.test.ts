// The set-up decision of `npm start`/`npm test` and the summary line of `npm test`.
import { describe, expect, it } from 'vitest';
import { decideInstall, type InstallFacts } from '../../../scripts/lib/setup.mjs';
import { lastLine } from '../../../scripts/lib/run.mjs';
import { addCounts, countPlaywright, countVitest, formatSummary } from '../../../scripts/lib/summary.mjs';

const upToDate: InstallFacts = {
  hasLock: true,
  hasNodeModules: true,
  lockMtimeMs: 1000,
  hiddenLockMtimeMs: 1001,
  wanted: { svelte: '5.57.3', zod: '4.6.7' },
  installed: { svelte: '5.57.3', zod: '4.6.7' },
};

describe('decideInstall', () => {
  it('does nothing when node_modules matches the lock file', () => {
    expect(decideInstall(upToDate).action).toBe('none');
  });

  it('runs npm ci on a fresh clone', () => {
    expect(decideInstall({ ...upToDate, hasNodeModules: false, hiddenLockMtimeMs: null })).toEqual({
      action: 'ci',
      reason: 'node_modules is missing',
    });
  });

  it('runs npm install when there is no lock file', () => {
    expect(decideInstall({ ...upToDate, hasLock: false, hasNodeModules: false }).action).toBe('install');
  });

  it('reinstalls when the lock file is newer than node_modules', () => {
    const decision = decideInstall({ ...upToDate, lockMtimeMs: 2000 });
    expect(decision.action).toBe('ci');
    expect(decision.reason).toContain('newer');
  });

  it('reinstalls when a dependency is missing or at another version', () => {
    expect(decideInstall({ ...upToDate, installed: { svelte: '5.57.3', zod: null } }).reason).toBe('zod is not installed');
    expect(decideInstall({ ...upToDate, installed: { svelte: '5.0.0', zod: '4.6.7' } }).reason).toBe(
      'svelte is 5.0.0, package-lock.json wants 5.57.3',
    );
  });

  it('reinstalls a node_modules that npm did not write', () => {
    expect(decideInstall({ ...upToDate, hiddenLockMtimeMs: null }).action).toBe('ci');
  });
});

describe('summary', () => {
  it('counts vitest and Playwright test cases into one plain line', () => {
    const vitest = countVitest({ numPassedTests: 120, numFailedTests: 2, numPendingTests: 0 });
    const e2e = countPlaywright({ stats: { expected: 3, flaky: 1, unexpected: 1, skipped: 0 } });
    expect(formatSummary(addCounts(vitest, e2e))).toBe('124 passed, 3 failed');
  });

  it('counts nothing from a missing or broken report', () => {
    expect(countVitest(null)).toEqual({ passed: 0, failed: 0 });
    expect(countPlaywright({})).toEqual({ passed: 0, failed: 0 });
    expect(formatSummary(addCounts())).toBe('0 passed, 0 failed');
  });

  it('takes the last non-empty line of a step, without colours', () => {
    expect(lastLine('a\n\u001b[32m  Tests  7 passed (7)\u001b[39m\n\n')).toBe('Tests  7 passed (7)');
    expect(lastLine('')).toBe('');
  });
});
