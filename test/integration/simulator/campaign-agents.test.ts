/** A campaign's outbound service reaches the agent over the wire: UDP agent event and queryAgentState reply (issue 9, item 17). */
import { afterEach, describe, expect, it } from 'vitest';
import type { TelEvent } from '../../../common/telservices/events';
import { harness, type Harness } from './harness';

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

const outbound = (e: TelEvent): string[] | undefined => (e.type === 'agent' ? e.agent.outboundServices : undefined);

describe('campaign agents over real sockets', () => {
  it('startRoutingPoint sends the agent its outboundServices; stopRoutingPoint takes them back', async () => {
    h = await harness();
    const log = await h.listen();
    await h.tcp.openSession({ deviceNumber: '8001', eventUDPPort: log.port });
    await h.tcp.send({ type: 'startRoutingPoint', service: 'camp1', template: 'service1' });
    await log.waitFor((e) => outbound(e)?.includes('camp1') === true);
    expect(await h.tcp.send({ type: 'queryAgentState', deviceNumber: '8001' })).toMatchObject({ type: 'agent', agent: { outboundServices: ['camp1'] } });
    const withoutCampaign = (e: TelEvent): boolean => e.type === 'agent' && outbound(e) === undefined;
    const before = log.events.filter(withoutCampaign).length;
    await h.tcp.send({ type: 'stopRoutingPoint', service: 'camp1' });
    await log.waitFor(withoutCampaign, before + 1);
    expect(await h.http.send({ type: 'queryAgentState', deviceNumber: '8001' })).not.toHaveProperty('agent.outboundServices');
  });

  it('POST /routing-points/:service/complete moves a running campaign to started-completed over the control API; 409 otherwise', async () => {
    h = await harness({ controlPort: 0 });
    const post = (service: string) => fetch(`${h?.sim.controlUrl ?? ''}/routing-points/${service}/complete`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    await h.tcp.send({ type: 'startRoutingPoint', service: 'camp1', template: 'service1' });
    expect((await post('camp1')).status).toBe(200);
    expect(await h.tcp.send({ type: 'queryRoutingPointState', service: 'camp1' })).toMatchObject({ type: 'routingPointState', state: 'started-completed' });
    expect((await post('camp1')).status).toBe(409);
    expect((await post('service1')).status).toBe(409);
  });
});
