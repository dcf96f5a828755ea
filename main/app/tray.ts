/**
 * The tray softphone's Electron glue: the icon, tooltip and menu come from main/desktop (pure
 * functions of the line's state); this file turns them into a NativeImage and a Menu and sends the
 * clicks back as TrayActions.
 */
import { Menu, Tray, nativeImage, nativeTheme, type MenuItemConstructorOptions, type NativeImage, type Rectangle } from 'electron';
import type { LineState } from '../../common/domain';
import { trayStatus, trayTooltip } from '../desktop/line-status';
import { encodePng } from '../desktop/png';
import { TRAY_ICON_SCALES, renderTrayIcon, trayIconSizeFor, trayIconVariantFor, type TrayIconVariant } from '../desktop/tray-icon';
import { trayMenu, type TrayAction, type TrayMenuInput, type TrayMenuItem } from '../desktop/tray-menu';
import type { TrayStatus } from '../desktop/line-status';

/** One NativeImage with a 1x and a 2x representation (HiDPI panels pick the 2x one). */
export function trayImage(status: TrayStatus, missedCalls: number, variant: TrayIconVariant, platform: NodeJS.Platform): NativeImage {
  const size = trayIconSizeFor(platform);
  const image = nativeImage.createEmpty();
  for (const scale of TRAY_ICON_SCALES) {
    const rgba = renderTrayIcon({ status, missedCalls, variant, size, scale });
    image.addRepresentation({ scaleFactor: scale, width: rgba.width, height: rgba.height, buffer: encodePng(rgba) });
  }
  if (variant === 'template') image.setTemplateImage(true);
  return image;
}

export function menuTemplate(items: readonly TrayMenuItem[], onAction: (action: TrayAction) => void): MenuItemConstructorOptions[] {
  return items.map((item): MenuItemConstructorOptions => {
    switch (item.kind) {
      case 'separator':
        return { type: 'separator' };
      case 'submenu':
        return { label: item.label, enabled: item.enabled, submenu: menuTemplate(item.items, onAction) };
      case 'action':
        return { label: item.label, enabled: item.enabled, click: () => onAction(item.action) };
      case 'checkbox':
      case 'radio':
        return { type: item.kind, label: item.label, checked: item.checked, enabled: item.enabled, click: () => onAction(item.action) };
      default: {
        const unreachable: never = item;
        return unreachable;
      }
    }
  });
}

export interface TrayControllerOptions {
  readonly productName: string;
  readonly platform: NodeJS.Platform;
  readonly onAction: (action: TrayAction) => void;
  /** A left click (Windows, most Linux panels): open the main window. */
  readonly onClick: () => void;
}

/** Owns the Tray; `update` redraws what changed. Held for the app's lifetime (a collected Tray vanishes). */
export class TrayController {
  readonly #tray: Tray;
  readonly #opts: TrayControllerOptions;
  #iconKey = '';
  #menuKey = '';
  #tooltip = '';
  #last: TrayMenuInput = { line: undefined, clipboardNumber: null, redial: [] };

  constructor(opts: TrayControllerOptions) {
    this.#opts = opts;
    this.#tray = new Tray(this.#image(undefined));
    this.#tray.on('click', opts.onClick);
    // The panel turned dark or light: redraw with the matching variant.
    nativeTheme.on('updated', () => {
      this.#iconKey = '';
      this.update(this.#last);
    });
    this.update(this.#last);
  }

  #variant(): TrayIconVariant {
    return trayIconVariantFor(this.#opts.platform, nativeTheme.shouldUseDarkColors);
  }

  #image(line: LineState | undefined): NativeImage {
    return trayImage(trayStatus(line), line?.missedCalls ?? 0, this.#variant(), this.#opts.platform);
  }

  update(input: TrayMenuInput): void {
    this.#last = input;
    const { line } = input;
    const iconKey = `${trayStatus(line)}:${line?.missedCalls ?? 0}:${this.#variant()}`;
    if (iconKey !== this.#iconKey) {
      this.#iconKey = iconKey;
      this.#tray.setImage(this.#image(line));
    }
    const tooltip = trayTooltip(this.#opts.productName, line);
    if (tooltip !== this.#tooltip) {
      this.#tooltip = tooltip;
      this.#tray.setToolTip(tooltip);
    }
    // Menus are rebuilt only when what they show changed (Linux panels flicker on every rebuild).
    const items = trayMenu(input);
    const menuKey = JSON.stringify(items);
    if (menuKey !== this.#menuKey) {
      this.#menuKey = menuKey;
      this.#tray.setContextMenu(Menu.buildFromTemplate(menuTemplate(items, this.#opts.onAction)));
    }
  }

  bounds(): Rectangle | undefined {
    const b = this.#tray.getBounds();
    // Linux panels report nothing useful (all zeros).
    return b.width > 0 && b.height > 0 ? b : undefined;
  }

  destroy(): void {
    this.#tray.destroy();
  }
}
