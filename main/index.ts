/// <reference types="electron-vite/node" />
/**
 * Electron entry: wiring only. Policies live in main/app/policy.ts, the window in
 * main/app/window.ts, the core and its IPC registration in main/app/cti.ts.
 */
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { app, type BrowserWindow, type Tray } from 'electron';
import trayIcon from '../build/tray.png?asset';
import { claimSingleInstance, listenForDialLinks, registerDialProtocols } from './app/protocol';
import { createTray } from './app/tray';
import { startCti, type RunningCti } from './app/cti';
import { chooseRendererSource } from './app/policy';
import { APP_ID, PRODUCT_NAME, createMainWindow } from './app/window';

const here = fileURLToPath(new URL('.', import.meta.url));
let mainWindow: BrowserWindow | null = null;
// Held for the app's lifetime: a Tray that is garbage-collected vanishes from the tray.
let tray: Tray | null = null;
let quitting = false;
let cti: RunningCti | null = null;
let ctiClosed = false;

const rendererOptions = {
  builtIndexPath: join(here, '../renderer/index.html'),
  isPackaged: app.isPackaged,
  devServerUrl: process.env['ELECTRON_RENDERER_URL'],
};

/** The URL our page has: IPC answers only frames at this URL. */
function appUrl(): string {
  const source = chooseRendererSource(rendererOptions);
  return source.kind === 'url' ? source.url : pathToFileURL(source.path).href;
}

function showWindow(): void {
  if (mainWindow === null || mainWindow.isDestroyed()) {
    mainWindow = createMainWindow({ preloadPath: join(here, '../preload/index.cjs'), ...rendererOptions });
    // Closing the window hides it: the app keeps running in the tray for screen pops.
    mainWindow.on('close', (event) => {
      if (quitting) return;
      event.preventDefault();
      mainWindow?.hide();
    });
    return;
  }
  if (mainWindow.isMinimized()) mainWindow.restore();
  mainWindow.show();
  mainWindow.focus();
}

function onDial(number: string): void {
  void app.whenReady().then(async () => {
    showWindow();
    if (cti === null) {
      console.warn(`[protocol] dial ${number} ignored: the line is not started`);
      return;
    }
    // The handler validates the number like any command from the page.
    await cti.service.handlers.dial({ number });
  }).catch((error: unknown) => console.error(`[protocol] dial ${number} failed:`, error));
}

function start(): void {
  // Registered before 'ready': macOS may deliver the link that launched us early.
  const handleArgv = listenForDialLinks(process.argv, onDial);
  const locked = claimSingleInstance((argv) => {
    void app.whenReady().then(showWindow);
    handleArgv(argv);
  });
  if (!locked) {
    app.quit();
    return;
  }
  app.on('before-quit', (event: { preventDefault(): void }) => {
    quitting = true;
    // Close the TelServices session before leaving, so the server does not keep it open.
    if (cti !== null && !ctiClosed) {
      event.preventDefault();
      ctiClosed = true;
      void cti
        .close()
        .catch((error: unknown) => console.error('[main] closing the line failed:', error))
        .finally(() => app.quit());
    }
  });
  app.on('will-quit', () => {
    tray?.destroy();
    tray = null;
  });
  // The tray keeps the app alive; quitting is explicit (tray menu, OS session end).
  app.on('window-all-closed', () => undefined);
  app.on('activate', showWindow);
  app
    .whenReady()
    .then(() => {
      app.setAppUserModelId(APP_ID);
      registerDialProtocols(app.isPackaged);
      tray = createTray(trayIcon, PRODUCT_NAME, { onShow: showWindow, onQuit: () => app.quit() });
      showWindow();
      // A line that cannot start (e.g. the demo simulator's port) leaves the app up, disconnected.
      startCti(appUrl())
        .then((running) => {
          cti = running;
        })
        .catch((error: unknown) => console.error('[main] the line could not start:', error));
    })
    .catch((error: unknown) => {
      console.error('[main] startup failed:', error);
      app.exit(1);
    });
}

start();
