/**
 * TelClient over an in-memory Transport (DESIGN rule 6): no sockets, the transport is a plain
 * object implementing the interface, answering with the codec like a server would.
 */
import { describe, expect, it } from 'vitest';
import { CtiError } from '../../../common/errors';
import type { TelReply } from '../../../common/telservices/replies';
import type { TelRequest } from '../../../common/telservices/requests';
import { EXPECTED_RESULT, TelClient } from '../../../main/telservices/client';
import { decodeRequest, encodeReply } from '../../../main/telservices/codec';
import type { RequestOptions, Transport } from '../../../main/telservices/transport';

class InMemoryServer implements Transport {
  readonly seen: Array<{ req: TelRequest; opts: RequestOptions | undefined }> = [];
  constructor(private readonly answer: (req: TelRequest) => TelReply) {}
  request(xml: string, opts?: RequestOptions): Promise<string> {
    const req = decodeRequest(xml);
    this.seen.push({ req, opts });
    return Promise.resolve(encodeReply(this.answer(req)));
  }
}

describe('TelClient (in-memory transport)', () => {
  it('round-trips typed fields through the codec, keeping numbers as strings', async () => {
    const server = new InMemoryServer(() => ({ kind: 'result', result: { type: 'standard' } }));
    const client = new TelClient(server);
    await expect(client.consultationCall({ deviceNumber: '0042', consultedDeviceNumber: '+33 (0)1 23', extraData: 'a&b<c' })).resolves.toBeUndefined();
    expect(server.seen[0]?.req).toEqual({ type: 'consultationCall', deviceNumber: '0042', consultedDeviceNumber: '+33 (0)1 23', extraData: 'a&b<c' });
  });

  it('passes the per-request timeout and signal to the transport', async () => {
    const server = new InMemoryServer(() => ({ kind: 'result', result: { type: 'snapshot', snapshot: { snapshotSeq: '9' } } }));
    const client = new TelClient(server);
    const ac = new AbortController();
    await expect(client.snapshot({ deviceNumber: '1', resultOnEvent: { timeout: '30', snapshotSeq: '8' } }, { timeoutMs: 35_000, signal: ac.signal })).resolves.toEqual({ snapshotSeq: '9' });
    expect(server.seen[0]?.opts).toEqual({ timeoutMs: 35_000, signal: ac.signal });
  });

  it('every request type expects exactly one result type, and the client enforces it', async () => {
    for (const [type, expected] of Object.entries(EXPECTED_RESULT)) {
      // Answer every request with a result of a type it does not expect.
      const wrong = expected === 'standard' ? { type: 'doNotDisturb' as const, state: 'on' as const } : { type: 'standard' as const };
      const client = new TelClient(new InMemoryServer(() => ({ kind: 'result', result: wrong })));
      const call = (t: string, f: Record<string, unknown>): Promise<unknown> =>
        (client as unknown as { call: (t: string, f: Record<string, unknown>) => Promise<unknown> }).call(t, f);
      const fields = type.includes('RoutingPoint') ? { service: 's', statisticsType: 'snapshot' } : { deviceNumber: '1', directoryName: 'd', name: 'n', number: '1', calledDeviceNumber: '2', addedDeviceNumber: '3', consultedDeviceNumber: '4', divertedDeviceNumber: '5', state: type === 'agentState' ? 'ready' : 'on', info: { type: 'immediate', state: 'on' }, statisticsType: 'snapshot', parties: [] };
      const err = await call(type, fields).then(
        () => null,
        (e: unknown) => e,
      );
      expect(err, type).toBeInstanceOf(CtiError);
      expect((err as CtiError).code, type).toBe('malformedReply');
      // ... because of the result type, not because the request failed to encode or decode.
      expect((err as CtiError).detail, type).toEqual({ request: type, expected, got: wrong.type });
    }
  });
});
