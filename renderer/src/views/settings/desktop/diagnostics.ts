/** What the About view shows and copies, from the getDiagnostics result (pure, tested directly). */
import type { DiagnosticsView, ShortcutStatus } from '../../../../../common/diagnostics';
import type { Locale } from '../../../i18n/i18n.svelte';
import { desktopText } from './messages';

/** The text "Copy diagnostics" puts on the clipboard: plain, one fact per line, the log last. */
export function diagnosticsText(view: DiagnosticsView): string {
  const lines = [`${view.app.name} ${view.app.version}`, `platform: ${view.platform}`];
  for (const [name, version] of Object.entries(view.versions)) if (version !== '') lines.push(`${name}: ${version}`);
  if (view.desktop) {
    lines.push(`shortcut: ${view.desktop.shortcut.state}${view.desktop.shortcut.state === 'refused' ? ` (${view.desktop.shortcut.reason})` : ''}`);
    lines.push(`start at login: ${view.desktop.openAtLogin ? 'yes' : 'no'}`);
    for (const note of view.desktop.notes) lines.push(`note: ${note}`);
  }
  if (view.logFile !== undefined) lines.push(`log file: ${view.logFile}`);
  lines.push('', 'settings:', JSON.stringify(view.settings, null, 2));
  if (view.logLines.length > 0) lines.push('', `last ${view.logLines.length} log lines:`, ...view.logLines);
  return lines.join('\n');
}

export function shortcutWords(locale: Locale, status: ShortcutStatus): string {
  switch (status.state) {
    case 'off':
      return desktopText(locale, 'shortcutOff');
    case 'registered':
      return desktopText(locale, 'shortcutOn', { accelerator: status.accelerator });
    case 'refused':
      return desktopText(locale, 'shortcutRefused', { accelerator: status.accelerator, message: status.message });
    default: {
      const unreachable: never = status;
      return unreachable;
    }
  }
}
