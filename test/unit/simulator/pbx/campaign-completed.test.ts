/**
 * Simulator fidelity (issue 9, item 17): a campaign whose job is over is started-completed, the
 * routing-point state the spec lists for "an outbound campaign has ended". The simulator has no
 * call list, so the one playing the campaign says when (Pbx.completeCampaign).
 */
import { describe, expect, it } from 'vitest';
import { harness, type Harness } from './harness';

const stateOf = (h: Harness, service: string) => h.exec({ type: 'queryRoutingPointState', service });
const state = (s: string) => ({ kind: 'result', result: { type: 'routingPointState', state: s } });

describe('a campaign that ends', () => {
  it('is started-completed, stays so whatever its agents do, refuses suspend and resume, and stop removes it', () => {
    const h = harness();
    h.ok({ type: 'startRoutingPoint', service: 'camp1', template: 'service1' });
    expect(stateOf(h, 'camp1')).toEqual(state('started-running'));
    expect(h.pbx.completeCampaign('camp1')).toBe(true);
    expect(stateOf(h, 'camp1')).toEqual(state('started-completed'));
    // Agents coming and going change a running routing point's state, not a finished campaign's.
    for (const d of ['8001', '8002', '8003', '8004', '8005']) h.exec({ type: 'agentState', deviceNumber: d, state: 'loggedOff' });
    expect(stateOf(h, 'service1')).toEqual(state('started'));
    expect(stateOf(h, 'camp1')).toEqual(state('started-completed'));
    h.ok({ type: 'agentState', deviceNumber: '8001', state: 'loggedOn' });
    expect(stateOf(h, 'service1')).toEqual(state('started-running'));
    expect(stateOf(h, 'camp1')).toEqual(state('started-completed'));
    expect(h.exec({ type: 'suspendRoutingPoint', service: 'camp1' })).toEqual({ kind: 'error', error: 'pbxReject' });
    expect(h.exec({ type: 'resumeRoutingPoint', service: 'camp1' })).toEqual({ kind: 'error', error: 'pbxReject' });
    expect(h.exec({ type: 'startRoutingPoint', service: 'camp1' })).toEqual({ kind: 'error', error: 'pbxReject' });
    expect(h.pbx.completeCampaign('camp1')).toBe(false);
    h.ok({ type: 'stopRoutingPoint', service: 'camp1' });
    expect(stateOf(h, 'camp1')).toEqual({ kind: 'error', error: 'reject' });
    expect(h.errors).toEqual([]);
  });

  it('only a campaign in a started state can end: not an inbound routing point, a stopped one or an unknown service', () => {
    const h = harness();
    expect(h.pbx.completeCampaign('service1')).toBe(false);
    expect(stateOf(h, 'service1')).toEqual(state('started-running'));
    expect(h.pbx.completeCampaign('nope')).toBe(false);
    h.ok({ type: 'startRoutingPoint', service: 'camp2', config: { serviceTimeout: '60' } });
    h.clock.advance(60_000);
    expect(stateOf(h, 'camp2')).toEqual(state('stopped'));
    expect(h.pbx.completeCampaign('camp2')).toBe(false);
    expect(stateOf(h, 'camp2')).toEqual(state('stopped'));
  });

  it('a suspended campaign can end too; its serviceTimeout still stops it afterwards', () => {
    const h = harness();
    h.ok({ type: 'startRoutingPoint', service: 'camp3', config: { serviceTimeout: '60' } });
    h.ok({ type: 'suspendRoutingPoint', service: 'camp3' });
    expect(h.pbx.completeCampaign('camp3')).toBe(true);
    expect(stateOf(h, 'camp3')).toEqual(state('started-completed'));
    h.clock.advance(60_000);
    expect(stateOf(h, 'camp3')).toEqual(state('stopped'));
  });
});
