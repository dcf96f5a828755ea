/// <reference types="electron-vite/node" />
/**
 * Electron entry: wiring only. Policies live in main/app/policy.ts, the windows in
 * main/app/window.ts and pop-window.ts, the core and its IPC in main/app/cti.ts, the tray, pop,
 * shortcut and lifecycle in main/app/shell.ts (logic in main/desktop/, tested without Electron).
 */
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { app, safeStorage, type BrowserWindow } from 'electron';
import type { ViewName } from '../common/contract';
import { startsHidden } from './desktop/login-item';
import { PageEvents } from './desktop/page-events';
import { SafeStorageSecretStore } from './desktop/safe-secrets';
import type { SecretKey } from './settings/secrets';
import { SECRET_KEYS } from './settings/secrets';
import { startCti, type RunningCti } from './app/cti';
import { setupLog, type AppLog } from './app/log';
import { chooseRendererSource, type RendererSource } from './app/policy';
import { claimSingleInstance, listenForDialLinks, registerDialProtocols } from './app/protocol';
import { secretBlobFile } from './app/settings-store';
import { startDesktopShell, type DesktopShell } from './app/shell';
import { TrayController } from './app/tray';
import { APP_ID, PRODUCT_NAME, createMainWindow } from './app/window';

const here = fileURLToPath(new URL('.', import.meta.url));
let mainWindow: BrowserWindow | null = null;
let quitting = false;
let cti: RunningCti | null = null;
let ctiClosed = false;
let shell: DesktopShell | null = null;
let secrets: SafeStorageSecretStore | null = null;
/** The tray when the line could not start at all (held: a collected Tray vanishes). */
let fallbackTray: TrayController | null = null;
/** A dial link that arrived before the line was up. */
let pendingDial: string | null = null;

const rendererOptions = {
  builtIndexPath: join(here, '../renderer/index.html'),
  isPackaged: app.isPackaged,
  devServerUrl: process.env['ELECTRON_RENDERER_URL'],
};
const preloadPath = join(here, '../preload/index.cjs');

const urlOf = (source: RendererSource): string => (source.kind === 'url' ? source.url : pathToFileURL(source.path).href);
/** The URL our page has: IPC answers only frames at this URL (and the pop's). */
const appUrl = (): string => urlOf(chooseRendererSource(rendererOptions));
/** A page beside the main one (pop.html, dial.html), from the same place (dev server or built files). */
function besideMain(page: string): RendererSource {
  const main = chooseRendererSource(rendererOptions);
  return main.kind === 'url' ? { kind: 'url', url: new URL(page, main.url).href } : { kind: 'file', path: join(dirname(main.path), page) };
}
const popSource = (): RendererSource => besideMain('pop.html');
const dialSource = (): RendererSource => besideMain('dial.html');

// Logs go to a rotated file, every secret redacted (the values come from the store once it exists).
const appLog: AppLog = setupLog(() => (secrets === null ? [] : SECRET_KEYS.map((k: SecretKey) => secrets?.get(k) ?? '').filter((v) => v !== '')));

function showWindow(): BrowserWindow {
  if (mainWindow === null || mainWindow.isDestroyed()) {
    const window = createMainWindow({ preloadPath, ...rendererOptions });
    mainWindow = window;
    // Closing the window hides it: the app keeps running in the tray for screen pops.
    window.on('close', (event) => {
      if (quitting) return;
      event.preventDefault();
      window.hide();
    });
    return window;
  }
  if (mainWindow.isMinimized()) mainWindow.restore();
  mainWindow.show();
  mainWindow.focus();
  return mainWindow;
}

/** The shell's requests to the main page, held while a new window still loads. */
const pageEvents = new PageEvents();

/** The dial box of the main window, prefilled, its Call button focused (renderer: the dialRequest event). */
function openDialBox(number: string): void {
  pageEvents.send(showWindow().webContents, 'dialRequest', { number });
}

