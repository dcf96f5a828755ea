/**
 * Hostile and sloppy input: injection, limits, DOCTYPE, truncation at every offset, garbage,
 * unknown elements and values. Decoding either gives the right message or throws
 * CtiError('malformedReply'); never another error, never a hang, never a wrong object.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CtiError } from '../../../common/errors';
import type { TelEvent } from '../../../common/telservices/events';
import { decodeEvent, decodeReply, decodeRequest, encodeEvent, encodeRequest } from '../../../main/telservices/codec';
import { compactXml, specFixture, specFixtureNames } from '../../support/spec-fixtures';

/** Runs `fn`; returns the CtiError it threw, failing the test on anything else (or on success). */
function malformed(fn: () => unknown): CtiError {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(CtiError);
    expect((err as CtiError).code).toBe('malformedReply');
    return err as CtiError;
  }
  throw new Error('expected a malformedReply CtiError, but decoding succeeded');
}

const CALL_EVENTS = specFixtureNames('event').filter((n) => n.startsWith('event-call-'));
const ALERTING = compactXml(specFixture('event-call-example5-1'));

describe('codec: injection', () => {
  it('keeps an element-shaped userID as text', () => {
    const userID = '</userID><clientOnly><true/></clientOnly><userID>';
    const xml = encodeRequest({ type: 'closeSession', deviceNumber: '1101', ...{ userID } } as never);
    // closeSession has no userID: the field is not written at all.
    expect(xml).toBe('<TelServiceRequest><closeSession><deviceNumber>1101</deviceNumber></closeSession></TelServiceRequest>');
    const open = encodeRequest({ type: 'openSession', deviceNumber: '1101', userID });
    expect(open).not.toContain('<clientOnly>');
    expect(decodeRequest(open)).toEqual({ type: 'openSession', deviceNumber: '1101', userID });
  });

  it('keeps markup, entities and CDATA terminators in a party name as text', () => {
    const name = '<b>Bob</b> & "Al" ]]> &amp; &#x20;';
    const event: TelEvent = {
      type: 'call',
      call: { id: '1', primCall: { state: 'alerting', otherParty: { number: '1101', name }, duration: '0', isOutgoing: false, isConference: false } },
    };
    const xml = encodeEvent(event);
    expect(xml).not.toContain('<b>');
    expect(decodeEvent(xml)).toEqual(event);
  });
});

describe('codec: limits and declarations', () => {
  it('rejects 10,000 levels of nesting quickly', () => {
    const deep = `<TelServiceEvent>${'<a>'.repeat(10_000)}${'</a>'.repeat(10_000)}</TelServiceEvent>`;
    expect(malformed(() => decodeEvent(deep)).message).toMatch(/nested deeper than 64/);
    expect(malformed(() => decodeEvent('<a>'.repeat(10_000))).message).toMatch(/nested deeper than 64/);
  });

  it('rejects a 20 MiB document without parsing it', () => {
    const big = `<TelServiceEvent><deviceNumber>${'1'.repeat(20 * 1024 * 1024)}</deviceNumber></TelServiceEvent>`;
    expect(malformed(() => decodeEvent(big)).message).toMatch(/too large/);
  });

  it('rejects a DOCTYPE with entities (billion laughs) before expanding anything', () => {
    const lol = [
      '<?xml version="1.0"?>',
      '<!DOCTYPE TelServiceEvent [',
      '<!ENTITY lol "lol">',
      ...Array.from({ length: 9 }, (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i === 0 ? '' : i};`.repeat(10)}">`),
      ']>',
      '<TelServiceEvent><deviceNumber>&lol9;</deviceNumber><event><doNotDisturb><on/></doNotDisturb></event></TelServiceEvent>',
    ].join('\n');
    expect(malformed(() => decodeEvent(lol)).message).toMatch(/DOCTYPE/);
    const sneaky = '<!DOCTYPE x [<!ENTITY dn "1101">]><TelServiceEvent><deviceNumber>&dn;</deviceNumber><event><msgWaiting><on/></msgWaiting></event></TelServiceEvent>';
    malformed(() => decodeEvent(sneaky));
    malformed(() => decodeEvent('<TelServiceEvent><!ENTITY x "y"><event><msgWaiting><on/></msgWaiting></event></TelServiceEvent>'));
  });

  it('decodes a text of many bare "&" in linear time (the test timeout catches a quadratic scan)', () => {
    const amps = `${'&'.repeat(2 * 1024 * 1024)};`;
    const xml = `<TelServiceEvent><deviceNumber>${amps}</deviceNumber><event><msgWaiting><on/></msgWaiting></event></TelServiceEvent>`;
    expect(decodeEvent(xml).deviceNumber).toBe(amps);
  });

  it('leaves an undeclared entity reference as written, and refuses a reference to a non-XML character', () => {
    const xml = '<TelServiceEvent><deviceNumber>&dn; &#x31;&#48;</deviceNumber><event><msgWaiting><on/></msgWaiting></event></TelServiceEvent>';
    expect(decodeEvent(xml)).toEqual({ type: 'msgWaiting', state: 'on', deviceNumber: '&dn; 10' });
    malformed(() => decodeEvent(xml.replace('&#48;', '&#0;')));
  });
});

