/**
 * Bytes -> PDUs for TelServices (pure: no sockets, no timers).
 *
 * The protocol has no length prefix. A TCP reply is complete when its root element closes, when
 * the optional end-of-PDU sequence (a server setting) arrives, or when the server closes the
 * connection; a UDP datagram carries one event or several (separated by the end-of-PDU sequence,
 * or simply concatenated). We search for the delimiters in BYTES and decode UTF-8 only once a PDU
 * is whole, so a chunk boundary inside a multi-byte character or inside the closing tag is harmless.
 */
import { CtiError } from '../../common/errors';

export const DEFAULT_MAX_PDU_BYTES = 16 * 1024 * 1024;

export interface FramingOptions {
  /** The server's end-of-PDU sequence (e.g. "\n", "\0", "<EOP>"); absent or empty when not configured. */
  endOfPdu?: string;
  /** Refuse a PDU (or datagram) larger than this: a peer that never closes its root must not eat memory. */
  maxBytes?: number;
}

export interface AssemblerOptions extends FramingOptions {
  /** The root element whose closing tag ends the PDU. Default: TelServiceReturn (a reply). */
  rootName?: string;
}

const WS = new Set([0x20, 0x09, 0x0a, 0x0d]);
const GT = 0x3e;

/**
 * Where the closing tag `</root` + optional whitespace + `>` ends (index just past `>`), searching
 * from `from`; `{ pending }` when a candidate runs off the end of the data (wait for more bytes).
 */
export function findClosingTag(
  data: Buffer,
  closeStart: Buffer,
  from: number,
): { end: number } | { pending: number } | null {
  let at = data.indexOf(closeStart, from);
  while (at >= 0) {
    let i = at + closeStart.length;
    while (i < data.length && WS.has(data[i] as number)) i++;
    if (i >= data.length) return { pending: at };
    if (data[i] === GT) return { end: i + 1 };
    at = data.indexOf(closeStart, at + 1);
  }
  return null;
}

/** Incremental assembler of one PDU from TCP chunks. */
export class PduAssembler {
  private buf: Buffer = Buffer.alloc(0);
  private len = 0;
  /** Where the next delimiter searches start: no match can begin earlier (those bytes were searched). */
  private eopScan = 0;
  private closeScan = 0;
  private pdu: string | null = null;
  private readonly eop: Buffer | null;
  private readonly closeStart: Buffer;
  private readonly maxBytes: number;

  constructor(opts: AssemblerOptions = {}) {
    this.eop = opts.endOfPdu ? Buffer.from(opts.endOfPdu, 'utf8') : null;
    this.closeStart = Buffer.from(`</${opts.rootName ?? 'TelServiceReturn'}`, 'utf8');
    this.maxBytes = opts.maxBytes ?? DEFAULT_MAX_PDU_BYTES;
  }

  /** True once a complete PDU was found. */
  get complete(): boolean {
    return this.pdu !== null;
  }

  /** Bytes received so far (until completion). */
  get size(): number {
    return this.len;
  }

  /**
   * Adds a chunk. Returns the PDU text the first time it is complete, null otherwise (bytes after a
   * complete PDU are ignored: one request, one reply). Throws CtiError('malformedReply') when the
   * PDU would exceed the size limit.
   */
  push(chunk: Buffer): string | null {
    if (this.pdu !== null || chunk.length === 0) return null;
    this.append(chunk);
    const data = this.buf.subarray(0, this.len);
    let endAt = -1;
    if (this.eop) {
      const at = data.indexOf(this.eop, this.eopScan);
      if (at >= 0) endAt = at;
      else this.eopScan = Math.max(0, this.len - this.eop.length + 1);
    }
    const close = findClosingTag(data, this.closeStart, this.closeScan);
    if (close && 'end' in close) endAt = endAt >= 0 ? Math.min(endAt, close.end) : close.end;
    else this.closeScan = close ? close.pending : Math.max(0, this.len - this.closeStart.length + 1);
    if (endAt >= 0) {
      this.pdu = data.subarray(0, endAt).toString('utf8');
      return this.pdu;
    }
    if (this.len > this.maxBytes) {
      throw new CtiError('malformedReply', `reply larger than ${this.maxBytes} bytes without an end`, {
        bytes: this.len,
      });
    }
    return null;
  }

  /** The peer closed: the complete PDU if any, else whatever arrived (the codec decides if it is usable). */
  end(): string {
    if (this.pdu !== null) return this.pdu;
    let data = this.buf.subarray(0, this.len);
    // A trailing partial end-of-PDU sequence is not part of the XML.
    if (this.eop) {
      for (let k = Math.min(this.eop.length - 1, data.length); k > 0; k--) {
        if (data.subarray(data.length - k).equals(this.eop.subarray(0, k))) {
          data = data.subarray(0, data.length - k);
          break;
        }
      }
    }
    return data.toString('utf8');
  }

  private append(chunk: Buffer): void {
    const need = this.len + chunk.length;
    if (need > this.buf.length) {
      const grown = Buffer.allocUnsafe(Math.max(need, this.buf.length * 2, 4096));
      this.buf.copy(grown, 0, 0, this.len);
      this.buf = grown;
    }
    chunk.copy(this.buf, this.len);
    this.len = need;
  }
}

const EVENT_CLOSE = Buffer.from('</TelServiceEvent', 'utf8');

/**
 * One UDP datagram -> the PDUs it carries. With an end-of-PDU sequence: split on it. Without:
 * split after each `</TelServiceEvent>`. Whitespace-only pieces are dropped; any other leftover is
 * returned as a piece so the codec reports it (a datagram is never silently half-read).
 */
export function splitDatagram(datagram: Buffer, opts: FramingOptions = {}): string[] {
  const maxBytes = opts.maxBytes ?? DEFAULT_MAX_PDU_BYTES;
  if (datagram.length > maxBytes) {
    throw new CtiError('malformedReply', `datagram larger than ${maxBytes} bytes`, { bytes: datagram.length });
  }
  const pieces: Buffer[] = [];
  if (opts.endOfPdu) {
    const eop = Buffer.from(opts.endOfPdu, 'utf8');
    let start = 0;
    for (let at = datagram.indexOf(eop); at >= 0; at = datagram.indexOf(eop, start)) {
      pieces.push(datagram.subarray(start, at));
      start = at + eop.length;
    }
    pieces.push(datagram.subarray(start));
  } else {
    // Fast path, the usual datagram: one event, maybe trailing whitespace.
    const first = findClosingTag(datagram, EVENT_CLOSE, 0);
    if (first && 'end' in first && isBlank(datagram, first.end)) {
      return [datagram.toString('utf8', 0, first.end).trim()];
    }
    let start = 0;
    for (;;) {
      const close = findClosingTag(datagram, EVENT_CLOSE, start);
      if (!close || !('end' in close)) break;
      pieces.push(datagram.subarray(start, close.end));
      start = close.end;
    }
    pieces.push(datagram.subarray(start));
  }
  return pieces.map((p) => p.toString('utf8').trim()).filter((s) => s !== '');
}

function isBlank(data: Buffer, from: number): boolean {
  for (let i = from; i < data.length; i++) if (!WS.has(data[i] as number)) return false;
  return true;
}
