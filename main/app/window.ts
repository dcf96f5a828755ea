/**
 * The one secure window factory. Every decision comes from ./policy (pure, tested
 * without Electron); this file only wires those answers to Electron's events.
 */
import { pathToFileURL } from 'node:url';
import { BrowserWindow, shell, type WebContents } from 'electron';
import {
  chooseRendererSource,
  decideNavigation,
  decideWindowOpen,
  isAllowedExternalUrl,
  isPermissionGranted,
  secureWebPreferences,
  type RendererSource,
} from './policy';

export const PRODUCT_NAME = 'TelServices CTI';
/** Same value as appId in build/electron-builder.json (Windows notifications need it). */
export const APP_ID = 'com.telservices.cti';

export interface MainWindowOptions {
  /** Absolute path of the built preload (out/preload/index.cjs). */
  readonly preloadPath: string;
  /** Absolute path of the built renderer page (out/renderer/index.html). */
  readonly builtIndexPath: string;
  readonly isPackaged: boolean;
  /** ELECTRON_RENDERER_URL, set by `electron-vite dev` only. */
  readonly devServerUrl: string | undefined;
}

function appUrlOf(source: RendererSource): string {
  switch (source.kind) {
    case 'url':
      return source.url;
    case 'file':
      return pathToFileURL(source.path).href;
    default: {
      const unreachable: never = source;
      return unreachable;
    }
  }
}

function openExternally(url: string): void {
  if (!isAllowedExternalUrl(url)) return;
  shell.openExternal(url).catch((error: unknown) => {
    console.warn(`[window] could not open ${url} externally:`, error);
  });
}

/**
 * Applies the navigation, popup, webview and permission policy to a webContents.
 * `appUrl` is the only document this webContents may show.
 */
export function hardenWebContents(contents: WebContents, appUrl: string): void {
  contents.setWindowOpenHandler(({ url }) => {
    if (decideWindowOpen(url).openExternally) openExternally(url);
    return { action: 'deny' };
  });
  const guard = (details: { url: string; preventDefault: () => void }): void => {
    if (decideNavigation(details.url, appUrl) === 'allow') return;
    details.preventDefault();
    // A plain link to an allowed scheme is opened by the OS instead of inside the app.
    openExternally(details.url);
  };
  contents.on('will-navigate', guard);
  contents.on('will-redirect', guard);
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.session.setPermissionRequestHandler((_contents, permission, callback) => {
    callback(isPermissionGranted(permission));
  });
  contents.session.setPermissionCheckHandler((_contents, permission) => isPermissionGranted(permission));
}

export function createMainWindow(options: MainWindowOptions): BrowserWindow {
  const source = chooseRendererSource(options);
  const window = new BrowserWindow({
    title: PRODUCT_NAME,
    width: 420,
    height: 640,
    minWidth: 320,
    minHeight: 400,
    show: false,
    autoHideMenuBar: true,
    backgroundColor: '#f6f7f9',
    webPreferences: secureWebPreferences(options.preloadPath),
  });
  hardenWebContents(window.webContents, appUrlOf(source));
  window.once('ready-to-show', () => window.show());
  const loading = source.kind === 'url' ? window.loadURL(source.url) : window.loadFile(source.path);
  loading.catch((error: unknown) => {
    console.error('[window] the renderer failed to load:', error);
  });
  return window;
}
