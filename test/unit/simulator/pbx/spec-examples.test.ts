/**
 * The spec's call event examples 1-6, driven on the model and compared, event for event, with the
 * spec's own XML (test/fixtures/spec) decoded by the protocol codec.
 */
import { describe, expect, it } from 'vitest';
import type { TelEvent } from '../../../../common/telservices/events';
import { decodeEvent } from '../../../../main/telservices/codec';
import { specFixture } from '../../../support/spec-fixtures';
import { harness } from './harness';

const spec = (...names: string[]): TelEvent[] => names.map((n) => decodeEvent(specFixture(`event-call-${n}`)));

describe('PBX model: the spec call examples', () => {
  it('examples 1 and 2: 1101 calls 1102, which answers', () => {
    const h = harness();
    h.call('1101', '1102');
    h.answer('1102');
    expect(h.eventsOf('1101')).toStrictEqual(spec('example1-1', 'example1-2', 'example1-3', 'example1-4'));
    expect(h.eventsOf('1102')).toStrictEqual(spec('example2-1', 'example2-2'));
  });

  it('example 3: a consultation call, durations following the clock (118, 119, 124)', () => {
    const h = harness({ dialDelayMs: 1000 });
    h.call('1101', '1102');
    h.clock.advance(1000);
    h.answer('1102');
    h.clock.advance(118_400);
    const from = h.mark();
    h.ok({ type: 'consultationCall', deviceNumber: '1101', consultedDeviceNumber: '1103' });
    h.clock.advance(1000); // delivered at 119.4 s
    h.clock.advance(5000);
    h.answer('1103'); // connected at 124.4 s
    expect(h.eventsOf('1101', from)).toStrictEqual(spec('example3-1', 'example3-2', 'example3-3', 'example3-4'));
  });

  it('example 4: two transfers seen from 1104 (duration of the call with the transferring party, then restarted)', () => {
    const h = harness();
    h.call('1101', '1102');
    h.answer('1102');
    h.ok({ type: 'consultationCall', deviceNumber: '1102', consultedDeviceNumber: '1103' });
    h.answer('1103');
    h.ok({ type: 'consultationCall', deviceNumber: '1103', consultedDeviceNumber: '1104' });
    h.answer('1104');
    h.clock.advance(11_000);
    h.ok({ type: 'transferCall', deviceNumber: '1103' });
    h.clock.advance(44_000);
    h.ok({ type: 'transferCall', deviceNumber: '1102' });
    const transfers = h.eventsOf('1104').filter((e) => e.type === 'call' && e.call.primCall?.cause === 'transfer');
    expect(transfers).toStrictEqual(spec('example4-1', 'example4-2'));
  });

  it('example 5: 1102 diverts to 1103', () => {
    const h = harness();
    h.call('1101', '1102');
    h.ok({ type: 'divertCall', deviceNumber: '1102', divertedDeviceNumber: '1103' });
    expect(h.eventsOf('1103')).toStrictEqual(spec('example5-1'));
  });

  it('example 6: 1102 diverts to 1103, which diverts to 1104', () => {
    const h = harness();
    h.call('1101', '1102');
    h.ok({ type: 'divertCall', deviceNumber: '1102', divertedDeviceNumber: '1103' });
    h.ok({ type: 'divertCall', deviceNumber: '1103', divertedDeviceNumber: '1104' });
    expect(h.eventsOf('1104')).toStrictEqual(spec('example6-1'));
  });
});
