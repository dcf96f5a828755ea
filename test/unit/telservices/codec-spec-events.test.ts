/**
 * Every event example of the spec (agent, the six call examples event by event, forward 1 and 2,
 * do not disturb, message waiting, session) decodes to the typed event written out here and
 * encodes back to the spec's XML (blanks between tags removed).
 */
import { describe, expect, it } from 'vitest';
import type { CallServiceName, CallStateName } from '../../../common/telservices/enums';
import type { TelEvent } from '../../../common/telservices/events';
import type { CallLeg } from '../../../common/telservices/structures';
import { decodeEvent, encodeEvent } from '../../../main/telservices/codec';
import { compactXml, specFixture, specFixtureNames } from '../../support/spec-fixtures';

/** A call leg as the spec's examples write them: not a conference. */
function leg(state: CallStateName, number: string, duration: string, isOutgoing: boolean, more: Partial<CallLeg> = {}): CallLeg {
  return { state, otherParty: { number }, duration, isOutgoing, isConference: false, ...more };
}

function callEvent(deviceNumber: string, primCall: CallLeg, permittedServices: CallServiceName[], secCall?: CallLeg): TelEvent {
  return { type: 'call', deviceNumber, call: { id: '1', primCall, ...(secCall ? { secCall } : {}), permittedServices } };
}

const CONNECTED: CallServiceName[] = ['holdCall', 'dropCall', 'divertCall', 'consultationCall'];
const RINGING: CallServiceName[] = ['answerCall', 'divertCall'];
const held = (duration: string): CallLeg => leg('hold', '1102', duration, true);

const SPEC_EVENTS: Record<string, TelEvent> = {
  'event-agent-1': {
    type: 'agent',
    agent: { state: 'workingAfterCall', timeout: '30', inboundServices: ['service1'], permittedStates: ['ready', 'notReady', 'workingAfterCall'] },
  },
  'event-call-example1-1': callEvent('1101', leg('initiated', '', '0', true), ['dropCall']),
  'event-call-example1-2': callEvent('1101', leg('originated', '1102', '0', true), ['dropCall']),
  'event-call-example1-3': callEvent('1101', leg('delivered', '1102', '0', true), ['dropCall']),
  'event-call-example1-4': callEvent('1101', leg('connected', '1102', '0', true), CONNECTED),
  'event-call-example2-1': callEvent('1102', leg('alerting', '1101', '0', false), RINGING),
  'event-call-example2-2': callEvent('1102', leg('connected', '1101', '0', false), CONNECTED),
  'event-call-example3-1': callEvent('1101', held('118'), ['dropCall', 'reconnectCall'], leg('initiated', '', '0', true)),
  'event-call-example3-2': callEvent('1101', held('118'), ['dropCall', 'reconnectCall'], leg('originated', '1103', '0', true)),
  'event-call-example3-3': callEvent('1101', held('119'), ['dropCall', 'reconnectCall', 'transferCall'], leg('delivered', '1103', '0', true)),
  'event-call-example3-4': callEvent(
    '1101',
    held('124'),
    ['dropCall', 'holdCall', 'reconnectCall', 'alternateCall', 'transferCall', 'conferenceCall'],
    leg('connected', '1103', '0', true),
  ),
  'event-call-example4-1': callEvent(
    '1104',
    leg('connected', '1102', '11', false, { lastRedirectionParty: { number: '1103' }, cause: 'transfer' }),
    CONNECTED,
  ),
  'event-call-example4-2': callEvent(
    '1104',
    leg('connected', '1101', '44', false, { lastRedirectionParty: { number: '1102' }, cause: 'transfer' }),
    CONNECTED,
  ),
  'event-call-example5-1': callEvent(
    '1103',
    leg('alerting', '1101', '0', false, { firstCalledParty: { number: '1102' }, lastRedirectionParty: { number: '1102' } }),
    RINGING,
  ),
  'event-call-example6-1': callEvent(
    '1104',
    leg('alerting', '1101', '0', false, { firstCalledParty: { number: '1102' }, lastRedirectionParty: { number: '1103' } }),
    RINGING,
  ),
  'event-forward-1': { type: 'forward', forward: { number: '1102', type: 'immediate', state: 'on' } },
  'event-forward-2': { type: 'forward', forward: { number: '1102', type: 'immediate', state: 'off' } },
  'event-doNotDisturb-1': { type: 'doNotDisturb', state: 'on' },
  'event-msgWaiting-1': { type: 'msgWaiting', state: 'on' },
  'event-session-1': { type: 'session', session: 'pbxlinkOutOfService' },
};

describe('codec: the spec event examples', () => {
  it('covers every event example cut from the spec', () => {
    expect(Object.keys(SPEC_EVENTS).sort()).toEqual(specFixtureNames('event'));
  });

  describe.each(Object.entries(SPEC_EVENTS))('%s', (name, event) => {
    it('decodes from the spec XML', () => {
      expect(decodeEvent(specFixture(name))).toEqual(event);
    });
    it('encodes to the spec XML', () => {
      expect(encodeEvent(event)).toBe(compactXml(specFixture(name)));
    });
  });

  it('decodes <number/> to an empty number, and an absent <deviceNumber> to no deviceNumber key', () => {
    const initiated = decodeEvent(specFixture('event-call-example1-1'));
    expect(initiated.type === 'call' && initiated.call.primCall?.otherParty).toEqual({ number: '' });
    expect('deviceNumber' in decodeEvent(specFixture('event-forward-1'))).toBe(false);
  });

  it('reads isConference as false when the element is absent (the spec: absent means false)', () => {
    const xml = compactXml(specFixture('event-call-example2-1')).replace('<isConference><false/></isConference>', '');
    const event = decodeEvent(xml);
    expect(event.type === 'call' && event.call.primCall?.isConference).toBe(false);
  });
});
