/**
 * Start at login and start minimised. Windows and macOS have Electron's login item settings;
 * on Linux Electron has none, so we write the XDG autostart entry ourselves (what desktops read
 * from ~/.config/autostart). An app started at login starts hidden, in the tray.
 */

/** The argument a login start passes, so the app knows to stay in the tray. */
export const HIDDEN_ARG = '--hidden';

export type LoginItemPlan =
  | { readonly kind: 'electron'; readonly openAtLogin: boolean; readonly args: readonly string[] }
  | { readonly kind: 'xdgAutostart'; readonly openAtLogin: boolean; readonly fileName: string; readonly contents: string };

/** Quotes an Exec argument as the Desktop Entry spec asks. */
function execArg(arg: string): string {
  return /[\s"'\\$`]/.test(arg) ? `"${arg.replace(/(["`$\\])/g, '\\$1')}"` : arg;
}

export function loginItemPlan(openAtLogin: boolean, platform: NodeJS.Platform, exec: { readonly path: string; readonly args: readonly string[] }, productName: string): LoginItemPlan {
  if (platform === 'win32' || platform === 'darwin') return { kind: 'electron', openAtLogin, args: [HIDDEN_ARG] };
  const command = [exec.path, ...exec.args, HIDDEN_ARG].map(execArg).join(' ');
  const contents = ['[Desktop Entry]', 'Type=Application', `Name=${productName}`, `Exec=${command}`, 'X-GNOME-Autostart-enabled=true', 'NoDisplay=false', ''].join('\n');
  return { kind: 'xdgAutostart', openAtLogin, fileName: 'telservices-cti.desktop', contents };
}

/** Whether the main window stays hidden at start: a login start, or the start-minimised setting. */
export function startsHidden(argv: readonly string[], startMinimised: boolean, openedAsHidden: boolean): boolean {
  return startMinimised || openedAsHidden || argv.includes(HIDDEN_ARG);
}
