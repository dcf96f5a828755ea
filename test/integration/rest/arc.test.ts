import { describe, expect, it } from 'vitest';
import { startSimulator, type RunningSimulator } from '../../../main/simulator/index';
import type { AgentRemoteControlClient } from '../../../main/rest/arc';
import { cleanupAfterEach } from '../../support/cleanup';
import { arcClient, restError } from './harness';

const cleanup = cleanupAfterEach();

async function simulator(): Promise<RunningSimulator & { restUrls: NonNullable<RunningSimulator['restUrls']> }> {
  const sim = await startSimulator({ pbx: { externalAnswerDelayMs: 0 } });
  cleanup(() => sim.close());
  if (!sim.restUrls) throw new Error('the simulator started no REST mocks');
  return { ...sim, restUrls: sim.restUrls };
}

/** An inbound call to agent 8001, answered there; its ARC call id. */
async function answeredCall(sim: RunningSimulator, arc: AgentRemoteControlClient, from: string): Promise<string> {
  sim.control.injectCall({ from, to: '8001', name: 'Jo Caller' });
  expect(sim.pbx.execute({ type: 'answerCall', deviceNumber: '8001', callingNumber: from }, {}).kind).toBe('result');
  const calls = (await arc.getCalls()).data;
  const call = calls.find((c) => c.PhoneNumber === from);
  expect(call?.CallState).toBe(5); // connected
  return String(call?.CallId);
}

describe.each(['json', 'xml'] as const)('agent remote control client (%s replies) against the mock on the simulator PBX', (format) => {
  it('getcalls follows the PBX; hold, retrieve, stop/start recording, hangup act on it', async () => {
    const sim = await simulator();
    const arc = arcClient({ urls: sim.restUrls }, { format });
    expect((await arc.getCalls()).data).toEqual([]);
    sim.control.injectCall({ from: '0160121314', to: '8001', name: 'Jo Caller' });
    const ringing = await arc.getCalls();
    expect(ringing).toMatchObject({ responseCode: 200, responseDetail: 'OK' });
    expect(ringing.data).toEqual([
      expect.objectContaining({ CallId: 1, PhoneNumber: '0160121314', CustomerName: 'Jo Caller', CallState: 4, CallStatus: 1, RecordingState: 1 }),
    ]);
    sim.pbx.execute({ type: 'answerCall', deviceNumber: '8001' }, {});
    const id = String(ringing.data[0]?.CallId);
    expect(await arc.hold(id)).toMatchObject({ data: null, responseCode: 200 });
    expect((await arc.getCalls()).data[0]?.CallState).toBe(8); // hold
    await arc.retrieve(id);
    expect((await arc.getCalls()).data[0]?.CallState).toBe(5);
    await arc.stopRecord(id);
    expect((await arc.getCalls()).data[0]?.RecordingState).toBe(0);
    await arc.startRecord(id);
    expect((await arc.getCalls()).data[0]?.RecordingState).toBe(1);
    await arc.hangup(id);
    expect((await arc.getCalls()).data).toEqual([]);
    await restError(arc.hangup(id), 'arcFailed');
  });

  it('dial (with and without a lead), dispose with a listed result code', async () => {
    const sim = await simulator();
    const arc = arcClient({ urls: sim.restUrls }, { format });
    const dialled = await arc.dial('0612345678', '501');
    expect(dialled.data).toMatchObject({ PhoneNumber: '0612345678', CallStatus: 2 });
    const e = await restError(arc.dial('0612345670', '12345'), 'arcFailed');
    expect(e.detail).toMatchObject({ responseCode: 404, responseDetail: 'lead 12345 not found', httpStatus: 404 });
    const id = String(dialled.data.CallId);
    await restError(arc.dispose(id, 'NOPE'), 'arcFailed');
    await arc.dispose(id, 'SALE');
    expect((await arc.getCalls()).data).toEqual([]);
    await restError(arc.dispose(id, 'SALE'), 'arcFailed'); // disposed once
  });

  it('lists campaigns, users, result codes, ACD queues and lead phones as typed entities', async () => {
    const sim = await simulator();
    const arc = arcClient({ urls: sim.restUrls }, { format });
    expect((await arc.campaigns()).data[0]).toMatchObject({ CampaignID: 1001, CampaignName: 'Inbound sales', Active: true, AutoRecord: true });
    expect((await arc.users()).data).toContainEqual({ ID: 8001, FullName: 'agent8001' });
    const codes = (await arc.resultCodes()).data;
    expect(codes.map((c) => c.Code)).toEqual(['SALE', 'NOSALE', 'CALLBACK', 'XFER', 'NOANSWER']);
    expect(codes[0]).toMatchObject({ IsSuccess: true, Sales: 1, ResultCodeID: 1 });
    expect((await arc.acdQueues()).data.map((q) => q.AcdName)).toEqual(['Sales', 'Support']);
    expect((await arc.leadPhones('501')).data).toEqual([
      { LeadId: 501, PhoneNumber: '0160121314', RecordType: 'Phone', RecordTypeId: 50101 },
      { LeadId: 501, PhoneNumber: '0612345678', RecordType: 'Phone', RecordTypeId: 50102 },
    ]);
    expect((await arc.leadPhones('502')).data).toHaveLength(1); // one element in XML is still a list
    await restError(arc.leadPhones('9'), 'arcFailed');
  });

  it('goready, changelead, createnewlead, connectcalls with notes that hold & = and spaces', async () => {
    const sim = await simulator();
    const arc = arcClient({ urls: sim.restUrls }, { format });
    expect(sim.pbx.execute({ type: 'agentState', deviceNumber: '8001', state: 'notReady' }, {}).kind).toBe('result');
    await arc.goReady();
    const agent = sim.pbx.snapshotOf('8001').agent;
    expect(agent?.state).toBe('ready');
    const first = await answeredCall(sim, arc, '0160121314');
    await arc.changeLead(first, '50102');
    await restError(arc.changeLead(first, '77'), 'arcFailed');
    await arc.createNewLead(first, '+33100000000');
    await arc.hold(first);
    const second = String((await arc.dial('0612345678')).data.CallId);
    await restError(arc.connectCalls({ call1: first, call2: second, resultCode1: 'XFER', resultCode2: 'BAD' }), 'arcFailed');
    await arc.connectCalls({ call1: first, call2: second, resultCode1: 'XFER', resultCode2: 'SALE', notes1: 'a&b=c d', notes2: 'ok', numSales1: 0, numSales2: 2 });
    // The agent is out of both calls (the PBX transferred them to each other).
    expect((await arc.getCalls()).data).toEqual([]);
    expect(sim.control.calls().some((c) => c.parties.includes('8001'))).toBe(false);
  });
});

