/** Agents (states, permitted states, busy, working-after-call timeout) and routing points (distribution, queue, states). */
import { describe, expect, it } from 'vitest';
import { decodeEvent, decodeReply } from '../../../../main/telservices/codec';
import { specFixture } from '../../../support/spec-fixtures';
import { valueName } from '../../../../common/telservices/enums';
import { harness, type Harness } from './harness';

const agentEvents = (h: Harness, device: string) => h.eventsOf(device).flatMap((e) => (e.type === 'agent' ? [e.agent] : []));

/** An external caller rings the routing point; returns the agent whose device rang. */
function inbound(h: Harness, from = '0612345678'): string | undefined {
  const mark = h.mark();
  h.pbx.injectInboundCall({ from, to: '8000' });
  return h.log.slice(mark).find((e) => e.event.type === 'call' && e.event.call.primCall?.state === 'alerting')?.device;
}

describe('PBX model: agents', () => {
  it('starts as the spec example: 8001 and 8003 ready, the others logged off', () => {
    const h = harness();
    const states = ['8001', '8002', '8003', '8004', '8005'].map((d) => {
      const r = h.exec({ type: 'queryAgentState', deviceNumber: d });
      return r.kind === 'result' && r.result.type === 'agent' ? r.result.agent.state : r;
    });
    expect(states).toEqual(['ready', 'loggedOff', 'ready', 'loggedOff', 'loggedOff']);
    expect(h.exec({ type: 'queryAgentState', deviceNumber: '1101' })).toEqual({ kind: 'error', error: 'pbxReject' });
  });

  it('agentState: an agent event with the permitted states; a state not permitted now is refused', () => {
    const h = harness();
    expect(h.exec({ type: 'agentState', deviceNumber: '8002', state: 'workingAfterCall' })).toEqual({ kind: 'error', error: 'pbxReject' });
    h.ok({ type: 'agentState', deviceNumber: '8002', state: 'loggedOn' });
    h.ok({ type: 'agentState', deviceNumber: '8002', state: 'notReady' });
    expect(agentEvents(h, '8002')).toEqual([
      { userID: 'agent8002', state: 'loggedOn', inboundServices: ['service1'], permittedStates: ['loggedOff', 'ready', 'notReady'] },
      { userID: 'agent8002', state: 'notReady', inboundServices: ['service1'], permittedStates: ['loggedOff', 'ready', 'workingAfterCall'] },
    ]);
    expect(h.exec({ type: 'agentState', deviceNumber: '1101', state: 'ready' })).toEqual({ kind: 'error', error: 'pbxReject' });
  });

  it('busy on a call, working-after-call (the spec event) when it ends, ready after the timeout', () => {
    const h = harness({ workingAfterCallSeconds: 30 });
    expect(inbound(h)).toBe('8001');
    const mark = h.mark();
    h.answer('8001');
    // The call event first, then the agent event it causes.
    expect(h.eventsOf('8001', mark).map((e) => (e.type === 'agent' ? e.agent.state : e.type === 'call' ? e.call.primCall?.state : e.type))).toEqual([
      'connected',
      'busy',
    ]);
    h.ok({ type: 'dropCall', deviceNumber: '8001' });
    const spec = decodeEvent(specFixture('event-agent-1'));
    expect(h.eventsOf('8001').at(-1)).toStrictEqual(spec.type === 'agent' ? { ...spec, agent: { userID: 'agent8001', ...spec.agent } } : spec);
    h.clock.advance(12_000);
    const q = h.exec({ type: 'queryAgentState', deviceNumber: '8001' });
    expect(q.kind === 'result' && q.result.type === 'agent' ? q.result.agent.timeout : q).toBe('18');
    h.clock.advance(17_999);
    expect(agentEvents(h, '8001').at(-1)?.state).toBe('workingAfterCall');
    h.clock.advance(1);
    expect(agentEvents(h, '8001').at(-1)).toMatchObject({ state: 'ready' });
    expect(agentEvents(h, '8001').at(-1)?.timeout).toBeUndefined();
  });

  it('logs on at openSession when the routing point says so', () => {
    const h = harness();
    h.ok({ type: 'updateRoutingPoint', service: 'service1', config: { agentLoggedOnOnOpenSession: true, agentReadyOnLoggedOn: true } });
    h.pbx.setMonitored('8004', true);
    expect(agentEvents(h, '8004').map((a) => a.state)).toEqual(['loggedOn', 'ready']);
  });
});

