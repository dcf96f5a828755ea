/** HTTP mode's makeCall shortcut and the snapshot long-poll (resultOnEvent), over HTTP and raw TCP. */
import { afterEach, describe, expect, it } from 'vitest';
import { decodeReply, encodeRequest } from '../../../main/telservices/codec';
import type { SnapshotInfo } from '../../../common/telservices/structures';
import { valueName } from '../../../common/telservices/enums';
import { harness, rawTcp, type Harness } from './harness';

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

const stateOf = (s: SnapshotInfo): string | undefined => {
  const state = s.calls?.[0]?.primCall?.state;
  return state === undefined ? undefined : valueName(state);
};

describe('HTTP mode', () => {
  it('GET /makeCall?deviceNumber=…&calledDeviceNumber=… launches the call', async () => {
    h = await harness();
    const res = await fetch(`http://127.0.0.1:${h.sim.port}/makeCall?deviceNumber=1101&calledDeviceNumber=1102`);
    expect(res.status).toBe(200);
    expect(decodeReply(await res.text())).toEqual({ kind: 'result', result: { type: 'standard' } });
    await h.http.openSession({ deviceNumber: '1102' });
    expect(stateOf(await h.http.snapshot({ deviceNumber: '1102' }))).toBe('alerting');
  });
});

describe('snapshot long-poll', () => {
  it('over HTTP: waits for the next change, answers at once when something changed since snapshotSeq', async () => {
    h = await harness();
    await h.http.openSession({ deviceNumber: '1102' }); // no UDP port: a long-poll client
    const first = await h.http.snapshot({ deviceNumber: '1102' });
    expect(first.snapshotSeq).toMatch(/^\d+$/);
    const started = Date.now();
    const waiting = h.http.snapshot(
      { deviceNumber: '1102', resultOnEvent: { timeout: '10', snapshotSeq: first.snapshotSeq ?? '' } },
      { timeoutMs: 12_000 },
    );
    await new Promise((r) => setTimeout(r, 150));
    expect(h.sim.control.state().waitingPolls).toBe(1);
    await h.tcp.makeCall({ deviceNumber: '1101', calledDeviceNumber: '1102' });
    const changed = await waiting;
    expect(Date.now() - started).toBeLessThan(5000);
    expect(stateOf(changed)).toBe('alerting');
    expect(Number(changed.snapshotSeq)).toBeGreaterThan(Number(first.snapshotSeq));
    // A change that happened before the poll: answered at once.
    await h.tcp.doNotDisturb({ deviceNumber: '1102', state: 'on' });
    const again = await h.http.snapshot({
      deviceNumber: '1102',
      resultOnEvent: { timeout: '10', snapshotSeq: changed.snapshotSeq ?? '' },
    });
    expect(again.doNotDisturb).toBe('on');
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it('over HTTP: answers at the timeout when nothing changes', async () => {
    h = await harness();
    await h.http.openSession({ deviceNumber: '1101' });
    const first = await h.http.snapshot({ deviceNumber: '1101' });
    const started = Date.now();
    const same = await h.http.snapshot({
      deviceNumber: '1101',
      resultOnEvent: { timeout: '1', snapshotSeq: first.snapshotSeq ?? '' },
    });
    expect(Date.now() - started).toBeGreaterThanOrEqual(900);
    expect(same.calls).toEqual([]);
    expect(same.snapshotSeq).not.toBe(first.snapshotSeq);
  });

  it('over raw TCP, and a session event ends the wait with the snapshot naming it', async () => {
    h = await harness();
    await h.tcp.openSession({ deviceNumber: '1101' });
    const first = await h.tcp.snapshot({ deviceNumber: '1101' });
    const xml = encodeRequest({
      type: 'snapshot',
      deviceNumber: '1101',
      resultOnEvent: { timeout: '10', snapshotSeq: first.snapshotSeq ?? '' },
    });
    const polled = rawTcp(h.sim.port, xml, { timeoutMs: 5000 });
    await new Promise((r) => setTimeout(r, 150));
    h.sim.control.setFaults({ linkDown: true });
    const { text, closed } = await polled;
    expect(closed).toBe(true);
    const reply = decodeReply(text);
    if (reply.kind !== 'result' || reply.result.type !== 'snapshot') throw new Error(text);
    expect(reply.result.snapshot.session).toBe('pbxlinkOutOfService');
  });

  it('a poller that goes away stops waiting', async () => {
    h = await harness();
    await h.http.openSession({ deviceNumber: '1101' });
    const abort = new AbortController();
    const poll = h.http
      .snapshot({ deviceNumber: '1101', resultOnEvent: { timeout: '30', snapshotSeq: '0' } }, { signal: abort.signal, timeoutMs: 40_000 })
      .catch(() => 'cancelled');
    // seq 0 is older than the session's opening: answered at once (so is a seq we never issued)
    expect(await poll).not.toBe('cancelled');
    const unknown = await h.http.snapshot({ deviceNumber: '1101', resultOnEvent: { timeout: '30', snapshotSeq: '999999' } });
    expect(unknown.calls).toEqual([]);
    const seq = (await h.http.snapshot({ deviceNumber: '1101' })).snapshotSeq ?? '';
    const poll2 = h.http
      .snapshot({ deviceNumber: '1101', resultOnEvent: { timeout: '30', snapshotSeq: seq } }, { signal: abort.signal, timeoutMs: 40_000 })
      .catch(() => 'cancelled');
    await new Promise((r) => setTimeout(r, 100));
    expect(h.sim.control.state().waitingPolls).toBe(1);
    abort.abort();
    expect(await poll2).toBe('cancelled');
    await new Promise((r) => setTimeout(r, 100));
    expect(h.sim.control.state().waitingPolls).toBe(0);
  });
});
