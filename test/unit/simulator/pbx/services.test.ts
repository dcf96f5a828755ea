/** Each call service's effect on the model, and the pbxReject / noCall / reject answers. */
import { describe, expect, it } from 'vitest';
import type { CallInfo } from '../../../../common/telservices/structures';
import { harness, type Harness } from './harness';

const last = (h: Harness, device: string): CallInfo => {
  const calls = h.callsOf(device);
  const c = calls[calls.length - 1];
  if (!c) throw new Error(`no call event for ${device}`);
  return c;
};

function connected(h: Harness, a: string, b: string): void {
  h.call(a, b);
  h.answer(b);
}

describe('PBX model: call services', () => {
  it('holdCall / retrieveCall: the other party is told heldByOtherParty / retrievedByOtherParty', () => {
    const h = harness();
    connected(h, '1101', '1102');
    h.ok({ type: 'holdCall', deviceNumber: '1101' });
    expect(last(h, '1101').primCall?.state).toBe('hold');
    expect(last(h, '1101').permittedServices).toEqual(['retrieveCall', 'dropCall']);
    expect(last(h, '1102').primCall).toMatchObject({ state: 'connected', cause: 'heldByOtherParty' });
    h.ok({ type: 'retrieveCall', deviceNumber: '1101' });
    expect(last(h, '1101').primCall?.state).toBe('connected');
    expect(last(h, '1102').primCall).toMatchObject({ state: 'connected', cause: 'retrievedByOtherParty' });
  });

  it('a cause is reported once: the next event of the same call has none', () => {
    const h = harness();
    connected(h, '1101', '1102');
    h.ok({ type: 'holdCall', deviceNumber: '1101' });
    h.ok({ type: 'holdCall', deviceNumber: '1102' });
    expect(last(h, '1102').primCall?.cause).toBeUndefined();
    expect(last(h, '1101').primCall?.cause).toBe('heldByOtherParty');
  });

  it('dropCall: the other party gets cleared with droppedByOtherParty, durations frozen', () => {
    const h = harness();
    connected(h, '1101', '1102');
    h.clock.advance(7_000);
    h.ok({ type: 'dropCall', deviceNumber: '1102' });
    expect(last(h, '1102')).toMatchObject({ permittedServices: [], primCall: { state: 'cleared', duration: '7' } });
    expect(last(h, '1101').primCall).toMatchObject({ state: 'cleared', cause: 'droppedByOtherParty', duration: '7' });
    expect(h.pbx.snapshotOf('1101').calls).toEqual([]);
    // The next call gets a new id on each device.
    connected(h, '1101', '1102');
    expect(last(h, '1101').id).toBe('2');
  });

  it('the caller hangs up while it rings: the called device is cleared', () => {
    const h = harness();
    h.call('1101', '1102');
    h.ok({ type: 'dropCall', deviceNumber: '1101' });
    expect(last(h, '1102').primCall).toMatchObject({ state: 'cleared', cause: 'droppedByOtherParty', otherParty: { number: '1101' } });
  });

  it('firstOtherParty (when enabled): the consulted device sees who is waiting', () => {
    const on = harness({ firstOtherParty: true });
    connected(on, '1101', '1102');
    on.ok({ type: 'consultationCall', deviceNumber: '1102', consultedDeviceNumber: '1103' });
    expect(last(on, '1103').primCall?.firstOtherParty).toEqual({ number: '1101' });
    const off = harness();
    connected(off, '1101', '1102');
    off.ok({ type: 'consultationCall', deviceNumber: '1102', consultedDeviceNumber: '1103' });
    expect(last(off, '1103').primCall?.firstOtherParty).toBeUndefined();
  });

  it('alternateCall swaps the held and the active call', () => {
    const h = harness();
    connected(h, '1101', '1102');
    h.ok({ type: 'consultationCall', deviceNumber: '1101', consultedDeviceNumber: '1103' });
    h.answer('1103');
    h.ok({ type: 'alternateCall', deviceNumber: '1101' });
    const c = last(h, '1101');
    expect([c.primCall?.state, c.secCall?.state]).toEqual(['connected', 'hold']);
    expect(last(h, '1102').primCall?.cause).toBe('retrievedByOtherParty');
    expect(last(h, '1103').primCall?.cause).toBe('heldByOtherParty');
  });

  it('reconnectCall drops the consultation and retrieves the held call', () => {
    const h = harness();
    connected(h, '1101', '1102');
    h.ok({ type: 'consultationCall', deviceNumber: '1101', consultedDeviceNumber: '1103' });
    h.answer('1103');
    h.ok({ type: 'reconnectCall', deviceNumber: '1101' });
    const c = last(h, '1101');
    expect([c.primCall?.state, c.secCall?.state]).toEqual(['connected', 'cleared']);
    expect(last(h, '1103').primCall).toMatchObject({ state: 'cleared', cause: 'droppedByOtherParty' });
    expect(h.pbx.snapshotOf('1101').calls?.[0]?.secCall).toBeUndefined();
  });

  it('transferCall on a delivered consultation: the held party talks to the ringing one', () => {
    const h = harness();
    connected(h, '1101', '1102');
    h.ok({ type: 'consultationCall', deviceNumber: '1102', consultedDeviceNumber: '1103' });
    h.ok({ type: 'transferCall', deviceNumber: '1102' });
    const c = last(h, '1102');
    expect([c.primCall?.state, c.primCall?.cause, c.secCall?.state]).toEqual(['cleared', 'transfer', 'cleared']);
    expect(last(h, '1103').primCall).toMatchObject({ state: 'alerting', otherParty: { number: '1101' }, cause: 'transfer', lastRedirectionParty: { number: '1102' } });
    h.answer('1103');
    expect(last(h, '1101').primCall).toMatchObject({ state: 'connected', otherParty: { number: '1103' } });
  });

  it('conferenceCall: three parties, each with the others as otherParty + addedParties; one leaves, two go on', () => {
    const h = harness();
    connected(h, '1101', '1102');
    h.ok({ type: 'consultationCall', deviceNumber: '1101', consultedDeviceNumber: '1103' });
    h.answer('1103');
    h.ok({ type: 'conferenceCall', deviceNumber: '1101' });
    expect(last(h, '1101').primCall).toMatchObject({
      state: 'connected',
      isConference: true,
      cause: 'conference',
      otherParty: { number: '1102' },
      addedParties: [{ number: '1103' }],
    });
    expect(last(h, '1101').secCall).toMatchObject({ state: 'cleared', cause: 'conference' });
    expect(last(h, '1103').primCall).toMatchObject({ isConference: true, otherParty: { number: '1101' }, addedParties: [{ number: '1102' }] });
    h.ok({ type: 'dropCall', deviceNumber: '1102' });
    expect(last(h, '1101').primCall).toMatchObject({ state: 'connected', isConference: false, otherParty: { number: '1103' } });
    expect(last(h, '1101').primCall?.addedParties).toBeUndefined();
  });

  it('addPartyToCall joins a device at once (single-step conference)', () => {
    const h = harness();
    connected(h, '1101', '1102');
    h.ok({ type: 'addPartyToCall', deviceNumber: '1102', addedDeviceNumber: '1104' });
    expect(last(h, '1104').primCall).toMatchObject({ state: 'connected', isConference: true, cause: 'conference' });
    expect(last(h, '1101').primCall).toMatchObject({ isConference: true, addedParties: [{ number: '1104' }] });
    expect(h.exec({ type: 'addPartyToCall', deviceNumber: '1102', addedDeviceNumber: '12' })).toEqual({ kind: 'error', error: 'pbxReject' });
  });

  it('divertCall of a connected call is a single-step transfer', () => {
    const h = harness();
    connected(h, '1101', '1102');
    h.clock.advance(3000);
    h.ok({ type: 'divertCall', deviceNumber: '1102', divertedDeviceNumber: '1103' });
    expect(last(h, '1102').primCall).toMatchObject({ state: 'cleared', cause: 'transfer' });
    expect(last(h, '1101').primCall).toMatchObject({ state: 'connected', otherParty: { number: '1103' }, cause: 'transfer', duration: '3' });
    expect(last(h, '1103').primCall).toMatchObject({ state: 'alerting', otherParty: { number: '1101' }, cause: 'transfer' });
    expect(h.exec({ type: 'divertCall', deviceNumber: '1103', divertedDeviceNumber: '77' })).toEqual({ kind: 'error', error: 'pbxReject' });
  });

  it('qualifyCall returns the calling number and name and answers, unless told not to', () => {
    const h = harness({ devices: [{ number: '1101', name: 'Alice' }] });
    h.call('1101', '1102');
    expect(h.exec({ type: 'qualifyCall', deviceNumber: '1102', answerCall: false })).toEqual({
      kind: 'result',
      result: { type: 'qualifyCall', number: '1101', name: 'Alice' },
    });
    expect(last(h, '1102').primCall?.state).toBe('alerting');
    expect(h.exec({ type: 'qualifyCall', deviceNumber: '1102', needName: false })).toEqual({
      kind: 'result',
      result: { type: 'qualifyCall', number: '1101' },
    });
    expect(last(h, '1102').primCall?.state).toBe('connected');
    expect(h.exec({ type: 'qualifyCall', deviceNumber: '1102' })).toEqual({ kind: 'error', error: 'noCall' });
  });

  it('a second call waits beside the first; answering it holds the first; a third gets busy', () => {
    const h = harness();
    connected(h, '1101', '1102');
    h.call('1103', '1102');
    expect(last(h, '1102').secCall?.state).toBe('alerting');
    expect(last(h, '1102').permittedServices).toEqual(['holdCall', 'dropCall', 'answerCall', 'divertCall']);
    h.call('1104', '1102');
    expect(last(h, '1104').primCall).toMatchObject({ state: 'failed', cause: 'busy' });
    h.ok({ type: 'answerCall', deviceNumber: '1102', callingNumber: '1103' });
    const c = last(h, '1102');
    expect([c.primCall?.state, c.secCall?.state]).toEqual(['hold', 'connected']);
  });

  it('external numbers: delivered, then connected after the answer delay; the far end can hang up', () => {
    const h = harness({ externalAnswerDelayMs: 3000 });
    h.call('1101', '0140506070');
    expect(last(h, '1101').primCall?.state).toBe('delivered');
    h.clock.advance(2999);
    expect(last(h, '1101').primCall?.state).toBe('delivered');
    h.clock.advance(1);
    expect(last(h, '1101').primCall?.state).toBe('connected');
    expect(h.pbx.externalHangup('0140506070')).toBe(true);
    expect(last(h, '1101').primCall).toMatchObject({ state: 'cleared', cause: 'droppedByOtherParty' });
  });

  it('externalAnswerDelayMs -1: only the control API answers', () => {
    const h = harness({ externalAnswerDelayMs: -1 });
    h.call('1101', '+442071234567');
    h.clock.advance(60_000);
    expect(last(h, '1101').primCall?.state).toBe('delivered');
    const [summary] = h.pbx.listCalls();
    expect(summary?.parties).toEqual(['1101', '+442071234567']);
    expect(h.pbx.externalAnswer(summary?.callId ?? '')).toBe(true);
    expect(last(h, '1101').primCall?.state).toBe('connected');
    expect(h.pbx.externalAnswer(summary?.callId ?? '')).toBe(false);
  });

  it('inbound calls carry the caller name/company, the DNIS as firstCalledParty, and extraData', () => {
    const h = harness();
    h.pbx.injectInboundCall({ from: '0612345678', name: 'Bob', company: 'Acme', to: '1105', dnis: '0800123456', extraData: 'k=v' });
    expect(last(h, '1105')).toMatchObject({
      primCall: { state: 'alerting', otherParty: { number: '0612345678', name: 'Bob', company: 'Acme' }, firstCalledParty: { number: '0800123456' } },
      extraData: 'k=v',
    });
  });
});

