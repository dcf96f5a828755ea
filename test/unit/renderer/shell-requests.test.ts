// The desktop shell's requests to the main window, through the contract's events and the state
// classes: dialRequest (a tel: link: the dial box filled, Call focused, nothing dialled) and
// showView (the tray's Settings). The bridge is a fake CtiApi that emits them.
import { fireEvent, render, screen } from '@testing-library/svelte';
import { tick } from 'svelte';
import { describe, expect, it } from 'vitest';
import { VIEW_NAMES } from '../../../common/contract';
import { DEFAULT_SETTINGS } from '../../../common/schemas';
import App from '../../../renderer/src/App.svelte';
import { CtiStore } from '../../../renderer/src/lib/cti-store.svelte';
import { Announcer } from '../../../renderer/src/state/announcer.svelte';
import { DialState } from '../../../renderer/src/state/dial.svelte';
import { DirectoryState } from '../../../renderer/src/state/directory.svelte';
import { DIAL_TAB, NavigationState } from '../../../renderer/src/state/navigation.svelte';
import { Preferences } from '../../../renderer/src/state/preferences.svelte';
import { TAB_IDS } from '../../../renderer/src/views/tabs';
import { FakeCti } from './views/fake-cti';

/** A bridge that emits the shell's events; the directory finds nobody, settings are the defaults. */
function fakeCti(): FakeCti {
  const f = new FakeCti();
  f.answer('searchDirectory', { ok: true, value: [] });
  const secrets = { telserverPassword: false, tdsPassword: false, arcToken: false, dnisPassword: false };
  f.answer('getSettings', { ok: true, value: { settings: { ...DEFAULT_SETTINGS }, secrets, secretStorage: { kind: 'session', unavailableReason: 'No keyring.' } } });
  return f;
}

const settle = async (): Promise<void> => {
  await new Promise((r) => setTimeout(r, 0));
  await tick();
};

function memoryStorage(): Pick<Storage, 'getItem' | 'setItem'> {
  const m = new Map<string, string>();
  return { getItem: (k) => m.get(k) ?? null, setItem: (k, v) => void m.set(k, v) };
}

describe('DialState and dialRequest', () => {
  it('fills the box with the number normalised as pasted text, asks focus on Call once, and dials nothing', async () => {
    const f = fakeCti();
    const store = new CtiStore(f.api);
    await settle();
    const dial = new DialState(store, new Preferences({ storage: memoryStorage(), languages: ['fr-FR'] }), new DirectoryState(store), new Announcer());
    expect(dial.takeFocus()).toBeUndefined();
    f.emit('dialRequest', { number: '01 60-12.77 64' });
    expect(dial.text).toBe('+33160127764');
    expect(dial.takeFocus()).toBe('call');
    expect(dial.takeFocus()).toBeUndefined(); // once per request: a view mounted later does not steal focus
    f.emit('dialRequest', { number: '1102' });
    expect(dial.text).toBe('1102');
    expect(dial.takeFocus()).toBe('call');
    expect(f.sent('dial')).toEqual([]);
    dial.destroy();
    store.destroy();
  });

  it("an empty request (the tray's Dial…) clears the box and asks focus on it; a name stays text to look up", async () => {
    const f = fakeCti();
    const store = new CtiStore(f.api);
    await settle();
    const dial = new DialState(store, new Preferences({ storage: memoryStorage(), languages: ['en-GB'] }), new DirectoryState(store), new Announcer());
    await dial.setText('0140');
    f.emit('dialRequest', { number: '' });
    expect(dial.text).toBe('');
    expect(dial.takeFocus()).toBe('input');
    f.emit('dialRequest', { number: ' Marcel ' });
    expect(dial.text).toBe('Marcel');
    expect(dial.takeFocus()).toBe('input');
    dial.destroy();
    f.emit('dialRequest', { number: '1102' }); // unsubscribed
    expect(dial.text).toBe('Marcel');
    store.destroy();
  });
});

describe('NavigationState', () => {
  it("obeys showView for the views this line offers, dialRequest shows the dial box's tab", async () => {
    const f = fakeCti();
    const store = new CtiStore(f.api);
    await settle();
    const nav = new NavigationState(store);
    expect(nav.tab).toBe('calls');
    f.emit('showView', { view: 'settings' });
    expect(nav.tab).toBe('settings');
    f.emit('showView', { view: 'agent' }); // no agent on this line: no such tab
    expect(nav.tab).toBe('settings');
    f.emit('dialRequest', { number: '1102' });
    expect(nav.tab).toBe(DIAL_TAB);
    f.setLine({ agent: { state: 'ready', permittedStates: ['ready'], inboundServices: [], outboundServices: [] } });
    expect(nav.show('agent')).toBe(true);
    nav.destroy();
    f.emit('showView', { view: 'history' });
    expect(nav.tab).toBe('agent');
    store.destroy();
  });

  it("the contract's view names are the renderer's tabs, in order", () => {
    expect([...VIEW_NAMES]).toEqual([...TAB_IDS]);
  });
});

describe('App and the shell requests', () => {
  it('showView settings selects the Settings tab; a dialRequest returns to Calls with the number and Call focused', async () => {
    const f = fakeCti();
    render(App, { cti: f.api });
    await settle();
    const before = document.activeElement;
    f.emit('showView', { view: 'settings' });
    await settle();
    expect(screen.getByRole('tab', { name: 'Settings' })).toHaveAttribute('aria-selected', 'true');
    expect(screen.queryByLabelText('Number to dial')).toBeNull();
    expect(document.activeElement).toBe(before); // showing a view does not move focus

    f.emit('dialRequest', { number: '+33 1 60 12 77 64' });
    await settle();
    expect(screen.getByRole('tab', { name: 'Calls' })).toHaveAttribute('aria-selected', 'true');
    expect(screen.getByLabelText('Number to dial')).toHaveValue('+33160127764');
    const callButton = screen.getByRole('button', { name: 'Call' });
    expect(document.activeElement).toBe(callButton);
    expect(f.sent('dial')).toEqual([]);
    await fireEvent.click(callButton);
    await settle();
    expect(f.sent('dial')).toEqual([{ line: 'L1', number: '+33160127764' }]);
  });

  it('a dialRequest while Calls is shown fills the box in place and focuses Call', async () => {
    const f = fakeCti();
    render(App, { cti: f.api });
    await settle();
    f.emit('dialRequest', { number: '1102' });
    await settle();
    expect(screen.getByLabelText('Number to dial')).toHaveValue('1102');
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Call' }));
  });
});
