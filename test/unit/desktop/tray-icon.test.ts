import { inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { TRAY_STATUSES } from '../../../main/desktop/line-status';
import { encodePng } from '../../../main/desktop/png';
import {
  TRAY_ICON_SCALES,
  TRAY_ICON_SIZES,
  badgeText,
  renderTrayIcon,
  trayIconSizeFor,
  trayIconVariantFor,
  type TrayIconVariant,
} from '../../../main/desktop/tray-icon';
import type { RgbaImage } from '../../../main/desktop/png';

const at = (img: RgbaImage, fx: number, fy: number): number[] => {
  const x = Math.min(img.width - 1, Math.floor(fx * img.width));
  const y = Math.min(img.height - 1, Math.floor(fy * img.height));
  const o = (y * img.width + x) * 4;
  return [...img.data.subarray(o, o + 4)];
};
const alphaSum = (img: RgbaImage): number => img.data.filter((_, i) => i % 4 === 3).reduce((s, a) => s + a, 0);

describe('renderTrayIcon', () => {
  it('draws every status, size and scale at size × scale pixels', () => {
    for (const status of TRAY_STATUSES) {
      for (const size of TRAY_ICON_SIZES) {
        for (const scale of TRAY_ICON_SCALES) {
          const img = renderTrayIcon({ status, missedCalls: 0, variant: 'light', size, scale });
          expect([img.width, img.height]).toEqual([size * scale, size * scale]);
          expect(img.data.length).toBe(size * scale * size * scale * 4);
          // Corners are transparent (a round icon), the centre region is painted.
          expect(at(img, 0, 0)[3]).toBe(0);
          expect(alphaSum(img)).toBeGreaterThan(0);
        }
      }
    }
  });

  it('gives each status its own picture, in colour and in the template', () => {
    for (const variant of ['light', 'dark', 'template'] as const satisfies readonly TrayIconVariant[]) {
      const pictures = TRAY_STATUSES.map((status) => Buffer.from(renderTrayIcon({ status, missedCalls: 0, variant, size: 32, scale: 1 }).data).toString('base64'));
      expect(new Set(pictures).size).toBe(TRAY_STATUSES.length);
    }
  });

  it('uses the status colour on the disc: green when idle, orange ringing, red DND (light panel)', () => {
    const disc = (status: (typeof TRAY_STATUSES)[number]): number[] => at(renderTrayIcon({ status, missedCalls: 0, variant: 'light', size: 48, scale: 2 }), 0.5, 0.15);
    const [r1, g1] = disc('idle');
    expect(g1!).toBeGreaterThan(r1!);
    const [r2, g2, b2] = disc('ringing');
    expect(r2!).toBeGreaterThan(g2!);
    expect(g2!).toBeGreaterThan(b2!);
    const [r3, g3] = disc('dnd');
    expect(r3!).toBeGreaterThan(g3! * 2);
  });

  it('draws a lighter disc and a dark glyph for dark panels', () => {
    const light = renderTrayIcon({ status: 'dnd', missedCalls: 0, variant: 'light', size: 48, scale: 1 });
    const dark = renderTrayIcon({ status: 'dnd', missedCalls: 0, variant: 'dark', size: 48, scale: 1 });
    const lum = (p: number[]): number => p[0]! + p[1]! + p[2]!;
    expect(lum(at(dark, 0.5, 0.15))).toBeGreaterThan(lum(at(light, 0.5, 0.15)));
    // The DND bar in the middle: white on light panels, dark ink on dark ones.
    expect(lum(at(light, 0.5, 0.5))).toBe(255 * 3);
    expect(lum(at(dark, 0.5, 0.5))).toBeLessThan(120);
  });

  it('makes the template monochrome: black pixels, the picture in the alpha channel only', () => {
    const img = renderTrayIcon({ status: 'onCall', missedCalls: 4, variant: 'template', size: 24, scale: 2 });
    for (let i = 0; i < img.data.length; i += 4) {
      if (img.data[i + 3]! > 0) expect([img.data[i], img.data[i + 1], img.data[i + 2]]).toEqual([0, 0, 0]);
    }
    expect(alphaSum(img)).toBeGreaterThan(0);
  });

  it('adds a red badge with the missed-call count, and changes with the count', () => {
    const none = renderTrayIcon({ status: 'idle', missedCalls: 0, variant: 'light', size: 32, scale: 2 });
    const two = renderTrayIcon({ status: 'idle', missedCalls: 2, variant: 'light', size: 32, scale: 2 });
    const three = renderTrayIcon({ status: 'idle', missedCalls: 3, variant: 'light', size: 32, scale: 2 });
    // Sample the badge's red ring, outside the digit's cells.
    const [r, g, b] = at(two, 0.76, 0.06);
    expect(r!).toBeGreaterThan(200);
    expect(g!).toBeLessThan(80);
    expect(b!).toBeLessThan(80);
    expect(at(none, 0.76, 0.06)).not.toEqual(at(two, 0.76, 0.06));
    expect(Buffer.from(two.data).equals(Buffer.from(three.data))).toBe(false);
  });
});

describe('badgeText', () => {
  it('shows 1–9, then 9+, and nothing for none', () => {
    expect([0, 1, 9, 10, 250, -1, Number.NaN].map(badgeText)).toEqual(['', '1', '9', '9+', '9+', '', '']);
  });
});

describe('tray icon size and variant per desktop', () => {
  it('uses 16 px on Windows and macOS, 24 px on Linux panels; a template on macOS', () => {
    expect(trayIconSizeFor('win32')).toBe(16);
    expect(trayIconSizeFor('darwin')).toBe(16);
    expect(trayIconSizeFor('linux')).toBe(24);
    expect(trayIconVariantFor('darwin', false)).toBe('template');
    expect(trayIconVariantFor('linux', true)).toBe('dark');
    expect(trayIconVariantFor('win32', false)).toBe('light');
  });
});

describe('encodePng', () => {
  it('writes a PNG whose header and pixels read back', () => {
    const img = renderTrayIcon({ status: 'ringing', missedCalls: 1, variant: 'light', size: 16, scale: 1 });
    const png = encodePng(img);
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
    expect(png.readUInt32BE(16)).toBe(16);
    expect(png.readUInt32BE(20)).toBe(16);
    const idatAt = png.indexOf('IDAT', 0, 'latin1');
    const idat = png.subarray(idatAt + 4, idatAt + 4 + png.readUInt32BE(idatAt - 4));
    const raw = inflateSync(idat);
    // Each row: a filter byte (0), then the row's RGBA.
    expect(raw.length).toBe(16 * (16 * 4 + 1));
    expect([...raw.subarray(1, 1 + 64)]).toEqual([...img.data.subarray(0, 64)]);
  });

  it('refuses data of the wrong length', () => {
    expect(() => encodePng({ width: 2, height: 2, data: new Uint8Array(3) })).toThrow(RangeError);
  });
});
