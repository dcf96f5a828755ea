/// <reference types="electron-vite/node" />
/**
 * Electron entry: wiring only. Policies live in main/app/policy.ts, the window in
 * main/app/window.ts; the TelServices session and the IPC contract plug in here later.
 */
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { app, type BrowserWindow, type Tray } from 'electron';
import trayIcon from '../build/tray.png?asset';
import { claimSingleInstance, listenForDialLinks, registerDialProtocols } from './app/protocol';
import { createTray } from './app/tray';
import { APP_ID, PRODUCT_NAME, createMainWindow } from './app/window';

const here = fileURLToPath(new URL('.', import.meta.url));
let mainWindow: BrowserWindow | null = null;
// Held for the app's lifetime: a Tray that is garbage-collected vanishes from the tray.
let tray: Tray | null = null;
let quitting = false;

function showWindow(): void {
  if (mainWindow === null || mainWindow.isDestroyed()) {
    mainWindow = createMainWindow({
      preloadPath: join(here, '../preload/index.cjs'),
      builtIndexPath: join(here, '../renderer/index.html'),
      isPackaged: app.isPackaged,
      devServerUrl: process.env['ELECTRON_RENDERER_URL'],
    });
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
  // The call core is not wired yet: bring the window up and log the request.
  void app.whenReady().then(() => {
    console.info(`[protocol] dial request for ${number}`);
    showWindow();
  });
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
  app.on('before-quit', () => {
    quitting = true;
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
    })
    .catch((error: unknown) => {
      console.error('[main] startup failed:', error);
      app.exit(1);
    });
}

start();
