import { describe, expect, it } from 'vitest';
import { COMMAND_NAMES, EVENT_NAMES, commandChannel, type CommandHandlers } from '../../../common/contract';
import { commandArgs } from '../../../common/schemas';
import { dispatchCommand } from '../../../main/core/dispatch';
import { offlineServicesStoppedAfterEach } from '../../support/offline-services';
import { buildCtiApi } from '../../../preload/bridge';
import { registerIpc } from '../../../main/app/ipc';
import { FakeElectronIpc } from './fake-electron';

const service = offlineServicesStoppedAfterEach();

describe('the contract', () => {
  it('has exactly one argument schema per command', () => {
    expect(Object.keys(commandArgs).sort()).toEqual([...COMMAND_NAMES].sort());
  });

  it('the core has a handler for every command (and nothing else)', () => {
    const handlers: CommandHandlers = service().handlers;
    for (const name of COMMAND_NAMES) expect(typeof handlers[name], name).toBe('function');
    expect(Object.keys(handlers).sort()).toEqual([...COMMAND_NAMES].sort());
  });

  it('Electron registration, the preload bridge: one channel and one verb per command', () => {
    const fake = new FakeElectronIpc('file:///app/out/renderer/index.html');
    registerIpc({ ipcMain: fake.ipcMain, handlers: service().handlers, appUrl: 'file:///app/out/renderer/index.html' });
    expect([...fake.handlers.keys()].sort()).toEqual(COMMAND_NAMES.map(commandChannel).sort());
    const api = buildCtiApi(fake.ipcRenderer);
    for (const name of COMMAND_NAMES) expect(typeof api[name], name).toBe('function');
    expect(typeof api.on).toBe('function');
    expect(EVENT_NAMES.length).toBeGreaterThan(0);
  });
});

describe('dispatchCommand (the boundary)', () => {
  it('refuses an unknown command and invalid arguments with typed errors, never throws', async () => {
    const h = service().handlers;
    expect(await dispatchCommand(h, 'formatDisk', {})).toMatchObject({ ok: false, error: { code: 'unknownCommand' } });
    const bad = await dispatchCommand(h, 'dial', { number: 'rm -rf /' });
    expect(bad).toMatchObject({ ok: false, error: { code: 'invalidArgument' } });
    expect(bad.ok === false && bad.error.message).toContain('number');
    expect(await dispatchCommand(h, 'setDnd', { on: true, extra: 1 })).toMatchObject({ ok: false, error: { code: 'invalidArgument' } });
    expect(await dispatchCommand(h, 'getState', 'not an object')).toMatchObject({ ok: false, error: { code: 'invalidArgument' } });
  });

  it('a command on a line that is not monitored fails with notConnected', async () => {
    const r = await dispatchCommand(service().handlers, 'dial', { number: '1102' });
    expect(r).toMatchObject({ ok: false, error: { code: 'notConnected' } });
  });

  it('getState and settings round-trip as values', async () => {
    const h = service().handlers;
    const state = await dispatchCommand(h, 'getState', {});
    expect(state).toMatchObject({ ok: true, value: { seq: 0, lines: [{ lineId: 'L1', deviceNumber: '1101' }] } });
    const set = await dispatchCommand(h, 'setSettings', { eventMode: 'poll' });
    expect(set).toMatchObject({ ok: true, value: { settings: { eventMode: 'poll', serverPort: 9 } } });
    const refused = await dispatchCommand(h, 'setSettings', { serverPort: 0 });
    expect(refused).toMatchObject({ ok: false, error: { code: 'invalidArgument' } });
  });
});
