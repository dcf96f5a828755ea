import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CtiError } from '../../../common/errors';
import { PduAssembler, splitDatagram } from '../../../main/telservices/framing';

/** Replies of the spec, inline (the codec's fixtures, when present, are added below). */
const INLINE_REPLIES: Record<string, string> = {
  standard: '<TelServiceReturn>\n  <result>\n    <standard/>\n  </result>\n</TelServiceReturn>',
  noCall: '<TelServiceReturn>\n  <error>\n    <noCall/>\n  </error>\n</TelServiceReturn>',
  qualifyCall:
    '<TelServiceReturn>\n  <result>\n    <qualifyCall>\n      <number>1101</number>\n    </qualifyCall>\n  </result>\n</TelServiceReturn>',
  agent:
    '<TelServiceReturn>\n  <result>\n    <agent>\n      <state><workingAfterCall/></state>\n      <timeout>30</timeout>\n      <inboundServices><service>service1</service></inboundServices>\n      <permittedStates><ready/><notReady/><workingAfterCall/></permittedStates>\n    </agent>\n  </result>\n</TelServiceReturn>',
  searchNameUtf8:
    '<TelServiceReturn><result><searchDirectory><party><number>+0033 1102</number><name>Zoë Müller 日本 😀</name><company>uniGone</company></party></searchDirectory></result></TelServiceReturn>',
  snapshot:
    '<TelServiceReturn>\n  <result>\n    <snapshot>\n      <calls>\n        <call>\n          <id>1</id>\n          <primCall>\n            <state>\n              <alerting/>\n            </state>\n            <otherParty>\n              <number>1101</number>\n            </otherParty>\n            <duration>0</duration>\n            <isOutgoing>\n              <false/>\n            </isOutgoing>\n            <isConference>\n              <false/>\n            </isConference>\n          </primCall>\n          <permittedServices>\n            <answerCall/>\n            <divertCall/>\n          </permittedServices>\n        </call>\n      </calls>\n      <forwards/>\n      <msgWaiting>\n        <off/>\n      </msgWaiting>\n      <doNotDisturb>\n        <off/>\n      </doNotDisturb>\n    </snapshot>\n  </result>\n</TelServiceReturn>',
};

function specReplies(): Array<[string, string]> {
  const out = Object.entries(INLINE_REPLIES);
  const dir = join(import.meta.dirname, '../../fixtures/spec');
  if (existsSync(dir)) {
    for (const f of readdirSync(dir).filter((n) => n.endsWith('.xml'))) {
      const text = readFileSync(join(dir, f), 'utf8').trim();
      if (text.startsWith('<TelServiceReturn>') && text.endsWith('</TelServiceReturn>')) out.push([f, text]);
    }
  }
  return out;
}

function assemble(chunks: Buffer[], endOfPdu?: string): { pdu: string | null; a: PduAssembler } {
  const a = new PduAssembler(endOfPdu ? { endOfPdu } : {});
  let pdu: string | null = null;
  for (const c of chunks) {
    const r = a.push(c);
    if (r !== null) {
      expect(pdu).toBeNull();
      pdu = r;
    }
  }
  return { pdu, a };
}

