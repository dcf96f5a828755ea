/**
 * The tray's "Dial…" box: a small always-on-top window near the tray, on the display the cursor is
 * on (the pop's placement function), that TAKES the keyboard: the user asked for it, so typing
 * goes straight into "Number to dial". It loads renderer/dial.html (C1's dial box with directory
 * matches) and closes itself after a dial or on Esc; the next "Dial…" makes a fresh one.
 */
import { BrowserWindow, screen } from 'electron';
import { placePop } from '../desktop/pop-placement';
import { secureWebPreferences } from './policy';
import { hardenWebContents } from './window';
import type { PopWindowOptions } from './pop-window';

export type DialWindowOptions = PopWindowOptions;

/** Room for the box and a few directory matches under it. */
export const DIAL_WINDOW_SIZE = { width: 380, height: 320 } as const;
const MARGIN = 12;

export class DialWindow {
  #window: BrowserWindow | null = null;
  readonly #opts: DialWindowOptions;

  constructor(opts: DialWindowOptions) {
    this.#opts = opts;
  }

  get window(): BrowserWindow | null {
    return this.#window;
  }

  #create(): BrowserWindow {
    const window = new BrowserWindow({
      title: 'Dial',
      width: DIAL_WINDOW_SIZE.width,
      height: DIAL_WINDOW_SIZE.height,
      show: false,
      frame: false,
      resizable: false,
      minimizable: false,
      maximizable: false,
      fullscreenable: false,
      alwaysOnTop: true,
      skipTaskbar: true,
      focusable: true,
      backgroundColor: '#ffffff',
      webPreferences: secureWebPreferences(this.#opts.preloadPath),
    });
    window.setAlwaysOnTop(true, 'pop-up-menu');
    hardenWebContents(window.webContents, this.#opts.pageUrl);
    // A dial box left open behind another app is clutter: it goes when it loses the keyboard.
    window.on('blur', () => {
      if (!window.isDestroyed()) window.close();
    });
    window.on('closed', () => {
      if (this.#window === window) this.#window = null;
    });
    const loading = this.#opts.source.kind === 'url' ? window.loadURL(this.#opts.source.url) : window.loadFile(this.#opts.source.path);
    loading.catch((error: unknown) => console.error('[dial] the dial page failed to load:', error));
    return window;
  }

  /** Shows the box (one at a time: a second "Dial…" brings the same one back) and focuses it. */
  open(): void {
    if (this.#window === null || this.#window.isDestroyed()) {
      const window = this.#create();
      this.#window = window;
      const placement = placePop({
        displays: screen.getAllDisplays(),
        cursor: screen.getCursorScreenPoint(),
        trayBounds: this.#opts.trayBounds(),
        size: DIAL_WINDOW_SIZE,
        margin: MARGIN,
      });
      if (placement !== undefined) window.setBounds({ x: placement.x, y: placement.y, width: placement.width, height: placement.height });
    }
    this.#window.show();
    this.#window.focus();
  }

  destroy(): void {
    if (this.#window !== null && !this.#window.isDestroyed()) this.#window.destroy();
    this.#window = null;
  }
}
