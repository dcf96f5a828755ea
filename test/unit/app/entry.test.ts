// main/index.ts wiring with `electron` mocked: one instance, a tray, and one secure window
// that loads the built preload (CommonJS) and page; closing hides, quitting quits.
import { describe, expect, it, vi } from 'vitest';

type Listener = (...args: unknown[]) => unknown;

const fake = vi.hoisted(() => {
  const appListeners = new Map<string, Listener>();
  const windows: FakeWindow[] = [];
  class FakeWindow {
    readonly listeners = new Map<string, Listener>();
    readonly webContents = {
      setWindowOpenHandler: vi.fn(),
      on: vi.fn(),
      session: { setPermissionRequestHandler: vi.fn(), setPermissionCheckHandler: vi.fn() },
    };
    visible = false;
    loadFile = vi.fn(() => Promise.resolve());
    loadURL = vi.fn(() => Promise.resolve());
    constructor(readonly options: { webPreferences: { preload: string; sandbox: boolean } }) {
      windows.push(this);
    }
    on(event: string, listener: Listener): this {
      this.listeners.set(event, listener);
      return this;
    }
    once(event: string, listener: Listener): this {
      return this.on(event, listener);
    }
    isDestroyed = (): boolean => false;
    isMinimized = (): boolean => false;
    restore = vi.fn();
    focus = vi.fn();
    show(): void {
      this.visible = true;
    }
    hide(): void {
      this.visible = false;
    }
  }
  let resolveReady: () => void = () => undefined;
  const ready = new Promise<void>((resolve) => {
    resolveReady = resolve;
  });
  const app = {
    isPackaged: false,
    on: (event: string, listener: Listener) => appListeners.set(event, listener),
    requestSingleInstanceLock: vi.fn(() => true),
    whenReady: () => ready,
    isReady: () => true,
    setAppUserModelId: vi.fn(),
    isDefaultProtocolClient: vi.fn(() => false),
    setAsDefaultProtocolClient: vi.fn(),
    quit: vi.fn(),
    exit: vi.fn(),
  };
  const tray = { setToolTip: vi.fn(), setContextMenu: vi.fn(), on: vi.fn() };
  return { app, appListeners, windows, FakeWindow, tray, resolveReady };
});

vi.mock('electron', () => ({
  app: fake.app,
  BrowserWindow: fake.FakeWindow,
  shell: { openExternal: vi.fn() },
  Tray: vi.fn(function FakeTray() {
    return fake.tray;
  }),
  Menu: { buildFromTemplate: vi.fn((template: unknown) => template) },
  nativeImage: { createFromPath: vi.fn((path: string) => ({ path })) },
}));

describe('main/index.ts', () => {
  it('opens one hardened window with the built preload and page once Electron is ready', async () => {
    await import('../../../main/index');
    expect(fake.app.requestSingleInstanceLock).toHaveBeenCalledOnce();
    expect(fake.windows).toHaveLength(0);

    fake.resolveReady();
    await vi.waitFor(() => expect(fake.windows).toHaveLength(1));
    const window = fake.windows[0]!;
    expect(window.options.webPreferences.preload).toMatch(/[\\/]preload[\\/]index\.cjs$/);
    expect(window.options.webPreferences.sandbox).toBe(true);
    expect(window.loadFile).toHaveBeenCalledWith(expect.stringMatching(/[\\/]renderer[\\/]index\.html$/));
    expect(window.webContents.setWindowOpenHandler).toHaveBeenCalled();
    expect(fake.tray.setContextMenu).toHaveBeenCalled();
    // A development checkout never takes over the OS tel:/callto: handlers.
    expect(fake.app.setAsDefaultProtocolClient).not.toHaveBeenCalled();
  });

  it('hides the window on close (the app lives in the tray) until the app quits', () => {
    const window = fake.windows[0]!;
    window.show();
    const close = { preventDefault: vi.fn() };
    window.listeners.get('close')!(close);
    expect(close.preventDefault).toHaveBeenCalled();
    expect(window.visible).toBe(false);

    fake.appListeners.get('before-quit')!();
    const closeOnQuit = { preventDefault: vi.fn() };
    window.listeners.get('close')!(closeOnQuit);
    expect(closeOnQuit.preventDefault).not.toHaveBeenCalled();
  });

  it('shows the existing window for a second instance instead of opening another', async () => {
    fake.appListeners.get('second-instance')!({}, ['/opt/cti/cti', 'tel:0140']);
    await vi.waitFor(() => expect(fake.windows[0]!.visible).toBe(true));
    expect(fake.windows).toHaveLength(1);
  });
});
