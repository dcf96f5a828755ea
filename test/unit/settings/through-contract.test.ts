import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { ConfSettingsStore } from '../../../main/settings/conf-store';
import { CtiService } from '../../../main/core/service';
import { telServicesLinkFactory } from '../../../main/core/telservices-link';
import { dispatchCommand } from '../../../main/core/dispatch';

const cleanup: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const c of cleanup.splice(0)) await c();
});

it('a bad settings file is reported through the contract (state, getSettings, error event)', async () => {
  const cwd = mkdtempSync(join(tmpdir(), 'cti-settings-'));
  cleanup.push(() => rmSync(cwd, { recursive: true, force: true }));
  writeFileSync(join(cwd, 'settings.json'), '{ not json');
  const service = new CtiService({ settings: new ConfSettingsStore({ cwd }), linkFactory: telServicesLinkFactory });
  cleanup.push(() => service.stop());
  const errors: string[] = [];
  service.on('error', (e) => errors.push(e.error.code));
  service.start();
  expect(errors).toEqual(['badSettings']);
  expect(service.getState().settingsError?.code).toBe('badSettings');
  const view = await dispatchCommand(service.handlers, 'getSettings', {});
  expect(view).toMatchObject({ ok: true, value: { loadError: { code: 'badSettings' }, settings: { serverPort: 8800 } } });
});
