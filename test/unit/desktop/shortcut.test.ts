import { describe, expect, it } from 'vitest';
import { checkAccelerator, planShortcut, shortcutOutcome } from '../../../main/desktop/shortcut';

const x11 = { platform: 'linux' as const, sessionType: 'x11' };
const wayland = { platform: 'linux' as const, sessionType: 'wayland' };

describe('checkAccelerator', () => {
  it.each(['CommandOrControl+Alt+D', 'Ctrl+Shift+F9', 'Super+Plus', 'F8', 'Alt+Shift+1', 'CmdOrCtrl+num5'])('accepts %s', (a) => {
    expect(checkAccelerator(a)).toEqual({ ok: true });
  });

  it.each([
    ['D', 'needs a modifier'],
    ['Ctrl+', 'empty part'],
    ['Hyper+D', 'not a modifier'],
    ['Ctrl+Dee', 'not a key'],
    ['Ctrl+Ctrl+D', 'repeats a modifier'],
  ])('refuses %s (%s)', (a, why) => {
    const r = checkAccelerator(a);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toContain(why);
  });
});

describe('shortcutOutcome', () => {
  it('is off for an empty setting and never registers it', () => {
    expect(planShortcut('  ')).toEqual({ kind: 'off' });
    expect(shortcutOutcome('', x11, { registered: false })).toEqual({ state: 'off' });
  });

  it('reports a registered shortcut', () => {
    expect(shortcutOutcome('Ctrl+Alt+D', x11, { registered: true })).toEqual({ state: 'registered', accelerator: 'Ctrl+Alt+D' });
  });

  it('explains a refusal on Wayland without the portal, and a combination taken elsewhere', () => {
    expect(shortcutOutcome('Ctrl+Alt+D', wayland, { registered: false })).toMatchObject({ state: 'refused', reason: 'wayland', message: expect.stringContaining('GlobalShortcuts portal') as unknown });
    expect(shortcutOutcome('Ctrl+Alt+D', x11, { registered: false })).toMatchObject({ state: 'refused', reason: 'taken', message: expect.stringContaining('already used') as unknown });
    expect(shortcutOutcome('Ctrl+Alt+D', { platform: 'win32', sessionType: undefined }, { registered: false })).toMatchObject({ reason: 'taken' });
  });

  it('refuses a malformed accelerator before trying, and reports an exception from Electron', () => {
    expect(planShortcut('Hyper+D')).toMatchObject({ kind: 'invalid' });
    expect(shortcutOutcome('Hyper+D', x11, { registered: true })).toMatchObject({ state: 'refused', reason: 'invalid' });
    expect(shortcutOutcome('Ctrl+Alt+D', x11, { error: 'conversion failure' })).toMatchObject({ state: 'refused', reason: 'failed', message: expect.stringContaining('conversion failure') as unknown });
  });
});
