/** Forwards, do not disturb, message waiting: their events, queries, snapshot, and where calls go. */
import { describe, expect, it } from 'vitest';
import { decodeReply } from '../../../../main/telservices/codec';
import { specFixture } from '../../../support/spec-fixtures';
import { harness } from './harness';

const fwd = (deviceNumber: string, type: 'immediate' | 'busy' | 'noAnswer' | 'immInt' | 'immExt' | 'busyInt' | 'busyExt' | 'noAnswerInt' | 'noAnswerExt', number: string, state: 'on' | 'off' = 'on') =>
  ({ type: 'forward', deviceNumber, info: { number, type, state } }) as const;

describe('PBX model: forwards', () => {
  it('forward on/off: the spec forward events, queryForward as the spec examples', () => {
    const h = harness();
    h.ok(fwd('1101', 'immediate', '1102'));
    expect(h.exec({ type: 'queryForward', deviceNumber: '1101' })).toStrictEqual(decodeReply(specFixture('reply-queryForward-1')));
    h.ok(fwd('1101', 'immediate', '1102', 'off'));
    expect(h.eventsOf('1101')).toStrictEqual([
      { type: 'forward', forward: { number: '1102', type: 'immediate', state: 'on' } },
      { type: 'forward', forward: { number: '1102', type: 'immediate', state: 'off' } },
    ]);
    expect(h.exec({ type: 'queryForward', deviceNumber: '1101' })).toStrictEqual(decodeReply(specFixture('reply-queryForward-2')));
  });

  it('refuses a forward with no or an unobtainable destination', () => {
    const h = harness();
    expect(h.exec({ type: 'forward', deviceNumber: '1101', info: { type: 'busy', state: 'on' } })).toEqual({ kind: 'error', error: 'pbxReject' });
    expect(h.exec(fwd('1101', 'busy', '12'))).toEqual({ kind: 'error', error: 'pbxReject' });
    expect(h.exec(fwd('1101', 'busy', '1101'))).toEqual({ kind: 'error', error: 'pbxReject' });
  });

  it('immediate forward: the call rings at the destination with redirect information', () => {
    const h = harness();
    h.ok(fwd('1102', 'immediate', '1103'));
    h.call('1101', '1102');
    expect(h.callsOf('1102')).toEqual([]);
    expect(h.callsOf('1103')[0]?.primCall).toMatchObject({
      state: 'alerting',
      otherParty: { number: '1101' },
      firstCalledParty: { number: '1102' },
      lastRedirectionParty: { number: '1102' },
    });
    expect(h.callsOf('1101').at(-1)?.primCall).toMatchObject({ state: 'delivered', otherParty: { number: '1103' }, cause: 'redirect' });
  });

  it('immInt applies to internal callers only, immExt to external callers only', () => {
    const h = harness();
    h.ok(fwd('1102', 'immInt', '1103'));
    h.ok(fwd('1104', 'immExt', '1105'));
    h.pbx.injectInboundCall({ from: '0612345678', to: '1102' });
    h.call('1101', '1104');
    expect(h.callsOf('1102')).toHaveLength(1);
    expect(h.callsOf('1104')).toHaveLength(1);
    expect(h.callsOf('1103')).toHaveLength(0);
    expect(h.callsOf('1105')).toHaveLength(0);
    h.pbx.injectInboundCall({ from: '0612345678', to: '1104' });
    expect(h.callsOf('1105')).toHaveLength(1);
  });

  it('busy forward applies when the device cannot take another call', () => {
    const h = harness();
    h.ok(fwd('1102', 'busy', '1106'));
    h.call('1101', '1102');
    h.call('1103', '1102');
    expect(h.callsOf('1106')).toHaveLength(0);
    h.call('1104', '1102');
    expect(h.callsOf('1106')[0]?.primCall).toMatchObject({ state: 'alerting', otherParty: { number: '1104' } });
  });

  it('no-answer forward moves the ringing call after the delay, not before', () => {
    const h = harness({ noAnswerForwardDelayMs: 5000 });
    h.ok(fwd('1102', 'noAnswer', '1107'));
    h.call('1101', '1102');
    h.clock.advance(4999);
    expect(h.callsOf('1107')).toHaveLength(0);
    h.clock.advance(1);
    expect(h.callsOf('1102').at(-1)?.primCall).toMatchObject({ state: 'cleared', cause: 'redirect' });
    expect(h.callsOf('1107')[0]?.primCall).toMatchObject({ state: 'alerting', firstCalledParty: { number: '1102' } });
  });

  it('answering in time cancels the no-answer forward', () => {
    const h = harness({ noAnswerForwardDelayMs: 5000 });
    h.ok(fwd('1102', 'noAnswer', '1107'));
    h.call('1101', '1102');
    h.answer('1102');
    h.clock.advance(60_000);
    expect(h.callsOf('1107')).toHaveLength(0);
  });

  it('a forward to an external number seizes a trunk', () => {
    const h = harness();
    h.ok(fwd('1102', 'immediate', '0612345678'));
    h.call('1101', '1102');
    expect(h.callsOf('1101').at(-1)?.primCall).toMatchObject({ state: 'delivered', otherParty: { number: '0612345678' } });
  });
});

