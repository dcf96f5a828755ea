import { afterEach, describe, expect, it } from 'vitest';
import type { CtiError } from '../../../common/errors';
import type { TelEvent } from '../../../common/telservices/events';
import { valueName } from '../../../common/telservices/enums';
import { TelClient } from '../../../main/telservices/client';
import { SnapshotPoller } from '../../../main/telservices/poller';
import { HttpTransport } from '../../../main/telservices/transport-http';
import { FakeTelServer, type FakeAction } from '../../support/fake-telserver';

const call = (state: string, services: string): string =>
  `<calls><call><id>1</id><primCall><state><${state}/></state><otherParty><number>+0033 1101</number></otherParty><duration>0</duration><isOutgoing><false/></isOutgoing><isConference><false/></isConference></primCall><permittedServices>${services}</permittedServices></call></calls>`;
const snap = (seq: string, body: string): string =>
  `<TelServiceReturn><result><snapshot><snapshotSeq>${seq}</snapshotSeq>${body}</snapshot></result></TelServiceReturn>`;

let server: FakeTelServer | undefined;
let poller: SnapshotPoller | undefined;
afterEach(async () => {
  await poller?.stop();
  await server?.close();
  poller = undefined;
  server = undefined;
});

async function until(cond: () => boolean, ms = 3000): Promise<void> {
  const end = Date.now() + ms;
  while (!cond()) {
    if (Date.now() > end) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 5));
  }
}

describe('SnapshotPoller over HTTP long-poll', () => {
  it('turns successive snapshots into events, survives a 500 and a timeout, and sends back snapshotSeq', async () => {
    const script: FakeAction[] = [
      { kind: 'reply', xml: snap('1', `${call('alerting', '<answerCall/>')}<forwards/><doNotDisturb><off/></doNotDisturb>`) },
      { kind: 'httpStatus', status: 500 },
      { kind: 'hang' },
      { kind: 'reply', xml: snap('2', `${call('connected', '<dropCall/>')}<doNotDisturb><off/></doNotDisturb>`) },
      { kind: 'reply', xml: snap('3', '<calls/><doNotDisturb><on/></doNotDisturb>') },
    ];
    server = await FakeTelServer.start({ http: true, handler: (_x, ctx) => script[ctx.index] ?? { kind: 'hang' } });
    const client = new TelClient(new HttpTransport({ host: server.host, port: server.port }));
    const events: TelEvent[] = [];
    const errors: Array<{ code: string; attempt: number }> = [];
    poller = new SnapshotPoller({
      client,
      deviceNumber: '1102',
      pollTimeoutS: 0,
      marginMs: 200,
      backoff: { baseMs: 10, maxMs: 40 },
      onEvent: (e) => events.push(e),
      onError: (err: CtiError, attempt) => errors.push({ code: err.code, attempt }),
    });
    poller.start();
    await until(() => events.length >= 4);

    expect(errors).toEqual([
      { code: 'httpStatus', attempt: 1 },
      { code: 'timeout', attempt: 2 },
    ]);
    const summary = events.map((e) => (e.type === 'call' ? `call ${e.call.primCall ? valueName(e.call.primCall.state) : 'none'}` : e.type === 'doNotDisturb' ? `dnd ${e.state}` : e.type));
    expect(summary).toEqual(['call alerting', 'dnd off', 'call connected', 'call cleared', 'dnd on']);
    expect(events.every((e) => e.deviceNumber === '1102')).toBe(true);
    const cleared = events[3];
    expect(cleared?.type === 'call' && cleared.call.primCall?.otherParty.number).toBe('+0033 1101');

    const reqs = server.requests;
    expect(reqs[0]).toContain('<resultOnEvent><timeout>0</timeout></resultOnEvent>');
    expect(reqs[0]).not.toContain('snapshotSeq');
    expect(reqs[1]).toContain('<snapshotSeq>1</snapshotSeq>');
    expect(reqs[3]).toContain('<snapshotSeq>1</snapshotSeq>');
    expect(reqs[4]).toContain('<snapshotSeq>2</snapshotSeq>');
  });

  it('stop() ends a poll in flight promptly and no request follows', async () => {
    server = await FakeTelServer.start({ http: true, handler: () => ({ kind: 'hang' }) });
    const client = new TelClient(new HttpTransport({ host: server.host, port: server.port }));
    poller = new SnapshotPoller({ client, deviceNumber: '1', pollTimeoutS: 30, onEvent: () => undefined });
    poller.start();
    await until(() => server!.requests.length === 1);
    const t0 = performance.now();
    await poller.stop();
    expect(performance.now() - t0).toBeLessThan(500);
    expect(poller.isRunning).toBe(false);
    await new Promise((r) => setTimeout(r, 50));
    expect(server.requests).toHaveLength(1);
    await until(() => server!.openConnections === 0);
  });

  it('backs off (capped) while the server keeps failing', async () => {
    server = await FakeTelServer.start({ http: true, handler: () => ({ kind: 'httpStatus', status: 503 }) });
    const client = new TelClient(new HttpTransport({ host: server.host, port: server.port }));
    const delays: number[] = [];
    poller = new SnapshotPoller({
      client,
      deviceNumber: '1',
      backoff: { baseMs: 5, maxMs: 20, random: () => 0.999 },
      onEvent: () => undefined,
      onError: (_e, _a, retryInMs) => delays.push(retryInMs),
    });
    poller.start();
    await until(() => delays.length >= 5);
    expect(delays.slice(0, 5)).toEqual([5, 10, 20, 20, 20]);
  });
  it('giveUp: the failure its owner will not retry ends the loop and is handed to onGiveUp', async () => {
    server = await FakeTelServer.start({ http: true, handler: () => ({ kind: 'httpStatus', status: 503 }) });
    const client = new TelClient(new HttpTransport({ host: server.host, port: server.port }));
    const errors: number[] = [];
    let gaveUp: CtiError | undefined;
    poller = new SnapshotPoller({
      client,
      deviceNumber: '1',
      backoff: { baseMs: 5, maxMs: 5 },
      onEvent: () => undefined,
      onError: (_e, attempt) => errors.push(attempt),
      giveUp: (_e, attempt) => attempt >= 3,
      onGiveUp: (e) => (gaveUp = e),
    });
    poller.start();
    await until(() => gaveUp !== undefined);
    expect(gaveUp?.code).toBe('httpStatus');
    expect(errors).toEqual([1, 2]);
    await until(() => !poller!.isRunning);
    expect(server.requests).toHaveLength(3);
  });

  it('a server that ignores resultOnEvent (no snapshotSeq, answers at once) is polled at a steady pace, not in a spin', async () => {
    server = await FakeTelServer.start({
      http: true,
      handler: () => ({ kind: 'reply', xml: '<TelServiceReturn><result><snapshot><calls/></snapshot></result></TelServiceReturn>' }),
    });
    const client = new TelClient(new HttpTransport({ host: server.host, port: server.port }));
    poller = new SnapshotPoller({ client, deviceNumber: '1', minIntervalMs: 100, onEvent: () => undefined });
    poller.start();
    await new Promise((r) => setTimeout(r, 350));
    await poller.stop();
    expect(server.requests.length).toBeGreaterThanOrEqual(2);
    expect(server.requests.length).toBeLessThanOrEqual(5);
  });
});