describe('codec: truncated documents', () => {
  it.each(CALL_EVENTS)('%s: no strict prefix decodes (compact and as printed)', (name) => {
    for (const full of [compactXml(specFixture(name)), specFixture(name)]) {
      expect(decodeEvent(full).type).toBe('call');
      for (let end = 0; end < full.length; end++) malformed(() => decodeEvent(full.slice(0, end)));
    }
  });

  it('no strict prefix of a reply decodes either', () => {
    const full = compactXml(specFixture('reply-snapshot-1'));
    for (let end = 0; end < full.length; end++) malformed(() => decodeReply(full.slice(0, end)));
  });
});

describe('codec: not XML, not well-formed, wrong root', () => {
  it.each([
    ['empty', ''],
    ['blank', '  \n '],
    ['text', 'hello'],
    ['JSON', '{"type":"call"}'],
    ['HTML', '<!doctype html><html><body>502 Bad Gateway</body></html>'],
    ['a lone <', '<'],
    ['mismatched tags', '<TelServiceEvent><event><msgWaiting><on/></event></msgWaiting></TelServiceEvent>'],
    ['a stray closing tag', '<TelServiceEvent></event></TelServiceEvent>'],
    ['two roots', '<TelServiceEvent><event><msgWaiting><on/></msgWaiting></event></TelServiceEvent><TelServiceEvent/>'],
    ['text after the root', '<TelServiceEvent><event><msgWaiting><on/></msgWaiting></event></TelServiceEvent>trailing'],
    ['a bad tag', '<TelServiceEvent><event>< msgWaiting><on/></msgWaiting></event></TelServiceEvent>'],
    ['an unquoted attribute', '<TelServiceEvent a=1><event><msgWaiting><on/></msgWaiting></event></TelServiceEvent>'],
    ['an unclosed comment', '<TelServiceEvent><!-- <event>'],
    ['a NUL byte tag', '<TelServiceEvent>\u0000</TelServiceEvent\u0000>'],
  ])('%s', (_label, xml) => {
    malformed(() => decodeEvent(xml));
  });

  it('rejects a message of another kind (wrong root), naming both roots', () => {
    expect(malformed(() => decodeEvent(specFixture('reply-standard-1'))).message).toBe(
      'TelServiceEvent: wrong root <TelServiceReturn>, expected <TelServiceEvent>',
    );
    malformed(() => decodeReply(specFixture('event-session-1')));
    malformed(() => decodeRequest(specFixture('reply-qualifyCall-1')));
  });

  it('rejects a value that is not a string', () => {
    malformed(() => decodeEvent(undefined as unknown as string));
    malformed(() => decodeReply(42 as unknown as string));
  });

  it('accepts an XML declaration, a byte-order mark, comments, CRLF and (ignored) attributes', () => {
    const xml =
      '\uFEFF<?xml version="1.0" encoding="UTF-8"?>\r\n<!-- from a newer server -->\r\n' +
      '<TelServiceEvent version="2"><deviceNumber>1101</deviceNumber><!-- c --><event><msgWaiting a=\'>\'><on/></msgWaiting></event></TelServiceEvent>\r\n';
    expect(decodeEvent(xml)).toEqual({ type: 'msgWaiting', state: 'on', deviceNumber: '1101' });
  });

  it('reads CDATA content as text', () => {
    const xml = '<TelServiceReturn><result><qualifyCall><number>1101</number><name><![CDATA[Bob <&> Blake]]></name></qualifyCall></result></TelServiceReturn>';
    expect(decodeReply(xml)).toEqual({ kind: 'result', result: { type: 'qualifyCall', number: '1101', name: 'Bob <&> Blake' } });
  });
});

