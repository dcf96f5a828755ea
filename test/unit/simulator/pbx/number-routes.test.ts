/** Numbers outside the plan routed to a device (a transfer data DNIS landing on the receiving agent). */
import { describe, expect, it } from 'vitest';
import { startRestMocks } from '../../../../main/simulator/rest/rest-mocks';
import { routeRest } from '../../../../main/simulator/control/rest-routes';
import { harness } from './harness';

describe('number routes', () => {
  it('a routed number rings its device, which sees the number as dialled; unrouted it is external again', () => {
    const h = harness({ numberRoutes: { '18005550001': '1102' } });
    h.call('1101', '18005550001');
    const ringing = h.callsOf('1102').at(-1);
    expect(ringing?.primCall?.state).toBe('alerting');
    expect(ringing?.primCall?.otherParty.number).toBe('1101');
    expect(ringing?.primCall?.firstCalledParty?.number).toBe('18005550001');
    h.ok({ type: 'dropCall', deviceNumber: '1101' });
    h.pbx.routeNumbers(['18005550001'], undefined);
    const before = h.mark();
    h.call('1101', '18005550001');
    expect(h.callsOf('1102', before)).toHaveLength(0);
    expect(h.pbx.listCalls()[0]?.parties).toContain('18005550001');
  });

  it('a consultation to a routed number presents the consulting device\'s caller (the network passes the ANI on); after the transfer too', () => {
    const h = harness({ numberRoutes: { '18005550001': '1102' } });
    h.pbx.injectInboundCall({ from: '+33160127764', to: '1101' });
    h.answer('1101');
    h.ok({ type: 'consultationCall', deviceNumber: '1101', consultedDeviceNumber: '18005550001' });
    const ringing = h.callsOf('1102').at(-1)?.primCall;
    expect(ringing).toMatchObject({ state: 'alerting', otherParty: { number: '+33160127764' }, firstCalledParty: { number: '18005550001' } });
    // Its user names the call by the number shown.
    h.ok({ type: 'answerCall', deviceNumber: '1102', callingNumber: '+33160127764' });
    h.ok({ type: 'transferCall', deviceNumber: '1101' });
    expect(h.callsOf('1102').at(-1)?.primCall).toMatchObject({ state: 'connected', otherParty: { number: '+33160127764' } });
    expect(h.errors).toEqual([]);
  });

  it('a route to a device the plan lacks changes nothing', () => {
    const h = harness({ numberRoutes: { '18005550001': '9999' } });
    h.call('1101', '18005550001');
    expect(h.pbx.listCalls()[0]?.parties).toContain('18005550001');
  });

  it('the control API routes the transfer data pool to a device', async () => {
    const h = harness();
    const mocks = await startRestMocks({ pbx: h.pbx, clock: h.clock });
    try {
      expect(routeRest(mocks.control, 'POST', '/rest/tds/route', { device: '1103' })).toEqual([200, { pool: mocks.control.state().pool, device: '1103' }]);
      h.call('1101', '18005550004');
      expect(h.callsOf('1103').at(-1)?.primCall?.firstCalledParty?.number).toBe('18005550004');
      expect(routeRest(mocks.control, 'POST', '/rest/tds/route', { device: 'x' })?.[0]).toBe(400);
      routeRest(mocks.control, 'POST', '/rest/tds/route', { device: null });
      h.ok({ type: 'dropCall', deviceNumber: '1101' });
      const before = h.mark();
      h.call('1101', '18005550004');
      expect(h.callsOf('1103', before)).toHaveLength(0);
    } finally {
      await mocks.close();
    }
  });
});
