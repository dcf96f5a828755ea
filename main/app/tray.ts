/** The tray icon: the app lives there when its window is closed. */
import { Menu, Tray, nativeImage } from 'electron';

export interface TrayActions {
  readonly onShow: () => void;
  readonly onQuit: () => void;
}

export function createTray(iconPath: string, tooltip: string, actions: TrayActions): Tray {
  const tray = new Tray(nativeImage.createFromPath(iconPath));
  tray.setToolTip(tooltip);
  tray.setContextMenu(
    Menu.buildFromTemplate([
      { label: 'Show', click: actions.onShow },
      { type: 'separator' },
      { label: 'Quit', click: actions.onQuit },
    ]),
  );
  tray.on('click', actions.onShow);
  return tray;
}