describe('codec: missing, duplicated, unknown', () => {
  it('names the path of a missing required element', () => {
    expect(malformed(() => decodeEvent(ALERTING.replace('<id>1</id>', ''))).message).toBe('event/call: missing <id>');
    expect(malformed(() => decodeEvent(ALERTING.replace(/<duration>0<\/duration>/, ''))).message).toBe('event/call/primCall: missing <duration>');
    expect(malformed(() => decodeEvent('<TelServiceEvent><deviceNumber>1</deviceNumber></TelServiceEvent>')).message).toBe(
      'TelServiceEvent: missing <event>',
    );
    malformed(() => decodeReply('<TelServiceReturn/>'));
    malformed(() => decodeRequest('<TelServiceRequest><makeCall><deviceNumber>1</deviceNumber></makeCall></TelServiceRequest>'));
  });

  it('treats elements named like Object.prototype members as unknown elements (no pollution)', () => {
    const xml =
      '<TelServiceEvent><__proto__><polluted>1</polluted></__proto__><prototype/><event><msgWaiting>' +
      '<toString/><on/><valueOf/></msgWaiting></event><hasOwnProperty>x</hasOwnProperty></TelServiceEvent>';
    expect(decodeEvent(xml)).toEqual({ type: 'msgWaiting', state: 'on' });
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });

  it('refuses a duplicated single element as ambiguous', () => {
    expect(malformed(() => decodeEvent(ALERTING.replace('<id>1</id>', '<id>1</id><id>2</id>'))).message).toMatch(/<id> appears twice/);
  });

  it.each(specFixtureNames().filter((n) => !n.startsWith('request-')))('%s: unknown elements between all elements are ignored', (name) => {
    const xml = compactXml(specFixture(name));
    const decode = name.startsWith('event-') ? decodeEvent : decodeReply;
    const noisy = xml.replace(/></g, '><zzFuture><x>1</x><constructor/><y/></zzFuture><');
    expect(noisy).not.toBe(xml);
    expect(decode(noisy)).toEqual(decode(xml));
  });

  it('keeps a newer server\'s value in an extensible required enumeration as unknown (issue 9 item 8)', () => {
    const call = decodeEvent(ALERTING.replace('<alerting/>', '<ringing/>'));
    expect(call.type === 'call' && call.call.primCall?.state).toEqual({ unknown: 'ringing' });
    expect(decodeEvent(encodeEvent(call))).toEqual(call);
    const agent = compactXml(specFixture('event-agent-1'));
    const onBreak = decodeEvent(agent.replace('<state><workingAfterCall/>', '<state><onBreak/>'));
    expect(onBreak.type === 'agent' && onBreak.agent.state).toEqual({ unknown: 'onBreak' });
    const forward = decodeEvent(compactXml(specFixture('event-forward-1')).replace('<immediate/>', '<someday/>'));
    expect(forward.type === 'forward' && forward.forward.type).toEqual({ unknown: 'someday' });
    const session = decodeEvent('<TelServiceEvent><event><session><sessionMoved/></session></event></TelServiceEvent>');
    expect(session).toEqual({ type: 'session', session: { unknown: 'sessionMoved' } });
    expect(decodeReply(compactXml(specFixture('reply-error-noCall-1')).replace('<noCall/>', '<newError/>'))).toEqual({ kind: 'error', error: { unknown: 'newError' } });
    expect(decodeReply('<TelServiceReturn><result><routingPointState><started-paused/></routingPointState></result></TelServiceReturn>')).toEqual({
      kind: 'result',
      result: { type: 'routingPointState', state: { unknown: 'started-paused' } },
    });
    // Two known values stay ambiguous, and the closed enumerations (on/off, booleans) stay strict.
    malformed(() => decodeEvent(ALERTING.replace('<alerting/>', '<alerting/><connected/>')));
  });

  it('rejects an unknown value in a closed enumeration, naming the path', () => {
    malformed(() => decodeEvent(compactXml(specFixture('event-doNotDisturb-1')).replace('<on/>', '<maybe/>')));
    malformed(() => decodeEvent(ALERTING.replace('<isOutgoing><false/></isOutgoing>', '<isOutgoing><perhaps/></isOutgoing>')));
    expect(malformed(() => decodeEvent(ALERTING.replace('<alerting/>', ''))).message).toBe('event/call/primCall/state: missing value');
    expect(malformed(() => decodeEvent(ALERTING.replace('<alerting/>', '<alerting/><hold/>'))).message).toMatch(/two values/);
  });

  it('drops an unknown value in an optional, informational place and keeps the event', () => {
    const transfer = compactXml(specFixture('event-call-example4-1'));
    const newCause = decodeEvent(transfer.replace('<transfer/>', '<pickedUp/>'));
    expect(newCause.type === 'call' && newCause.call.primCall).not.toHaveProperty('cause');
    const withType = ALERTING.replace('<number>1101</number>', '<number>1101</number><numberType><fax/></numberType>');
    const party = decodeEvent(withType);
    expect(party.type === 'call' && party.call.primCall?.otherParty).toEqual({ number: '1101' });
    const services = decodeEvent(ALERTING.replace('<answerCall/>', '<answerCall/><parkCall/>'));
    expect(services.type === 'call' && services.call.permittedServices).toEqual(['answerCall', 'divertCall']);
    const agent = compactXml(specFixture('event-agent-1')).replace('<ready/>', '<ready/><onBreak/>');
    const states = decodeEvent(agent);
    expect(states.type === 'agent' && states.agent.permittedStates).toEqual(['ready', 'notReady', 'workingAfterCall']);
  });

  it('keeps hidden numbers, leading zeros and "+" exactly as written', () => {
    const hidden = decodeEvent(ALERTING.replace('<number>1101</number>', '<number>*****-12</number>'));
    expect(hidden.type === 'call' && hidden.call.primCall?.otherParty.number).toBe('*****-12');
    const reply = decodeReply(specFixture('reply-searchName-2'));
    expect(reply.kind === 'result' && reply.result.type === 'searchDirectory' && reply.result.parties[0]?.number).toBe('+801');
  });
});

