import { afterEach, describe, expect, it } from 'vitest';
import type { TelEvent } from '../../../common/telservices/events';
import { valueName } from '../../../common/telservices/enums';
import { UdpEventListener, type DroppedEvent } from '../../../main/telservices/events';
import { UdpSender } from '../../support/fake-telserver';

/** The spec's call event example (device 1101, initiated), and its agent and DND events. */
const CALL_EVENT =
  '<TelServiceEvent>\n  <deviceNumber>1101</deviceNumber>\n  <event>\n    <call>\n      <id>1</id>\n      <primCall>\n        <state>\n          <initiated/>\n        </state>\n        <otherParty>\n          <number/>\n        </otherParty>\n        <duration>0</duration>\n        <isOutgoing>\n          <true/>\n        </isOutgoing>\n        <isConference>\n          <false/>\n        </isConference>\n      </primCall>\n      <permittedServices>\n        <dropCall/>\n      </permittedServices>\n    </call>\n  </event>\n</TelServiceEvent>';
const AGENT_EVENT =
  '<TelServiceEvent><event><agent><state><workingAfterCall/></state><timeout>30</timeout><inboundServices><service>service1</service></inboundServices><permittedStates><ready/><notReady/><workingAfterCall/></permittedStates></agent></event></TelServiceEvent>';
const DND_ON = '<TelServiceEvent><event><doNotDisturb><on/></doNotDisturb></event></TelServiceEvent>';
const FORWARD_PLUS =
  '<TelServiceEvent><event><forward><number>+0033 0612</number><type><immediate/></type><state><on/></state></forward></event></TelServiceEvent>';

let listener: UdpEventListener | undefined;
let sender: UdpSender | undefined;
afterEach(async () => {
  await listener?.close();
  await sender?.close();
  listener = undefined;
  sender = undefined;
});

async function setup(opts: { endOfPdu?: string } = {}): Promise<{ l: UdpEventListener; s: UdpSender; events: TelEvent[]; dropped: DroppedEvent[] }> {
  listener = await UdpEventListener.start(opts);
  sender = new UdpSender();
  const events: TelEvent[] = [];
  const dropped: DroppedEvent[] = [];
  listener.onEvent((e) => events.push(e));
  listener.onDropped((d) => dropped.push(d));
  return { l: listener, s: sender, events, dropped };
}

async function until(cond: () => boolean, ms = 2000): Promise<void> {
  const end = Date.now() + ms;
  while (!cond()) {
    if (Date.now() > end) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 2));
  }
}

describe('UdpEventListener', () => {
  it('binds an OS-chosen port on loopback and delivers a spec call event, typed', async () => {
    const { l, s, events } = await setup();
    expect(l.port).toBeGreaterThan(0);
    const calls: string[] = [];
    l.on('call', (e) => calls.push(valueName(e.call.primCall?.state ?? 'none')));
    await s.send(l.port, CALL_EVENT);
    await until(() => events.length === 1);
    expect(events[0]).toMatchObject({ type: 'call', deviceNumber: '1101', call: { id: '1', primCall: { state: 'initiated', otherParty: { number: '' } } } });
    expect(calls).toEqual(['initiated']);
  });

  it('typed subscriptions only see their type, and unsubscribe works', async () => {
    const { l, s, events } = await setup();
    const agents: string[] = [];
    const off = l.on('agent', (e) => agents.push(valueName(e.agent.state)));
    await s.send(l.port, AGENT_EVENT);
    await s.send(l.port, DND_ON);
    await until(() => events.length === 2);
    off();
    await s.send(l.port, AGENT_EVENT);
    await until(() => events.length === 3);
    expect(agents).toEqual(['workingAfterCall']);
  });

  it('a malformed datagram is dropped with its reason and first bytes; the next good one is delivered', async () => {
    const { l, s, events, dropped } = await setup();
    await s.send(l.port, '<TelServiceEvent><event><ringing/></event></TelServiceEvent>');
    await s.send(l.port, 'not xml at all \u0000\u0001');
    await s.send(l.port, DND_ON);
    await until(() => events.length === 1);
    expect(events[0]).toEqual({ type: 'doNotDisturb', state: 'on' });
    expect(dropped).toHaveLength(2);
    expect(dropped[0]?.code).toBe('malformedReply');
    expect(dropped[0]?.start).toContain('<ringing/>');
    expect(dropped[0]?.reason).not.toBe('');
    expect(dropped[0]?.from?.address).toBe('127.0.0.1');
  });

  it('several events in one datagram, concatenated', async () => {
    const { l, s, events } = await setup();
    await s.send(l.port, `${CALL_EVENT}\n${DND_ON}${AGENT_EVENT}`);
    await until(() => events.length === 3);
    expect(events.map((e) => e.type)).toEqual(['call', 'doNotDisturb', 'agent']);
  });

  it('with an end-of-PDU sequence: splits on it, and a bad PDU does not lose the others', async () => {
    const { l, s, events, dropped } = await setup({ endOfPdu: '\0' });
    await s.send(l.port, `${DND_ON}\0<TelServiceEvent><bad/></TelServiceEvent>\0${FORWARD_PLUS}\0`);
    await until(() => events.length === 2);
    expect(events.map((e) => e.type)).toEqual(['doNotDisturb', 'forward']);
    expect(dropped).toHaveLength(1);
  });

  it('keeps + and leading zeros', async () => {
    const { l, s, events } = await setup();
    await s.send(l.port, FORWARD_PLUS);
    await until(() => events.length === 1);
    expect(events[0]).toEqual({ type: 'forward', forward: { number: '+0033 0612', type: 'immediate', state: 'on' } });
  });

  it('a throwing subscriber is reported and does not stop the others', async () => {
    const { l, s, events } = await setup();
    const errors: string[] = [];
    l.onError((e) => errors.push(e.code));
    l.on('doNotDisturb', () => {
      throw new Error('boom');
    });
    await s.send(l.port, DND_ON);
    await until(() => events.length === 1);
    expect(errors).toEqual(['internal']);
  });

  it('a port already in use -> CtiError network', async () => {
    const { l } = await setup();
    await expect(UdpEventListener.start({ port: l.port })).rejects.toMatchObject({ code: 'network' });
  });
});
