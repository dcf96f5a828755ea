/**
 * The desktop shell around a running line: tray softphone, screen pop, notifications, call
 * actions, the dial shortcut, wake-up reconnects and start at login, all driven by
 * main/desktop/shell-controller.ts. main/index.ts owns the main window and passes its verbs in.
 */
import { clipboard, Notification, shell as electronShell, type Rectangle } from 'electron';
import type { ViewName } from '../../common/contract';
import type { CallView } from '../../common/domain';
import type { DesktopStatus } from '../../common/diagnostics';
import { dispatchCommand } from '../core/dispatch';
import { clipboardNumber } from '../desktop/dial-link';
import { popNotice } from '../desktop/pop-notice';
import { ShellController } from '../desktop/shell-controller';
import { runTrayAction, type ShellVerbs } from '../desktop/tray-actions';
import type { RunningCti } from './cti';
import { applyLoginItem, isOpenAtLogin, watchWakeUps } from './lifecycle';
import { DialWindow } from './dial-window';
import { PopWindow, type PopWindowOptions } from './pop-window';
import { DialShortcut } from './shortcut';
import { TrayController } from './tray';

export interface DesktopShellOptions {
  readonly productName: string;
  readonly pop: Omit<PopWindowOptions, 'trayBounds'>;
  /** The tray's small always-on-top dial box (renderer/dial.html). */
  readonly dial: Omit<PopWindowOptions, 'trayBounds'>;
  /** Shows the main window (restored, focused). */
  readonly showMainWindow: () => void;
  /** Opens the main window's dial box with this number ('' = empty) and a focused Call button. */
  readonly openDialBox: (number: string) => void;
  /** Shows the main window on this view (the renderer: the showView event). */
  readonly showView: (view: ViewName) => void;
  readonly flashMainWindow: (on: boolean) => void;
  readonly quit: () => void;
}

export interface DesktopShell {
  /** A dial link (tel:, callto:, sip:) from the OS: the dial box, or at once as the setting says. */
  dialLink(number: string): void;
  status(): DesktopStatus;
  stop(): void;
}

/** How often the clipboard is looked at for the tray's "Dial the number on the clipboard". */
const CLIPBOARD_POLL_MS = 2000;

/** The selection (Linux's primary selection: what is highlighted) first, then the clipboard. */
async function selectedOrCopiedNumber(): Promise<string | null> {
  try {
    const selected = process.platform === 'linux' && clipboard.selection !== undefined ? clipboardNumber(await clipboard.selection.readText()) : null;
    return selected ?? clipboardNumber(await clipboard.readText());
  } catch {
    return null;
  }
}

export function startDesktopShell(cti: RunningCti, opts: DesktopShellOptions): DesktopShell {
  const { handlers } = cti.service;
  const notes: string[] = [];
  const dial = (number: string): void => {
    controller.noteDialled(number);
    void dispatchCommand(handlers, 'dial', { number }).then((r) => {
      if (!r.ok) console.warn(`[dial] ${number}: ${r.error.message}`);
    });
  };
  const verbs: ShellVerbs = {
    // The tray's Dial… (no number): the small dial box by the tray; with a number, the main window's.
    openDialBox: (number) => (number === undefined ? dialBox.open() : opts.openDialBox(number)),
    openMainWindow: opts.showMainWindow,
    openSettings: () => opts.showView('settings'),
    quit: opts.quit,
    report: (what, message) => console.warn(`[tray] ${what}: ${message}`),
  };
  const tray: TrayController = new TrayController({
    productName: opts.productName,
    platform: process.platform,
    onAction: (action) => {
      if (action.type === 'dial') controller.noteDialled(action.number);
      void runTrayAction(action, handlers, verbs);
    },
    onClick: opts.showMainWindow,
  });
  const pop = new PopWindow({ ...opts.pop, trayBounds: (): Rectangle | undefined => tray.bounds() });
  const dialBox = new DialWindow({ ...opts.dial, trayBounds: (): Rectangle | undefined => tray.bounds() });
  const notifications = new Set<Notification>();
  const notify = (call: CallView): void => {
    if (!Notification.isSupported()) return;
    const notice = popNotice(call, process.platform);
    const n = new Notification({ title: notice.title, body: notice.body, actions: [...notice.actions], silent: false });
    const number = call.primary?.otherParty.hidden ? undefined : call.primary?.otherParty.number;
    n.on('action', () => void dispatchCommand(handlers, 'answer', number ? { callingNumber: number } : {}));
    n.on('click', opts.showMainWindow);
    // Held until closed: a collected Notification loses its click handlers.
    n.on('close', () => notifications.delete(n));
    notifications.add(n);
    n.show();
  };
  const controller: ShellController = new ShellController({
    source: cti.service,
    settings: () => cti.settings.get(),
    tray,
    pop,
    notify,
    flash: opts.flashMainWindow,
    // planCallActions let only allowlisted URLs through.
    openExternal: (url) => void electronShell.openExternal(url).catch((e: unknown) => console.warn(`[call action] ${url}:`, e)),
    readClipboard: () => clipboard.readText(),
    warn: (m) => console.warn(`[shell] ${m}`),
  });
  const shortcut = new DialShortcut(() => {
    void selectedOrCopiedNumber().then((number) => {
      if (number === null) dialBox.open();
      else dial(number);
    });
  });
  const applySettings = (): void => {
    const s = cti.settings.get();
    shortcut.apply(s.dialShortcut);
    notes.length = 0;
    const note = applyLoginItem(s.startAtLogin, opts.productName);
    if (note !== undefined) notes.push(note);
    controller.settingsChanged();
  };
  const offSettings = cti.settings.onChange(applySettings);
  controller.start();
  applySettings();
  const stopWake = watchWakeUps((reasons) => {
    console.info(`[lifecycle] ${reasons.join(', ')}: reconnecting the line`);
    void dispatchCommand(handlers, 'reconnectLine', {}).then((r) => {
      if (!r.ok) console.warn(`[lifecycle] reconnect: ${r.error.message}`);
    });
  });
  const clipboardPoll = setInterval(() => void controller.checkClipboard(), CLIPBOARD_POLL_MS);
  clipboardPoll.unref();

  return {
    dialLink(number) {
      if (cti.settings.get().linkDialsAtOnce) dial(number);
      else opts.openDialBox(number);
    },
    status: () => ({ shortcut: shortcut.status, openAtLogin: isOpenAtLogin(), notes: [...notes] }),
    stop() {
      clearInterval(clipboardPoll);
      stopWake();
      offSettings();
      shortcut.dispose();
      controller.stop();
      pop.destroy();
      dialBox.destroy();
      tray.destroy();
    },
  };
}