/** The main window on one of its views (renderer: the showView event), e.g. the tray's Settings. */
function showView(view: ViewName): void {
  pageEvents.send(showWindow().webContents, 'showView', { view });
}

function onDialLink(number: string): void {
  void app.whenReady().then(() => {
    if (shell === null) {
      pendingDial = number;
      showWindow();
      return;
    }
    shell.dialLink(number);
  });
}

async function startLine(): Promise<void> {
  secrets = new SafeStorageSecretStore(safeStorage, secretBlobFile(app.getPath('userData')), process.platform, (m) => console.warn(m));
  if (secrets.unavailableReason !== undefined) console.warn(`[secrets] ${secrets.unavailableReason}`);
  const popUrl = urlOf(popSource());
  const dialUrl = urlOf(dialSource());
  const running = await startCti({
    dir: app.getPath('userData'),
    appUrls: [appUrl(), popUrl, dialUrl],
    secrets,
    diagnostics: async () => ({
      app: { name: PRODUCT_NAME, version: app.getVersion() },
      versions: { electron: process.versions.electron ?? '', chrome: process.versions.chrome ?? '', node: process.versions.node, v8: process.versions.v8 },
      platform: `${process.platform} ${process.arch}`,
      logFile: appLog.file,
      logLines: appLog.lastLines(80),
      ...(shell ? { desktop: shell.status() } : {}),
    }),
  });
  cti = running;
  shell = startDesktopShell(running, {
    productName: PRODUCT_NAME,
    pop: { preloadPath, source: popSource(), pageUrl: popUrl },
    dial: { preloadPath, source: dialSource(), pageUrl: dialUrl },
    showMainWindow: () => void showWindow(),
    openDialBox,
    showView,
    flashMainWindow: (on) => {
      if (mainWindow !== null && !mainWindow.isDestroyed()) mainWindow.flashFrame(on);
    },
    quit: () => app.quit(),
  });
  if (!startsHidden(process.argv, running.settings.get().startMinimised, false)) showWindow();
  if (pendingDial !== null) shell.dialLink(pendingDial);
  pendingDial = null;
}

function start(): void {
  // Wayland: global shortcuts only through the desktop portal (main/desktop/shortcut.ts explains a refusal).
  if (process.platform === 'linux' && process.env['XDG_SESSION_TYPE'] === 'wayland') app.commandLine.appendSwitch('enable-features', 'GlobalShortcutsPortal');
  // Registered before 'ready': macOS may deliver the link that launched us early.
  const handleArgv = listenForDialLinks(process.argv, onDialLink);
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
      shell?.stop();
      shell = null;
      void cti
        .close()
        .catch((error: unknown) => console.error('[main] closing the line failed:', error))
        .finally(() => app.quit());
    }
  });
  app.on('will-quit', () => {
    shell?.stop();
    shell = null;
    fallbackTray?.destroy();
    fallbackTray = null;
  });
  // The tray keeps the app alive; quitting is explicit (tray menu, OS session end).
  app.on('window-all-closed', () => undefined);
  app.on('activate', () => void showWindow());
  app
    .whenReady()
    .then(() => {
      app.setAppUserModelId(APP_ID);
      registerDialProtocols(app.isPackaged);
      // A line that cannot start (e.g. the demo simulator's port) leaves the app up, disconnected.
      startLine().catch((error: unknown) => {
        console.error('[main] the line could not start:', error);
        // Still in the tray (shown disconnected) so the user can open the window or quit.
        fallbackTray = new TrayController({
          productName: PRODUCT_NAME,
          platform: process.platform,
          onAction: (action) => (action.type === 'quit' ? app.quit() : void showWindow()),
          onClick: () => void showWindow(),
        });
        showWindow();
      });
    })
    .catch((error: unknown) => {
      console.error('[main] startup failed:', error);
      app.exit(1);
    });
}

start();
