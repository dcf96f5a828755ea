/**
 * The simulator under load, each figure beside a same-run baseline:
 *   - requests/s over TCP with 50 concurrent clients (queryDoNotDisturb, 5 s), vs a bare TCP server
 *     that answers the same bytes without parsing anything (no goal: the ratio is the figure);
 *   - searchName p50/p99 on a 100,000-entry directory, vs a linear scan of the same entries;
 *   - event fan-out: one session event to 200 open sessions (200 UDP datagrams), time until the
 *     last arrives, vs the one-way latency of a single raw UDP datagram on loopback.
 */
import { createSocket, type Socket as UdpSocket } from 'node:dgram';
import { connect, createServer, type Server } from 'node:net';
import { fmtInt, fmtMicros, percentile, type BenchRow, type BenchSection } from './lib';
import { startSimulator } from '../main/simulator/index';
import { Directory } from '../main/simulator/directory/directory';
import { generateDirectory } from '../main/simulator/directory/generate';
import { fold } from '../main/simulator/directory/fold';
import { encodeReply, encodeRequest } from '../main/telservices/codec';

const REQUEST = encodeRequest({ type: 'queryDoNotDisturb', deviceNumber: '1101' });
const REPLY = encodeReply({ kind: 'result', result: { type: 'doNotDisturb', state: 'off' } });

/** One request on one connection; resolves when the server closes. */
function oneRequest(port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const socket = connect({ host: '127.0.0.1', port }, () => socket.write(REQUEST));
    socket.on('data', () => {});
    socket.on('error', reject);
    socket.on('close', () => resolve());
  });
}

/** `clients` loops sending requests back to back for `ms`; returns requests per second. */
async function load(port: number, clients: number, ms: number): Promise<number> {
  let done = 0;
  const end = performance.now() + ms;
  const start = performance.now();
  await Promise.all(
    Array.from({ length: clients }, async () => {
      while (performance.now() < end) {
        await oneRequest(port);
        done++;
      }
    }),
  );
  return (done * 1000) / (performance.now() - start);
}

/** The baseline: reads until the request's closing tag, writes a fixed reply, closes. */
async function echoServer(): Promise<{ server: Server; port: number }> {
  const server = createServer({ allowHalfOpen: true }, (socket) => {
    let text = '';
    socket.on('data', (c: Buffer) => {
      text += c.toString('utf8');
      if (text.includes('</TelServiceRequest>')) socket.end(REPLY);
    });
    socket.on('error', () => {});
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  const addr = server.address();
  return { server, port: typeof addr === 'object' && addr ? addr.port : 0 };
}

async function throughputRows(): Promise<BenchRow[]> {
  const sim = await startSimulator({ port: 0 });
  const echo = await echoServer();
  try {
    await load(sim.port, 50, 500); // warm-up
    await load(echo.port, 50, 500);
    // Alternating one-second slices: the machine is shared, so both sides see the same load drift.
    let simRate = 0;
    let echoRate = 0;
    for (let i = 0; i < 5; i++) {
      simRate += (await load(sim.port, 50, 1000)) / 5;
      echoRate += (await load(echo.port, 50, 1000)) / 5;
    }
    return [
      {
        name: 'TCP requests/s, 50 clients (queryDoNotDisturb)',
        value: `${fmtInt(simRate)} req/s`,
        baseline: `${fmtInt(echoRate)} req/s (bare TCP echo)`,
        ratio: `${(simRate / echoRate).toFixed(2)}×`,
      },
    ];
  } finally {
    await new Promise((r) => echo.server.close(r));
    await sim.close();
  }
}

function searchRows(): { rows: BenchRow[]; notes: string[] } {
  const parties = generateDirectory({ entries: 100_000, seed: 42 });
  const t0 = performance.now();
  const dir = new Directory({ parties });
  const buildMs = performance.now() - t0;
  const folded = parties.map((p) => ({ p, name: fold(p.name ?? ''), company: fold(p.company ?? '') }));
  const queries = ['mar', 'jag', 'mül', 'gon', 'zo', 'acme', 'lefe', 'dvo', 'sch', 'unigone', 'ö', 'rod', 'tan', 'o b', 'qqq'];
  const timed: number[] = [];
  const scans: number[] = [];
  // Two separate loops: the scan's garbage must not trigger collections inside the timed searches.
  for (let round = 0; round < 40; round++) {
    for (const q of queries) {
      const t = performance.now();
      dir.searchName(q, { limit: 50 });
      timed.push(performance.now() - t);
    }
  }
  for (let round = 0; round < 10; round++) {
    for (const q of queries) {
      const t = performance.now();
      const key = fold(q);
      let hits = folded.filter((e) => e.name.startsWith(key));
      if (hits.length === 0) hits = folded.filter((e) => e.name.includes(` ${key}`));
      if (hits.length === 0) hits = folded.filter((e) => e.company.startsWith(key));
      hits.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0)).slice(0, 50);
      scans.push(performance.now() - t);
    }
  }
  const p99 = percentile(timed, 99);
  return {
    rows: [
      {
        name: 'searchName, 100,000 entries (limit 50)',
        value: `p50 ${fmtMicros(percentile(timed, 50))} / p99 ${fmtMicros(p99)}`,
        baseline: `p50 ${fmtMicros(percentile(scans, 50))} / p99 ${fmtMicros(percentile(scans, 99))} (linear scan)`,
        ratio: `${(percentile(scans, 50) / percentile(timed, 50)).toFixed(0)}× faster (p50)`,
        goal: 'p99 < 5 ms',
        met: p99 < 5,
      },
    ],
    notes: [`directory index built in ${buildMs.toFixed(0)} ms for ${fmtInt(parties.length)} entries`],
  };
}

