import { describe, expect, it } from 'vitest';
import { trayStatus, trayTooltip } from '../../../main/desktop/line-status';
import { call, leg, line, party, ringingFrom } from './fixtures';

describe('trayStatus', () => {
  it('is disconnected without a line, or when the link is down or stopped', () => {
    expect(trayStatus(undefined)).toBe('disconnected');
    expect(trayStatus(line({ connection: { state: 'linkOutOfService', eventMode: 'udp', since: 1 } }))).toBe('disconnected');
    expect(trayStatus(line({ connection: { state: 'stopped', eventMode: 'udp', since: 1 } }))).toBe('disconnected');
  });

  it('says reconnecting while the line connects again, even with calls or DND', () => {
    const l = line({ doNotDisturb: true, calls: [ringingFrom('0612')], connection: { state: 'reconnecting', eventMode: 'udp', since: 1, attempt: 2 } });
    expect(trayStatus(l)).toBe('reconnecting');
    expect(trayTooltip('CTI', l)).toContain('reconnecting (attempt 2)');
  });

  it('puts ringing before on a call, before DND, before forwarded, before idle', () => {
    const talking = call('c2', leg('connected', party('1102')));
    const fwd = [{ type: 'immediate' as const, number: '1105', on: true }];
    expect(trayStatus(line({ calls: [talking, ringingFrom('0612')], doNotDisturb: true, forwards: fwd }))).toBe('ringing');
    expect(trayStatus(line({ calls: [talking], doNotDisturb: true, forwards: fwd }))).toBe('onCall');
    expect(trayStatus(line({ doNotDisturb: true, forwards: fwd }))).toBe('dnd');
    expect(trayStatus(line({ forwards: fwd }))).toBe('forwarded');
    expect(trayStatus(line({ forwards: [{ type: 'busy', number: '1105', on: false }] }))).toBe('idle');
  });

  it('does not call an outgoing call that alerts at the far end ringing', () => {
    const out = call('c3', leg('alerting', party('0140'), { isOutgoing: true }));
    expect(trayStatus(line({ calls: [out] }))).toBe('idle');
    const dialling = call('c4', leg('delivered', party('0140'), { isOutgoing: true }));
    expect(trayStatus(line({ calls: [dialling] }))).toBe('onCall');
  });
});

describe('trayTooltip', () => {
  it('names the caller, DND, the forward and the missed calls in words', () => {
    const l = line({ calls: [ringingFrom('0612', 'c1', { name: 'Marie Curie', company: 'ESPCI' })], doNotDisturb: true, missedCalls: 3 });
    expect(trayTooltip('CTI', l)).toBe('CTI · 1101: ringing: Marie Curie (ESPCI)\ndo not disturb\n3 missed calls');
    expect(trayTooltip('CTI', line({ forwards: [{ type: 'immediate', number: '1105', on: true }], missedCalls: 1 }))).toBe(
      'CTI · 1101: forwarded to 1105\n1 missed call',
    );
    expect(trayTooltip('CTI', line())).toBe('CTI · 1101: available');
  });

  it('explains a disconnection with the last error and never shows a hidden number', () => {
    const down = line({ connection: { state: 'linkOutOfService', eventMode: 'udp', since: 1, lastError: { code: 'timeout', message: 'no answer in 5000 ms' } } });
    expect(trayTooltip('CTI', down)).toBe('CTI · 1101: disconnected (no answer in 5000 ms)');
    const hidden = line({ calls: [ringingFrom('*****-12', 'c1', { hidden: true })] });
    expect(trayTooltip('CTI', hidden)).toBe('CTI · 1101: ringing: a hidden number');
  });
});
