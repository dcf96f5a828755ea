/**
 * The simulator's network front over real loopback sockets: raw TCP (one request per connection,
 * optional end-of-PDU), HTTP on the same port, bad input, and the reply faults.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { decodeReply } from '../../../main/telservices/codec';
import type { Party } from '../../../common/telservices/structures';
import { errorCode, harness, rawTcp, type Harness } from './harness';

const SEARCH = '<TelServiceRequest><searchName><name>Mar</name><limit>2</limit></searchName></TelServiceRequest>';
const MARCEL: Party = { number: '+801', name: 'Marcel Jagger', numberType: 'work', company: 'uniGone' };
const MARTIN: Party = { number: '+33160127764', name: 'Martin Jagger', numberType: 'home', company: 'uniGone' };
// The spec's two entries alone, so its searchName example is answered exactly.
const SPEC_DIRECTORY = { parties: [MARCEL, MARTIN] };

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

describe('raw TCP', () => {
  it('answers one request per connection, then closes (the spec searchName example)', async () => {
    h = await harness({ directory: { parties: [...SPEC_DIRECTORY.parties] } });
    const { text, closed } = await rawTcp(h.sim.port, SEARCH);
    expect(closed).toBe(true);
    expect(decodeReply(text)).toEqual({ kind: 'result', result: { type: 'searchDirectory', parties: [MARCEL, MARTIN] } });
    expect(await h.tcp.searchName({ name: 'jagger' })).toEqual([MARCEL, MARTIN]);
    expect(await h.tcp.searchNumber({ number: '+33160127764' })).toEqual([MARTIN]);
  });

  it('reads a request split in pieces and one ended by a half-close', async () => {
    h = await harness({ directory: { parties: [...SPEC_DIRECTORY.parties] } });
    // the closing tag itself split across two writes
    const split = await rawTcp(h.sim.port, [SEARCH.slice(0, -5), SEARCH.slice(-5)]);
    expect(decodeReply(split.text)).toEqual({
      kind: 'result',
      result: { type: 'searchDirectory', parties: [MARCEL, MARTIN] },
    });
    // the client ends its side after the request and still gets the reply
    const halfClosed = await rawTcp(h.sim.port, SEARCH, { end: true });
    expect(decodeReply(halfClosed.text).kind).toBe('result');
    // a truncated request followed by a half-close is judged as it is: not readable
    const truncated = await rawTcp(h.sim.port, SEARCH.slice(0, -5), { end: true });
    expect(decodeReply(truncated.text)).toEqual({ kind: 'error', error: 'reject' });
  });

  it('closes a connection that ends without a byte', async () => {
    h = await harness();
    const started = Date.now();
    expect(await rawTcp(h.sim.port, '', { end: true })).toEqual({ text: '', closed: true });
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it('answers reject to a request it cannot read', async () => {
    h = await harness();
    const { text } = await rawTcp(h.sim.port, '<TelServiceRequest><fly/></TelServiceRequest>');
    expect(decodeReply(text)).toEqual({ kind: 'error', error: 'reject' });
  });

  it('ends requests and replies with the end-of-PDU sequence when configured', async () => {
    h = await harness({ endOfPdu: '\n\n', directory: { parties: [...SPEC_DIRECTORY.parties] } });
    // the request ends at the sequence even without its closing tag
    const { text } = await rawTcp(h.sim.port, SEARCH.replace('</TelServiceRequest>', '') + '\n\n');
    expect(text.endsWith('</TelServiceReturn>\n\n')).toBe(true);
    expect(await h.tcp.searchName({ name: 'martin' })).toEqual([MARTIN]);
  });

  it('ends each UDP event with the end-of-PDU sequence too', async () => {
    h = await harness({ endOfPdu: '<EOP>' });
    const { createSocket } = await import('node:dgram');
    const udp = createSocket('udp4');
    await new Promise<void>((r) => udp.bind(0, '127.0.0.1', () => r()));
    try {
      const datagram = new Promise<string>((r) => udp.once('message', (m) => r(m.toString('utf8'))));
      await h.tcp.openSession({ deviceNumber: '1101', eventUDPPort: String(udp.address().port) });
      h.sim.control.setMsgWaiting('1101', true);
      const text = await datagram;
      expect(text.endsWith('</TelServiceEvent><EOP>')).toBe(true);
    } finally {
      udp.close();
    }
  });

  it('answers noOpenSession to a request that needs a session', async () => {
    h = await harness();
    expect(await errorCode(h.tcp.dropCall({ deviceNumber: '1101' }))).toBe('noOpenSession');
    expect(await errorCode(h.tcp.snapshot({ deviceNumber: '1101' }))).toBe('noOpenSession');
    expect(await errorCode(h.tcp.closeSession({ deviceNumber: '1101' }))).toBe('noOpenSession');
  });
});

describe('HTTP mode on the same port', () => {
  it('answers a POSTed request (any path) with the reply XML', async () => {
    h = await harness({ directory: { parties: [...SPEC_DIRECTORY.parties] } });
    expect(await h.http.searchName({ name: 'Mar' })).toEqual([MARCEL, MARTIN]);
    const res = await fetch(`http://127.0.0.1:${h.sim.port}/any/path`, { method: 'POST', body: SEARCH });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/xml/);
    expect(decodeReply(await res.text()).kind).toBe('result');
  });

  it('refuses other methods and a makeCall shortcut without its parameters', async () => {
    h = await harness();
    expect((await fetch(`http://127.0.0.1:${h.sim.port}/`)).status).toBe(405);
    expect((await fetch(`http://127.0.0.1:${h.sim.port}/makeCall?deviceNumber=1101`)).status).toBe(400);
  });
});

describe('reply faults', () => {
  it('delays replies', async () => {
    h = await harness();
    h.sim.control.setFaults({ replyDelayMs: 300 });
    const start = Date.now();
    await h.tcp.searchName({ name: 'x' });
    expect(Date.now() - start).toBeGreaterThanOrEqual(280);
  });

  it('never replies: the client times out', async () => {
    h = await harness();
    h.sim.control.setFaults({ noReply: true });
    expect(await errorCode(h.tcp.searchName({ name: 'x' }, { timeoutMs: 300 }))).toBe('timeout');
    expect(await errorCode(h.http.searchName({ name: 'x' }, { timeoutMs: 300 }))).toBe('timeout');
    h.sim.control.clearFaults();
    expect(await h.tcp.searchName({ name: 'zzzz' })).toEqual([]);
  });

  it('closes without a reply', async () => {
    h = await harness();
    h.sim.control.setFaults({ closeWithoutReply: true });
    expect(await errorCode(h.tcp.searchName({ name: 'x' }))).toBe('closedWithoutReply');
    const raw = await rawTcp(h.sim.port, SEARCH);
    expect(raw).toEqual({ text: '', closed: true });
  });

  it('answers pbxlinkOutOfService while the link is down, but the directory still answers', async () => {
    h = await harness({ directory: { parties: [...SPEC_DIRECTORY.parties] } });
    h.sim.control.setFaults({ linkDown: true });
    expect(await errorCode(h.tcp.openSession({ deviceNumber: '1101' }))).toBe('pbxlinkOutOfService');
    expect(await errorCode(h.tcp.queryDoNotDisturb({ deviceNumber: '1101' }))).toBe('pbxlinkOutOfService');
    expect(await h.tcp.searchNumber({ number: '+801' })).toEqual([MARCEL]);
  });
});
