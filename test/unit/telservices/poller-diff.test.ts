import { describe, expect, it } from 'vitest';
import type { CallInfo, SnapshotInfo } from '../../../common/telservices/structures';
import { diffSnapshots } from '../../../main/telservices/snapshot-diff';

const alerting: CallInfo = {
  id: '1',
  primCall: { state: 'alerting', otherParty: { number: '+0033 1101' }, duration: '0', isOutgoing: false, isConference: false },
  permittedServices: ['answerCall', 'divertCall'],
};
const connected: CallInfo = {
  id: '1',
  primCall: { state: 'connected', otherParty: { number: '+0033 1101' }, duration: '0', isOutgoing: false, isConference: false },
  permittedServices: ['dropCall', 'holdCall'],
};

describe('diffSnapshots', () => {
  it('first snapshot: the current state as events, tagged with the device', () => {
    const snap: SnapshotInfo = {
      calls: [alerting],
      forwards: [{ number: '1102', type: 'immediate', state: 'on' }],
      msgWaiting: 'off',
      doNotDisturb: 'on',
      agent: { state: 'ready' },
    };
    expect(diffSnapshots(undefined, snap, '1102')).toEqual([
      { type: 'call', call: alerting, deviceNumber: '1102' },
      { type: 'forward', forward: { number: '1102', type: 'immediate', state: 'on' }, deviceNumber: '1102' },
      { type: 'doNotDisturb', state: 'on', deviceNumber: '1102' },
      { type: 'msgWaiting', state: 'off', deviceNumber: '1102' },
      { type: 'agent', agent: { state: 'ready' }, deviceNumber: '1102' },
    ]);
  });

  it('no change -> no event; a growing duration alone is not a change', () => {
    const a: SnapshotInfo = { calls: [connected], doNotDisturb: 'off' };
    const later: CallInfo = { ...connected, primCall: { ...connected.primCall!, duration: '42' } };
    expect(diffSnapshots(a, { calls: [later], doNotDisturb: 'off' })).toEqual([]);
  });

  it('a changed call (state, permitted services) -> one call event with the new call', () => {
    expect(diffSnapshots({ calls: [alerting] }, { calls: [connected] })).toEqual([{ type: 'call', call: connected }]);
  });

  const legOf = (c: CallInfo): NonNullable<CallInfo['primCall']> => c.primCall as NonNullable<CallInfo['primCall']>;
  for (const [field, change] of [
    ['lastRedirectionParty', { lastRedirectionParty: { number: '1105' } }],
    ['firstCalledParty', { firstCalledParty: { number: '1106' } }],
    ['firstOtherParty', { firstOtherParty: { number: '1107' } }],
    ['callReference', { callReference: 'REF-42' }],
    ['a party\'s name', { otherParty: { number: '+0033 1101', name: 'Jane' } }],
    ['isOutgoing', { isOutgoing: true }],
  ] as const) {
    it(`a change of ${field} alone is a change (cti listen --poll misses none)`, () => {
      const next: CallInfo = { ...connected, primCall: { ...legOf(connected), ...change } };
      expect(diffSnapshots({ calls: [connected] }, { calls: [next] })).toEqual([{ type: 'call', call: next }]);
    });
  }

  it('the same call built with its fields in another order is no change', () => {
    const { state, otherParty, duration, isOutgoing, isConference } = legOf(connected);
    const reordered: CallInfo = { permittedServices: ['dropCall', 'holdCall'], primCall: { isConference, isOutgoing, duration, otherParty, state }, id: '1' };
    expect(diffSnapshots({ calls: [connected] }, { calls: [reordered] })).toEqual([]);
  });

  it('a call that disappeared -> a synthesized cleared call event', () => {
    const events = diffSnapshots({ calls: [connected] }, { calls: [] });
    expect(events).toEqual([
      {
        type: 'call',
        call: { id: '1', primCall: { ...connected.primCall!, state: 'cleared' }, permittedServices: [] },
      },
    ]);
  });

  it('an absent <calls> says nothing: no cleared events', () => {
    expect(diffSnapshots({ calls: [connected] }, { doNotDisturb: 'on' })).toEqual([{ type: 'doNotDisturb', state: 'on' }]);
  });

  it('forwards: changed number, new type, and a vanished forward turned off', () => {
    const prev: SnapshotInfo = {
      forwards: [
        { number: '1102', type: 'immediate', state: 'on' },
        { number: '0600', type: 'busy', state: 'on' },
      ],
    };
    const next: SnapshotInfo = {
      forwards: [
        { number: '1103', type: 'immediate', state: 'on' },
        { number: '0700', type: 'noAnswer', state: 'on' },
      ],
    };
    expect(diffSnapshots(prev, next)).toEqual([
      { type: 'forward', forward: { number: '1103', type: 'immediate', state: 'on' } },
      { type: 'forward', forward: { number: '0700', type: 'noAnswer', state: 'on' } },
      { type: 'forward', forward: { number: '0600', type: 'busy', state: 'off' } },
    ]);
  });

  it('features, agent and session only when changed', () => {
    const prev: SnapshotInfo = { msgWaiting: 'off', doNotDisturb: 'off', agent: { state: 'ready' } };
    const next: SnapshotInfo = {
      msgWaiting: 'on',
      doNotDisturb: 'off',
      agent: { state: 'notReady' },
      session: 'pbxlinkOutOfService',
    };
    expect(diffSnapshots(prev, next).map((e) => e.type)).toEqual(['msgWaiting', 'agent', 'session']);
  });
});
