// The electronegativity step's judgement (build/electronegativity-lib.mjs) and the allowlist itself.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compareWithAllowlist, parseReport } from '../../../build/electronegativity-lib.mjs';

const root = resolve(import.meta.dirname, '../../..');
const csv = [
  'issue, severity, confidence, filename, location, sample, description, url',
  'CSP_GLOBAL_CHECK,"LOW","FIRM","renderer/index.html","7:0",N/A,"weak CSP",https://x',
  'OPEN_EXTERNAL_JS_CHECK,"MEDIUM","TENTATIVE","main/app/window.ts","46:2","shell.openExternal(url).catch((e) => {, ""x""","Review",https://x',
  'CONTEXT_ISOLATION_JS_CHECK,"HIGH","FIRM","main/app/new.ts","3:1","new BrowserWindow({","Review",https://x',
].join('\n');

describe('electronegativity report vs allowlist', () => {
  it('reads the CSV, quoted commas and quotes included', () => {
    const findings = parseReport(csv);
    expect(findings).toHaveLength(3);
    expect(findings[1]).toMatchObject({ check: 'OPEN_EXTERNAL_JS_CHECK', severity: 'MEDIUM', file: 'main/app/window.ts', sample: 'shell.openExternal(url).catch((e) => {, "x"' });
  });

  it('fails on an unexplained HIGH/MEDIUM finding and on a stale entry, ignores LOW', () => {
    const allowlist = [
      { check: 'OPEN_EXTERNAL_JS_CHECK', file: 'main/app/window.ts', match: 'shell.openExternal(url)', reason: 'allowlisted URLs only' },
      { check: 'SANDBOX_JS_CHECK', file: 'main/app/gone.ts', reason: 'a finding that no longer exists' },
    ];
    const r = compareWithAllowlist(parseReport(csv), allowlist);
    expect(r.serious).toHaveLength(2);
    expect(r.unexplained.map((f: { file: string }) => f.file)).toEqual(['main/app/new.ts']);
    expect(r.stale.map((a: { file: string }) => a.file)).toEqual(['main/app/gone.ts']);
    // An entry whose `match` is not in the sample explains nothing.
    const wrongMatch = compareWithAllowlist(parseReport(csv), [{ ...allowlist[0]!, match: 'openExternal(other)' }]);
    expect(wrongMatch.unexplained).toHaveLength(2);
  });

  it('the reviewed allowlist gives one reason per entry', () => {
    const list = JSON.parse(readFileSync(resolve(root, 'build/electronegativity-allowlist.json'), 'utf8')) as { findings: { check: string; file: string; reason: string }[] };
    expect(list.findings.length).toBeGreaterThan(0);
    expect(compareWithAllowlist([], list.findings).missingReason).toEqual([]);
    for (const f of list.findings) expect(f.reason).not.toContain('\n');
  });
});
