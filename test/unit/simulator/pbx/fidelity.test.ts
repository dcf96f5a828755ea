/** Simulator fidelity to the spec: callReference, hidden callers, unknown templates refused. */
import { describe, expect, it } from 'vitest';
import { buildDemoScenario } from '../../../../main/simulator/scenario/demo';
import { harness } from './harness';

describe('PBX model: spec fidelity', () => {
  it('sends each leg\'s callReference when enabled (the embedded demo enables it), the same on both ends', () => {
    const h = harness({ callReference: true });
    h.call('1101', '1102');
    const caller = h.callsOf('1101').at(-1)?.primCall?.callReference;
    const called = h.callsOf('1102').at(-1)?.primCall?.callReference;
    expect(caller).toMatch(/^\S+$/);
    expect(called).toBe(caller);
    expect(harness().callsOf('1101')).toEqual([]);
  });

  it('a hidden caller shows as *****-<call reference>, without name or company', () => {
    const h = harness({ callReference: true });
    const { callId } = h.pbx.injectInboundCall({ from: '0612345678', name: 'Secret', to: '1101', hidden: true });
    const leg = h.callsOf('1101').at(-1)?.primCall;
    expect(leg?.otherParty).toEqual({ number: `*****-${callId}` });
    expect(leg?.callReference).toBe(callId);
  });

  it('the demo has hidden callers', () => {
    const demo = buildDemoScenario([{ number: '0612345678', name: 'A' }], { calls: 8 });
    expect(demo.steps.filter((s) => 'hidden' in s && s.hidden === true)).toHaveLength(2);
  });

  it('startRoutingPoint with a template the configuration does not define is refused with an error', () => {
    const h = harness();
    expect(h.exec({ type: 'startRoutingPoint', service: 'campaign1', template: 'noSuchTemplate' })).toEqual({ kind: 'error', error: 'reject' });
    expect(h.exec({ type: 'queryRoutingPointState', service: 'campaign1' })).toEqual({ kind: 'error', error: 'reject' });
  });
});

describe('PBX model: percentages as the spec writes them', () => {
  it('scientificPercentages writes "1.0E2" (and "1.18E1"), "0" stays "0"; the default stays "100"', () => {
    const run = (scientificPercentages: boolean): Record<string, unknown> => {
      const h = harness({ workingAfterCallSeconds: 30, scientificPercentages });
      h.clock.advance(100_000);
      h.pbx.injectInboundCall({ from: '0612345678', to: '8000' });
      h.clock.advance(3_000);
      h.answer('8001');
      h.clock.advance(20_000);
      h.ok({ type: 'dropCall', deviceNumber: '8001' });
      h.clock.advance(47_000);
      const r = h.exec({ type: 'queryUserStatistics', deviceNumber: '8001', statisticsType: 'total' });
      if (r.kind !== 'result' || r.result.type !== 'userStatistics' || r.result.statistics.type !== 'total') throw new Error('no total');
      return r.result.statistics.total;
    };
    expect(run(true)).toMatchObject({ agentLoggedOnPercentage: '1.0E2', agentLoggedOffPercentage: '0', agentBusyPercentage: '1.18E1' });
    expect(run(false)).toMatchObject({ agentLoggedOnPercentage: '100', agentBusyPercentage: '11.8' });
  });
});

describe('PBX model: campaign routing points', () => {
  it('a campaign started by startRoutingPoint is removed when stopped; a configured routing point stays, stopped', () => {
    const h = harness();
    h.ok({ type: 'startRoutingPoint', service: 'camp1' });
    h.ok({ type: 'stopRoutingPoint', service: 'camp1' });
    expect(h.exec({ type: 'queryRoutingPointState', service: 'camp1' })).toEqual({ kind: 'error', error: 'reject' });
    h.ok({ type: 'stopRoutingPoint', service: 'service1' });
    expect(h.exec({ type: 'queryRoutingPointState', service: 'service1' })).toEqual({ kind: 'result', result: { type: 'routingPointState', state: 'stopped' } });
  });
});
