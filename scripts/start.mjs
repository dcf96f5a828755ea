#!/usr/bin/env node
// `npm start`: installs what is missing, builds, then runs the desktop app, or web mode
// where no Electron binary can run here (saying why in one line). `npm start -- --web`
// asks for web mode. Decisions live in ./lib/start-plan.mjs (unit-tested).
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureDependencies } from './lib/setup.mjs';
import { lastLine, run } from './lib/run.mjs';
import { gatherStartFacts, planStart, shouldFallBackToWeb } from './lib/start-plan.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const say = (line) => console.log(`[start] ${line}`);

/** Runs a command attached to this terminal; resolves when it ends. */
function attach(command, args, env) {
  const startedAt = Date.now();
  return new Promise((resolve) => {
    const child = spawn(command, args, {
      cwd: root,
      env: { ...process.env, ...env },
      stdio: 'inherit',
      shell: process.platform === 'win32',
    });
    child.on('error', () => resolve({ code: 127, spawnError: true, uptimeMs: Date.now() - startedAt }));
    child.on('exit', (code, signal) =>
      resolve({ code: code ?? (signal ? 128 : 1), spawnError: false, uptimeMs: Date.now() - startedAt }),
    );
  });
}

async function webMode(env) {
  const args = process.argv.slice(2).filter((a) => a !== '--web');
  const exit = await attach('npm', ['run', 'web', ...(args.length > 0 ? ['--', ...args] : [])], env);
  return exit.code;
}

async function main() {
  if (!(await ensureDependencies(root))) {
    say('npm could not install the dependencies (see above)');
    return 1;
  }
  let facts = gatherStartFacts(root);
  let plan = planStart(facts);
  // The app decides demo or not from its own settings; CTI_TELSERVER (inherited) overrides both.
  const env = {};
  if (plan.demo) say('no CTI_TELSERVER: the saved TelServer is used, or the embedded simulator\'s demo when none is configured');
  if (plan.tryInstallElectron) {
    say('fetching the Electron binary (first run)...');
    const fetched = await run(process.execPath, [join(root, 'node_modules', 'electron', 'install.js')], {
      cwd: root,
      quiet: true,
      timeoutMs: 5 * 60_000,
    });
    if (fetched.code !== 0) {
      const why = fetched.output.split('\n').find((l) => /error/i.test(l)) ?? lastLine(fetched.output);
      say(`could not fetch the Electron binary: ${why.trim() || `exit ${fetched.code}`}`);
    }
    facts = gatherStartFacts(root);
    plan = planStart(facts);
  }

  const build = await run('npm', ['run', 'build'], { cwd: root, quiet: true });
  if (build.code !== 0) {
    process.stderr.write(build.output);
    say('the build failed (output above)');
    return 1;
  }

  switch (plan.mode) {
    case 'unavailable':
      say(`cannot start: ${plan.reason}.`);
      return 1;
    case 'web':
      say(`desktop app unavailable: ${plan.reason}; starting web mode (npm run web).`);
      return webMode(env);
    case 'desktop': {
      const binary = join(root, 'node_modules', 'electron', 'dist', facts.electronPathTxt ?? '');
      const exit = await attach(binary, ['.'], env);
      if (!shouldFallBackToWeb(exit)) return exit.code;
      if (!facts.hasWebScript) {
        say(`the desktop app could not start (exit ${exit.code}) and web mode is not there yet (no "web" script).`);
        return 1;
      }
      say(`the desktop app could not start (exit ${exit.code}); starting web mode (npm run web).`);
      return webMode(env);
    }
    default:
      throw new Error(`unknown start mode ${String(plan.mode)}`);
  }
}

process.exitCode = await main();
