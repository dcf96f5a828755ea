import { describe, expect, it } from 'vitest';
import { forwardEvents, isTrustedSender, registerIpc } from '../../../main/app/ipc';
import { isAppUrl } from '../../../main/app/policy';
import { offlineServicesStoppedAfterEach } from '../../support/offline-services';
import { buildCtiApi } from '../../../preload/bridge';
import { FakeElectronIpc } from '../contract/fake-electron';

const APP = 'file:///opt/cti/resources/app/out/renderer/index.html';
const service = offlineServicesStoppedAfterEach();

describe('isAppUrl / isTrustedSender', () => {
  it.each([
    [APP + '#/settings', APP, true],
    ['file:///tmp/evil.html', APP, false],
    ['http://localhost:5173/index.html?x=1', 'http://localhost:5173/', true],
    ['http://localhost:5174/', 'http://localhost:5173/', false],
    ['https://evil.example/', 'http://localhost:5173/', false],
    ['about:blank', APP, false],
    ['not a url', APP, false],
    ['http://user:pw@localhost:5173/', 'http://localhost:5173/', false],
  ])('%s against %s -> %s', (frame, app, expected) => {
    expect(isAppUrl(frame, app)).toBe(expected);
  });

  it('refuses subframes and missing frames', () => {
    expect(isTrustedSender({ url: APP, parent: null }, APP)).toBe(true);
    expect(isTrustedSender({ url: APP, parent: {} }, APP)).toBe(false);
    expect(isTrustedSender(null, APP)).toBe(false);
  });
});

describe('registerIpc + buildCtiApi over (fake) Electron IPC', () => {
  it('carries a command and its typed result', async () => {
    const fake = new FakeElectronIpc(APP);
    registerIpc({ ipcMain: fake.ipcMain, handlers: service().handlers, appUrl: APP });
    const cti = buildCtiApi(fake.ipcRenderer);
    const state = await cti.getState({});
    expect(state.ok && state.value.lines[0]?.deviceNumber).toBe('1101');
    const bad = await cti.dial({ number: '' });
    expect(bad).toMatchObject({ ok: false, error: { code: 'invalidArgument' } });
  });

  it('refuses a command from a frame that is not the app', async () => {
    const fake = new FakeElectronIpc('https://evil.example/');
    registerIpc({ ipcMain: fake.ipcMain, handlers: service().handlers, appUrl: APP });
    const r = await buildCtiApi(fake.ipcRenderer).getState({});
    expect(r).toMatchObject({ ok: false, error: { code: 'invalidArgument', message: 'getState: sender is not this app' } });
  });

  it('unregistering removes every channel; the bridge then answers a typed error', async () => {
    const fake = new FakeElectronIpc(APP);
    const off = registerIpc({ ipcMain: fake.ipcMain, handlers: service().handlers, appUrl: APP });
    off();
    expect(fake.handlers.size).toBe(0);
    const r = await buildCtiApi(fake.ipcRenderer).getState({});
    expect(r).toMatchObject({ ok: false, error: { code: 'internal' } });
  });

  it('forwards events to windows; the subscription returns its unsubscribe', async () => {
    const fake = new FakeElectronIpc(APP);
    const s = service();
    registerIpc({ ipcMain: fake.ipcMain, handlers: s.handlers, appUrl: APP });
    forwardEvents(s, () => [fake.webContents]);
    const cti = buildCtiApi(fake.ipcRenderer);
    const seen: number[] = [];
    const off = cti.on('patch', (p) => seen.push(p.seq));
    s.line.dispatch({ type: 'event', now: Date.now(), event: { type: 'doNotDisturb', state: 'on' } });
    off();
    s.line.dispatch({ type: 'event', now: Date.now(), event: { type: 'doNotDisturb', state: 'off' } });
    expect(seen).toEqual([1]);
    expect(fake.listeners.get('cti:evt:patch')?.size).toBe(0);
    expect(() => cti.on('nope' as 'patch', () => {})).toThrow(TypeError);
  });
});
