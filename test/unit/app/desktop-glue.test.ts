// The desktop shell's Electron glue with `electron` mocked: the pop window (shown without focus,
// focusable as the setting says), wake-ups reconnecting the line, the dial shortcut's status, the
// electron-store settings (migration, password to the SecretStore, bad file kept aside), and the
// IPC sender check answering the pop page but not a foreign frame.
import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';

type Listener = (...args: unknown[]) => void;
const fake = vi.hoisted(() => {
  const windows: { options: Record<string, unknown>; calls: string[]; visible: boolean }[] = [];
  class FakeWindow {
    readonly calls: string[] = [];
    visible = false;
    readonly webContents = { setWindowOpenHandler: vi.fn(), on: vi.fn(), session: { setPermissionRequestHandler: vi.fn(), setPermissionCheckHandler: vi.fn() } };
    constructor(readonly options: Record<string, unknown>) {
      windows.push(this);
    }
    setAlwaysOnTop = vi.fn();
    setVisibleOnAllWorkspaces = vi.fn();
    setBounds = vi.fn();
    on = vi.fn();
    loadFile = vi.fn(() => Promise.resolve());
    loadURL = vi.fn(() => Promise.resolve());
    isDestroyed = (): boolean => false;
    isVisible = (): boolean => this.visible;
    showInactive(): void {
      this.calls.push('showInactive');
      this.visible = true;
    }
    show(): void {
      this.calls.push('show');
      this.visible = true;
    }
    focus(): void {
      this.calls.push('focus');
    }
    hide(): void {
      this.calls.push('hide');
      this.visible = false;
    }
    destroy(): void {
      this.calls.push('destroy');
    }
  }
  const power = new Map<string, Listener>();
  return {
    windows,
    FakeWindow,
    power,
    register: vi.fn((_acc: string, _cb: () => void) => true),
  };
});

vi.mock('electron', () => ({
  BrowserWindow: fake.FakeWindow,
  shell: { openExternal: vi.fn() },
  screen: {
    getAllDisplays: () => [{ id: 1, bounds: { x: 0, y: 0, width: 1920, height: 1080 }, workArea: { x: 0, y: 0, width: 1920, height: 1040 }, scaleFactor: 1 }],
    getCursorScreenPoint: () => ({ x: 100, y: 100 }),
  },
  powerMonitor: { on: (e: string, l: Listener) => fake.power.set(e, l), removeListener: (e: string) => fake.power.delete(e) },
  globalShortcut: { register: fake.register, unregister: vi.fn() },
  app: { isPackaged: false, getLoginItemSettings: () => ({ openAtLogin: false }) },
}));
vi.mock('electron-store', () => ({
  default: class FakeStore {
    store: Record<string, unknown> = {};
    readonly path: string;
    constructor(opts: { cwd: string; name: string }) {
      this.path = `${opts.cwd}/${opts.name}.json`;
    }
  },
}));

afterEach(() => {
  fake.windows.length = 0;
});

describe('PopWindow', () => {
  const options = { preloadPath: '/app/out/preload/index.cjs', source: { kind: 'file' as const, path: '/app/out/renderer/pop.html' }, pageUrl: 'file:///app/out/renderer/pop.html', trayBounds: () => undefined };

  it('is frameless, always on top, not focusable, and shown with showInactive by default', async () => {
    const { PopWindow } = await import('../../../main/app/pop-window');
    const pop = new PopWindow(options);
    pop.show({ calls: 1, focus: false });
    const w = fake.windows[0]!;
    expect(w.options).toMatchObject({ frame: false, alwaysOnTop: true, focusable: false, skipTaskbar: true, show: false });
    expect((w.options['webPreferences'] as { sandbox: boolean; contextIsolation: boolean })).toMatchObject({ sandbox: true, contextIsolation: true });
    expect(w.calls).toEqual(['showInactive']);
    // Placed bottom-right above the taskbar, sized for one call.
    expect((w as unknown as { setBounds: ReturnType<typeof vi.fn> }).setBounds).toHaveBeenCalledWith(expect.objectContaining({ x: 1920 - 360 - 12 }));
    const setBounds = (w as unknown as { setBounds: ReturnType<typeof vi.fn> }).setBounds;
    // Another patch of the same ringing call: the pop stays put.
    pop.show({ calls: 1, focus: false });
    expect(setBounds).toHaveBeenCalledTimes(1);
    pop.show({ calls: 2, focus: false });
    expect(setBounds).toHaveBeenCalledTimes(2);
    expect(w.calls).toEqual(['showInactive']);
    pop.hide();
    expect(w.calls).toEqual(['showInactive', 'hide']);
  });

  it('with focus on pop: a focusable window, shown and focused (a new window when the setting changes)', async () => {
    const { PopWindow } = await import('../../../main/app/pop-window');
    const pop = new PopWindow(options);
    pop.show({ calls: 1, focus: false });
    pop.show({ calls: 1, focus: true });
    expect(fake.windows).toHaveLength(2);
    expect(fake.windows[0]!.calls).toContain('destroy');
    expect(fake.windows[1]!.options).toMatchObject({ focusable: true });
    expect(fake.windows[1]!.calls).toEqual(['show', 'focus']);
  });
});

