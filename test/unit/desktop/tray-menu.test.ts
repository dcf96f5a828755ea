import { describe, expect, it } from 'vitest';
import { trayMenu, type TrayMenuItem } from '../../../main/desktop/tray-menu';
import { call, leg, line, party, ringingFrom } from './fixtures';

const labels = (items: readonly TrayMenuItem[]): string[] => items.map((i) => (i.kind === 'separator' ? '—' : i.label));
const find = (items: readonly TrayMenuItem[], label: string): TrayMenuItem => {
  const item = items.find((i) => i.kind !== 'separator' && i.label === label);
  if (!item) throw new Error(`no item ${label} in ${labels(items).join(' | ')}`);
  return item;
};

describe('trayMenu', () => {
  it('on an idle line: Dial…, DND, Open, Settings, Quit; no clipboard, redial, call or agent items', () => {
    expect(labels(trayMenu({ line: line(), clipboardNumber: null, redial: [] }))).toEqual([
      'Dial…',
      '—',
      'Do not disturb',
      '—',
      'Open',
      'Settings',
      '—',
      'Quit',
    ]);
  });

  it('offers the clipboard number with the number in the label, and the last five numbers to redial', () => {
    const items = trayMenu({ line: line(), clipboardNumber: '0612345678', redial: ['1', '2', '3', '4', '5', '6'] });
    expect(find(items, 'Dial 0612345678 (clipboard)')).toMatchObject({ action: { type: 'dial', number: '0612345678' }, enabled: true });
    const redial = find(items, 'Redial');
    expect(redial.kind).toBe('submenu');
    if (redial.kind !== 'submenu') return;
    expect(labels(redial.items)).toEqual(['1', '2', '3', '4', '5']);
    expect(redial.items[0]).toMatchObject({ action: { type: 'dial', number: '1' } });
  });

  it('answers the ringing call and hangs up the current one, naming the party', () => {
    const ringing = trayMenu({ line: line({ calls: [ringingFrom('0612', 'c1', { name: 'Marie Curie' })] }), clipboardNumber: null, redial: [] });
    expect(find(ringing, 'Answer Marie Curie')).toMatchObject({ action: { type: 'answer', callingNumber: '0612' } });
    // A ringing call can be refused from the tray as well.
    expect(find(ringing, 'Hang up Marie Curie')).toMatchObject({ action: { type: 'hangUp', otherNumber: '0612' } });

    const talking = trayMenu({ line: line({ calls: [call('c2', leg('connected', party('1102')))] }), clipboardNumber: null, redial: [] });
    expect(labels(talking)).not.toContain('Answer 1102');
    expect(find(talking, 'Hang up 1102')).toMatchObject({ action: { type: 'hangUp', otherNumber: '1102' } });
  });

  it('never sends a hidden number back to the PBX', () => {
    const items = trayMenu({ line: line({ calls: [ringingFrom('*****-7', 'c1', { hidden: true })] }), clipboardNumber: null, redial: [] });
    expect(find(items, 'Answer')).toMatchObject({ action: { type: 'answer' } });
    expect(find(items, 'Answer')).not.toHaveProperty('action.callingNumber');
  });

  it('shows DND and each active forward as checkboxes whose click toggles them off/on', () => {
    const l = line({ doNotDisturb: true, forwards: [{ type: 'immediate', number: '1105', on: true }, { type: 'busy', number: '1106', on: false }] });
    const items = trayMenu({ line: l, clipboardNumber: null, redial: [] });
    expect(find(items, 'Do not disturb')).toMatchObject({ kind: 'checkbox', checked: true, action: { type: 'setDnd', on: false } });
    expect(find(items, 'Forward all calls to 1105')).toMatchObject({ kind: 'checkbox', checked: true, action: { type: 'setForward', forwardType: 'immediate', on: false } });
    expect(labels(items).some((l) => l.includes('busy'))).toBe(false);
  });

  it('lists agent states as radios limited to the permitted ones, the current one checked', () => {
    const l = line({ agent: { state: 'ready', permittedStates: ['notReady', 'loggedOff', 'busy'], inboundServices: [], outboundServices: [] } });
    const radios = trayMenu({ line: l, clipboardNumber: null, redial: [] }).filter((i) => i.kind === 'radio');
    expect(labels(radios)).toEqual(['Logged off', 'Not ready', 'Ready']);
    expect(radios.map((r) => r.kind === 'radio' && r.checked)).toEqual([false, false, true]);
    expect(radios[1]).toMatchObject({ action: { type: 'setAgentState', state: 'notReady' }, enabled: true });
  });

  it('disables what needs the line while it is not connected, keeps Open/Settings/Quit', () => {
    const down = line({ calls: [ringingFrom('0612')], connection: { state: 'reconnecting', eventMode: 'udp', since: 1 } });
    const items = trayMenu({ line: down, clipboardNumber: '0612', redial: ['1102'] });
    for (const label of ['Dial 0612 (clipboard)', 'Redial', 'Answer 0612', 'Do not disturb']) expect(find(items, label)).toMatchObject({ enabled: false });
    for (const label of ['Dial…', 'Open', 'Settings', 'Quit']) expect(find(items, label)).toMatchObject({ enabled: true });
    expect(labels(trayMenu({ line: undefined, clipboardNumber: null, redial: [] }))).toEqual(['Dial…', '—', 'Open', 'Settings', '—', 'Quit']);
  });
});
