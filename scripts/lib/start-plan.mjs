// What `npm start` does on this machine: a pure decision, unit-tested.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * @param {{
 *   platform: string,
 *   env: Record<string, string | undefined>,
 *   argv: string[],
 *   electronPathTxt: string | null,
 *   electronBinaryExists: boolean,
 *   hasWebScript: boolean,
 * }} facts
 * @returns {{ mode: 'desktop' | 'web' | 'unavailable', demo: boolean, tryInstallElectron: boolean, reason: string }}
 */
export function planStart(facts) {
  const demo = !facts.env.CTI_TELSERVER;
  const forcedWeb = facts.argv.includes('--web') || facts.env.CTI_WEB === '1';
  const hasDisplay = facts.platform !== 'linux' || Boolean(facts.env.DISPLAY || facts.env.WAYLAND_DISPLAY);
  const binaryMissing = facts.electronPathTxt === null || !facts.electronBinaryExists;
  // Electron 45 has no postinstall: its binary is fetched on first use. Worth trying only
  // where the desktop app could then run.
  const tryInstallElectron = !forcedWeb && binaryMissing && hasDisplay;
  const web = (reason) =>
    facts.hasWebScript
      ? { mode: 'web', demo, tryInstallElectron, reason }
      : {
          mode: 'unavailable',
          demo,
          tryInstallElectron,
          reason: `${reason}, and web mode is not there yet (package.json has no "web" script)`,
        };

  if (forcedWeb) return web('web mode was asked for');
  if (facts.electronPathTxt === null) {
    return web('the Electron binary is not installed (node_modules/electron/path.txt is missing)');
  }
  if (!facts.electronBinaryExists) {
    return web(`the Electron binary node_modules/electron/dist/${facts.electronPathTxt} is missing`);
  }
  if (!hasDisplay) return web('there is no display (DISPLAY and WAYLAND_DISPLAY are unset)');
  return { mode: 'desktop', demo, tryInstallElectron, reason: 'the Electron binary is installed' };
}

/** A desktop app that dies this fast with an error never started: fall back to web mode. */
export const STARTUP_GRACE_MS = 5000;

export function shouldFallBackToWeb(exit) {
  return exit.spawnError || (exit.code !== 0 && exit.uptimeMs < STARTUP_GRACE_MS);
}

export function gatherStartFacts(root, argv = process.argv.slice(2), env = process.env) {
  const pathTxtFile = join(root, 'node_modules', 'electron', 'path.txt');
  const electronPathTxt = existsSync(pathTxtFile) ? readFileSync(pathTxtFile, 'utf8').trim() || null : null;
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  return {
    platform: process.platform,
    env,
    argv,
    electronPathTxt,
    electronBinaryExists:
      electronPathTxt !== null && existsSync(join(root, 'node_modules', 'electron', 'dist', electronPathTxt)),
    hasWebScript: typeof pkg.scripts?.web === 'string',
  };
}
