// "Each command does its own set-up": decide whether node_modules must be (re)installed
// from package-lock.json, and do it. The decision is pure (decideInstall) and unit-tested.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { run } from './run.mjs';

/**
 * @param {{
 *   hasLock: boolean,
 *   hasNodeModules: boolean,
 *   lockMtimeMs: number | null,
 *   hiddenLockMtimeMs: number | null,
 *   wanted: Record<string, string | null>,
 *   installed: Record<string, string | null>,
 * }} facts  wanted: version pinned by package-lock.json per direct dependency;
 *            installed: version found in node_modules (null = missing).
 * @returns {{ action: 'none' | 'ci' | 'install', reason: string }}
 */
export function decideInstall(facts) {
  const action = facts.hasLock ? 'ci' : 'install';
  if (!facts.hasNodeModules) return { action, reason: 'node_modules is missing' };
  if (facts.hiddenLockMtimeMs === null) {
    return { action, reason: 'node_modules was not installed by npm (no node_modules/.package-lock.json)' };
  }
  if (facts.lockMtimeMs !== null && facts.lockMtimeMs > facts.hiddenLockMtimeMs) {
    return { action, reason: 'package-lock.json is newer than node_modules' };
  }
  for (const [name, version] of Object.entries(facts.wanted)) {
    const have = facts.installed[name] ?? null;
    if (have === null) return { action, reason: `${name} is not installed` };
    if (version !== null && have !== version) {
      return { action, reason: `${name} is ${have}, package-lock.json wants ${version}` };
    }
  }
  return { action: 'none', reason: 'node_modules matches package-lock.json' };
}

function readJson(file) {
  return JSON.parse(readFileSync(file, 'utf8'));
}

function mtimeOrNull(file) {
  return existsSync(file) ? statSync(file).mtimeMs : null;
}

/** Reads the facts decideInstall needs from the project at `root`. */
export function gatherInstallFacts(root) {
  const pkg = readJson(join(root, 'package.json'));
  const lockFile = join(root, 'package-lock.json');
  const hasLock = existsSync(lockFile);
  const lock = hasLock ? readJson(lockFile) : { packages: {} };
  const names = Object.keys({ ...pkg.dependencies, ...pkg.devDependencies });
  const wanted = {};
  const installed = {};
  for (const name of names) {
    wanted[name] = lock.packages?.[`node_modules/${name}`]?.version ?? null;
    const manifest = join(root, 'node_modules', name, 'package.json');
    installed[name] = existsSync(manifest) ? (readJson(manifest).version ?? null) : null;
  }
  return {
    hasLock,
    hasNodeModules: existsSync(join(root, 'node_modules')),
    lockMtimeMs: mtimeOrNull(lockFile),
    hiddenLockMtimeMs: mtimeOrNull(join(root, 'node_modules', '.package-lock.json')),
    wanted,
    installed,
  };
}

/** Installs dependencies when needed. Returns false when the install failed. */
export async function ensureDependencies(root) {
  const decision = decideInstall(gatherInstallFacts(root));
  if (decision.action === 'none') return true;
  console.log(`[setup] ${decision.reason}: running npm ${decision.action}`);
  const result = await run('npm', [decision.action], { cwd: root });
  return result.code === 0;
}
