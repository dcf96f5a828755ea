/**
 * The screen-pop window: small, frameless, always on top, near the tray on the display the cursor
 * is on (main/desktop/pop-placement.ts), shown WITHOUT taking the keyboard (showInactive) unless
 * the user opted into focus on pop. It loads renderer/pop.html, which mounts the same PopStack as
 * the main window, and is hidden as soon as no call rings for it.
 */
import { BrowserWindow, screen, type Rectangle } from 'electron';
import { placePop, popSize } from '../desktop/pop-placement';
import { secureWebPreferences } from './policy';
import { hardenWebContents } from './window';

export interface PopWindowOptions {
  readonly preloadPath: string;
  /** The pop page: a file path (built) or a dev-server URL. */
  readonly source: { readonly kind: 'file'; readonly path: string } | { readonly kind: 'url'; readonly url: string };
  /** The URL the page has (file:// of the path, or the URL): the only document it may show. */
  readonly pageUrl: string;
  readonly trayBounds: () => Rectangle | undefined;
}

export interface PopShowOptions {
  /** How many calls the pop stacks (sizes the window). */
  readonly calls: number;
  /** Focus on pop (opt-in setting): the window takes the keyboard. */
  readonly focus: boolean;
}

const MARGIN = 12;

export class PopWindow {
  #window: BrowserWindow | null = null;
  #focusable: boolean | null = null;
  /** The number of calls the visible pop was placed for: it is not moved again while that holds. */
  #placedFor = 0;
  readonly #opts: PopWindowOptions;

  constructor(opts: PopWindowOptions) {
    this.#opts = opts;
  }

  get window(): BrowserWindow | null {
    return this.#window;
  }

  #create(focusable: boolean): BrowserWindow {
    const window = new BrowserWindow({
      title: 'Incoming call',
      width: 360,
      height: 148,
      show: false,
      frame: false,
      resizable: false,
      movable: true,
      minimizable: false,
      maximizable: false,
      fullscreenable: false,
      alwaysOnTop: true,
      skipTaskbar: true,
      // Not focusable at all unless the user asked for focus on pop: a click on Answer still works,
      // typing keeps going to the application the agent is in.
      focusable,
      backgroundColor: '#ffffff',
      webPreferences: secureWebPreferences(this.#opts.preloadPath),
    });
    // Above full-screen apps too (a pop must be seen), but never in the window switcher.
    window.setAlwaysOnTop(true, 'pop-up-menu');
    window.setVisibleOnAllWorkspaces(true, { visibleOnFullScreen: true });
    hardenWebContents(window.webContents, this.#opts.pageUrl);
    window.on('closed', () => {
      if (this.#window === window) this.#window = null;
    });
    const loading = this.#opts.source.kind === 'url' ? window.loadURL(this.#opts.source.url) : window.loadFile(this.#opts.source.path);
    loading.catch((error: unknown) => console.error('[pop] the pop page failed to load:', error));
    return window;
  }

  /** Shows (or resizes) the pop for `calls` ringing calls. */
  show(opts: PopShowOptions): void {
    // `focusable` is fixed at creation: a changed setting means a new window.
    if (this.#window !== null && !this.#window.isDestroyed() && this.#focusable !== opts.focus) this.destroy();
    if (this.#window === null || this.#window.isDestroyed()) {
      this.#window = this.#create(opts.focus);
      this.#focusable = opts.focus;
    }
    const window = this.#window;
    // Every patch of a ringing call comes here: a pop on screen stays where it is (the cursor may
    // have moved to another display) until the stack grows or shrinks.
    if (window.isVisible() && this.#placedFor === opts.calls) return;
    this.#placedFor = opts.calls;
    const placement = placePop({
      displays: screen.getAllDisplays(),
      cursor: screen.getCursorScreenPoint(),
      trayBounds: this.#opts.trayBounds(),
      size: popSize(opts.calls),
      margin: MARGIN,
    });
    if (placement !== undefined) window.setBounds({ x: placement.x, y: placement.y, width: placement.width, height: placement.height });
    if (opts.focus) {
      window.show();
      window.focus();
    } else if (!window.isVisible()) {
      window.showInactive();
    }
  }

  hide(): void {
    this.#placedFor = 0;
    if (this.#window !== null && !this.#window.isDestroyed() && this.#window.isVisible()) this.#window.hide();
  }

  destroy(): void {
    if (this.#window !== null && !this.#window.isDestroyed()) this.#window.destroy();
    this.#window = null;
  }
}
