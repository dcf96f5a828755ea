/**
 * All 36 request types, each with every optional field present, encode and decode back; a few
 * are checked against the exact XML to pin the wire names that differ from our field names.
 */
import { describe, expect, it } from 'vitest';
import { CtiError } from '../../../common/errors';
import { REQUEST_TYPES, type TelRequest, type TelRequestType } from '../../../common/telservices/requests';
import type { RoutingPointConfig } from '../../../common/telservices/structures';
import { decodeRequest, encodeRequest } from '../../../main/telservices/codec';

const config: RoutingPointConfig = {
  serviceTimeout: '3600',
  workingHours: '8:30/12:00,12/17',
  nonWorkingDaysOfWeek: '1,7',
  nonWorkingDays: '25-12',
  noAnswerTimeout: '20',
  failedCallRetryTimeout: '300',
  failedCallRetryLimit: '3',
  agentWorkingAfterCallTimeout: '30',
  agentsDistribution: 'most-idle',
  queueLimit: '100',
  agentLoggedOnOnOpenSession: true,
  agentReadyOnLoggedOn: false,
  statisticsIncomingCallImmediateAbandonTimeout: '5',
};

const FULL: { [K in TelRequestType]: Extract<TelRequest, { type: K }> | (TelRequest & { type: K }) } = {
  openSession: {
    type: 'openSession',
    deviceNumber: '1101',
    eventUDPPort: '20001',
    eventUpdate: 'restricted',
    userID: 'agent1',
    userPassword: 'p&ss<word>',
    sessionTimeout: '600',
    startPbxMonitor: false,
  },
  closeSession: { type: 'closeSession', deviceNumber: '1101', actualCloseSessionTimeout: '3', clientOnly: true },
  addPartyToCall: { type: 'addPartyToCall', deviceNumber: '1102', otherNumber: '1101', addedDeviceNumber: '1103', extraData: 'x=1' },
  agentState: { type: 'agentState', deviceNumber: '1101', state: 'workingAfterCall' },
  alternateCall: { type: 'alternateCall', deviceNumber: '1102', primOtherNumber: '1101', secOtherNumber: '1103' },
  answerCall: { type: 'answerCall', deviceNumber: '1102', callingNumber: '1101' },
  conferenceCall: { type: 'conferenceCall', deviceNumber: '1102', primOtherNumber: '1101', secOtherNumber: '1103' },
  consultationCall: { type: 'consultationCall', deviceNumber: '1102', otherNumber: '1101', consultedDeviceNumber: '1103', extraData: 'd' },
  divertCall: { type: 'divertCall', deviceNumber: '1102', otherNumber: '1101', divertedDeviceNumber: '1103', extraData: 'd' },
  doNotDisturb: { type: 'doNotDisturb', deviceNumber: '1101', state: 'off' },
  dropCall: { type: 'dropCall', deviceNumber: '1101', otherNumber: '1102' },
  forward: { type: 'forward', deviceNumber: '1101', info: { number: '0612345678', type: 'noAnswerExt', state: 'on' } },
  holdCall: { type: 'holdCall', deviceNumber: '1101', otherNumber: '1102' },
  makeCall: { type: 'makeCall', deviceNumber: '1101', calledDeviceNumber: '+33160127764', extraData: 'campaign=7' },
  qualifyCall: { type: 'qualifyCall', deviceNumber: '1102', answerCall: false, needName: true },
  queryAgentState: { type: 'queryAgentState', deviceNumber: '1101' },
  queryDoNotDisturb: { type: 'queryDoNotDisturb', deviceNumber: '1101' },
  queryForward: { type: 'queryForward', deviceNumber: '1101' },
  queryHistory: {
    type: 'queryHistory',
    recordType: 'all',
    deviceNumber: '8001',
    userID: 'agent8001',
    startDate: '2009-12-02',
    startHour: '08',
    endDate: '2009-12-31',
    search: 'Jag',
    limit: '50',
  },
  queryMsgWaiting: { type: 'queryMsgWaiting', deviceNumber: '1101' },
  queryUserStatistics: { type: 'queryUserStatistics', deviceNumber: '1101', userID: 'agent1', statisticsType: 'total' },
  reconnectCall: { type: 'reconnectCall', deviceNumber: '1102', primOtherNumber: '1101', secOtherNumber: '1103' },
  retrieveCall: { type: 'retrieveCall', deviceNumber: '1101', otherNumber: '1102' },
  searchName: { type: 'searchName', userID: 'u', deviceNumber: '1101', name: 'Mar', limit: '10' },
  searchNumber: { type: 'searchNumber', userID: 'u', deviceNumber: '1101', number: '+801' },
  snapshot: { type: 'snapshot', deviceNumber: '1101', resultOnEvent: { timeout: '30', snapshotSeq: '42' } },
  transferCall: { type: 'transferCall', deviceNumber: '1102', primOtherNumber: '1101', secOtherNumber: '1103' },
  updateUserDirectory: {
    type: 'updateUserDirectory',
    userID: 'user',
    deviceNumber: '1101',
    directoryName: 'outlook',
    parties: [
      { number: '0160121314', name: 'Bob Blake', numberType: 'mobile', company: 'TheCompany' },
      { number: '*****-12' },
    ],
  },
  queryRoutingPointState: { type: 'queryRoutingPointState', service: 'service1' },
  queryRoutingPointStatistics: { type: 'queryRoutingPointStatistics', service: 'service1', statisticsType: 'snapshot' },
  resumeRoutingPoint: { type: 'resumeRoutingPoint', service: 'camp1' },
  startRoutingPoint: { type: 'startRoutingPoint', service: 'camp1', template: 'outbound', config },
  stopRoutingPoint: { type: 'stopRoutingPoint', service: 'camp1' },
  suspendRoutingPoint: { type: 'suspendRoutingPoint', service: 'camp1' },
  updateRoutingPoint: { type: 'updateRoutingPoint', service: 'camp1', config: { queueLimit: '50', agentsDistribution: 'cyclic' } },
  updateDirectory: { type: 'updateDirectory', directoryName: 'ldap' },
};