async function udpSockets(count: number): Promise<UdpSocket[]> {
  return Promise.all(
    Array.from(
      { length: count },
      () =>
        new Promise<UdpSocket>((resolve) => {
          const s = createSocket('udp4');
          s.bind(0, '127.0.0.1', () => resolve(s));
        }),
    ),
  );
}

async function fanOutRows(): Promise<BenchRow[]> {
  const SESSIONS = 200;
  const devices = Array.from({ length: SESSIONS }, (_, i) => ({ number: String(3000 + i) }));
  const sim = await startSimulator({ port: 0, pbx: { devices } });
  const sockets = await udpSockets(SESSIONS);
  try {
    const { TelClient } = await import('../main/telservices/client');
    const { TcpTransport } = await import('../main/telservices/transport-tcp');
    const client = new TelClient(new TcpTransport({ host: '127.0.0.1', port: sim.port }));
    for (let i = 0; i < SESSIONS; i++) {
      await client.openSession({
        deviceNumber: (devices[i] as { number: string }).number,
        eventUDPPort: String((sockets[i] as UdpSocket).address().port),
      });
    }
    let received = 0;
    let onAll: () => void = () => {};
    for (const s of sockets) s.on('message', () => ++received === SESSIONS && onAll());
    const fanOut: number[] = [];
    for (let i = 0; i < 210; i++) {
      received = 0;
      const all = new Promise<void>((r) => (onAll = r));
      const t = performance.now();
      // One change, 200 datagrams: the PBX link state is announced to every session.
      sim.control.setFaults({ linkDown: i % 2 === 0 });
      await all;
      if (i >= 10) fanOut.push(performance.now() - t);
    }
    const oneWay = await rawUdpLatency(sockets[0] as UdpSocket);
    return [
      {
        name: `event fan-out to ${SESSIONS} sessions (until the last of ${SESSIONS} datagrams)`,
        value: `p50 ${fmtMicros(percentile(fanOut, 50))} / p99 ${fmtMicros(percentile(fanOut, 99))}`,
        baseline: `p50 ${fmtMicros(percentile(oneWay, 50))} / p99 ${fmtMicros(percentile(oneWay, 99))} (1 raw UDP datagram)`,
        ratio: `${(percentile(fanOut, 50) / percentile(oneWay, 50)).toFixed(0)}× (p50)`,
      },
    ];
  } finally {
    for (const s of sockets) s.close();
    await sim.close();
  }
}

async function rawUdpLatency(receiver: UdpSocket): Promise<number[]> {
  receiver.removeAllListeners('message');
  const sender = createSocket('udp4');
  const port = receiver.address().port;
  const out: number[] = [];
  for (let i = 0; i < 200; i++) {
    const t = performance.now();
    await new Promise<void>((resolve) => {
      receiver.once('message', () => resolve());
      sender.send(REPLY, port, '127.0.0.1');
    });
    if (i >= 20) out.push(performance.now() - t);
  }
  sender.close();
  return out;
}

export default async function (): Promise<BenchSection> {
  const search = searchRows();
  const rows = [...(await throughputRows()), ...search.rows, ...(await fanOutRows())];
  return { title: 'simulator', rows, notes: search.notes };
}
