/**
 * Simulator fidelity (issue 9, item 17): the agents' outbound services (a campaign's agents) and the
 * routing point states the spec lists under QueryRoutingPointState.
 */
import { describe, expect, it } from 'vitest';
import { harness, type Harness } from './harness';

const agentEvents = (h: Harness, device: string, from = 0) =>
  h.eventsOf(device, from).flatMap((e) => (e.type === 'agent' ? [e.agent] : []));
const stateOf = (h: Harness, service: string) => h.exec({ type: 'queryRoutingPointState', service });
const state = (s: string) => ({ kind: 'result', result: { type: 'routingPointState', state: s } });

describe('outboundServices', () => {
  it('a campaign started from a template gives its agents the outbound service, told by an agent event; stopping it takes it back', () => {
    const h = harness();
    expect(h.exec({ type: 'queryAgentState', deviceNumber: '8001' })).toMatchObject({ kind: 'result', result: { agent: { inboundServices: ['service1'] } } });
    const before = h.exec({ type: 'queryAgentState', deviceNumber: '8001' });
    expect(before.kind === 'result' && before.result.type === 'agent' ? before.result.agent.outboundServices : 'no agent').toBeUndefined();
    const mark = h.mark();
    h.ok({ type: 'startRoutingPoint', service: 'camp1', template: 'service1' });
    for (const d of ['8001', '8002', '8003', '8004', '8005']) {
      expect(agentEvents(h, d, mark)).toEqual([expect.objectContaining({ inboundServices: ['service1'], outboundServices: ['camp1'] })]);
    }
    expect(agentEvents(h, '1101', mark)).toEqual([]);
    expect(h.exec({ type: 'queryAgentState', deviceNumber: '8003' })).toMatchObject({ result: { agent: { outboundServices: ['camp1'] } } });
    h.ok({ type: 'startRoutingPoint', service: 'camp2' });
    expect(agentEvents(h, '8001').at(-1)?.outboundServices).toEqual(['camp1', 'camp2']);
    const beforeStop = h.mark();
    h.ok({ type: 'stopRoutingPoint', service: 'camp1' });
    expect(agentEvents(h, '8001', beforeStop).at(-1)?.outboundServices).toEqual(['camp2']);
    h.ok({ type: 'stopRoutingPoint', service: 'camp2' });
    expect(agentEvents(h, '8001').at(-1)?.outboundServices).toBeUndefined();
  });

  it('a routing point that is not a campaign gives no outbound service', () => {
    const h = harness();
    const mark = h.mark();
    h.ok({ type: 'stopRoutingPoint', service: 'service1' });
    h.ok({ type: 'startRoutingPoint', service: 'service1' });
    expect(agentEvents(h, '8001', mark)).toEqual([]);
  });
});

describe('routing point states', () => {
  it('started-running while an agent of the service is logged on, started (waiting for agents) once none is, running again when one logs on', () => {
    const h = harness();
    expect(stateOf(h, 'service1')).toEqual(state('started-running'));
    h.ok({ type: 'agentState', deviceNumber: '8001', state: 'loggedOff' });
    expect(stateOf(h, 'service1')).toEqual(state('started-running'));
    h.ok({ type: 'agentState', deviceNumber: '8003', state: 'loggedOff' });
    expect(stateOf(h, 'service1')).toEqual(state('started'));
    h.ok({ type: 'agentState', deviceNumber: '8002', state: 'loggedOn' });
    expect(stateOf(h, 'service1')).toEqual(state('started-running'));
  });

  it('started-failed when no agent is defined for it; suspend and stop still apply, and start leaves it failed', () => {
    const h = harness({ routingPoints: [{ service: 'sales', number: '8100' }] });
    expect(stateOf(h, 'sales')).toEqual(state('started-failed'));
    h.ok({ type: 'suspendRoutingPoint', service: 'sales' });
    expect(stateOf(h, 'sales')).toEqual(state('started-suspended'));
    h.ok({ type: 'resumeRoutingPoint', service: 'sales' });
    expect(stateOf(h, 'sales')).toEqual(state('started-failed'));
    h.ok({ type: 'stopRoutingPoint', service: 'sales' });
    expect(stateOf(h, 'sales')).toEqual(state('stopped'));
    h.ok({ type: 'startRoutingPoint', service: 'sales' });
    expect(stateOf(h, 'sales')).toEqual(state('started-failed'));
  });

  it('a suspended routing point stays suspended whatever its agents do; stopped stays stopped', () => {
    const h = harness();
    h.ok({ type: 'suspendRoutingPoint', service: 'service1' });
    for (const d of ['8001', '8003']) h.ok({ type: 'agentState', deviceNumber: d, state: 'loggedOff' });
    expect(stateOf(h, 'service1')).toEqual(state('started-suspended'));
    h.ok({ type: 'resumeRoutingPoint', service: 'service1' });
    expect(stateOf(h, 'service1')).toEqual(state('started'));
    h.ok({ type: 'stopRoutingPoint', service: 'service1' });
    h.ok({ type: 'agentState', deviceNumber: '8001', state: 'loggedOn' });
    expect(stateOf(h, 'service1')).toEqual(state('stopped'));
  });

  it('a campaign whose agents are all logged off waits in started', () => {
    const h = harness();
    for (const d of ['8001', '8003']) h.ok({ type: 'agentState', deviceNumber: d, state: 'loggedOff' });
    h.ok({ type: 'startRoutingPoint', service: 'camp1' });
    expect(stateOf(h, 'camp1')).toEqual(state('started'));
    h.ok({ type: 'agentState', deviceNumber: '8004', state: 'loggedOn' });
    expect(stateOf(h, 'camp1')).toEqual(state('started-running'));
  });
});

