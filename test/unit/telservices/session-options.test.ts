/** The pure parts of session-options.ts: the openSession a session sends, and its poll fallback mode. */
import { describe, expect, it } from 'vitest';
import { openSessionFields, pollModeOf, type TelSessionOptions } from '../../../main/telservices/session-options';

const transport = { request: () => Promise.reject(new Error('no network in this test')) };

describe('openSessionFields', () => {
  it('the device alone when nothing else is set (poll mode: no UDP port)', () => {
    expect(openSessionFields({ transport, deviceNumber: '1101' }, undefined)).toEqual({ deviceNumber: '1101' });
  });

  it('every option given, the sessionTimeout in seconds as text', () => {
    const opts: TelSessionOptions = {
      transport,
      deviceNumber: '1101',
      eventUpdate: 'restricted',
      userID: '0042',
      userPassword: 'pw',
      sessionTimeoutS: 60,
      startPbxMonitor: false,
    };
    expect(openSessionFields(opts, 20001)).toEqual({
      deviceNumber: '1101',
      eventUDPPort: '20001',
      eventUpdate: 'restricted',
      userID: '0042',
      userPassword: 'pw',
      sessionTimeout: '60',
      startPbxMonitor: false,
    });
  });

  it('an empty user ID or password is still sent (given is given)', () => {
    expect(openSessionFields({ transport, deviceNumber: '1101', userID: '', userPassword: '' }, 0)).toEqual({
      deviceNumber: '1101',
      eventUDPPort: '0',
      userID: '',
      userPassword: '',
    });
  });
});

describe('pollModeOf', () => {
  it('keeps the poll settings of a udp mode, none from a none mode', () => {
    expect(pollModeOf({ mode: 'udp', port: 0, poll: { pollTimeoutS: 5, giveUpAfter: 1 } })).toEqual({
      mode: 'poll',
      pollTimeoutS: 5,
      giveUpAfter: 1,
    });
    expect(pollModeOf({ mode: 'udp' })).toEqual({ mode: 'poll' });
    expect(pollModeOf({ mode: 'none' })).toEqual({ mode: 'poll' });
  });
});
