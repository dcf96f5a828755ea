/**
 * Test harness for the simulator over real loopback sockets: the product's own client (TelClient
 * over TCP or HTTP) and UDP listener against a simulator on an OS-chosen port, plus a raw TCP
 * helper for what a typed client cannot send (bad XML, half requests, long-polls by hand).
 */
import { connect } from 'node:net';
import { CtiError } from '../../../common/errors';
import type { TelEvent } from '../../../common/telservices/events';
import { valueName } from '../../../common/telservices/enums';
import { TelClient } from '../../../main/telservices/client';
import { UdpEventListener } from '../../../main/telservices/events';
import { TcpTransport } from '../../../main/telservices/transport-tcp';
import { HttpTransport } from '../../../main/telservices/transport-http';
import { startSimulator, type RunningSimulator, type SimulatorOptions } from '../../../main/simulator/index';

export interface Harness {
  sim: RunningSimulator;
  tcp: TelClient;
  http: TelClient;
  /** A UDP listener that records every event it receives. */
  listen(): Promise<EventLog>;
  close(): Promise<void>;
}

export class EventLog {
  readonly events: TelEvent[] = [];
  private waiters: Array<() => void> = [];
  constructor(readonly listener: UdpEventListener) {
    listener.onEvent((e) => {
      this.events.push(e);
      for (const w of this.waiters) w();
    });
  }
  get port(): string {
    return String(this.listener.port);
  }
  /** Resolves once `count` events matching `pred` arrived (rejects after timeoutMs). */
  waitFor(pred: (e: TelEvent) => boolean, count = 1, timeoutMs = 3000): Promise<TelEvent[]> {
    return new Promise((resolve, reject) => {
      const check = (): boolean => {
        const found = this.events.filter(pred);
        if (found.length < count) return false;
        this.waiters = this.waiters.filter((w) => w !== onEvent);
        clearTimeout(timer);
        resolve(found);
        return true;
      };
      const onEvent = (): void => void check();
      const timer = setTimeout(() => {
        this.waiters = this.waiters.filter((w) => w !== onEvent);
        reject(new Error(`timed out waiting for ${count} events; got ${JSON.stringify(this.events)}`));
      }, timeoutMs);
      if (!check()) this.waiters.push(onEvent);
    });
  }
}

export async function harness(options: SimulatorOptions = {}): Promise<Harness> {
  const sim = await startSimulator({ port: 0, ...options });
  const endOfPdu = options.endOfPdu;
  const base = { host: '127.0.0.1', port: sim.port, replyTimeoutMs: 3000, ...(endOfPdu ? { endOfPdu } : {}) };
  const logs: EventLog[] = [];
  return {
    sim,
    tcp: new TelClient(new TcpTransport(base)),
    http: new TelClient(new HttpTransport({ host: '127.0.0.1', port: sim.port, replyTimeoutMs: 3000 })),
    async listen() {
      const log = new EventLog(await UdpEventListener.start(endOfPdu ? { endOfPdu } : {}));
      logs.push(log);
      return log;
    },
    async close() {
      await Promise.all(logs.map((l) => l.listener.close()));
      await sim.close();
    },
  };
}

/** Writes raw bytes on one TCP connection and resolves with everything the server sent before closing. */
export function rawTcp(
  port: number,
  data: string | string[],
  opts: { end?: boolean; timeoutMs?: number; gapMs?: number } = {},
): Promise<{ text: string; closed: boolean }> {
  return new Promise((resolve, reject) => {
    const socket = connect({ host: '127.0.0.1', port });
    const chunks: Buffer[] = [];
    const timer = setTimeout(() => {
      socket.destroy();
      resolve({ text: Buffer.concat(chunks).toString('utf8'), closed: false });
    }, opts.timeoutMs ?? 3000);
    socket.on('data', (c: Buffer) => chunks.push(c));
    socket.on('error', (e) => {
      clearTimeout(timer);
      reject(e);
    });
    socket.on('close', () => {
      clearTimeout(timer);
      resolve({ text: Buffer.concat(chunks).toString('utf8'), closed: true });
    });
    const pieces = typeof data === 'string' ? [data] : data;
    const writeFrom = (i: number): void => {
      if (i >= pieces.length) {
        if (opts.end) socket.end();
        return;
      }
      socket.write(pieces[i] as string);
      setTimeout(() => writeFrom(i + 1), opts.gapMs ?? 20);
    };
    writeFrom(0);
  });
}

/** The code of the CtiError `p` rejects with (anything else that it throws is rethrown; resolving fails). */
export async function errorCode(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (e) {
    if (e instanceof CtiError) return e.code;
    throw e;
  }
  throw new Error('expected a CtiError');
}

/** The call states in a list of call events, as "prim" or "prim/sec". */
export function callStates(events: readonly TelEvent[]): string[] {
  return events.flatMap((e) =>
    e.type === 'call'
      ? [[e.call.primCall?.state, e.call.secCall?.state].flatMap((s) => (s === undefined ? [] : [valueName(s)])).join('/')]
      : [],
  );
}
