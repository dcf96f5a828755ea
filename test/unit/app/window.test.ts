// The Electron glue of the window factory, with `electron` mocked (it cannot load under
// plain Node): checks that every policy answer reaches the right Electron hook.
import { beforeEach, describe, expect, it, vi } from 'vitest';

type Listener = (...args: unknown[]) => void;

const electron = vi.hoisted(() => {
  class FakeWebContents {
    readonly listeners = new Map<string, Listener[]>();
    windowOpenHandler: ((details: { url: string }) => { action: string }) | null = null;
    permissionRequest: ((wc: unknown, permission: string, cb: (ok: boolean) => void) => void) | null = null;
    permissionCheck: ((wc: unknown, permission: string) => boolean) | null = null;
    readonly session = {
      setPermissionRequestHandler: (h: FakeWebContents['permissionRequest']) => {
        this.permissionRequest = h;
      },
      setPermissionCheckHandler: (h: FakeWebContents['permissionCheck']) => {
        this.permissionCheck = h;
      },
    };
    setWindowOpenHandler(handler: FakeWebContents['windowOpenHandler']): void {
      this.windowOpenHandler = handler;
    }
    on(event: string, listener: Listener): this {
      this.listeners.set(event, [...(this.listeners.get(event) ?? []), listener]);
      return this;
    }
    emit(event: string, ...args: unknown[]): void {
      for (const l of this.listeners.get(event) ?? []) l(...args);
    }
  }
  class FakeBrowserWindow {
    static last: FakeBrowserWindow | null = null;
    readonly webContents = new FakeWebContents();
    readonly loadedFile = vi.fn((_path: string) => Promise.resolve());
    readonly loadedUrl = vi.fn((_url: string) => Promise.resolve());
    constructor(readonly options: Record<string, unknown>) {
      FakeBrowserWindow.last = this;
    }
    loadFile(path: string): Promise<void> {
      return this.loadedFile(path);
    }
    loadURL(url: string): Promise<void> {
      return this.loadedUrl(url);
    }
    once(): this {
      return this;
    }
  }
  return {
    FakeWebContents,
    FakeBrowserWindow,
    shell: { openExternal: vi.fn((_url: string) => Promise.resolve()) },
  };
});

vi.mock('electron', () => ({ BrowserWindow: electron.FakeBrowserWindow, shell: electron.shell }));

const { createMainWindow, hardenWebContents } = await import('../../../main/app/window');

const options = {
  preloadPath: '/app/out/preload/index.cjs',
  builtIndexPath: '/app/out/renderer/index.html',
  isPackaged: true,
  devServerUrl: undefined,
};

function navigation(url: string): { url: string; preventDefault: ReturnType<typeof vi.fn> } {
  return { url, preventDefault: vi.fn() };
}

describe('createMainWindow', () => {
  beforeEach(() => {
    electron.shell.openExternal.mockClear();
  });

  it('creates the window with the secure preferences and loads the built file', () => {
    createMainWindow(options);
    const window = electron.FakeBrowserWindow.last!;
    expect(window.options['webPreferences']).toMatchObject({
      preload: '/app/out/preload/index.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
    });
    expect(window.loadedFile).toHaveBeenCalledWith('/app/out/renderer/index.html');
    expect(window.loadedUrl).not.toHaveBeenCalled();
  });

  it('loads the dev server URL only for an unpackaged app', () => {
    createMainWindow({ ...options, isPackaged: false, devServerUrl: 'http://localhost:5173/' });
    expect(electron.FakeBrowserWindow.last!.loadedUrl).toHaveBeenCalledWith('http://localhost:5173/');
  });

  it('blocks navigation away from the built page and hands https links to the OS', () => {
    createMainWindow(options);
    const contents = electron.FakeBrowserWindow.last!.webContents;
    const away = navigation('https://example.com/');
    contents.emit('will-navigate', away);
    expect(away.preventDefault).toHaveBeenCalled();
    expect(electron.shell.openExternal).toHaveBeenCalledWith('https://example.com/');

    const home = navigation('file:///app/out/renderer/index.html#/calls');
    contents.emit('will-navigate', home);
    expect(home.preventDefault).not.toHaveBeenCalled();
  });
});

describe('hardenWebContents', () => {
  const appUrl = 'file:///app/out/renderer/index.html';
  let contents: InstanceType<typeof electron.FakeWebContents>;

  beforeEach(() => {
    electron.shell.openExternal.mockClear();
    contents = new electron.FakeWebContents();
    hardenWebContents(contents as never, appUrl);
  });

  it('denies every window.open and opens only allowlisted schemes externally', () => {
    expect(contents.windowOpenHandler!({ url: 'https://example.com/doc' })).toEqual({ action: 'deny' });
    expect(contents.windowOpenHandler!({ url: 'file:///etc/passwd' })).toEqual({ action: 'deny' });
    expect(contents.windowOpenHandler!({ url: 'javascript:alert(1)' })).toEqual({ action: 'deny' });
    expect(electron.shell.openExternal.mock.calls).toEqual([['https://example.com/doc']]);
  });

  it('blocks redirects and never opens disallowed schemes', () => {
    const redirect = navigation('http://evil.example/');
    contents.emit('will-redirect', redirect);
    expect(redirect.preventDefault).toHaveBeenCalled();
    expect(electron.shell.openExternal).not.toHaveBeenCalled();
  });

  it('refuses webviews', () => {
    const event = { preventDefault: vi.fn() };
    contents.emit('will-attach-webview', event);
    expect(event.preventDefault).toHaveBeenCalled();
  });

  it('denies permission requests and checks', () => {
    const callback = vi.fn();
    contents.permissionRequest!(contents, 'media', callback);
    expect(callback).toHaveBeenCalledWith(false);
    expect(contents.permissionCheck!(contents, 'notifications')).toBe(false);
  });
});
