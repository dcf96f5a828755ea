/**
 * The core inside the desktop app: the same runtime as web mode (main/core/runtime.ts), its
 * commands registered on ipcMain (checked sender, validated arguments) and its events forwarded to
 * our windows. Settings live in electron-store, secrets in safeStorage (main/app/secrets.ts). Demo
 * mode keeps its settings in memory so that the simulator's throw-away port is never written to the
 * user's settings file.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { BrowserWindow, ipcMain } from 'electron';
import type { DiagnosticsView } from '../../common/diagnostics';
import { chooseStartup, startCoreRuntime } from '../core/runtime';
import type { CtiService } from '../core/service';
import type { SecretStore } from '../settings/secrets';
import { MemorySettingsStore, type SettingsStore } from '../settings/store';
import { forwardEvents, registerIpc } from './ipc';
import { ElectronSettingsStore, SETTINGS_NAME } from './settings-store';

export interface RunningCti {
  service: CtiService;
  settings: SettingsStore;
  demo: boolean;
  close(): Promise<void>;
}

export interface StartCtiOptions {
  /** userData. */
  readonly dir: string;
  /** The documents IPC answers: the main window's page and the pop's. */
  readonly appUrls: readonly string[];
  readonly secrets: SecretStore;
  readonly diagnostics: () => Promise<Omit<DiagnosticsView, 'settings'>>;
}

export async function startCti(options: StartCtiOptions): Promise<RunningCti> {
  const { dir } = options;
  const startup = chooseStartup(process.env, existsSync(join(dir, `${SETTINGS_NAME}.json`)));
  const demo = startup.demo;
  let settings: SettingsStore | undefined;
  const runtime = await startCoreRuntime({
    demo,
    secrets: options.secrets,
    diagnostics: options.diagnostics,
    settings: (demoOverrides) => {
      if (startup.demo) return (settings = new MemorySettingsStore(demoOverrides));
      const store = new ElectronSettingsStore({ cwd: dir, secrets: options.secrets });
      if (store.loadError) console.warn(`[settings] ${store.loadError.message}`);
      // An environment override is for this run only: kept in memory, the saved file untouched.
      settings = Object.keys(startup.overrides).length > 0 ? new MemorySettingsStore({ ...store.get(), ...startup.overrides }) : store;
      return settings;
    },
  });
  const [appUrl, ...alsoTrusted] = options.appUrls;
  const unregister = registerIpc({ ipcMain, handlers: runtime.service.handlers, appUrl: appUrl ?? '', alsoTrusted });
  const unforward = forwardEvents(runtime.service, () => BrowserWindow.getAllWindows().map((w) => w.webContents));
  if (runtime.simulator) console.info(`[demo] embedded TelServer simulator on ${runtime.simulator.host}:${runtime.simulator.port}`);
  return {
    service: runtime.service,
    settings: settings ?? new MemorySettingsStore(),
    demo,
    async close() {
      unregister();
      unforward();
      await runtime.close();
    },
  };
}
