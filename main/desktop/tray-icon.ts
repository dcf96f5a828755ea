/**
 * The tray icon as pixels: a status disc with a glyph, and a missed-call badge, for every tray
 * size at 1x and 2x, on light and dark panels, and as a monochrome template (macOS menu bar,
 * Linux symbolic panels) where only the alpha channel carries the picture.
 */
import { rasterise, type Layer, type Rgba, type Shape } from './pixels';
import type { RgbaImage } from './png';
import type { TrayStatus } from './line-status';

export const TRAY_ICON_SIZES = [16, 24, 32, 48] as const;
export const TRAY_ICON_SCALES = [1, 2] as const;
export type TrayIconSize = (typeof TRAY_ICON_SIZES)[number];
export type TrayIconScale = (typeof TRAY_ICON_SCALES)[number];
/** light/dark: the panel's background; template: black + alpha, tinted by the OS. */
export type TrayIconVariant = 'light' | 'dark' | 'template';

export interface TrayIconSpec {
  readonly status: TrayStatus;
  readonly missedCalls: number;
  readonly variant: TrayIconVariant;
  readonly size: TrayIconSize;
  readonly scale: TrayIconScale;
}

/** Status colours: a strong tone for light panels, a lighter one that stands out on dark panels. */
const COLOURS: Readonly<Record<TrayStatus, { light: Rgba; dark: Rgba }>> = {
  idle: { light: [0x2b, 0x8a, 0x3e, 255], dark: [0x69, 0xdb, 0x7c, 255] },
  ringing: { light: [0xe8, 0x59, 0x0c, 255], dark: [0xff, 0xa9, 0x4d, 255] },
  onCall: { light: [0x18, 0x64, 0xab, 255], dark: [0x74, 0xc0, 0xfc, 255] },
  dnd: { light: [0xc9, 0x2a, 0x2a, 255], dark: [0xff, 0x87, 0x87, 255] },
  forwarded: { light: [0x67, 0x41, 0xd9, 255], dark: [0xb1, 0x97, 0xfc, 255] },
  reconnecting: { light: [0x86, 0x8e, 0x96, 255], dark: [0xad, 0xb5, 0xbd, 255] },
  disconnected: { light: [0x49, 0x50, 0x57, 255], dark: [0x86, 0x8e, 0x96, 255] },
};
const WHITE: Rgba = [255, 255, 255, 255];
const INK: Rgba = [0x21, 0x25, 0x29, 255];
const BLACK: Rgba = [0, 0, 0, 255];
const BADGE: Rgba = [0xe0, 0x31, 0x31, 255];

const STROKE = 0.11;
const seg = (x1: number, y1: number, x2: number, y2: number, width = STROKE): Shape => ({ kind: 'segment', x1, y1, x2, y2, width });
const dot = (cx: number, cy: number, r: number): Shape => ({ kind: 'circle', cx, cy, r });

/** One glyph per status, so the template (one colour) still tells them apart. */
export function glyph(status: TrayStatus): Shape[] {
  switch (status) {
    case 'idle': // a tick: available
      return [seg(0.31, 0.52, 0.45, 0.66), seg(0.45, 0.66, 0.7, 0.37)];
    case 'ringing': // a dot with a wave around it
      return [dot(0.5, 0.5, 0.1), { kind: 'ring', cx: 0.5, cy: 0.5, r: 0.23, width: 0.08 }];
    case 'onCall': // a handset: two ear/mouth pieces joined
      return [seg(0.36, 0.36, 0.64, 0.64), dot(0.34, 0.34, 0.1), dot(0.66, 0.66, 0.1)];
    case 'dnd': // the no-entry bar
      return [{ kind: 'rect', x: 0.27, y: 0.44, w: 0.46, h: 0.12 }];
    case 'forwarded': // an arrow to the right
      return [seg(0.29, 0.5, 0.68, 0.5), seg(0.53, 0.35, 0.69, 0.5), seg(0.53, 0.65, 0.69, 0.5)];
    case 'reconnecting': // three dots: working on it
      return [dot(0.31, 0.5, 0.065), dot(0.5, 0.5, 0.065), dot(0.69, 0.5, 0.065)];
    case 'disconnected': // a cross
      return [seg(0.35, 0.35, 0.65, 0.65), seg(0.35, 0.65, 0.65, 0.35)];
    default: {
      const unreachable: never = status;
      return unreachable;
    }
  }
}

