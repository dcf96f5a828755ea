import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../../common/schemas';
import type { DiagnosticsView } from '../../../common/diagnostics';
import { diagnosticsText, shortcutWords } from '../../../renderer/src/views/settings/desktop/diagnostics';
import { desktopText } from '../../../renderer/src/views/settings/desktop/messages';

const view: DiagnosticsView = {
  app: { name: 'TelServices CTI', version: '0.1.0' },
  versions: { electron: '45.4.1', node: '22.1.0', chrome: '' },
  platform: 'linux x64',
  settings: { ...DEFAULT_SETTINGS, serverHost: 'pbx.example' },
  logFile: '/home/a/.config/TelServices CTI/logs/main.log',
  logLines: ['[info] line L1 monitored', '[warn] userPassword=[redacted]'],
  desktop: { shortcut: { state: 'refused', accelerator: 'Ctrl+Alt+D', reason: 'taken', message: 'already used' }, openAtLogin: true, notes: ['n1'] },
};

describe('About / diagnostics text', () => {
  it('copies versions, desktop status, the log file, settings and the last log lines', () => {
    const text = diagnosticsText(view);
    expect(text.split('\n').slice(0, 5)).toEqual(['TelServices CTI 0.1.0', 'platform: linux x64', 'electron: 45.4.1', 'node: 22.1.0', 'shortcut: refused (taken)']);
    expect(text).toContain('start at login: yes');
    expect(text).toContain('log file: /home/a/.config/TelServices CTI/logs/main.log');
    expect(text).toContain('"serverHost": "pbx.example"');
    expect(text.endsWith('[warn] userPassword=[redacted]')).toBe(true);
    expect(text).not.toContain('chrome:');
  });

  it('says what became of the shortcut, in both languages', () => {
    expect(shortcutWords('en', view.desktop!.shortcut)).toBe('The dial shortcut Ctrl+Alt+D is not active: already used.');
    expect(shortcutWords('fr', { state: 'registered', accelerator: 'F8' })).toBe('Le raccourci de numérotation F8 est actif.');
    expect(shortcutWords('en', { state: 'off' })).toBe(desktopText('en', 'shortcutOff'));
  });
});