describe('codec: fuzzing never escapes as anything but CtiError', () => {
  const decoders = [decodeEvent, decodeReply, decodeRequest];

  it('arbitrary strings', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('<', '>', '/', '!', '?', '&', ';', '"', "'", '=', ' ', 'a', 'TelServiceEvent', '[', ']', '-', '#') , maxLength: 60 }), (s) => {
        for (const decode of decoders) {
          try {
            decode(s);
          } catch (err) {
            if (!(err instanceof CtiError) || err.code !== 'malformedReply') throw err;
          }
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('spec fixtures with one edit (delete, insert, replace a character)', () => {
    const docs = specFixtureNames().map((n) => compactXml(specFixture(n)));
    fc.assert(
      fc.property(
        fc.constantFrom(...docs),
        fc.nat(),
        fc.constantFrom('', '<', '>', '/', '&', '!', 'x', '"'),
        fc.boolean(),
        (doc, at, ch, replace) => {
          const i = at % doc.length;
          const edited = doc.slice(0, i) + ch + doc.slice(replace ? i + 1 : i);
          for (const decode of decoders) {
            try {
              decode(edited);
            } catch (err) {
              if (!(err instanceof CtiError) || err.code !== 'malformedReply') throw err;
            }
          }
        },
      ),
      { numRuns: 3000 },
    );
  });
});
