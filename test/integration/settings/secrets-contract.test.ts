/**
 * Secrets through the contract against the simulator (real sockets): the TelServer password lives in
 * the SecretStore, the renderer learns only whether it is set, and a new one opens a new session.
 */
import { expect, it } from 'vitest';
import { cleanupAfterEach } from '../../support/cleanup';
import { commandArgs } from '../../../common/schemas';
import type { SettingsView } from '../../../common/contract';
import type { LineState } from '../../../common/domain';
import { startSimulator } from '../../../main/simulator/index';
import { CtiService } from '../../../main/core/service';
import { telServicesLinkFactory } from '../../../main/core/telservices-link';
import { dispatchCommand } from '../../../main/core/dispatch';
import { MemorySettingsStore } from '../../../main/settings/store';
import { MemorySecretStore } from '../../../main/settings/secrets';
import { FAST } from '../core/harness';

const cleanup = cleanupAfterEach();

async function until(pred: () => boolean, what: string, ms = 5000): Promise<void> {
  const end = Date.now() + ms;
  while (!pred()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

it('the password is never in a settings view; setSecret sets it, and the line opens with it', async () => {
  const sim = await startSimulator({ port: 0, credentials: { alice: 'p4ss' } });
  cleanup(() => sim.close());
  const secrets = new MemorySecretStore({ telserverPassword: 'wrong' });
  const service = new CtiService({
    settings: new MemorySettingsStore({ serverPort: sim.port, deviceNumber: '1101', userID: 'alice', requestTimeoutMs: 2000 }),
    secrets,
    linkFactory: telServicesLinkFactory,
    timing: FAST,
  });
  cleanup(() => service.stop());
  service.start();
  const line = (): LineState => service.getState().lines[0] as LineState;

  const before = await dispatchCommand(service.handlers, 'getSettings', {});
  expect(before).toMatchObject({ ok: true, value: { secrets: { telserverPassword: true, tdsPassword: false }, secretStorage: { kind: 'session' } } });
  expect(JSON.stringify(before)).not.toContain('wrong');
  expect(line().connection.state).not.toBe('monitored');

  const after = await dispatchCommand(service.handlers, 'setSecret', { key: 'telserverPassword', value: 'p4ss' });
  expect(after.ok).toBe(true);
  expect(JSON.stringify(after)).not.toContain('p4ss');
  await until(() => line().connection.state === 'monitored', 'the line to open with the new password');

  const cleared = await dispatchCommand(service.handlers, 'setSecret', { key: 'telserverPassword', value: '' });
  expect((cleared as { ok: true; value: SettingsView }).value.secrets.telserverPassword).toBe(false);
  expect(secrets.has('telserverPassword')).toBe(false);
});

it('setSecret refuses an unknown key; setSettings refuses a userPassword (secrets are not settings)', async () => {
  expect(commandArgs.setSecret.safeParse({ key: 'root', value: 'x' }).success).toBe(false);
  expect(commandArgs.setSettings.safeParse({ userPassword: 'x' }).success).toBe(false);
});

it('setForward on without a number is refused by the schema; off without one is fine', () => {
  expect(commandArgs.setForward.safeParse({ type: 'immediate', on: true }).success).toBe(false);
  expect(commandArgs.setForward.safeParse({ type: 'immediate', on: true, number: '1102' }).success).toBe(true);
  expect(commandArgs.setForward.safeParse({ type: 'immediate', on: false }).success).toBe(true);
});
