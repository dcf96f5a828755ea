/**
 * A tiny vector rasteriser: shapes in a unit square, painted in order, each pixel anti-aliased by
 * supersampling. Enough for status icons at 16–96 px without a graphics library or a display.
 */
import type { RgbaImage } from './png';

export type Rgba = readonly [r: number, g: number, b: number, a: number];

export type Shape =
  | { readonly kind: 'circle'; readonly cx: number; readonly cy: number; readonly r: number }
  | { readonly kind: 'ring'; readonly cx: number; readonly cy: number; readonly r: number; readonly width: number }
  /** A line with round caps (a capsule). */
  | { readonly kind: 'segment'; readonly x1: number; readonly y1: number; readonly x2: number; readonly y2: number; readonly width: number }
  | { readonly kind: 'rect'; readonly x: number; readonly y: number; readonly w: number; readonly h: number };

/** A colour, or 'clear' to cut a hole through what is below (the badge's gap). */
export interface Layer {
  readonly shape: Shape;
  readonly paint: Rgba | 'clear';
}

function inside(shape: Shape, x: number, y: number): boolean {
  switch (shape.kind) {
    case 'circle':
      return (x - shape.cx) ** 2 + (y - shape.cy) ** 2 <= shape.r ** 2;
    case 'ring': {
      const d = Math.hypot(x - shape.cx, y - shape.cy);
      return Math.abs(d - shape.r) <= shape.width / 2;
    }
    case 'segment': {
      const dx = shape.x2 - shape.x1;
      const dy = shape.y2 - shape.y1;
      const len2 = dx * dx + dy * dy;
      const t = len2 === 0 ? 0 : Math.max(0, Math.min(1, ((x - shape.x1) * dx + (y - shape.y1) * dy) / len2));
      return Math.hypot(x - (shape.x1 + t * dx), y - (shape.y1 + t * dy)) <= shape.width / 2;
    }
    case 'rect':
      return x >= shape.x && x <= shape.x + shape.w && y >= shape.y && y <= shape.y + shape.h;
    default: {
      const unreachable: never = shape;
      return unreachable;
    }
  }
}

/** Samples per pixel side: 4×4 is smooth enough at tray sizes and cheap (< 10 ms for 96 px). */
const SUPERSAMPLE = 4;

/** Paints `layers` into a side×side RGBA image (straight alpha). */
export function rasterise(layers: readonly Layer[], side: number): RgbaImage {
  const data = new Uint8Array(side * side * 4);
  const n = SUPERSAMPLE;
  for (let py = 0; py < side; py++) {
    for (let px = 0; px < side; px++) {
      // Premultiplied accumulators over the samples of this pixel.
      let r = 0;
      let g = 0;
      let b = 0;
      let a = 0;
      for (let sy = 0; sy < n; sy++) {
        for (let sx = 0; sx < n; sx++) {
          const x = (px + (sx + 0.5) / n) / side;
          const y = (py + (sy + 0.5) / n) / side;
          let cr = 0;
          let cg = 0;
          let cb = 0;
          let ca = 0;
          for (const layer of layers) {
            if (!inside(layer.shape, x, y)) continue;
            if (layer.paint === 'clear') {
              cr = cg = cb = ca = 0;
              continue;
            }
            const [lr, lg, lb, la] = layer.paint;
            const alpha = la / 255;
            cr = lr * alpha + cr * (1 - alpha);
            cg = lg * alpha + cg * (1 - alpha);
            cb = lb * alpha + cb * (1 - alpha);
            ca = alpha + ca * (1 - alpha);
          }
          r += cr;
          g += cg;
          b += cb;
          a += ca;
        }
      }
      const o = (py * side + px) * 4;
      if (a > 0) {
        data[o] = Math.round(r / a);
        data[o + 1] = Math.round(g / a);
        data[o + 2] = Math.round(b / a);
      }
      data[o + 3] = Math.round((a / (n * n)) * 255);
    }
  }
  return { width: side, height: side, data };
}