describe('PBX model: do not disturb, message waiting, unobtainable numbers', () => {
  it('DND: the caller gets busy; the event and the query', () => {
    const h = harness();
    h.ok({ type: 'doNotDisturb', deviceNumber: '1102', state: 'on' });
    expect(h.eventsOf('1102')).toEqual([{ type: 'doNotDisturb', state: 'on' }]);
    expect(h.exec({ type: 'queryDoNotDisturb', deviceNumber: '1102' })).toEqual({ kind: 'result', result: { type: 'doNotDisturb', state: 'on' } });
    h.call('1101', '1102');
    expect(h.callsOf('1101').at(-1)?.primCall).toMatchObject({ state: 'failed', cause: 'busy', otherParty: { number: '1102' } });
    expect(h.callsOf('1101').at(-1)?.permittedServices).toEqual(['dropCall']);
    h.ok({ type: 'doNotDisturb', deviceNumber: '1102', state: 'off' });
    expect(h.exec({ type: 'queryDoNotDisturb', deviceNumber: '1101' })).toStrictEqual(decodeReply(specFixture('reply-queryDoNotDisturb-1')));
  });

  it('a number that is neither a device nor diallable fails with destNotObtainable', () => {
    const h = harness();
    h.call('1101', '42');
    expect(h.callsOf('1101').map((c) => c.primCall?.state)).toEqual(['initiated', 'originated', 'failed']);
    expect(h.callsOf('1101').at(-1)?.primCall?.cause).toBe('destNotObtainable');
    h.ok({ type: 'dropCall', deviceNumber: '1101' });
    expect(h.callsOf('1101').at(-1)?.primCall?.state).toBe('cleared');
  });

  it('message waiting: set by the control API, an event and the query', () => {
    const h = harness();
    expect(h.exec({ type: 'queryMsgWaiting', deviceNumber: '1101' })).toStrictEqual(decodeReply(specFixture('reply-queryMsgWaiting-1')));
    h.pbx.setMsgWaiting('1101', true);
    expect(h.eventsOf('1101')).toEqual([{ type: 'msgWaiting', state: 'on' }]);
    expect(h.exec({ type: 'queryMsgWaiting', deviceNumber: '1101' })).toEqual({ kind: 'result', result: { type: 'msgWaiting', state: 'on' } });
  });

  it('snapshot: as the spec examples (a ringing call; an immediate forward)', () => {
    const h = harness();
    h.call('1101', '1102');
    expect(h.exec({ type: 'snapshot', deviceNumber: '1102' })).toStrictEqual(decodeReply(specFixture('reply-snapshot-1')));
    h.ok({ type: 'dropCall', deviceNumber: '1101' });
    h.ok(fwd('1101', 'immediate', '1102'));
    expect(h.exec({ type: 'snapshot', deviceNumber: '1101' })).toStrictEqual(decodeReply(specFixture('reply-snapshot-2')));
  });
});
