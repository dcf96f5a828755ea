import { describe, expect, it } from 'vitest';
import { displayForCursor, placePop, popSize, taskbarEdge, type DisplayInfo, type Placement, type Rect } from '../../../main/desktop/pop-placement';

const rect = (x: number, y: number, width: number, height: number): Rect => ({ x, y, width, height });
/** A 4K laptop panel at 200 % (1920×1080 DIP) with a 40 DIP taskbar at the bottom, at the origin. */
const laptop: DisplayInfo = { id: 1, bounds: rect(0, 0, 1920, 1080), workArea: rect(0, 0, 1920, 1040), scaleFactor: 2 };
/** A 1440p monitor at 125 % (2048×1152 DIP) to the right, taskbar on its left edge. */
const right: DisplayInfo = { id: 2, bounds: rect(1920, -72, 2048, 1152), workArea: rect(1968, -72, 2000, 1152), scaleFactor: 1.25 };
/** A 1080p monitor at 100 % above the laptop, with a top panel (GNOME/macOS style). */
const above: DisplayInfo = { id: 3, bounds: rect(0, -1080, 1920, 1080), workArea: rect(0, -1052, 1920, 1052), scaleFactor: 1 };
/** A portrait monitor at 150 % on the left, negative coordinates, taskbar on the right. */
const left: DisplayInfo = { id: 4, bounds: rect(-720, -200, 720, 1280), workArea: rect(-720, -200, 680, 1280), scaleFactor: 1.5 };
const displays = [laptop, right, above, left];
const size = { width: 360, height: 148 };

const inside = (p: Placement, area: Rect, margin: number): void => {
  expect(p.x).toBeGreaterThanOrEqual(area.x + margin);
  expect(p.y).toBeGreaterThanOrEqual(area.y + margin);
  expect(p.x + p.width).toBeLessThanOrEqual(area.x + area.width - margin);
  expect(p.y + p.height).toBeLessThanOrEqual(area.y + area.height - margin);
  for (const v of [p.x, p.y, p.width, p.height]) expect(Number.isInteger(v)).toBe(true);
};

describe('taskbarEdge', () => {
  it('finds the side the work area gives up, and says bottom when none does', () => {
    expect(taskbarEdge(laptop)).toBe('bottom');
    expect(taskbarEdge(right)).toBe('left');
    expect(taskbarEdge(above)).toBe('top');
    expect(taskbarEdge(left)).toBe('right');
    expect(taskbarEdge({ ...laptop, workArea: laptop.bounds })).toBe('bottom');
  });
});

describe('displayForCursor', () => {
  it('picks the display under the cursor, or the nearest one', () => {
    expect(displayForCursor(displays, { x: 2500, y: 10 })?.id).toBe(2);
    expect(displayForCursor(displays, { x: -100, y: 900 })?.id).toBe(4);
    expect(displayForCursor(displays, { x: 100, y: -5 })?.id).toBe(3);
    // Off every display (a stale cursor position): the nearest.
    expect(displayForCursor(displays, { x: 5000, y: 0 })?.id).toBe(2);
    expect(displayForCursor([], { x: 0, y: 0 })).toBeUndefined();
  });
});

describe('placePop', () => {
  it('goes to the bottom-right corner above a bottom taskbar, without tray bounds (Linux)', () => {
    const p = placePop({ displays, cursor: { x: 500, y: 500 }, trayBounds: undefined, size, margin: 8 })!;
    expect(p).toEqual({ displayId: 1, edge: 'bottom', x: 1920 - 360 - 8, y: 1040 - 148 - 8, width: 360, height: 148 });
  });

  it('centres over the tray icon on the same display, clamped into the work area', () => {
    const tray = rect(1700, 1044, 24, 32);
    const p = placePop({ displays, cursor: { x: 10, y: 10 }, trayBounds: tray, size, margin: 8 })!;
    expect(p.x).toBe(1700 + 12 - 180);
    inside(p, laptop.workArea, 8);
    const nearEdge = placePop({ displays, cursor: { x: 10, y: 10 }, trayBounds: rect(1900, 1044, 20, 32), size, margin: 8 })!;
    expect(nearEdge.x).toBe(1920 - 360 - 8);
  });

  it('follows the cursor to another display and ignores a tray that is not on it', () => {
    const tray = rect(1700, 1044, 24, 32);
    const p = placePop({ displays, cursor: { x: 3000, y: 300 }, trayBounds: tray, size, margin: 8 })!;
    expect(p.displayId).toBe(2);
    expect(p.edge).toBe('left');
    // Left taskbar: against it, at the bottom.
    expect(p.x).toBe(1968 + 8);
    expect(p.y).toBe(-72 + 1152 - 148 - 8);
    inside(p, right.workArea, 8);
  });

  it('sits under a top panel, and left of a right-hand taskbar on a portrait display with negative coordinates', () => {
    const top = placePop({ displays, cursor: { x: 960, y: -500 }, trayBounds: undefined, size, margin: 8 })!;
    expect(top).toMatchObject({ displayId: 3, edge: 'top', x: 1920 - 360 - 8, y: -1052 + 8 });
    const portrait = placePop({ displays, cursor: { x: -300, y: 0 }, trayBounds: rect(-36, 900, 32, 24), size, margin: 8 })!;
    expect(portrait).toMatchObject({ displayId: 4, edge: 'right', x: -40 - 360 - 8, y: 900 + 12 - 74 });
    inside(portrait, left.workArea, 8);
  });

  it('shrinks to a work area smaller than the pop and stays on whole DIP at fractional scaling', () => {
    const tiny: DisplayInfo = { id: 9, bounds: rect(0.5, 0, 300, 100), workArea: rect(0.5, 0, 300, 90), scaleFactor: 1.75 };
    const p = placePop({ displays: [tiny], cursor: { x: 10, y: 10 }, trayBounds: undefined, size, margin: 8 })!;
    expect(p.width).toBeLessThanOrEqual(284);
    expect(p.height).toBeLessThanOrEqual(74);
    inside(p, { ...tiny.workArea, x: 0 }, 8);
  });

  it('holds for any cursor on any display: inside the work area of the display under the cursor', () => {
    for (const d of displays) {
      for (const [fx, fy] of [[0, 0], [0.5, 0.5], [0.99, 0.99]] as const) {
        const cursor = { x: Math.floor(d.bounds.x + fx * d.bounds.width), y: Math.floor(d.bounds.y + fy * d.bounds.height) };
        const p = placePop({ displays, cursor, trayBounds: undefined, size: popSize(3), margin: 12 })!;
        expect(p.displayId).toBe(d.id);
        inside(p, d.workArea, 12);
      }
    }
  });
});

describe('popSize', () => {
  it('grows with the calls it stacks, up to four cards', () => {
    expect(popSize(1).height).toBeLessThan(popSize(2).height);
    expect(popSize(4)).toEqual(popSize(9));
    expect(popSize(0)).toEqual(popSize(1));
  });
});
