/**
 * The spec's call event examples 1-6 as a session's UDP port receives them: real sockets, the
 * product's client and UDP listener, the simulator on a manual clock (so durations are the spec's),
 * each received event compared with the spec's own XML decoded by the codec.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { TelEvent } from '../../../common/telservices/events';
import { decodeEvent } from '../../../main/telservices/codec';
import { manualClock } from '../../../main/simulator/pbx/model';
import { specFixture } from '../../support/spec-fixtures';
import { harness, type EventLog, type Harness } from './harness';

const spec = (...names: string[]): TelEvent[] => names.map((n) => decodeEvent(specFixture(`event-call-${n}`)));

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

/** A simulator on a manual clock with a session (and its own UDP port) on each device given. */
async function setup(devices: string[], dialDelayMs = 0) {
  const clock = manualClock(1_000_000);
  h = await harness({ clock, pbx: { dialDelayMs } });
  const logs = new Map<string, EventLog>();
  for (const device of devices) {
    const log = await h.listen();
    await h.tcp.openSession({ deviceNumber: device, eventUDPPort: log.port, eventUpdate: 'full' });
    logs.set(device, log);
  }
  const log = (device: string): EventLog => logs.get(device) as EventLog;
  const client = h.tcp;
  return { clock, log, client };
}

describe('the spec call examples over UDP', () => {
  it('examples 1 and 2: 1101 calls 1102, which answers', async () => {
    const { log, client } = await setup(['1101', '1102']);
    await client.makeCall({ deviceNumber: '1101', calledDeviceNumber: '1102' });
    await client.answerCall({ deviceNumber: '1102', callingNumber: '1101' });
    expect(await log('1101').waitFor(() => true, 4)).toStrictEqual(
      spec('example1-1', 'example1-2', 'example1-3', 'example1-4'),
    );
    expect(await log('1102').waitFor(() => true, 2)).toStrictEqual(spec('example2-1', 'example2-2'));
  });

  it('example 3: a consultation call from 1101 (durations 118, 119, 124)', async () => {
    const { log, client, clock } = await setup(['1101', '1102', '1103'], 1000);
    await client.makeCall({ deviceNumber: '1101', calledDeviceNumber: '1102' });
    clock.advance(1000);
    await client.answerCall({ deviceNumber: '1102' });
    clock.advance(118_400);
    await log('1101').waitFor(() => true, 4);
    const from = log('1101').events.length;
    await client.consultationCall({ deviceNumber: '1101', consultedDeviceNumber: '1103' });
    clock.advance(1000);
    clock.advance(5000);
    await client.answerCall({ deviceNumber: '1103' });
    const events = await log('1101').waitFor(() => true, from + 4);
    expect(events.slice(from)).toStrictEqual(spec('example3-1', 'example3-2', 'example3-3', 'example3-4'));
  });

  it('example 4: 1104 sees two transfers', async () => {
    const { log, client, clock } = await setup(['1101', '1102', '1103', '1104']);
    await client.makeCall({ deviceNumber: '1101', calledDeviceNumber: '1102' });
    await client.answerCall({ deviceNumber: '1102' });
    await client.consultationCall({ deviceNumber: '1102', consultedDeviceNumber: '1103' });
    await client.answerCall({ deviceNumber: '1103' });
    await client.consultationCall({ deviceNumber: '1103', consultedDeviceNumber: '1104' });
    await client.answerCall({ deviceNumber: '1104' });
    clock.advance(11_000);
    await client.transferCall({ deviceNumber: '1103' });
    clock.advance(44_000);
    await client.transferCall({ deviceNumber: '1102' });
    const isTransfer = (e: TelEvent): boolean => e.type === 'call' && e.call.primCall?.cause === 'transfer';
    expect(await log('1104').waitFor(isTransfer, 2)).toStrictEqual(spec('example4-1', 'example4-2'));
  });

  it('example 5: 1102 diverts to 1103', async () => {
    const { log, client } = await setup(['1102', '1103']);
    await client.makeCall({ deviceNumber: '1101', calledDeviceNumber: '1102' });
    await client.divertCall({ deviceNumber: '1102', divertedDeviceNumber: '1103' });
    expect(await log('1103').waitFor(() => true, 1)).toStrictEqual(spec('example5-1'));
  });

  it('example 6: 1102 diverts to 1103, which diverts to 1104', async () => {
    const { log, client } = await setup(['1102', '1103', '1104']);
    await client.makeCall({ deviceNumber: '1101', calledDeviceNumber: '1102' });
    await client.divertCall({ deviceNumber: '1102', divertedDeviceNumber: '1103' });
    await client.divertCall({ deviceNumber: '1103', divertedDeviceNumber: '1104' });
    expect(await log('1104').waitFor(() => true, 1)).toStrictEqual(spec('example6-1'));
  });
});