describe('campaign statistics', () => {
  const total = (h: Harness, service: string) => {
    const reply = h.exec({ type: 'queryRoutingPointStatistics', service, statisticsType: 'total' });
    if (reply.kind !== 'result' || reply.result.type !== 'routingPointStatistics' || reply.result.statistics.type !== 'total') throw new Error('no total');
    return reply.result.statistics.total;
  };

  it("counts the calls its agents make while it runs (originated, intended, performed, connected, failed, durations); an inbound point counts none", () => {
    const h = harness();
    h.call('8001', '1102'); // before the campaign: not its call
    h.answer('1102');
    h.ok({ type: 'dropCall', deviceNumber: '8001' });
    h.ok({ type: 'startRoutingPoint', service: 'camp1' });
    h.call('8001', '1103');
    h.answer('1103');
    h.clock.advance(65_000);
    h.ok({ type: 'dropCall', deviceNumber: '1103' });
    h.ok({ type: 'doNotDisturb', deviceNumber: '1104', state: 'on' });
    h.call('8003', '1104');
    h.ok({ type: 'dropCall', deviceNumber: '8003' });
    h.call('1105', '1106'); // not an agent
    expect(total(h, 'camp1')).toMatchObject({
      outgoingCallsOriginatedCount: '2',
      outgoingCallsIntendedCount: '2',
      outgoingCallsPerformedCount: '2',
      outgoingCallsConnectedCount: '1',
      outgoingCallsFailedCount: '1',
      outgoingCallsRetriedCount: '0',
      outgoingCallsConnectedDuration: '00:01:05',
      outgoingCallsConnectedAvgDuration: '00:01:05',
    });
    expect(total(h, 'service1')).toMatchObject({ outgoingCallsOriginatedCount: '0', outgoingCallsConnectedCount: '0' });
  });
});

describe('assigned agent', () => {
  it('a caller who talked with an agent through the routing point goes back to that agent when free, counted apart from the distribution', () => {
    const h = harness();
    const rp = () => {
      const reply = h.exec({ type: 'queryRoutingPointStatistics', service: 'service1', statisticsType: 'total' });
      return reply.kind === 'result' && reply.result.type === 'routingPointStatistics' && reply.result.statistics.type === 'total' ? reply.result.statistics.total : undefined;
    };
    const ringsAt = (caller: string): string | undefined => {
      const mark = h.mark();
      h.call(caller, '8000');
      return ['8001', '8003'].find((d) => h.callsOf(d, mark).some((c) => c.primCall?.state === 'alerting'));
    };
    expect(ringsAt('1101')).toBe('8001');
    h.answer('8001');
    h.clock.advance(5_000);
    h.ok({ type: 'dropCall', deviceNumber: '1101' });
    h.ok({ type: 'agentState', deviceNumber: '8001', state: 'ready' });
    expect(ringsAt('1101')).toBe('8001'); // the cyclic distribution alone would pick 8003
    h.ok({ type: 'dropCall', deviceNumber: '1101' });
    expect(ringsAt('1102')).toBe('8003');
    expect(rp()).toMatchObject({ routedToAssignedAgentCallsCount: '1', routedToDistributionCallsCount: '2' });
  });
});