describe('DialWindow (the tray\'s Dial… box)', () => {
  const options = { preloadPath: '/app/out/preload/index.cjs', source: { kind: 'file' as const, path: '/app/out/renderer/dial.html' }, pageUrl: 'file:///app/out/renderer/dial.html', trayBounds: () => undefined };

  it('is always on top, focusable, placed by the tray, shown AND focused; a second Dial… reuses it', async () => {
    const { DialWindow, DIAL_WINDOW_SIZE } = await import('../../../main/app/dial-window');
    const dial = new DialWindow(options);
    dial.open();
    expect(fake.windows).toHaveLength(1);
    const w = fake.windows[0]!;
    expect(w.options).toMatchObject({ alwaysOnTop: true, focusable: true, show: false, skipTaskbar: true });
    expect((w.options['webPreferences'] as { sandbox: boolean; contextIsolation: boolean })).toMatchObject({ sandbox: true, contextIsolation: true });
    expect((w as unknown as { loadFile: ReturnType<typeof vi.fn> }).loadFile).toHaveBeenCalledWith('/app/out/renderer/dial.html');
    const setBounds = (w as unknown as { setBounds: ReturnType<typeof vi.fn> }).setBounds;
    // Bottom-right, above the taskbar of the cursor's display (the same placement as the pop).
    expect(setBounds).toHaveBeenCalledWith(expect.objectContaining({ x: 1920 - DIAL_WINDOW_SIZE.width - 12, width: DIAL_WINDOW_SIZE.width }));
    expect(w.calls).toEqual(['show', 'focus']);
    dial.open();
    expect(fake.windows).toHaveLength(1);
    expect(w.calls).toEqual(['show', 'focus', 'show', 'focus']);
    dial.destroy();
    expect(w.calls).toContain('destroy');
  });

  it('the IPC sender check answers the dial page as it does the pop page, and still refuses a foreign frame', async () => {
    const { isTrustedSender } = await import('../../../main/app/ipc');
    const main = 'file:///app/out/renderer/index.html';
    const pop = 'file:///app/out/renderer/pop.html';
    const dialPage = 'file:///app/out/renderer/dial.html';
    expect(isTrustedSender({ url: dialPage, parent: null }, main, [pop, dialPage])).toBe(true);
    expect(isTrustedSender({ url: dialPage, parent: {} }, main, [pop, dialPage])).toBe(false);
    expect(isTrustedSender({ url: 'file:///app/out/renderer/dial.html.evil', parent: null }, main, [pop, dialPage])).toBe(false);
  });
});

describe('watchWakeUps', () => {
  it('reconnects the line once, about a second after resume (well within 5 s)', async () => {
    vi.useFakeTimers();
    try {
      const { watchWakeUps } = await import('../../../main/app/lifecycle');
      const reconnect = vi.fn();
      const stop = watchWakeUps(reconnect);
      fake.power.get('resume')!();
      fake.power.get('unlock-screen')!();
      vi.advanceTimersByTime(1000);
      expect(reconnect).toHaveBeenCalledExactlyOnceWith(['resume', 'unlock']);
      stop();
      expect(fake.power.size).toBe(0);
    } finally {
      vi.useRealTimers();
    }
  });
});

describe('DialShortcut', () => {
  it('registers the accelerator, and reports a refusal instead of failing silently', async () => {
    const { DialShortcut } = await import('../../../main/app/shortcut');
    const s = new DialShortcut(() => undefined);
    expect(s.apply('Ctrl+Alt+D')).toEqual({ state: 'registered', accelerator: 'Ctrl+Alt+D' });
    fake.register.mockReturnValueOnce(false);
    expect(s.apply('Ctrl+Alt+E')).toMatchObject({ state: 'refused' });
    expect(s.apply('')).toEqual({ state: 'off' });
    expect(s.apply('Nope+X')).toMatchObject({ state: 'refused', reason: 'invalid' });
  });
});

describe('ElectronSettingsStore', () => {
  it("migrates today's file: the password goes to the SecretStore, not into the settings", async () => {
    const { ElectronSettingsStore } = await import('../../../main/app/settings-store');
    const { MemorySecretStore } = await import('../../../main/settings/secrets');
    const dir = mkdtempSync(join(tmpdir(), 'cti-estore-'));
    writeFileSync(join(dir, 'settings.json'), JSON.stringify({ serverHost: 'pbx.example', serverPort: 8800, deviceNumber: '1102', userPassword: 'hunter2' }));
    const secrets = new MemorySecretStore();
    const store = new ElectronSettingsStore({ cwd: dir, secrets });
    expect(store.get()).toMatchObject({ serverHost: 'pbx.example', deviceNumber: '1102', popEnabled: true });
    expect(secrets.get('telserverPassword')).toBe('hunter2');
    expect(JSON.stringify(store.get())).not.toContain('hunter2');
  });

  it('keeps a bad file aside and says so', async () => {
    const { ElectronSettingsStore } = await import('../../../main/app/settings-store');
    const { MemorySecretStore } = await import('../../../main/settings/secrets');
    const dir = mkdtempSync(join(tmpdir(), 'cti-estore-'));
    writeFileSync(join(dir, 'settings.json'), '{ not json');
    const store = new ElectronSettingsStore({ cwd: dir, secrets: new MemorySecretStore(), now: () => new Date('2026-12-01T10:00:00Z') });
    expect(store.loadError?.code).toBe('badSettings');
    expect(readdirSync(dir)).toContain('settings.bad-2026-12-01T10-00-00-000Z.json');
  });
});

describe('isTrustedSender with the pop page', () => {
  it('answers the main page and the pop page, refuses another file or an iframe', async () => {
    const { isTrustedSender } = await import('../../../main/app/ipc');
    const main = 'file:///app/out/renderer/index.html';
    const pop = 'file:///app/out/renderer/pop.html';
    expect(isTrustedSender({ url: pop, parent: null }, main, [pop])).toBe(true);
    expect(isTrustedSender({ url: pop, parent: null }, main)).toBe(false);
    expect(isTrustedSender({ url: 'file:///tmp/evil.html', parent: null }, main, [pop])).toBe(false);
    expect(isTrustedSender({ url: pop, parent: {} }, main, [pop])).toBe(false);
  });
});
