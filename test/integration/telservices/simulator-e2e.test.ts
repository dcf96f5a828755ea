/**
 * The whole stack of main/telservices (transport, framing, codec, client, UDP listener, poller,
 * session) against the product's TelServer simulator on loopback: an inbound call rings, is
 * answered and dropped, seen through UDP events and through the HTTP long-poll.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { CallStateName, UnknownValue } from '../../../common/telservices/enums';
import type { TelEvent } from '../../../common/telservices/events';
import { TelSession, type SessionEventsMode } from '../../../main/telservices/session';
import type { Transport } from '../../../main/telservices/transport';
import { HttpTransport } from '../../../main/telservices/transport-http';
import { TcpTransport } from '../../../main/telservices/transport-tcp';
import { startSimulator, type RunningSimulator } from '../../../main/simulator';

let sim: RunningSimulator | undefined;
let session: TelSession | undefined;
afterEach(async () => {
  await session?.close();
  await sim?.close();
  session = undefined;
  sim = undefined;
});

async function until(cond: () => boolean, ms = 5000): Promise<void> {
  const end = Date.now() + ms;
  while (!cond()) {
    if (Date.now() > end) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 5));
  }
}

const states = (events: TelEvent[]): (CallStateName | UnknownValue)[] =>
  events.flatMap((e) => (e.type === 'call' && e.call.primCall ? [e.call.primCall.state] : []));

async function inboundCall(transport: (port: number) => Transport, events: SessionEventsMode, endOfPdu?: string): Promise<void> {
  sim = await startSimulator(endOfPdu ? { endOfPdu } : {});
  session = new TelSession({ transport: transport(sim.port), deviceNumber: '1101', events });
  const seen: TelEvent[] = [];
  session.on('call', (e) => seen.push(e));
  await session.open();
  expect(session.status).toBe('open');

  sim.control.injectCall({ from: '+0033160127764', to: '1101' });
  await until(() => states(seen).includes('alerting'));
  const alerting = seen.find((e) => e.type === 'call' && e.call.primCall?.state === 'alerting');
  expect(alerting?.type === 'call' && alerting.call.primCall?.otherParty.number).toBe('+0033160127764');

  await session.client.answerCall({ deviceNumber: '1101' });
  await until(() => states(seen).includes('connected'));
  await session.client.dropCall({ deviceNumber: '1101' });
  await until(() => states(seen).includes('cleared'));

  await session.close();
  expect(session.status).toBe('closed');
}

describe('main/telservices against the simulator', () => {
  it('TCP requests + UDP events', async () => {
    await inboundCall((port) => new TcpTransport({ host: '127.0.0.1', port }), { mode: 'udp' });
  });

  it('TCP + UDP with an end-of-PDU sequence on both', async () => {
    await inboundCall((port) => new TcpTransport({ host: '127.0.0.1', port, endOfPdu: '<EOP>' }), { mode: 'udp', endOfPdu: '<EOP>' }, '<EOP>');
  });

  it('HTTP requests + snapshot long-poll', async () => {
    await inboundCall((port) => new HttpTransport({ host: '127.0.0.1', port }), { mode: 'poll', pollTimeoutS: 5 });
  });
});
