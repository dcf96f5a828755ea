/**
 * Hostile inputs for the fuzz bench, from a seeded generator (the same run every time): random
 * bytes, truncations of valid PDUs, deep nesting, DOCTYPE and entities, huge text, unknown values,
 * and for WebSocket the frames RFC 6455 forbids.
 */
import { closeFrame, frame } from '../test/support/ws-raw';

/** mulberry32: small, fast, seeded. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export type Rand = () => number;
const int = (r: Rand, n: number): number => Math.floor(r() * n);

export const VALID_EVENT =
  '<TelServiceEvent><deviceNumber>1101</deviceNumber><event><call><id>1</id><primCall><state><alerting/></state>' +
  '<otherParty><number>0612</number></otherParty><duration>0</duration><isOutgoing><false/></isOutgoing><isConference><false/>' +
  '</isConference></primCall><permittedServices><answerCall/></permittedServices></call></event></TelServiceEvent>';
export const VALID_REPLY =
  '<TelServiceReturn><result><snapshot><calls/><forwards/><msgWaiting><off/></msgWaiting><doNotDisturb><off/></doNotDisturb></snapshot></result></TelServiceReturn>';

function randomBytes(r: Rand, max: number): Buffer {
  const b = Buffer.alloc(1 + int(r, max));
  for (let i = 0; i < b.length; i++) b[i] = int(r, 256);
  return b;
}

function nested(depth: number, root: string): string {
  return `<${root}>${'<a>'.repeat(depth)}x${'</a>'.repeat(depth)}</${root}>`;
}

const BOMB =
  '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">' +
  '<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;"><!ENTITY xxe SYSTEM "file:///etc/passwd">]>';

/** One hostile XML-ish PDU built around `valid` (an event or a reply), at most ~`maxText` bytes of text. */
export function hostilePdu(r: Rand, valid: string, root: string, maxText: number): Buffer {
  switch (int(r, 9)) {
    case 0:
      return randomBytes(r, 512);
    case 1:
      return Buffer.from(valid.slice(0, int(r, valid.length)));
    case 2:
      return Buffer.from(nested(100 + int(r, 5000), root));
    case 3:
      return Buffer.from(`${BOMB}<${root}>&lol3;&xxe;</${root}>`);
    case 4:
      return Buffer.from(valid.replace('<number>0612</number>', `<number>${'9'.repeat(int(r, maxText))}</number>`));
    case 5:
      return Buffer.from(valid.replace(/<(alerting|off)\/>/, '<fromTheFuture/>'));
    case 6: {
      const b = Buffer.from(valid);
      for (let i = 0; i < 4; i++) b[int(r, b.length)] = int(r, 256);
      return b;
    }
    case 7:
      return Buffer.from(valid.replace('<id>1</id>', `<id>${'<id>'.repeat(50)}`));
    default:
      return Buffer.from(`${valid}${valid}<${root}><unclosed>`);
  }
}

/** A hostile client frame (masked or not, oversize, bad UTF-8, bad opcodes, bad close codes, junk commands). */
export function hostileFrame(r: Rand): Buffer {
  const junkJson = (): string =>
    [
      '{"id":1,"command":"dial","args":{"number":"' + 'x'.repeat(int(r, 2000)) + '"}}',
      '{"id":2,"command":"__proto__","args":{"constructor":{"prototype":{"x":1}}}}',
      `{"id":3,"command":"getState","args":${'['.repeat(2000)}}`,
      '{"id":4,"command":"setSettings","args":{"serverPort":-1}}',
      '{"id":5.5,"command":"getState"}',
      'not json',
      '[]',
    ][int(r, 7)] as string;
  switch (int(r, 10)) {
    case 0:
      return frame({ opcode: 0x1, payload: Buffer.alloc(0), announcedLength: 64 * 1024 + 1 + int(r, 1 << 20) });
    case 1:
      return frame({ opcode: 0x1, payload: Buffer.from([0x7b, 0xc3, 0x28, 0xff]) });
    case 2:
      return frame({ opcode: 0x1, payload: Buffer.from('{}'), masked: false });
    case 3:
      return closeFrame([0, 999, 1004, 1005, 1006, 1015, 2999, 5000][int(r, 8)] as number);
    case 4:
      return frame({ opcode: [0x3, 0x4, 0x5, 0xb, 0xf][int(r, 5)] as number, payload: Buffer.from('x') });
    case 5:
      return frame({ opcode: 0x9, payload: Buffer.alloc(126) }); // control frame over 125 bytes
    case 6:
      return frame({ opcode: 0x0, payload: Buffer.from('continuation without a start') });
    case 7:
      return frame({ opcode: 0x2, payload: randomBytes(r, 256) });
    case 8:
      return randomBytes(r, 64);
    default:
      return frame({ opcode: 0x1, payload: Buffer.from(junkJson()) });
  }
}