describe('agent remote control errors', () => {
  it('a wrong token is unauthorized, an unknown user or call is arcFailed with ResponseCode/Detail', async () => {
    const sim = await simulator();
    const bad = await restError(arcClient({ urls: sim.restUrls }, { token: 'stolen-token' }).getCalls(), 'unauthorized');
    expect(bad.message).not.toContain('stolen-token');
    const nobody = await restError(arcClient({ urls: sim.restUrls }, { userId: '42' }).getCalls(), 'arcFailed');
    expect(nobody.detail).toMatchObject({ responseCode: 404, responseDetail: 'user 42 not found' });
    const e = await restError(arcClient({ urls: sim.restUrls }).hold('99'), 'arcFailed');
    expect(e.detail).toMatchObject({ responseCode: 404, responseDetail: 'call 99 not found' });
  });

  it('a PBX refusal is arcFailed 409; a hang times out; a 500 without a body is httpStatus', async () => {
    const sim = await simulator();
    const arc = arcClient({ urls: sim.restUrls });
    const id = await answeredCall(sim, arc, '0160121314');
    const e = await restError(arc.retrieve(id), 'arcFailed'); // not on hold: the PBX says pbxReject
    expect(e.detail).toMatchObject({ responseCode: 409 });
    expect(e.message).toContain('pbxReject');
    sim.restControl?.setFaults({ arc: { hang: true } });
    await restError(arc.getCalls({ timeoutMs: 250 }), 'timeout');
    sim.restControl?.setFaults({ arc: { hang: false, httpStatus: 500 } });
    await restError(arc.campaigns(), 'httpStatus');
  });

  it('retries only the read-only methods', async () => {
    const sim = await simulator();
    const arc = arcClient({ urls: sim.restUrls });
    const ctl = sim.restControl;
    if (!ctl) throw new Error('no REST control');
    ctl.setFaults({ arc: { httpStatus: 503 } });
    let before = ctl.state().requests;
    await restError(arc.users(), 'httpStatus');
    expect(ctl.state().requests - before).toBe(3);
    before = ctl.state().requests;
    await restError(arc.dial('0612345678'), 'httpStatus');
    expect(ctl.state().requests - before).toBe(1);
  });
});
