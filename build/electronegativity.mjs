#!/usr/bin/env node
// `npm test` step: @doyensec/electronegativity over the Electron shell's sources (main/index.ts,
// main/app/, preload/, the renderer's HTML pages), offline, failing on any HIGH or MEDIUM finding
// that build/electronegativity-allowlist.json does not explain (one line of reason each).
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { compareWithAllowlist, parseReport } from './electronegativity-lib.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const pkg = JSON.parse(readFileSync(join(root, 'node_modules/electron/package.json'), 'utf8'));
const allowlist = JSON.parse(readFileSync(join(root, 'build/electronegativity-allowlist.json'), 'utf8')).findings;

// The scanned tree holds only the shell: the rest of main/ runs without Electron, the renderer
// bundle is checked by its CSP here and by ESLint's layer rules.
const work = mkdtempSync(join(tmpdir(), 'cti-electronegativity-'));
try {
  mkdirSync(join(work, 'main'));
  mkdirSync(join(work, 'renderer'));
  cpSync(join(root, 'main/app'), join(work, 'main/app'), { recursive: true });
  cpSync(join(root, 'main/index.ts'), join(work, 'main/index.ts'));
  cpSync(join(root, 'preload'), join(work, 'preload'), { recursive: true });
  for (const page of ['index.html', 'pop.html']) cpSync(join(root, 'renderer', page), join(work, 'renderer', page));
  const report = join(work, 'report.csv');
  const cli = join(root, 'node_modules/@doyensec/electronegativity/dist/index.js');
  // -e: the installed Electron (no release lookup); -x: the one check that needs the network.
  const run = spawnSync(process.execPath, [cli, '-i', work, '-r', '-v', 'false', '-e', pkg.version, '-x', 'AvailableSecurityFixesGlobalCheck', '-o', report], {
    encoding: 'utf8',
    timeout: 120_000,
    env: { ...process.env, LANG: 'en-US' },
  });
  let csv;
  try {
    csv = readFileSync(report, 'utf8');
  } catch {
    console.error(run.stdout, run.stderr);
    console.error(`electronegativity wrote no report (exit ${run.status ?? run.signal})`);
    process.exit(1);
  }
  const findings = parseReport(csv);
  const { serious, unexplained, stale, missingReason } = compareWithAllowlist(findings, allowlist);
  for (const f of unexplained) console.error(`UNEXPLAINED ${f.severity} ${f.check} ${f.file}:${f.location}  ${f.sample}`);
  for (const a of stale) console.error(`STALE allowlist entry (no such finding now): ${a.check} ${a.file}`);
  for (const a of missingReason) console.error(`allowlist entry without a reason: ${a.check} ${a.file}`);
  const failed = unexplained.length + stale.length + missingReason.length;
  console.log(`electronegativity: ${findings.length} findings, ${serious.length} HIGH/MEDIUM, ${serious.length - unexplained.length} explained in the allowlist, ${failed} problem(s)`);
  process.exitCode = failed === 0 ? 0 : 1;
} finally {
  rmSync(work, { recursive: true, force: true });
}
