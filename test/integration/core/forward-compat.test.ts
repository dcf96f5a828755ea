/**
 * Issue 9 item 8 over real sockets: a newer server's call state (and session value) reaches the
 * line's UDP port; the event is kept with the value typed as unknown, and reported once.
 */
import { describe, expect, it } from 'vitest';
import type { ErrorShape } from '../../../common/errors';
import { sendUdp } from '../../support/fake-telserver';
import { rigsClosedAfterEach } from './harness';

const start = rigsClosedAfterEach();

const parkedCall = (id: string): string =>
  '<TelServiceEvent><deviceNumber>1101</deviceNumber><event><call>' +
  `<id>${id}</id><primCall><state><parked/></state><otherParty><number>+33612345678</number></otherParty>` +
  '<duration>0</duration><isOutgoing><false/></isOutgoing></primCall><permittedServices/>' +
  '</call></event></TelServiceEvent>';

describe('forward compatibility', () => {
  it('an unknown call state keeps the call (state typed unknown), reported once however often it comes', async () => {
    const r = await start({ eventMode: 'udp', requestTimeoutMs: 2000 }, {}, undefined, { reconcileMs: 60_000, probeMs: 60_000 });
    const errors: ErrorShape[] = [];
    r.service.on('error', ({ error }) => errors.push(error));
    const port = r.service.line.eventPort;
    if (port === undefined) throw new Error('no UDP port');
    await sendUdp(port, parkedCall('51'));
    await sendUdp(port, parkedCall('52'));
    const line = await r.waitFor((l) => l.calls.length === 2, 'both calls');
    expect(line.calls[0]?.primary?.state).toEqual({ unknown: 'parked' });
    await sendUdp(port, '<TelServiceEvent><event><session><sessionMoved/></session></event></TelServiceEvent>');
    await new Promise((res) => setTimeout(res, 100));
    expect(errors.map((e) => e.message)).toEqual([
      expect.stringContaining('call state <parked/>'),
      expect.stringContaining('session value <sessionMoved/>'),
    ]);
    expect(errors.every((e) => e.code === 'serverError')).toBe(true);
    expect(r.line().connection.state).toBe('monitored');
  });
});