describe('PBX model: refusals', () => {
  it('noCall when there is no call (or none with that other party)', () => {
    const h = harness();
    expect(h.exec({ type: 'holdCall', deviceNumber: '1101' })).toEqual({ kind: 'error', error: 'noCall' });
    expect(h.exec({ type: 'answerCall', deviceNumber: '1101' })).toEqual({ kind: 'error', error: 'noCall' });
    connected(h, '1101', '1102');
    expect(h.exec({ type: 'dropCall', deviceNumber: '1101', otherNumber: '1109' })).toEqual({ kind: 'error', error: 'noCall' });
  });

  it('pbxReject when the call state does not permit the service', () => {
    const h = harness();
    connected(h, '1101', '1102');
    for (const type of ['retrieveCall'] as const) {
      expect(h.exec({ type, deviceNumber: '1101' })).toEqual({ kind: 'error', error: 'pbxReject' });
    }
    for (const type of ['transferCall', 'conferenceCall', 'alternateCall', 'reconnectCall'] as const) {
      expect(h.exec({ type, deviceNumber: '1101' })).toEqual({ kind: 'error', error: 'pbxReject' });
    }
    expect(h.exec({ type: 'answerCall', deviceNumber: '1101' })).toEqual({ kind: 'error', error: 'pbxReject' });
    expect(h.exec({ type: 'makeCall', deviceNumber: '1101', calledDeviceNumber: '1103' })).toEqual({ kind: 'error', error: 'pbxReject' });
    h.call('1103', '1104');
    expect(h.exec({ type: 'holdCall', deviceNumber: '1104' })).toEqual({ kind: 'error', error: 'pbxReject' });
  });

  it('calling oneself finds the line busy', () => {
    const h = harness();
    h.call('1101', '1101');
    expect(last(h, '1101').primCall).toMatchObject({ state: 'failed', cause: 'busy' });
  });

  it('reject for a device the PBX does not know', () => {
    const h = harness();
    expect(h.exec({ type: 'makeCall', deviceNumber: '4242', calledDeviceNumber: '1101' })).toEqual({ kind: 'error', error: 'reject' });
    expect(h.pbx.hasDevice('4242')).toBe(false);
    expect(h.pbx.hasDevice('8005')).toBe(true);
  });
});
