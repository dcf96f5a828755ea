/** `listen`'s options -> the TelSession it runs (pure: no socket is bound, nothing is sent). */
import { describe, expect, it } from 'vitest';
import { listenOptions, telSessionOptions } from '../../../main/cli/listen-options';

const transport = { request: () => Promise.reject(new Error('no network in this test')) };

describe('telSessionOptions', () => {
  it('UDP by default: bound where the server routes (not every interface), only its datagrams read, the OS picks the port', () => {
    const options = telSessionOptions(listenOptions({}, '1101'), transport, undefined, 'pbx.example');
    expect(options).toEqual({
      transport,
      deviceNumber: '1101',
      events: { mode: 'udp', port: 0, routeTo: 'pbx.example', allowedSources: ['pbx.example'] },
      eventUpdate: 'full',
    });
  });

  it('--event-source adds a cluster\'s members to the accepted sources', () => {
    const listen = listenOptions({ 'event-source': '10.0.0.6, 10.0.0.7' }, '1101');
    expect(telSessionOptions(listen, transport, undefined, '10.0.0.5').events).toMatchObject({ allowedSources: ['10.0.0.5', '10.0.0.6', '10.0.0.7'] });
  });

  it('--udp-port, --udp-host, --eop, --restricted, credentials and --session-timeout (in seconds)', () => {
    const listen = listenOptions(
      { 'udp-port': '20001', 'udp-host': '127.0.0.1', restricted: true, user: 'u', password: 'p', 'session-timeout': '60' },
      '1101',
    );
    expect(telSessionOptions(listen, transport, '\n', '127.0.0.1')).toEqual({
      transport,
      deviceNumber: '1101',
      events: { mode: 'udp', port: 20001, host: '127.0.0.1', routeTo: '127.0.0.1', allowedSources: ['127.0.0.1'], endOfPdu: '\n' },
      eventUpdate: 'restricted',
      userID: 'u',
      userPassword: 'p',
      sessionTimeoutS: 60,
    });
  });

  it('--poll: snapshot long-polls held --poll-timeout seconds (default 30), no UDP', () => {
    expect(telSessionOptions(listenOptions({ poll: true }, '1101'), transport, undefined).events).toEqual({
      mode: 'poll',
      pollTimeoutS: 30,
    });
    expect(telSessionOptions(listenOptions({ poll: true, 'poll-timeout': '5' }, '1101'), transport, undefined).events).toEqual({
      mode: 'poll',
      pollTimeoutS: 5,
    });
  });
});
