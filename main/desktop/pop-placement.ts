/**
 * Where the screen-pop window goes: near the tray, on the display the cursor is on, inside that
 * display's work area (never under a taskbar), whatever the displays' arrangement and scaling.
 * Electron's screen API speaks DIP (device-independent pixels) in one virtual desktop, each display
 * with its own scale factor; the result is in whole DIP (BrowserWindow.setBounds takes integers).
 */

export interface Rect {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}
export interface Point {
  readonly x: number;
  readonly y: number;
}
export interface DisplayInfo {
  readonly id: number;
  readonly bounds: Rect;
  /** The bounds minus the taskbar/dock/panels. */
  readonly workArea: Rect;
  readonly scaleFactor: number;
}
export type Edge = 'top' | 'bottom' | 'left' | 'right';

export interface PlacementInput {
  readonly displays: readonly DisplayInfo[];
  readonly cursor: Point;
  /** The tray icon's bounds where the OS tells them (Windows, macOS); undefined on most Linux panels. */
  readonly trayBounds: Rect | undefined;
  readonly size: { readonly width: number; readonly height: number };
  /** Space between the pop and the screen edges/taskbar. */
  readonly margin: number;
}

export interface Placement extends Rect {
  readonly displayId: number;
  readonly edge: Edge;
}

const contains = (r: Rect, p: Point): boolean => p.x >= r.x && p.x < r.x + r.width && p.y >= r.y && p.y < r.y + r.height;

function distance(r: Rect, p: Point): number {
  const dx = Math.max(r.x - p.x, 0, p.x - (r.x + r.width - 1));
  const dy = Math.max(r.y - p.y, 0, p.y - (r.y + r.height - 1));
  return Math.hypot(dx, dy);
}

/** The display under the cursor, or the nearest one (a cursor between displays, or off all of them). */
export function displayForCursor(displays: readonly DisplayInfo[], cursor: Point): DisplayInfo | undefined {
  return displays.find((d) => contains(d.bounds, cursor)) ?? [...displays].sort((a, b) => distance(a.bounds, cursor) - distance(b.bounds, cursor))[0];
}

/** The side the taskbar is on: where the work area is smaller than the display. Bottom when none shows. */
export function taskbarEdge(display: DisplayInfo): Edge {
  const { bounds: b, workArea: w } = display;
  const gaps: [Edge, number][] = [
    ['top', w.y - b.y],
    ['bottom', b.y + b.height - (w.y + w.height)],
    ['left', w.x - b.x],
    ['right', b.x + b.width - (w.x + w.width)],
  ];
  const [edge, gap] = gaps.reduce((best, g) => (g[1] > best[1] ? g : best));
  return gap > 0 ? edge : 'bottom';
}

const clamp = (v: number, lo: number, hi: number): number => Math.min(Math.max(v, lo), Math.max(lo, hi));

export function placePop(input: PlacementInput): Placement | undefined {
  const display = displayForCursor(input.displays, input.cursor);
  if (display === undefined) return undefined;
  const area = display.workArea;
  const m = input.margin;
  const width = Math.min(input.size.width, area.width - 2 * m);
  const height = Math.min(input.size.height, area.height - 2 * m);
  const edge = taskbarEdge(display);
  // The tray helps only when it is on this display.
  const tray = input.trayBounds !== undefined && contains(display.bounds, { x: input.trayBounds.x, y: input.trayBounds.y }) ? input.trayBounds : undefined;
  let x: number;
  let y: number;
  switch (edge) {
    case 'bottom':
      x = tray ? tray.x + tray.width / 2 - width / 2 : area.x + area.width - width - m;
      y = area.y + area.height - height - m;
      break;
    case 'top':
      x = tray ? tray.x + tray.width / 2 - width / 2 : area.x + area.width - width - m;
      y = area.y + m;
      break;
    case 'left':
      x = area.x + m;
      y = tray ? tray.y + tray.height / 2 - height / 2 : area.y + area.height - height - m;
      break;
    case 'right':
      x = area.x + area.width - width - m;
      y = tray ? tray.y + tray.height / 2 - height / 2 : area.y + area.height - height - m;
      break;
    default: {
      const unreachable: never = edge;
      return unreachable;
    }
  }
  x = clamp(x, area.x + m, area.x + area.width - width - m);
  y = clamp(y, area.y + m, area.y + area.height - height - m);
  // Floor, not round: a rounded-up edge could poke one DIP past the work area.
  return { displayId: display.id, edge, x: Math.floor(x), y: Math.floor(y), width: Math.floor(width), height: Math.floor(height) };
}

/** The pop grows with each ringing call it stacks, up to a limit (then it scrolls). */
export function popSize(calls: number, base = { width: 360, cardHeight: 132, chrome: 16, maxCards: 4 }): { width: number; height: number } {
  const cards = Math.min(Math.max(calls, 1), base.maxCards);
  return { width: base.width, height: base.chrome + cards * base.cardHeight };
}
