// Test counts from the JSON reports of vitest and Playwright, and the final summary line.

/** vitest --reporter=json (jest-compatible): numPassedTests / numFailedTests. */
export function countVitest(report) {
  return {
    passed: Number(report?.numPassedTests ?? 0),
    failed: Number(report?.numFailedTests ?? 0),
  };
}

/** Playwright's json reporter: stats.expected passed, stats.flaky passed on retry, stats.unexpected failed. */
export function countPlaywright(report) {
  const stats = report?.stats ?? {};
  return {
    passed: Number(stats.expected ?? 0) + Number(stats.flaky ?? 0),
    failed: Number(stats.unexpected ?? 0),
  };
}

export function addCounts(...counts) {
  return counts.reduce((sum, c) => ({ passed: sum.passed + c.passed, failed: sum.failed + c.failed }), {
    passed: 0,
    failed: 0,
  });
}

/** The plain last line of `npm test`. */
export function formatSummary(counts) {
  return `${counts.passed} passed, ${counts.failed} failed`;
}
