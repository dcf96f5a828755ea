/**
 * UDP datagram -> typed TelEvent latency through UdpEventListener (split + decode + dispatch), beside
 * the raw loopback one-way latency of a bare dgram socket receiving the same bytes, measured the same
 * way in the same run: timestamp before send, read at the receiving callback, one datagram in flight
 * at a time (latency, not queueing). The two are measured in alternating blocks so machine noise hits
 * both alike.
 */
import { createSocket, type Socket } from 'node:dgram';
import { decodeEvent } from '../main/telservices/codec';
import { UdpEventListener } from '../main/telservices/events';
import { splitDatagram } from '../main/telservices/framing';
import { fmtMicros, percentile, type BenchSection } from './lib';

/** The spec's call event (call example 1, first event), as a TelServer sends it. */
const CALL_EVENT = Buffer.from(
  '<TelServiceEvent><deviceNumber>1101</deviceNumber><event><call><id>1</id><primCall><state><initiated/></state>' +
    '<otherParty><number/></otherParty><duration>0</duration><isOutgoing><true/></isOutgoing><isConference><false/>' +
    '</isConference></primCall><permittedServices><dropCall/></permittedServices></call></event></TelServiceEvent>',
  'utf8',
);

const EVENTS = 12_000;
const BLOCK = 1_000;
const WARMUP = 3_000;

/** Sends `count` datagrams one at a time; `arm(resolve)` must call resolve() when the receiver got one. */
async function measure(sender: Socket, port: number, count: number, arm: (done: () => void) => void): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < count; i++) {
    const t0 = performance.now();
    await new Promise<void>((resolve) => {
      arm(() => {
        out.push(performance.now() - t0);
        resolve();
      });
      sender.send(CALL_EVENT, port, '127.0.0.1');
    });
  }
  return out;
}

/** Where the typed path's time goes: split + decode alone, no socket, same bytes. */
function decodeOnly(count: number): number[] {
  const out: number[] = [];
  for (let i = 0; i < count; i++) {
    const t0 = performance.now();
    for (const pdu of splitDatagram(CALL_EVENT)) decodeEvent(pdu);
    out.push(performance.now() - t0);
  }
  return out;
}

export default async function udpEvents(): Promise<BenchSection> {
  const sender = createSocket('udp4');
  const raw = createSocket('udp4');
  await new Promise<void>((r) => raw.bind(0, '127.0.0.1', () => r()));
  const rawPort = raw.address().port;
  let onRaw: () => void = () => undefined;
  raw.on('message', () => onRaw());

  const listener = await UdpEventListener.start({ port: 0, host: '127.0.0.1' });
  let onTyped: () => void = () => undefined;
  let wrongType = 0;
  let dropped = 0;
  listener.on('call', (e) => {
    if (e.call.primCall?.state !== 'initiated') wrongType++;
    onTyped();
  });
  listener.onDropped(() => dropped++);

  const armRaw = (done: () => void): void => {
    onRaw = done;
  };
  const armTyped = (done: () => void): void => {
    onTyped = done;
  };

  try {
    await measure(sender, rawPort, WARMUP, armRaw);
    await measure(sender, listener.port, WARMUP, armTyped);
    const rawSample: number[] = [];
    const typedSample: number[] = [];
    for (let done = 0; done < EVENTS; done += BLOCK) {
      rawSample.push(...(await measure(sender, rawPort, BLOCK, armRaw)));
      typedSample.push(...(await measure(sender, listener.port, BLOCK, armTyped)));
    }
    const rawP50 = percentile(rawSample, 50);
    const rawP99 = percentile(rawSample, 99);
    const p50 = percentile(typedSample, 50);
    const p99 = percentile(typedSample, 99);
    const ratio = p99 / rawP99;
    decodeOnly(WARMUP);
    const dec = decodeOnly(EVENTS);
    return {
      title: 'UDP events: datagram -> typed TelEvent (loopback, one in flight)',
      rows: [
        { name: 'p50 latency', value: fmtMicros(p50), baseline: `raw dgram ${fmtMicros(rawP50)}`, ratio: `${(p50 / rawP50).toFixed(2)}×` },
        {
          name: 'p99 latency vs raw',
          value: fmtMicros(p99),
          baseline: `raw dgram ${fmtMicros(rawP99)}`,
          ratio: `${ratio.toFixed(2)}×`,
          goal: '≤ 5× raw',
          met: ratio <= 5,
        },
        { name: 'p99 latency absolute', value: fmtMicros(p99), goal: '< 1 ms', met: p99 < 1 },
      ],
      notes: [
        `${typedSample.length} typed events and ${rawSample.length} raw datagrams, in alternating blocks of ${BLOCK} after ${WARMUP} warm-up each`,
        `payload ${CALL_EVENT.length} bytes (the spec's call event); dropped ${dropped}, wrong decode ${wrongType}`,
        `of which split + decodeEvent alone (no socket): p50 ${fmtMicros(percentile(dec, 50))} / p99 ${fmtMicros(percentile(dec, 99))}`,
      ],
    };
  } finally {
    await listener.close();
    await new Promise<void>((r) => raw.close(() => r()));
    await new Promise<void>((r) => sender.close(() => r()));
  }
}
