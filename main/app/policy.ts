/**
 * Security decisions of the window factory, as pure functions.
 * This file must not import `electron`: it is tested directly under plain Node,
 * and main/app/window.ts only glues these answers to Electron's events.
 */
import { isAllowedUrl } from '../desktop/call-actions';

/**
 * Schemes a link in our page may hand to the operating system besides https (browser, mail client,
 * softphone). The same allowlist check (main/desktop/call-actions.ts) guards call actions.
 */
export const EXTERNAL_SCHEMES: readonly string[] = ['mailto', 'tel'];

function parseUrl(raw: string): URL | null {
  try {
    return new URL(raw);
  } catch {
    return null;
  }
}

/** True when `raw` is a well-formed https URL with a host and no credentials, or uses a scheme of EXTERNAL_SCHEMES. */
export function isAllowedExternalUrl(raw: string): boolean {
  return isAllowedUrl(raw, EXTERNAL_SCHEMES);
}

/** What to do with a window.open / target=_blank request: never a new Electron window. */
export interface WindowOpenDecision {
  readonly action: 'deny';
  readonly openExternally: boolean;
}

export function decideWindowOpen(raw: string): WindowOpenDecision {
  return { action: 'deny', openExternally: isAllowedExternalUrl(raw) };
}

/**
 * True when `url` is the app's own document: the one check behind both the navigation guard
 * (decideNavigation) and the IPC sender check (main/app/ipc.ts isTrustedSender).
 * - file: (the packaged app): the very file the app loaded, same host and path;
 * - http(s): (the loopback Vite dev server, development only): the same origin, any path;
 * - query and hash never matter; credentials in the URL, another scheme or anything that does not
 *   parse are refused.
 * Origin for http is deliberate: the dev server's documents are all ours and IPC trusts them
 * anyway, so blocking a navigation between them adds nothing; for file: only the loaded document
 * is ours (other files on disk are not).
 */
export function isAppUrl(url: string, appUrl: string): boolean {
  const to = parseUrl(url);
  const app = parseUrl(appUrl);
  if (to === null || app === null) return false;
  if (to.protocol !== app.protocol || to.username !== '' || to.password !== '') return false;
  if (app.protocol === 'http:' || app.protocol === 'https:') return to.origin === app.origin;
  if (app.protocol === 'file:') return to.host === app.host && to.pathname === app.pathname;
  return false;
}

export type NavigationDecision = 'allow' | 'block';

/** A navigation stays inside the app only to the app's own document (isAppUrl); anything else is blocked. */
export function decideNavigation(target: string, appUrl: string): NavigationDecision {
  return isAppUrl(target, appUrl) ? 'allow' : 'block';
}

/**
 * No web permission (camera, geolocation, notifications from the page, reading the clipboard ...) is
 * granted, except writing text to the clipboard: the About view's "Copy diagnostics" button.
 */
export function isPermissionGranted(permission: string): boolean {
  return permission === 'clipboard-sanitized-write';
}

/** The webPreferences every window of the app is created with. */
export interface SecureWebPreferences {
  readonly preload: string;
  readonly contextIsolation: true;
  readonly sandbox: true;
  readonly nodeIntegration: false;
  readonly nodeIntegrationInWorker: false;
  readonly nodeIntegrationInSubFrames: false;
  readonly webSecurity: true;
  readonly allowRunningInsecureContent: false;
  readonly webviewTag: false;
  readonly spellcheck: false;
  /** Middle-click (auxclick) would open links as new windows: switched off in Blink itself. */
  readonly disableBlinkFeatures: 'Auxclick';
}

export function secureWebPreferences(preloadPath: string): SecureWebPreferences {
  return {
    preload: preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    spellcheck: false,
    disableBlinkFeatures: 'Auxclick',
  };
}

/**
 * Where the renderer comes from: the Vite dev server only in development (electron-vite
 * sets ELECTRON_RENDERER_URL) and only if it is on loopback; otherwise the built file.
 */
export type RendererSource = { readonly kind: 'url'; readonly url: string } | { readonly kind: 'file'; readonly path: string };

export function chooseRendererSource(options: {
  readonly isPackaged: boolean;
  readonly devServerUrl: string | undefined;
  readonly builtIndexPath: string;
}): RendererSource {
  const { isPackaged, devServerUrl, builtIndexPath } = options;
  if (!isPackaged && devServerUrl !== undefined && devServerUrl !== '') {
    const url = parseUrl(devServerUrl);
    const loopback = url !== null && ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname);
    if (loopback && (url.protocol === 'http:' || url.protocol === 'https:')) {
      return { kind: 'url', url: url.href };
    }
  }
  return { kind: 'file', path: builtIndexPath };
}
