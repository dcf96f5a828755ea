// main/index.ts wiring with `electron` mocked: one instance, a tray, and one secure window
// that loads the built preload (CommonJS) and page; the tray's Settings and dial links reach the
// page as contract events; closing hides, quitting quits.
import { describe, expect, it, vi } from 'vitest';

type Listener = (...args: unknown[]) => unknown;

const fake = vi.hoisted(() => {
  const appListeners = new Map<string, Listener>();
  const windows: FakeWindow[] = [];
  class FakeWindow {
    readonly listeners = new Map<string, Listener>();
    readonly webContents = {
      send: vi.fn(),
      isDestroyed: () => false,
      setWindowOpenHandler: vi.fn(),
      on: vi.fn(),
      once: vi.fn(),
      isLoading: () => false,
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
    isVisible = (): boolean => this.visible;
    setAlwaysOnTop = vi.fn();
    setVisibleOnAllWorkspaces = vi.fn();
    setBounds = vi.fn();
    flashFrame = vi.fn();
    destroy = vi.fn();
    showInactive(): void {
      this.visible = true;
    }
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
    getVersion: () => '0.0.0-test',
    getLoginItemSettings: () => ({ openAtLogin: false }),
    setLoginItemSettings: vi.fn(),
    commandLine: { appendSwitch: vi.fn() },
    // A fresh, empty profile: first run, so the line starts on the embedded demo simulator.
    getPath: vi.fn(() => profileDir),
  };
  const ipcHandlers = new Map<string, Listener>();
  const ipcMain = {
    handle: vi.fn((channel: string, listener: Listener) => ipcHandlers.set(channel, listener)),
    // electron-store answers its renderer helper on this channel.
    on: vi.fn(),
    removeHandler: vi.fn((channel: string) => ipcHandlers.delete(channel)),
  };
  const tray = { setToolTip: vi.fn(), setContextMenu: vi.fn(), setImage: vi.fn(), on: vi.fn(), getBounds: () => ({ x: 0, y: 0, width: 0, height: 0 }), destroy: vi.fn() };
  return { app, appListeners, windows, FakeWindow, tray, resolveReady, ipcMain, ipcHandlers };
});

const profileDir = vi.hoisted(() => {
  // vi.hoisted runs before the imports, so reach node's modules through getBuiltinModule.
  const fs = process.getBuiltinModule('node:fs');
  const os = process.getBuiltinModule('node:os');
  const path = process.getBuiltinModule('node:path');
  return fs.mkdtempSync(path.join(os.tmpdir(), 'cti-entry-'));
});

vi.mock('electron', () => ({
  app: fake.app,
  BrowserWindow: Object.assign(fake.FakeWindow, { getAllWindows: () => fake.windows }),
  ipcMain: fake.ipcMain,
  shell: { openExternal: vi.fn() },
  Tray: vi.fn(function FakeTray() {
    return fake.tray;
  }),
  Menu: { buildFromTemplate: vi.fn((template: unknown) => template) },
  nativeImage: { createEmpty: vi.fn(() => ({ addRepresentation: vi.fn(), setTemplateImage: vi.fn() })) },
  nativeTheme: { shouldUseDarkColors: false, on: vi.fn() },
  // No keyring here: secrets stay in memory for the run.
  safeStorage: { isEncryptionAvailable: () => false, encryptString: vi.fn(), decryptString: vi.fn() },
  powerMonitor: { on: vi.fn(), removeListener: vi.fn() },
  globalShortcut: { register: vi.fn(() => true), unregister: vi.fn() },
  clipboard: { readText: vi.fn(() => Promise.resolve('')) },
  Notification: Object.assign(vi.fn(), { isSupported: () => false }),
  screen: { getAllDisplays: () => [], getCursorScreenPoint: () => ({ x: 0, y: 0 }) },
}));

// electron-store loads the real electron package (outside vitest's mocks): an in-memory stand-in.
vi.mock('electron-store', () => ({
  default: class FakeStore {
    store: Record<string, unknown> = {};
    readonly path = '/nonexistent/settings.json';
    get(key: string): unknown {
      return this.store[key];
    }
    set(key: string, value: unknown): void {
      this.store[key] = value;
    }
    delete(key: string): void {
      delete this.store[key];
    }
  },
}));

// electron-log writes into the (mocked) app's paths: keep it to the console here.
vi.mock('electron-log/main', () => ({
  default: { transports: { file: { maxSize: 0, level: 'info', getFile: () => ({ path: '/nonexistent/main.log' }) } }, hooks: [], functions: {} },
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

  it('registers one IPC handler per contract command once the line has started', async () => {
    const { COMMAND_NAMES, commandChannel } = await import('../../../common/contract');
    await vi.waitFor(() => expect(fake.ipcHandlers.size).toBe(COMMAND_NAMES.length), { timeout: 10_000 });
    for (const name of COMMAND_NAMES) expect(fake.ipcHandlers.has(commandChannel(name))).toBe(true);
  });

  it("forwards the line's events to the window (the demo line reports its connection)", async () => {
    const { eventChannel } = await import('../../../common/contract');
    const window = fake.windows[0]!;
    await vi.waitFor(
      () => {
        const sent = window.webContents.send.mock.calls as unknown as [string, { lineId?: unknown }][];
        const connection = sent.find(([channel]) => channel === eventChannel('connection'));
        expect(typeof connection?.[1].lineId).toBe('string');
      },
      { timeout: 10_000 },
    );
  });

  it('shows the existing window for a second instance instead of opening another', async () => {
    fake.appListeners.get('second-instance')!({}, ['/opt/cti/cti', 'tel:0140']);
    await vi.waitFor(() => expect(fake.windows[0]!.visible).toBe(true));
    expect(fake.windows).toHaveLength(1);
  });

  it("the tray's Settings shows the window on the settings view; a tel: link opens the dial box (showView, dialRequest)", async () => {
    const { eventChannel } = await import('../../../common/contract');
    const window = fake.windows[0]!;
    window.hide();
    type Item = { label?: string; click?: () => void; submenu?: Item[] };
    const menus = fake.tray.setContextMenu.mock.calls as unknown as [Item[]][];
    const settings = menus.at(-1)![0].find((item) => item.label === 'Settings');
    settings!.click!();
    expect(window.visible).toBe(true);
    expect(window.webContents.send).toHaveBeenCalledWith(eventChannel('showView'), { view: 'settings' });
    // Links do not dial at once by default: the dial box gets the number (the second instance above sent tel:0140).
    await vi.waitFor(() => expect(window.webContents.send).toHaveBeenCalledWith(eventChannel('dialRequest'), { number: '0140' }));
  });

  it('hides the window on close (the app lives in the tray) until the app quits', () => {
    const window = fake.windows[0]!;
    window.show();
    const close = { preventDefault: vi.fn() };
    window.listeners.get('close')!(close);
    expect(close.preventDefault).toHaveBeenCalled();
    expect(window.visible).toBe(false);

    // The first quit is held while the line closes its TelServices session.
    const quitEvent = { preventDefault: vi.fn() };
    fake.appListeners.get('before-quit')!(quitEvent);
    expect(quitEvent.preventDefault).toHaveBeenCalledOnce();
    const closeOnQuit = { preventDefault: vi.fn() };
    window.listeners.get('close')!(closeOnQuit);
    expect(closeOnQuit.preventDefault).not.toHaveBeenCalled();
  });

  it('quits once the line has closed its session and unregistered its handlers', async () => {
    await vi.waitFor(() => expect(fake.app.quit).toHaveBeenCalled(), { timeout: 10_000 });
    expect(fake.ipcHandlers.size).toBe(0);
    // A second before-quit (the one app.quit() triggers) goes through.
    const again = { preventDefault: vi.fn() };
    fake.appListeners.get('before-quit')!(again);
    expect(again.preventDefault).not.toHaveBeenCalled();
  });
});
