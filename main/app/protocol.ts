/**
 * tel:/callto: links and the single-instance lock. A second launch (Windows/Linux pass
 * the link on its command line) is folded into the first one; macOS sends 'open-url'.
 */
import { app } from 'electron';
import { OS_HANDLED_SCHEMES, findDialUrlInArgv, parseDialUrl } from '../desktop/dial-link';

export type DialHandler = (number: string) => void;

/**
 * Takes the single-instance lock. Returns false when another instance already runs:
 * the caller must quit, the running instance receives our argv.
 */
export function claimSingleInstance(onSecondInstance: (argv: readonly string[]) => void): boolean {
  if (!app.requestSingleInstanceLock()) return false;
  app.on('second-instance', (_event, argv) => onSecondInstance(argv));
  return true;
}

/**
 * Makes the app the OS handler of tel: and callto:, only for an installed (packaged) app:
 * a development checkout must not take over the developer's phone links.
 */
export function registerDialProtocols(isPackaged: boolean): void {
  if (!isPackaged) return;
  for (const scheme of OS_HANDLED_SCHEMES) {
    if (!app.isDefaultProtocolClient(scheme)) app.setAsDefaultProtocolClient(scheme);
  }
}

/** Calls `onDial` for each dial link the OS hands us, now (argv) or later. */
export function listenForDialLinks(argv: readonly string[], onDial: DialHandler): (argv: readonly string[]) => void {
  const handleArgv = (args: readonly string[]): void => {
    const link = findDialUrlInArgv(args);
    const number = link === null ? null : parseDialUrl(link);
    if (number !== null) onDial(number);
  };
  app.on('open-url', (event, url) => {
    event.preventDefault();
    const number = parseDialUrl(url);
    if (number !== null) onDial(number);
  });
  handleArgv(argv);
  return handleArgv;
}
