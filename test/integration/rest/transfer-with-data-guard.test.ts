/**
 * The two-minute guard: the DNIS is held two minutes at most, so a transfer not completed 110 s
 * after its session started is stopped. Real line and transfer data client on the simulator; the
 * transfers' clock is a manual one, so the 110 s pass in no time.
 */
import { describe, expect, it } from 'vitest';
import type { TransferWithDataView } from '../../../common/transfer-with-data';
import { TRANSFER_GUARD_MS, TransfersWithData } from '../../../main/core/transfer-with-data';
import { linePort } from '../../../main/core/transfer-with-data-wiring';
import { tdsClientOf } from '../../../main/core/rest-clients';
import { manualClock } from '../../../main/simulator/pbx/clock';
import { MOCK_CREDENTIALS } from '../../../main/simulator/rest/rest-mocks';
import { rigsClosedAfterEach } from '../core/harness';
import { connectedCall, sessions, until } from './transfer-support';

const start = rigsClosedAfterEach();

describe('transfer with data, the two-minute guard', () => {
  it('stops the session 110 s after it started if the transfer is not completed; the consultation goes on', async () => {
    const rig = await start();
    const { callId } = await connectedCall(rig);
    const settings = (await rig.service.handlers.getSettings({})).settings;
    const clock = manualClock(1_000);
    const views: TransferWithDataView[] = [];
    const transfers = new TransfersWithData({
      line: () => linePort(rig.service.line),
      settings: () => settings,
      tds: (s) => tdsClientOf(s, { get: () => MOCK_CREDENTIALS.tds.password }),
      emit: (v) => views.push(v),
      clock,
    });
    const view = await transfers.start({ callId, pairs: [{ key: 'k', value: 'v' }], mode: 'consult' });
    expect(view).toMatchObject({ state: 'consulting', stopsAt: 1_000 + TRANSFER_GUARD_MS });
    clock.advance(TRANSFER_GUARD_MS - 1);
    expect(views[views.length - 1]?.state).toBe('consulting');
    expect(sessions(rig)[0]?.active).toBe(true);
    clock.advance(1);
    await until(() => views[views.length - 1]?.state === 'expired', 'the guard');
    expect(views[views.length - 1]?.stopsAt).toBeUndefined();
    expect(sessions(rig)[0]).toMatchObject({ active: false, endedBy: 'stop' });
    expect(rig.line().calls[0]?.secondary).toBeDefined();
    await expect(transfers.complete(view.id)).rejects.toMatchObject({ code: 'invalidArgument' });
    transfers.close();
  });

  it('a completed transfer has no guard left: nothing is stopped later', async () => {
    const rig = await start();
    const { callId } = await connectedCall(rig);
    const settings = (await rig.service.handlers.getSettings({})).settings;
    const clock = manualClock(0);
    const transfers = new TransfersWithData({
      line: () => linePort(rig.service.line),
      settings: () => settings,
      tds: (s) => tdsClientOf(s, { get: () => MOCK_CREDENTIALS.tds.password }),
      emit: () => undefined,
      clock,
    });
    const view = await transfers.start({ callId, pairs: [], mode: 'blind' });
    expect(view.state).toBe('completed');
    clock.advance(TRANSFER_GUARD_MS * 2);
    await new Promise((r) => setTimeout(r, 100));
    expect(sessions(rig)[0]?.active).toBe(true);
  });
});
