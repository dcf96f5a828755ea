import { describe, expect, it } from 'vitest';
import {
  chooseRendererSource,
  decideNavigation,
  decideWindowOpen,
  isAllowedExternalUrl,
  isPermissionGranted,
  isAppUrl,
  secureWebPreferences,
} from '../../../main/app/policy';

describe('isAllowedExternalUrl', () => {
  it.each(['https://example.com/help', 'mailto:support@example.com', 'tel:+33123456789', 'TEL:0123'])(
    'allows %s',
    (url) => expect(isAllowedExternalUrl(url)).toBe(true),
  );

  it.each([
    'http://example.com/',
    'file:///etc/passwd',
    'javascript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'smb://server/share',
    'ms-msdt:/id PCWDiagnostic',
    'callto:0123',
    'https://user:pass@example.com/',
    'not a url',
    '',
  ])('refuses %s', (url) => expect(isAllowedExternalUrl(url)).toBe(false));
});

describe('decideWindowOpen', () => {
  it('always denies a new window, and opens only allowlisted schemes outside', () => {
    expect(decideWindowOpen('https://example.com')).toEqual({ action: 'deny', openExternally: true });
    expect(decideWindowOpen('file:///tmp/x.html')).toEqual({ action: 'deny', openExternally: false });
    expect(decideWindowOpen('about:blank')).toEqual({ action: 'deny', openExternally: false });
  });
});

describe('navigation', () => {
  const fileApp = 'file:///opt/cti/resources/app.asar/out/renderer/index.html';
  const devApp = 'http://localhost:5173/';

  it('allows the app document itself, with another hash or query', () => {
    expect(isAppUrl(`${fileApp}#/history`, fileApp)).toBe(true);
    expect(isAppUrl(`${devApp}?x=1`, devApp)).toBe(true);
    expect(decideNavigation(fileApp, fileApp)).toBe('allow');
  });

  it('on the dev server (http) the same origin is the app: another path of it is allowed', () => {
    expect(decideNavigation('http://localhost:5173/index.html#/history', devApp)).toBe('allow');
    expect(isAppUrl('http://localhost:5173/settings', devApp)).toBe(true);
  });

  it('blocks any other document, host, port or scheme', () => {
    expect(decideNavigation('file:///etc/passwd', fileApp)).toBe('block');
    expect(decideNavigation('file:///opt/cti/resources/app.asar/out/renderer/other.html', fileApp)).toBe('block');
    expect(decideNavigation('https://evil.example/', fileApp)).toBe('block');
    expect(decideNavigation('http://localhost:5174/', devApp)).toBe('block');
    expect(decideNavigation('https://localhost:5173/', devApp)).toBe('block');
    expect(decideNavigation('http://user@localhost:5173/', devApp)).toBe('block');
    expect(decideNavigation('garbage', fileApp)).toBe('block');
    expect(decideNavigation(fileApp, 'garbage')).toBe('block');
    expect(decideNavigation('app://cti/index.html', 'app://cti/index.html')).toBe('block');
  });
});

describe('secureWebPreferences', () => {
  it('turns every isolation switch on and every Node switch off', () => {
    expect(secureWebPreferences('/app/out/preload/index.cjs')).toEqual({
      preload: '/app/out/preload/index.cjs',
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
    });
  });
});

describe('permissions', () => {
  it.each(['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal'])('denies %s', (p) => {
    expect(isPermissionGranted(p)).toBe(false);
  });
  it('grants only writing text to the clipboard (Copy diagnostics)', () => {
    expect(isPermissionGranted('clipboard-sanitized-write')).toBe(true);
  });
});

describe('chooseRendererSource', () => {
  const builtIndexPath = '/app/out/renderer/index.html';

  it('uses the built file when packaged, even if a dev URL is set', () => {
    expect(chooseRendererSource({ isPackaged: true, devServerUrl: 'http://localhost:5173/', builtIndexPath })).toEqual({
      kind: 'file',
      path: builtIndexPath,
    });
  });

  it('uses the dev server only in development and only on loopback', () => {
    expect(chooseRendererSource({ isPackaged: false, devServerUrl: 'http://localhost:5173', builtIndexPath })).toEqual({
      kind: 'url',
      url: 'http://localhost:5173/',
    });
    expect(chooseRendererSource({ isPackaged: false, devServerUrl: 'http://127.0.0.1:5173/', builtIndexPath }).kind).toBe('url');
    expect(chooseRendererSource({ isPackaged: false, devServerUrl: 'https://cdn.example/', builtIndexPath }).kind).toBe('file');
    expect(chooseRendererSource({ isPackaged: false, devServerUrl: 'file:///tmp/x', builtIndexPath }).kind).toBe('file');
    expect(chooseRendererSource({ isPackaged: false, devServerUrl: undefined, builtIndexPath }).kind).toBe('file');
    expect(chooseRendererSource({ isPackaged: false, devServerUrl: '', builtIndexPath }).kind).toBe('file');
  });
});
