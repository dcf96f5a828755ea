/**
 * What the About / diagnostics view shows and copies: versions, the settings (which hold no
 * secret), where the log file is and its last lines (already redacted), and the desktop shell's
 * own status (the global shortcut, start at login). Web mode answers with what it knows.
 */
import type { Settings } from './schemas';

export type ShortcutStatus =
  | { readonly state: 'off' }
  | { readonly state: 'registered'; readonly accelerator: string }
  | { readonly state: 'refused'; readonly accelerator: string; readonly reason: 'invalid' | 'wayland' | 'taken' | 'failed'; readonly message: string };

export interface DesktopStatus {
  readonly shortcut: ShortcutStatus;
  /** Whether the OS will start the app at login, as it says now. */
  readonly openAtLogin: boolean;
  /** Why a desktop setting could not be applied, in words (e.g. start at login on a Linux AppImage). */
  readonly notes: readonly string[];
}

export interface DiagnosticsView {
  readonly app: { readonly name: string; readonly version: string };
  /** node, electron, chrome, v8, os ... */
  readonly versions: Readonly<Record<string, string>>;
  readonly platform: string;
  readonly settings: Settings;
  /** The log file's path (desktop), for the user to find and attach. */
  readonly logFile?: string;
  /** The last lines of the log, secrets redacted. */
  readonly logLines: readonly string[];
  /** Present in the desktop app. */
  readonly desktop?: DesktopStatus;
}