describe('PBX model: routing points', () => {
  it('queryRoutingPointState and the snapshot statistics as the spec examples', () => {
    const h = harness();
    expect(h.exec({ type: 'queryRoutingPointState', service: 'service1' })).toStrictEqual(decodeReply(specFixture('reply-queryRoutingPointState-1')));
    expect(h.exec({ type: 'queryRoutingPointStatistics', service: 'service1', statisticsType: 'snapshot' })).toStrictEqual(
      decodeReply(specFixture('reply-queryRoutingPointStatistics-1')),
    );
    expect(h.exec({ type: 'queryRoutingPointState', service: 'nope' })).toEqual({ kind: 'error', error: 'reject' });
  });

  it('routes with cause route; the caller sees the agent', () => {
    const h = harness();
    h.ok({ type: 'makeCall', deviceNumber: '1101', calledDeviceNumber: '8000' });
    expect(h.callsOf('8001')[0]?.primCall).toMatchObject({ state: 'alerting', otherParty: { number: '1101' }, cause: 'route', firstCalledParty: { number: '8000' } });
    expect(h.callsOf('1101').at(-1)?.primCall).toMatchObject({ state: 'delivered', otherParty: { number: '8001' }, cause: 'route' });
  });

  const readyAll = (h: Harness): void => {
    for (const d of ['8002', '8004', '8005']) h.ok({ type: 'agentState', deviceNumber: d, state: 'ready' });
  };
  /** Each inbound call is abandoned while ringing, so the agent stays ready. */
  const distribute = (h: Harness, n: number): (string | undefined)[] =>
    Array.from({ length: n }, (_, i) => {
      const agent = inbound(h, `061234567${i}`);
      h.pbx.externalHangup(`061234567${i}`);
      h.clock.advance(1000);
      return agent;
    });

  it('cyclic distribution (the default): round robin over ready agents', () => {
    const h = harness();
    expect(distribute(h, 3)).toEqual(['8001', '8003', '8001']);
    readyAll(h);
    expect(distribute(h, 5)).toEqual(['8002', '8003', '8004', '8005', '8001']);
  });

  it('sequential distribution: always the first ready agent', () => {
    const h = harness();
    h.ok({ type: 'updateRoutingPoint', service: 'service1', config: { agentsDistribution: 'sequential' } });
    expect(distribute(h, 3)).toEqual(['8001', '8001', '8001']);
    h.ok({ type: 'agentState', deviceNumber: '8001', state: 'notReady' });
    expect(distribute(h, 1)).toEqual(['8003']);
  });

  it('most-idle distribution: the agent ready for the longest time', () => {
    const h = harness();
    h.ok({ type: 'updateRoutingPoint', service: 'service1', config: { agentsDistribution: 'most-idle' } });
    h.clock.advance(1000);
    h.ok({ type: 'agentState', deviceNumber: '8001', state: 'notReady' });
    h.ok({ type: 'agentState', deviceNumber: '8005', state: 'ready' });
    h.clock.advance(1000);
    h.ok({ type: 'agentState', deviceNumber: '8001', state: 'ready' });
    // 8003 ready since the start, 8005 since 1 s, 8001 since 2 s.
    const agent = inbound(h);
    expect(agent).toBe('8003');
    h.answer('8003');
    expect(inbound(h, '0699999999')).toBe('8005');
  });

  it('queues when no agent is ready, routes when one becomes ready', () => {
    const h = harness();
    for (const d of ['8001', '8003']) h.ok({ type: 'agentState', deviceNumber: d, state: 'notReady' });
    h.ok({ type: 'makeCall', deviceNumber: '1101', calledDeviceNumber: '8000' });
    expect(h.callsOf('1101').at(-1)?.primCall).toMatchObject({ state: 'queued', otherParty: { number: '8000' } });
    h.clock.advance(4000);
    const snap = h.exec({ type: 'queryRoutingPointStatistics', service: 'service1', statisticsType: 'snapshot' });
    expect(snap.kind === 'result' && snap.result.type === 'routingPointStatistics' && snap.result.statistics.type === 'snapshot' ? snap.result.statistics.snapshot : snap).toMatchObject({
      queuedCallsCount: '1',
      queuedCallsDuration: '00:00:04',
      readyAvailableAgentsCount: '0',
      notReadyOrDirectCallAgentsCount: '2',
    });
    h.ok({ type: 'agentState', deviceNumber: '8003', state: 'ready' });
    expect(h.callsOf('8003')[0]?.primCall).toMatchObject({ state: 'alerting', otherParty: { number: '1101' }, cause: 'route' });
    expect(h.callsOf('1101').at(-1)?.primCall).toMatchObject({ state: 'delivered', otherParty: { number: '8003' }, cause: 'route' });
  });

  it('suspend / resume / stop / start: calls fail while not running, queued calls fail on stop', () => {
    const h = harness();
    h.ok({ type: 'suspendRoutingPoint', service: 'service1' });
    expect(h.exec({ type: 'suspendRoutingPoint', service: 'service1' })).toEqual({ kind: 'error', error: 'pbxReject' });
    h.ok({ type: 'makeCall', deviceNumber: '1101', calledDeviceNumber: '8000' });
    expect(h.callsOf('1101').at(-1)?.primCall).toMatchObject({ state: 'failed', cause: 'destNotObtainable' });
    h.ok({ type: 'dropCall', deviceNumber: '1101' });
    h.ok({ type: 'resumeRoutingPoint', service: 'service1' });
    for (const d of ['8001', '8003']) h.ok({ type: 'agentState', deviceNumber: d, state: 'notReady' });
    h.ok({ type: 'makeCall', deviceNumber: '1101', calledDeviceNumber: '8000' });
    h.ok({ type: 'stopRoutingPoint', service: 'service1' });
    expect(h.callsOf('1101').at(-1)?.primCall).toMatchObject({ state: 'failed', cause: 'destNotObtainable' });
    expect(h.exec({ type: 'queryRoutingPointState', service: 'service1' })).toEqual({ kind: 'result', result: { type: 'routingPointState', state: 'stopped' } });
    h.ok({ type: 'startRoutingPoint', service: 'service1' });
    expect(h.exec({ type: 'startRoutingPoint', service: 'service1' })).toEqual({ kind: 'error', error: 'pbxReject' });
    h.ok({ type: 'startRoutingPoint', service: 'camp1', config: { agentsDistribution: 'sequential' } });
    expect(h.exec({ type: 'queryRoutingPointState', service: 'camp1' })).toEqual({ kind: 'result', result: { type: 'routingPointState', state: 'started-running' } });
  });

  it('noAnswerTimeout: an agent who lets a routed call ring out goes notReady, the call goes to the next agent', () => {
    const h = harness();
    h.ok({ type: 'updateRoutingPoint', service: 'service1', config: { noAnswerTimeout: '15' } });
    h.ok({ type: 'makeCall', deviceNumber: '1101', calledDeviceNumber: '8000' });
    h.clock.advance(14_999);
    expect(h.callsOf('8003')).toHaveLength(0);
    h.clock.advance(1);
    expect(h.callsOf('8001').at(-1)?.primCall).toMatchObject({ state: 'cleared', cause: 'redirect' });
    expect(agentEvents(h, '8001').at(-1)?.state).toBe('notReady');
    expect(h.callsOf('8003')[0]?.primCall).toMatchObject({ state: 'alerting', otherParty: { number: '1101' } });
    expect(h.callsOf('1101').at(-1)?.primCall).toMatchObject({ state: 'delivered', otherParty: { number: '8003' }, cause: 'route' });
  });

  it('queueLimit (a percentage of logged-on agents): calls beyond it fail', () => {
    const h = harness();
    h.ok({ type: 'updateRoutingPoint', service: 'service1', config: { queueLimit: '50' } });
    for (const d of ['8001', '8003']) h.ok({ type: 'agentState', deviceNumber: d, state: 'notReady' });
    h.ok({ type: 'makeCall', deviceNumber: '1101', calledDeviceNumber: '8000' });
    h.ok({ type: 'makeCall', deviceNumber: '1102', calledDeviceNumber: '8000' });
    expect(h.callsOf('1101').at(-1)?.primCall?.state).toBe('queued');
    expect(h.callsOf('1102').at(-1)?.primCall).toMatchObject({ state: 'failed', cause: 'destNotObtainable' });
  });

  it('outside its working hours or on a non-working day, a routing point sends calls to the failure route', () => {
    let now = new Date(2024, 0, 10, 7, 59); // a Wednesday
    const h = harness({ today: () => now });
    h.ok({ type: 'updateRoutingPoint', service: 'service1', config: { workingHours: '8:00/12:00,13/17', nonWorkingDaysOfWeek: '1,7', nonWorkingDays: '25-12' } });
    const outcome = (): string | undefined => {
      h.ok({ type: 'makeCall', deviceNumber: '1101', calledDeviceNumber: '8000' });
      const leg = h.callsOf('1101').at(-1)?.primCall;
      const state = leg === undefined ? undefined : valueName(leg.state);
      h.ok({ type: 'dropCall', deviceNumber: '1101' });
      return state;
    };
    expect(outcome()).toBe('failed');
    now = new Date(2024, 0, 10, 8, 0);
    expect(outcome()).toBe('delivered');
    now = new Date(2024, 0, 10, 12, 30);
    expect(outcome()).toBe('failed');
    now = new Date(2024, 0, 13, 9, 0); // a Saturday
    expect(outcome()).toBe('failed');
    now = new Date(2024, 11, 25, 9, 0);
    expect(outcome()).toBe('failed');
  });

  it('serviceTimeout: the server stops the routing point by itself', () => {
    const h = harness();
    h.ok({ type: 'startRoutingPoint', service: 'camp1', config: { serviceTimeout: '60' } });
    h.clock.advance(59_999);
    expect(h.exec({ type: 'queryRoutingPointState', service: 'camp1' })).toEqual({ kind: 'result', result: { type: 'routingPointState', state: 'started-running' } });
    h.clock.advance(1);
    expect(h.exec({ type: 'queryRoutingPointState', service: 'camp1' })).toEqual({ kind: 'result', result: { type: 'routingPointState', state: 'stopped' } });
  });
});
