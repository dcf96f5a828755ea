/**
 * Lifecycle glue: wake-ups (resume from sleep, screen unlock, a network change) reconnect the line
 * through main/desktop/network.ts's trigger; start at login follows the setting (Electron's login
 * item on Windows/macOS, an XDG autostart file on Linux: main/desktop/login-item.ts).
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { networkInterfaces } from 'node:os';
import { join } from 'node:path';
import { app, powerMonitor } from 'electron';
import { ReconnectTrigger, networkFingerprint, type WakeReason } from '../desktop/network';
import { loginItemPlan } from '../desktop/login-item';

/** How often the network is looked at: with the trigger's 1 s delay, a change reconnects within ~3 s. */
export const NETWORK_POLL_MS = 2000;

export function watchWakeUps(reconnect: (reasons: readonly WakeReason[]) => void): () => void {
  const trigger = new ReconnectTrigger(reconnect, { setTimeout: (f, ms) => setTimeout(f, ms), clearTimeout: (h) => clearTimeout(h as NodeJS.Timeout) });
  const onResume = (): void => trigger.wake('resume');
  const onUnlock = (): void => trigger.wake('unlock');
  powerMonitor.on('resume', onResume);
  powerMonitor.on('unlock-screen', onUnlock);
  let fingerprint = networkFingerprint(networkInterfaces());
  const poll = setInterval(() => {
    const now = networkFingerprint(networkInterfaces());
    if (now === fingerprint) return;
    fingerprint = now;
    // Going offline needs nothing from us (the line notices); a new address means reconnect.
    if (now !== '') trigger.wake('network');
  }, NETWORK_POLL_MS);
  poll.unref();
  return () => {
    trigger.stop();
    clearInterval(poll);
    powerMonitor.removeListener('resume', onResume);
    powerMonitor.removeListener('unlock-screen', onUnlock);
  };
}

/** Applies start at login; returns a note for the settings view when it could not be done. */
export function applyLoginItem(openAtLogin: boolean, productName: string): string | undefined {
  // A development run (electron .) must not register itself.
  if (!app.isPackaged) return openAtLogin ? 'Start at login applies to the installed app only.' : undefined;
  // An AppImage runs from its own path ($APPIMAGE), not from the temporary mount.
  const execPath = process.env['APPIMAGE'] ?? process.execPath;
  const plan = loginItemPlan(openAtLogin, process.platform, { path: execPath, args: [] }, productName);
  switch (plan.kind) {
    case 'electron':
      app.setLoginItemSettings({ openAtLogin: plan.openAtLogin, args: [...plan.args] });
      return undefined;
    case 'xdgAutostart': {
      const dir = join(process.env['XDG_CONFIG_HOME'] ?? join(app.getPath('home'), '.config'), 'autostart');
      try {
        if (plan.openAtLogin) {
          mkdirSync(dir, { recursive: true });
          writeFileSync(join(dir, plan.fileName), plan.contents, { mode: 0o644 });
        } else {
          rmSync(join(dir, plan.fileName), { force: true });
        }
        return undefined;
      } catch (error) {
        return `Start at login could not be set: ${error instanceof Error ? error.message : String(error)}`;
      }
    }
    default: {
      const unreachable: never = plan;
      return unreachable;
    }
  }
}

export function isOpenAtLogin(): boolean {
  return app.getLoginItemSettings().openAtLogin;
}