/** 3×5 bitmaps of the badge's characters, row by row. */
const FONT: Readonly<Record<string, string>> = {
  '0': '111101101101111',
  '1': '010110010010111',
  '2': '111001111100111',
  '3': '111001111001111',
  '4': '101101111001001',
  '5': '111100111001111',
  '6': '111100111101111',
  '7': '111001001001001',
  '8': '111101111101111',
  '9': '111101111001111',
  '+': '000010111010000',
};

/** What the badge reads: the count up to 9, then "9+". */
export function badgeText(missed: number): string {
  if (!Number.isFinite(missed) || missed <= 0) return '';
  return missed > 9 ? '9+' : String(Math.floor(missed));
}

function textShapes(text: string, cx: number, cy: number, unit: number): Shape[] {
  const width = text.length * 3 + (text.length - 1);
  const left = cx - (width * unit) / 2;
  const top = cy - (5 * unit) / 2;
  const shapes: Shape[] = [];
  [...text].forEach((ch, i) => {
    const bits = FONT[ch] ?? '';
    for (let k = 0; k < bits.length; k++) {
      if (bits[k] !== '1') continue;
      // A hair of overlap so neighbouring cells do not leave seams when anti-aliased.
      shapes.push({ kind: 'rect', x: left + (i * 4 + (k % 3)) * unit, y: top + Math.floor(k / 3) * unit, w: unit * 1.02, h: unit * 1.02 });
    }
  });
  return shapes;
}

export function trayIconLayers(status: TrayStatus, missedCalls: number, variant: TrayIconVariant): Layer[] {
  const disc: Shape = { kind: 'circle', cx: 0.5, cy: 0.5, r: 0.44 };
  const layers: Layer[] = [];
  if (variant === 'template') {
    layers.push({ shape: { kind: 'ring', cx: 0.5, cy: 0.5, r: 0.41, width: 0.08 }, paint: BLACK });
    for (const shape of glyph(status)) layers.push({ shape, paint: BLACK });
  } else {
    layers.push({ shape: disc, paint: COLOURS[status][variant] });
    const ink = variant === 'light' ? WHITE : INK;
    for (const shape of glyph(status)) layers.push({ shape, paint: ink });
  }
  const text = badgeText(missedCalls);
  if (text !== '') {
    const [bx, by] = [0.76, 0.24];
    layers.push({ shape: dot(bx, by, 0.27), paint: 'clear' });
    layers.push({ shape: dot(bx, by, 0.22), paint: variant === 'template' ? BLACK : BADGE });
    const unit = text.length === 1 ? 0.06 : 0.045;
    for (const shape of textShapes(text, bx, by, unit)) layers.push({ shape, paint: variant === 'template' ? 'clear' : WHITE });
  }
  return layers;
}

export function renderTrayIcon(spec: TrayIconSpec): RgbaImage {
  return rasterise(trayIconLayers(spec.status, spec.missedCalls, spec.variant), spec.size * spec.scale);
}

/** The logical tray size each desktop expects (the 2x image is drawn for HiDPI). */
export function trayIconSizeFor(platform: NodeJS.Platform): TrayIconSize {
  switch (platform) {
    case 'darwin':
    case 'win32':
      return 16;
    default:
      // GNOME/KDE/XFCE panels use 22–24 px.
      return 24;
  }
}

/** macOS wants a template image; elsewhere the colour variant matching the panel. */
export function trayIconVariantFor(platform: NodeJS.Platform, darkPanel: boolean): TrayIconVariant {
  if (platform === 'darwin') return 'template';
  return darkPanel ? 'dark' : 'light';
}