describe('PduAssembler', () => {
  for (const [name, xml] of specReplies()) {
    it(`${name}: split at every offset into two chunks, without and with EOP`, () => {
      for (const eop of [undefined, '\0', '<EOP>']) {
        const bytes = Buffer.from(xml + (eop ?? ''), 'utf8');
        for (let i = 0; i <= bytes.length; i++) {
          const { pdu } = assemble([bytes.subarray(0, i), bytes.subarray(i)], eop);
          expect(pdu, `offset ${i} eop ${JSON.stringify(eop)}`).toBe(xml);
        }
      }
    });

    it(`${name}: random splits into many chunks`, () => {
      const bytes = Buffer.from(xml + '<EOP>', 'utf8');
      fc.assert(
        fc.property(fc.uniqueArray(fc.integer({ min: 1, max: bytes.length - 1 }), { maxLength: 40 }), fc.boolean(), (cuts, useEop) => {
          const input = useEop ? bytes : bytes.subarray(0, bytes.length - 5);
          const sorted = [...cuts].filter((c) => c < input.length).sort((x, y) => x - y);
          const chunks: Buffer[] = [];
          let prev = 0;
          for (const c of [...sorted, input.length]) {
            chunks.push(input.subarray(prev, c));
            prev = c;
          }
          expect(assemble(chunks, useEop ? '<EOP>' : undefined).pdu).toBe(xml);
        }),
        { numRuns: 200 },
      );
    });
  }

  it('a "\\n" end-of-PDU completes a compact reply even without its closing tag', () => {
    const truncated = '<TelServiceReturn><result><userStatistics><total><start>2011-01-01T00:00:00</start></total></userStatistics></result>';
    const bytes = Buffer.from(truncated + '\n', 'utf8');
    for (let i = 0; i <= bytes.length; i++) {
      expect(assemble([bytes.subarray(0, i), bytes.subarray(i)], '\n').pdu).toBe(truncated);
    }
  });

  it('without EOP, a reply lacking its closing tag is incomplete and end() yields it', () => {
    const truncated = '<TelServiceReturn><result><standard/></result>';
    const { pdu, a } = assemble([Buffer.from(truncated)]);
    expect(pdu).toBeNull();
    expect(a.complete).toBe(false);
    expect(a.end()).toBe(truncated);
  });

  it('end() drops a trailing partial end-of-PDU sequence and returns the PDU once complete', () => {
    const a = new PduAssembler({ endOfPdu: '<EOP>' });
    expect(a.push(Buffer.from('<TelServiceReturn><result><standard/></result><EO'))).toBeNull();
    expect(a.end()).toBe('<TelServiceReturn><result><standard/></result>');
    const b = new PduAssembler();
    b.push(Buffer.from(INLINE_REPLIES.standard as string));
    expect(b.end()).toBe(INLINE_REPLIES.standard);
  });

  it('accepts whitespace inside the closing tag, even split across chunks', () => {
    const xml = '<TelServiceReturn><result><standard/></result></TelServiceReturn \n>';
    const bytes = Buffer.from(xml);
    for (let i = 0; i <= bytes.length; i++) {
      expect(assemble([bytes.subarray(0, i), bytes.subarray(i)]).pdu).toBe(xml);
    }
  });

  it('does not mistake a longer element name for the closing tag', () => {
    const a = new PduAssembler();
    expect(a.push(Buffer.from('<TelServiceReturn><x></TelServiceReturnX></x>'))).toBeNull();
    expect(a.push(Buffer.from('</TelServiceReturn>'))).toBe('<TelServiceReturn><x></TelServiceReturnX></x></TelServiceReturn>');
  });

  it('ignores bytes after the complete PDU', () => {
    const a = new PduAssembler();
    expect(a.push(Buffer.from(`${INLINE_REPLIES.standard}\n<garbage`))).toBe(INLINE_REPLIES.standard);
    expect(a.push(Buffer.from('more'))).toBeNull();
    expect(a.end()).toBe(INLINE_REPLIES.standard);
  });

  it('byte-by-byte delivery of a multi-byte reply decodes every character', () => {
    const xml = INLINE_REPLIES.searchNameUtf8 as string;
    const bytes = Buffer.from(xml);
    const chunks = [...bytes].map((b) => Buffer.from([b]));
    expect(assemble(chunks).pdu).toBe(xml);
  });

  it('refuses a PDU over the size limit with malformedReply', () => {
    const a = new PduAssembler({ maxBytes: 64 });
    a.push(Buffer.alloc(60, 0x20));
    let caught: unknown;
    try {
      a.push(Buffer.alloc(10, 0x20));
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(CtiError);
    expect((caught as CtiError).code).toBe('malformedReply');
  });

  it('can assemble requests too (rootName), for servers', () => {
    const a = new PduAssembler({ rootName: 'TelServiceRequest' });
    const req = '<TelServiceRequest><makeCall><deviceNumber>1101</deviceNumber></makeCall></TelServiceRequest>';
    expect(a.push(Buffer.from(req))).toBe(req);
  });
});

const EV1 = '<TelServiceEvent><event><doNotDisturb><on/></doNotDisturb></event></TelServiceEvent>';
const EV2 = '<TelServiceEvent>\n  <deviceNumber>+0033</deviceNumber>\n  <event><msgWaiting><off/></msgWaiting></event>\n</TelServiceEvent>';

function specEvents(): string[] {
  const dir = join(import.meta.dirname, '../../fixtures/spec');
  const inline = [EV1, EV2];
  if (!existsSync(dir)) return inline;
  return [
    ...inline,
    ...readdirSync(dir)
      .filter((n) => n.startsWith('event-') && n.endsWith('.xml'))
      .map((f) => readFileSync(join(dir, f), 'utf8').trim()),
  ];
}

describe('splitDatagram', () => {
  it('every spec event, all in one datagram, comes back one by one (with and without EOP)', () => {
    const events = specEvents();
    expect(splitDatagram(Buffer.from(events.join('\n')))).toEqual(events);
    expect(splitDatagram(Buffer.from(events.join('')))).toEqual(events);
    expect(splitDatagram(Buffer.from(events.join('<EOP>') + '<EOP>'), { endOfPdu: '<EOP>' })).toEqual(events);
    for (const e of events) expect(splitDatagram(Buffer.from(e), { endOfPdu: '\0' })).toEqual([e]);
  });

  it('one event per datagram', () => {
    expect(splitDatagram(Buffer.from(EV1))).toEqual([EV1]);
    expect(splitDatagram(Buffer.from(`${EV2}\n`))).toEqual([EV2]);
  });

  it('several concatenated events without EOP', () => {
    expect(splitDatagram(Buffer.from(`${EV1}${EV2}\n${EV1}`))).toEqual([EV1, EV2, EV1]);
  });

  it('several events separated by an end-of-PDU sequence', () => {
    for (const eop of ['\0', '<EOP>', '\n']) {
      const compact = EV2.replace(/\n\s*/g, '');
      expect(splitDatagram(Buffer.from(`${EV1}${eop}${compact}${eop}`), { endOfPdu: eop })).toEqual([EV1, compact]);
    }
  });

  it('returns a trailing non-event leftover so the decoder can report it; drops whitespace', () => {
    expect(splitDatagram(Buffer.from(`${EV1}<TelServiceEv`))).toEqual([EV1, '<TelServiceEv']);
    expect(splitDatagram(Buffer.from('  \n'))).toEqual([]);
    expect(splitDatagram(Buffer.from('garbage'))).toEqual(['garbage']);
  });

  it('refuses a datagram over the size limit', () => {
    expect(() => splitDatagram(Buffer.alloc(100, 0x20), { maxBytes: 10 })).toThrow(CtiError);
  });
});