describe('codec: all 36 requests with every optional field', () => {
  it('has one full example per request type', () => {
    expect(Object.keys(FULL)).toEqual([...REQUEST_TYPES]);
    expect(REQUEST_TYPES).toHaveLength(36);
  });

  describe.each(REQUEST_TYPES.map((t) => [t, FULL[t]] as const))('%s', (type, request) => {
    it('round-trips', () => {
      const xml = encodeRequest(request);
      expect(xml.startsWith(`<TelServiceRequest><${type}`)).toBe(true);
      expect(decodeRequest(xml)).toEqual(request);
    });
  });

  it('writes openSession fields in the spec order', () => {
    expect(encodeRequest(FULL.openSession)).toBe(
      '<TelServiceRequest><openSession><deviceNumber>1101</deviceNumber><eventUDPPort>20001</eventUDPPort>' +
        '<eventUpdate><restricted/></eventUpdate><userID>agent1</userID><userPassword>p&amp;ss&lt;word&gt;</userPassword>' +
        '<sessionTimeout>600</sessionTimeout><startPbxMonitor><false/></startPbxMonitor></openSession></TelServiceRequest>',
    );
  });

  it('writes the wire names that differ from our field names', () => {
    expect(encodeRequest(FULL.queryUserStatistics)).toContain('<userID>agent1</userID><type><total/></type>');
    expect(encodeRequest(FULL.queryRoutingPointStatistics)).toContain('<service>service1</service><type><snapshot/></type>');
    expect(encodeRequest(FULL.forward)).toContain('<info><number>0612345678</number><type><noAnswerExt/></type><state><on/></state></info>');
    expect(encodeRequest(FULL.snapshot)).toContain('<resultOnEvent><timeout>30</timeout><snapshotSeq>42</snapshotSeq></resultOnEvent>');
    expect(encodeRequest(FULL.updateUserDirectory)).toContain('<parties><party><number>0160121314</number>');
    expect(encodeRequest(FULL.closeSession)).toContain('<actualCloseSessionTimeout>3</actualCloseSessionTimeout><clientOnly><true/></clientOnly>');
  });

  it('writes a full routing point config in the spec order', () => {
    expect(encodeRequest(FULL.startRoutingPoint)).toBe(
      '<TelServiceRequest><startRoutingPoint><service>camp1</service><template>outbound</template><config>' +
        '<serviceTimeout>3600</serviceTimeout><workingHours>8:30/12:00,12/17</workingHours>' +
        '<nonWorkingDaysOfWeek>1,7</nonWorkingDaysOfWeek><nonWorkingDays>25-12</nonWorkingDays>' +
        '<noAnswerTimeout>20</noAnswerTimeout><failedCallRetryTimeout>300</failedCallRetryTimeout>' +
        '<failedCallRetryLimit>3</failedCallRetryLimit><agentWorkingAfterCallTimeout>30</agentWorkingAfterCallTimeout>' +
        '<agentsDistribution><most-idle/></agentsDistribution><queueLimit>100</queueLimit>' +
        '<agentLoggedOnOnOpenSession><true/></agentLoggedOnOnOpenSession><agentReadyOnLoggedOn><false/></agentReadyOnLoggedOn>' +
        '<statisticsIncomingCallImmediateAbandonTimeout>5</statisticsIncomingCallImmediateAbandonTimeout>' +
        '</config></startRoutingPoint></TelServiceRequest>',
    );
  });

  it('writes a request with no field present as an empty element', () => {
    expect(encodeRequest({ type: 'queryHistory' })).toBe('<TelServiceRequest><queryHistory/></TelServiceRequest>');
    expect(decodeRequest('<TelServiceRequest><queryHistory/></TelServiceRequest>')).toEqual({ type: 'queryHistory' });
  });

  it('refuses to encode a request missing a required field, or with an unknown value', () => {
    const refusal = (value: unknown): CtiError => {
      try {
        encodeRequest(value as TelRequest);
      } catch (err) {
        expect(err).toBeInstanceOf(CtiError);
        expect((err as CtiError).code).toBe('invalidArgument');
        return err as CtiError;
      }
      throw new Error('expected an invalidArgument CtiError');
    };
    expect(refusal({ type: 'makeCall', deviceNumber: '1101' }).message).toBe('cannot encode makeCall: missing calledDeviceNumber');
    expect(refusal({ type: 'agentState', deviceNumber: '1101', state: 'busy' }).message).toBe(
      'cannot encode agentState/state: unknown value "busy"',
    );
    expect(refusal({ type: 'dialNumber', deviceNumber: '1101' }).message).toMatch(/unknown request type "dialNumber"/);
    expect(refusal({ type: 'makeCall', deviceNumber: 1101, calledDeviceNumber: '1' }).message).toMatch(/makeCall\/deviceNumber: expected a string/);
    refusal(null);
  });
});
