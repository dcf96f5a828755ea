/**
 * The demo's transferred call, as `npm start` plays it: the core runtime in demo mode (embedded
 * simulator, its REST mocks, the demo's REST settings and secrets), sped up. The second demo call
 * comes from a remote contact centre with transfer data: it pops, its data fills the pop in, and its
 * DNIS is released (the session stopped).
 */
import { describe, expect, it } from 'vitest';
import { until } from '../../support/until';
import type { IncomingCall } from '../../../common/domain';
import type { TransferDataView } from '../../../common/transfer-data';
import { startCoreRuntime, type CoreRuntime } from '../../../main/core/runtime';
import { MemorySettingsStore } from '../../../main/settings/store';
import { cleanupAfterEach } from '../../support/cleanup';

const cleanup = cleanupAfterEach();


describe('the demo: a call transferred in with data', () => {
  it('pops with the transfer data and releases its DNIS; the settings view says the demo secrets are for this run', async () => {
    const runtime: CoreRuntime = await startCoreRuntime({ demo: true, demoPace: { everyMs: 600, calls: 3 }, settings: (o) => new MemorySettingsStore(o) });
    cleanup(() => runtime.close());
    const pops: IncomingCall[] = [];
    const data: TransferDataView[] = [];
    runtime.service.on('incomingCall', (c) => pops.push(c));
    runtime.service.on('transferData', (v) => data.push(v));
    await until(() => data.some((d) => d.released !== undefined || d.releaseError !== undefined), 'the released transfer data', 8000);
    const last = data[data.length - 1];
    expect(last).toMatchObject({ state: 'loaded', released: 'stop' });
    expect(last?.releaseError).toBeUndefined();
    expect(last?.dnis).toMatch(/^1800555/);
    expect(last?.pairs.map((p) => p.key)).toEqual(['customer', 'customerId', 'reason', 'note']);
    const pop = pops.find((p) => p.callId === last?.callId);
    expect(pop?.leg.dialledNumber).toBe(last?.dnis);
    expect(last?.pairs[0]?.value).toBe(pop?.leg.otherParty.name);
    const sessions = runtime.simulator?.restControl?.state().sessions ?? [];
    expect(sessions.find((s) => s.dnis === last?.dnis)).toMatchObject({ active: false, endedBy: 'stop' });
    const view = await runtime.service.handlers.getSettings({});
    expect(view.secrets).toMatchObject({ tdsPassword: true, arcToken: true, dnisPassword: true });
    expect(view.secretStorage.kind).toBe('session');
  });
});
