/**
 * The core inside the desktop app: the same runtime as web mode (main/core/runtime.ts), its
 * commands registered on ipcMain (checked sender, validated arguments) and its events forwarded to
 * our windows. Demo mode keeps its settings in memory so that the simulator's throw-away port is
 * never written to the user's settings file.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { app, BrowserWindow, ipcMain } from 'electron';
import { chooseStartup, startCoreRuntime } from '../core/runtime';
import type { CtiService } from '../core/service';
import { ConfSettingsStore } from '../settings/conf-store';
import { MemorySettingsStore } from '../settings/store';
import { forwardEvents, registerIpc } from './ipc';

export interface RunningCti {
  service: CtiService;
  demo: boolean;
  close(): Promise<void>;
}

export async function startCti(appUrl: string): Promise<RunningCti> {
  const dir = app.getPath('userData');
  const startup = chooseStartup(process.env, existsSync(join(dir, 'settings.json')));
  const demo = startup.demo;
  const runtime = await startCoreRuntime({
    demo,
    settings: (demoOverrides) => {
      if (startup.demo) return new MemorySettingsStore(demoOverrides);
      const store = new ConfSettingsStore({ cwd: dir });
      if (store.loadError) console.warn(`[settings] ${store.loadError.message}`);
      // An environment override is for this run only: kept in memory, the saved file untouched.
      return Object.keys(startup.overrides).length > 0 ? new MemorySettingsStore({ ...store.get(), ...startup.overrides }) : store;
    },
  });
  const unregister = registerIpc({ ipcMain, handlers: runtime.service.handlers, appUrl });
  const unforward = forwardEvents(runtime.service, () => BrowserWindow.getAllWindows().map((w) => w.webContents));
  if (runtime.simulator) console.info(`[demo] embedded TelServer simulator on ${runtime.simulator.host}:${runtime.simulator.port}`);
  return {
    service: runtime.service,
    demo,
    async close() {
      unregister();
      unforward();
      await runtime.close();
    },
  };
}
