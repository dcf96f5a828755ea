/**
 * Each command, encoded by the codec, is byte for byte the spec's example of its request (after
 * removing the blanks between tags): the command line maps onto the protocol as the spec means it.
 */
import { describe, expect, it } from 'vitest';
import { parseArgs } from '../../../main/cli/args';
import { buildAction } from '../../../main/cli/commands';
import { telSessionOptions } from '../../../main/cli/listen-options';
import { encodeRequest } from '../../../main/telservices/codec';
import { openSessionFields } from '../../../main/telservices/session-options';
import { compactXml, specFixture } from '../../support/spec-fixtures';

const CASES: [fixture: string, argv: string[]][] = [
  ['request-addPartyToCall-1', ['--device', '1102', 'add-party', '1103']],
  ['request-agentState-1', ['--device', '1101', 'agent-state', 'notReady']],
  ['request-alternateCall-1', ['--device', '1102', 'alternate']],
  ['request-answerCall-1', ['--device', '1102', 'answer', '--calling', '1101']],
  ['request-conferenceCall-1', ['--device', '1102', 'conference']],
  ['request-consultationCall-1', ['--device', '1102', 'consult', '1103']],
  ['request-divertCall-1', ['--device', '1102', 'divert', '1103']],
  // The spec's example lacks its first '<' (specs/README.md); the fixture has it fixed.
  ['request-doNotDisturb-1', ['--device', '1101', 'dnd', 'on']],
  ['request-dropCall-1', ['--device', '1101', 'drop']],
  ['request-forward-1', ['--device', '1101', 'forward', 'immediate', 'on', '1102']],
  ['request-holdCall-1', ['--device', '1101', 'hold']],
  ['request-makeCall-1', ['--device', '1101', 'make-call', '1102']],
  ['request-qualifyCall-1', ['--device', '1102', 'qualify']],
  ['request-queryAgentState-1', ['--device', '1101', 'agent-state']],
  ['request-queryDoNotDisturb-1', ['--device', '1101', 'dnd']],
  ['request-queryForward-1', ['--device', '1101', 'forward']],
  ['request-queryHistory-1', ['--device', '8001', 'history', '--from', '2009-12-02']],
  ['request-queryMsgWaiting-1', ['--device', '1101', 'msg-waiting']],
  ['request-queryRoutingPointState-1', ['routing-point', 'state', 'service1']],
  ['request-queryRoutingPointStatistics-1', ['routing-point', 'stats', 'service1']],
  ['request-queryRoutingPointStatistics-2', ['routing-point', 'stats', 'service1', 'total']],
  ['request-queryUserStatistics-1', ['--device', '1101', 'stats', 'snapshot']],
  ['request-queryUserStatistics-2', ['--device', '1101', 'stats', 'total']],
  ['request-reconnectCall-1', ['--device', '1102', 'reconnect']],
  ['request-resumeRoutingPoint-1', ['routing-point', 'resume', 'camp1']],
  ['request-retrieveCall-1', ['--device', '1101', 'retrieve']],
  ['request-searchName-1', ['search-name', 'Mar']],
  ['request-searchNumber-1', ['search-number', '+33130127764']],
  ['request-snapshot-1', ['--device', '1102', 'snapshot']],
  ['request-snapshot-2', ['--device', '1101', 'snapshot']],
  ['request-startRoutingPoint-1', ['routing-point', 'start', 'camp1']],
  ['request-stopRoutingPoint-1', ['routing-point', 'stop', 'camp1']],
  ['request-suspendRoutingPoint-1', ['routing-point', 'suspend', 'camp1']],
  ['request-transferCall-1', ['--device', '1102', 'transfer']],
  ['request-updateDirectory-1', ['update-directory', 'ldap']],
  ['request-updateRoutingPoint-1', ['routing-point', 'update', 'camp1']],
];

describe('cti commands encode to the spec examples', () => {
  it.each(CASES)('%s <- cti %j', (fixture, argv) => {
    const action = buildAction(parseArgs(['--server', '127.0.0.1:3000', ...argv]), {});
    if (action.kind !== 'request') throw new Error(`expected a request, got ${action.kind}`);
    expect(encodeRequest(action.request)).toBe(compactXml(specFixture(fixture)));
  });

  it.each([
    ['request-openSession-1', ['--device', '1101', 'listen', '--udp-port', '20001']],
    ['request-openSession-2', ['--device', '1101', 'listen', '--udp-port', '20001', '--user', '1101']],
  ])('%s <- cti %j', (fixture, argv) => {
    const action = buildAction(parseArgs(['--server', '127.0.0.1:3000', ...argv]), {});
    if (action.kind !== 'listen') throw new Error(`expected listen, got ${action.kind}`);
    // listen's TelSession sends the port it actually bound; with --udp-port that is the port asked for.
    const noNetwork = { request: () => Promise.reject(new Error('no network in this test')) };
    const options = telSessionOptions(action.listen, noNetwork, undefined);
    expect(encodeRequest({ type: 'openSession', ...openSessionFields(options, action.listen.udpPort) })).toBe(
      compactXml(specFixture(fixture)),
    );
  });
});
