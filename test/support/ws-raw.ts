/**
 * A WebSocket client at the byte level, to send frames no real client would: it performs the
 * upgrade by hand, writes hand-made frames, and parses what the server sends back (text frames and
 * the close frame with its code). Used by the web bridge tests and the fuzz bench.
 */
import { randomBytes } from 'node:crypto';
import { connect, type Socket } from 'node:net';

export interface FrameSpec {
  opcode: number;
  payload: Buffer;
  /** Clients must mask; false makes a protocol-invalid frame. */
  masked?: boolean;
  fin?: boolean;
  /** Announce this length instead of the payload's (a frame "over the limit" needs no real payload). */
  announcedLength?: number;
}

export function frame(spec: FrameSpec): Buffer {
  const masked = spec.masked ?? true;
  const length = spec.announcedLength ?? spec.payload.length;
  const head: number[] = [((spec.fin ?? true) ? 0x80 : 0) | (spec.opcode & 0x0f)];
  const maskBit = masked ? 0x80 : 0;
  if (length < 126) head.push(maskBit | length);
  else if (length < 65536) head.push(maskBit | 126, length >> 8, length & 0xff);
  else {
    const big = Buffer.alloc(8);
    big.writeBigUInt64BE(BigInt(length));
    head.push(maskBit | 127, ...big);
  }
  const key = masked ? randomBytes(4) : Buffer.alloc(0);
  const body = Buffer.from(spec.payload);
  if (masked) for (let i = 0; i < body.length; i += 1) body[i] = (body[i] as number) ^ (key[i % 4] as number);
  return Buffer.concat([Buffer.from(head), key, body]);
}

export function closeFrame(code: number, reason = ''): Buffer {
  const payload = Buffer.alloc(2 + Buffer.byteLength(reason));
  payload.writeUInt16BE(code, 0);
  payload.write(reason, 2);
  return frame({ opcode: 0x8, payload });
}

export interface ServerFrame {
  opcode: number;
  payload: Buffer;
}

/** Parses the server's (unmasked) frames from the front of `buf`; returns them and the rest. */
export function parseServerFrames(buf: Buffer): { frames: ServerFrame[]; rest: Buffer } {
  const frames: ServerFrame[] = [];
  let at = 0;
  for (;;) {
    if (buf.length - at < 2) break;
    const opcode = (buf[at] as number) & 0x0f;
    let length = (buf[at + 1] as number) & 0x7f;
    let start = at + 2;
    if (length === 126) {
      if (buf.length < start + 2) break;
      length = buf.readUInt16BE(start);
      start += 2;
    } else if (length === 127) {
      if (buf.length < start + 8) break;
      length = Number(buf.readBigUInt64BE(start));
      start += 8;
    }
    if (buf.length < start + length) break;
    frames.push({ opcode, payload: buf.subarray(start, start + length) });
    at = start + length;
  }
  return { frames, rest: buf.subarray(at) };
}

export interface RawWsClient {
  socket: Socket;
  frames: ServerFrame[];
  /** Resolves when the server closed the TCP connection. */
  ended: Promise<void>;
  /** The close frame's status code, once one arrived. */
  closeCode(): number | undefined;
}

export interface RawUpgrade {
  port: number;
  path: string;
  host?: string;
  origin?: string;
  timeoutMs?: number;
}

/** Upgrades by hand; rejects with the HTTP status line when the server refuses. */
export function rawWebSocket(opts: RawUpgrade): Promise<RawWsClient> {
  return new Promise((resolve, reject) => {
    const socket = connect(opts.port, '127.0.0.1');
    const frames: ServerFrame[] = [];
    let buf: Buffer = Buffer.alloc(0);
    let upgraded = false;
    let endedResolve: () => void = () => undefined;
    const ended = new Promise<void>((r) => (endedResolve = r));
    const timer = setTimeout(() => {
      socket.destroy();
      reject(new Error('upgrade timed out'));
    }, opts.timeoutMs ?? 3000);
    socket.on('error', () => undefined);
    socket.on('close', () => {
      clearTimeout(timer);
      endedResolve();
      if (!upgraded) reject(new Error(`closed before the upgrade: ${buf.toString('latin1').split('\r\n')[0] ?? ''}`));
    });
    socket.on('data', (chunk: Buffer) => {
      buf = Buffer.concat([buf, chunk]);
      if (!upgraded) {
        const end = buf.indexOf('\r\n\r\n');
        if (end < 0) return;
        const status = buf.subarray(0, buf.indexOf('\r\n')).toString('latin1');
        if (!status.includes(' 101 ')) {
          clearTimeout(timer);
          upgraded = true; // settled: the close handler must not reject again
          socket.destroy();
          reject(new Error(status));
          return;
        }
        upgraded = true;
        clearTimeout(timer);
        buf = buf.subarray(end + 4);
        resolve({ socket, frames, ended, closeCode: () => codeOf(frames) });
      }
      const parsed = parseServerFrames(buf);
      frames.push(...parsed.frames);
      buf = parsed.rest;
    });
    const host = opts.host ?? `127.0.0.1:${opts.port}`;
    socket.write(
      `GET ${opts.path} HTTP/1.1\r\nHost: ${host}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n` +
        `Sec-WebSocket-Key: ${randomBytes(16).toString('base64')}\r\nSec-WebSocket-Version: 13\r\n` +
        (opts.origin !== undefined ? `Origin: ${opts.origin}\r\n` : '') +
        '\r\n',
    );
  });
}

function codeOf(frames: readonly ServerFrame[]): number | undefined {
  const close = frames.find((f) => f.opcode === 0x8);
  return close && close.payload.length >= 2 ? close.payload.readUInt16BE(0) : undefined;
}
