import { describe, expect, it } from 'vitest';
import { CtiError } from '../../../common/errors';
import type { TelRequest } from '../../../common/telservices/requests';
import { parseArgs } from '../../../main/cli/args';
import { buildAction, type Action } from '../../../main/cli/commands';
import type { Env } from '../../../main/cli/connection';

const GLOBAL = ['--server', '127.0.0.1:3000', '--device', '1101'];

function action(argv: string[], env: Env = {}): Action {
  return buildAction(parseArgs(argv), env);
}

function request(...argv: string[]): TelRequest {
  const a = action([...GLOBAL, ...argv]);
  if (a.kind !== 'request') throw new Error(`not a request: ${a.kind}`);
  return a.request;
}

function usage(argv: string[], env: Env = {}): string {
  try {
    action(argv, env);
  } catch (err) {
    expect(err).toBeInstanceOf(CtiError);
    expect((err as CtiError).code).toBe('invalidArgument');
    return (err as CtiError).message;
  }
  throw new Error(`expected a usage error for ${argv.join(' ')}`);
}

describe('commands -> requests', () => {
  it('maps the call commands', () => {
    expect(request('make-call', '1102')).toEqual({ type: 'makeCall', deviceNumber: '1101', calledDeviceNumber: '1102' });
    expect(request('make-call', '0160121314', '--extra', 'ref=42')).toEqual({
      type: 'makeCall',
      deviceNumber: '1101',
      calledDeviceNumber: '0160121314',
      extraData: 'ref=42',
    });
    expect(request('answer')).toEqual({ type: 'answerCall', deviceNumber: '1101' });
    expect(request('answer', '--calling', '1102')).toEqual({ type: 'answerCall', deviceNumber: '1101', callingNumber: '1102' });
    expect(request('drop')).toEqual({ type: 'dropCall', deviceNumber: '1101' });
    expect(request('hold', '--other', '1102')).toEqual({ type: 'holdCall', deviceNumber: '1101', otherNumber: '1102' });
    expect(request('retrieve')).toEqual({ type: 'retrieveCall', deviceNumber: '1101' });
    expect(request('alternate')).toEqual({ type: 'alternateCall', deviceNumber: '1101' });
    expect(request('reconnect', '--prim', '1102')).toEqual({
      type: 'reconnectCall',
      deviceNumber: '1101',
      primOtherNumber: '1102',
    });
    expect(request('transfer', '--sec', '1103', '--prim', '1102')).toEqual({
      type: 'transferCall',
      deviceNumber: '1101',
      primOtherNumber: '1102',
      secOtherNumber: '1103',
    });
    expect(request('conference')).toEqual({ type: 'conferenceCall', deviceNumber: '1101' });
    expect(request('consult', '1103')).toEqual({ type: 'consultationCall', deviceNumber: '1101', consultedDeviceNumber: '1103' });
    expect(request('divert', '1103', '--other', '1102', '--extra', 'x')).toEqual({
      type: 'divertCall',
      deviceNumber: '1101',
      otherNumber: '1102',
      divertedDeviceNumber: '1103',
      extraData: 'x',
    });
    expect(request('add-party', '1103')).toEqual({ type: 'addPartyToCall', deviceNumber: '1101', addedDeviceNumber: '1103' });
  });

  it('queries without an argument and sets with one (dnd, forward, agent-state)', () => {
    expect(request('dnd')).toEqual({ type: 'queryDoNotDisturb', deviceNumber: '1101' });
    expect(request('dnd', 'on')).toEqual({ type: 'doNotDisturb', deviceNumber: '1101', state: 'on' });
    expect(request('forward')).toEqual({ type: 'queryForward', deviceNumber: '1101' });
    expect(request('forward', 'immediate', 'on', '1102')).toEqual({
      type: 'forward',
      deviceNumber: '1101',
      info: { number: '1102', type: 'immediate', state: 'on' },
    });
    expect(request('forward', 'noAnswerExt', 'off')).toEqual({
      type: 'forward',
      deviceNumber: '1101',
      info: { type: 'noAnswerExt', state: 'off' },
    });
    expect(request('agent-state')).toEqual({ type: 'queryAgentState', deviceNumber: '1101' });
    expect(request('agent-state', 'notReady')).toEqual({ type: 'agentState', deviceNumber: '1101', state: 'notReady' });
    expect(request('msg-waiting')).toEqual({ type: 'queryMsgWaiting', deviceNumber: '1101' });
  });

  it('maps history with only the filters given', () => {
    expect(request('history')).toEqual({ type: 'queryHistory', deviceNumber: '1101' });
    expect(
      request('history', '--type', 'all', '--from', '2009-12-02', '--hour', '0', '--to', '2009-12-31', '--search', 'Bob', '--limit', '20', '--user', 'u1'),
    ).toEqual({
      type: 'queryHistory',
      recordType: 'all',
      deviceNumber: '1101',
      userID: 'u1',
      startDate: '2009-12-02',
      startHour: '0',
      endDate: '2009-12-31',
      search: 'Bob',
      limit: '20',
    });
    // The device is optional for history and the searches.
    const a = action(['--server', 'h:1', 'history', '--user', 'u1']);
    expect(a.kind === 'request' && a.request).toEqual({ type: 'queryHistory', userID: 'u1' });
  });

  it('maps the directory searches, keeping + and leading zeros', () => {
    expect(request('search-name', 'Mar', '--limit', '5')).toEqual({
      type: 'searchName',
      deviceNumber: '1101',
      name: 'Mar',
      limit: '5',
    });
    expect(request('search-number', '+33160127764')).toEqual({
      type: 'searchNumber',
      deviceNumber: '1101',
      number: '+33160127764',
    });
    const a = action(['--server', 'h:1', 'search-number', '0160121314', '--user', 'bob']);
    expect(a.kind === 'request' && a.request).toEqual({ type: 'searchNumber', userID: 'bob', number: '0160121314' });
  });

  it('maps snapshot, stats, qualify and update-directory', () => {
    expect(request('snapshot')).toEqual({ type: 'snapshot', deviceNumber: '1101' });
    expect(request('stats', 'total')).toEqual({ type: 'queryUserStatistics', deviceNumber: '1101', statisticsType: 'total' });
    expect(request('stats', 'snapshot', '--user', 'a1')).toEqual({
      type: 'queryUserStatistics',
      deviceNumber: '1101',
      userID: 'a1',
      statisticsType: 'snapshot',
    });
    expect(request('qualify')).toEqual({ type: 'qualifyCall', deviceNumber: '1101' });
    expect(request('qualify', '--no-answer', '--no-name')).toEqual({
      type: 'qualifyCall',
      deviceNumber: '1101',
      answerCall: false,
      needName: false,
    });
    expect(request('update-directory', 'ldap')).toEqual({ type: 'updateDirectory', directoryName: 'ldap' });
  });

  it('maps the routing point commands, with a config only when flags are given', () => {
    expect(request('routing-point', 'state', 'service1')).toEqual({ type: 'queryRoutingPointState', service: 'service1' });
    expect(request('routing-point', 'stats', 'service1')).toEqual({
      type: 'queryRoutingPointStatistics',
      service: 'service1',
      statisticsType: 'snapshot',
    });
    expect(request('routing-point', 'stats', 'service1', 'total')).toEqual({
      type: 'queryRoutingPointStatistics',
      service: 'service1',
      statisticsType: 'total',
    });
    expect(request('routing-point', 'start', 'camp1')).toEqual({ type: 'startRoutingPoint', service: 'camp1' });
    expect(request('routing-point', 'stop', 'camp1')).toEqual({ type: 'stopRoutingPoint', service: 'camp1' });
    expect(request('routing-point', 'suspend', 'camp1')).toEqual({ type: 'suspendRoutingPoint', service: 'camp1' });
    expect(request('routing-point', 'resume', 'camp1')).toEqual({ type: 'resumeRoutingPoint', service: 'camp1' });
    expect(request('routing-point', 'update', 'camp1')).toEqual({ type: 'updateRoutingPoint', service: 'camp1' });
    const start = request(
      'routing-point', 'start', 'camp1', '--template', 'outbound',
      '--distribution', 'most-idle', '--no-answer-timeout', '20', '--working-hours', '8:30/12:00,13/17',
      '--non-working-days-of-week', '1,7', '--non-working-days', '25-12', '--agent-ready-on-logged-on', 'true',
      '--queue-limit', '100',
    );
    expect(start).toEqual({
      type: 'startRoutingPoint',
      service: 'camp1',
      template: 'outbound',
      config: {
        workingHours: '8:30/12:00,13/17',
        nonWorkingDaysOfWeek: '1,7',
        nonWorkingDays: '25-12',
        noAnswerTimeout: '20',
        agentsDistribution: 'most-idle',
        queueLimit: '100',
        agentReadyOnLoggedOn: true,
      },
    });
    expect(request('routing-point', 'update', 'camp1', '--failed-call-retry-limit', '3')).toEqual({
      type: 'updateRoutingPoint',
      service: 'camp1',
      config: { failedCallRetryLimit: '3' },
    });
  });
});

describe('environment, connection and the non-request commands', () => {
  it('reads CTI_SERVER and CTI_DEVICE; the flags win', () => {
    const fromEnv = action(['snapshot'], { CTI_SERVER: '10.0.0.5:3000', CTI_DEVICE: '1101' });
    expect(fromEnv).toMatchObject({
      kind: 'request',
      request: { type: 'snapshot', deviceNumber: '1101' },
      connection: { host: '10.0.0.5', port: 3000, http: false },
    });
    const flagsWin = action(['snapshot', '--server', 'h:7', '--device', '2202'], { CTI_SERVER: 'x:1', CTI_DEVICE: '1101' });
    expect(flagsWin).toMatchObject({ request: { deviceNumber: '2202' }, connection: { host: 'h', port: 7 } });
  });

  it('builds the connection: timeouts, http, end-of-PDU escapes, IPv6', () => {
    expect(action([...GLOBAL, 'drop'])).toMatchObject({ connection: { replyTimeoutMs: 5000, connectTimeoutMs: 3000 } });
    expect(action([...GLOBAL, 'drop', '--timeout', '500'])).toMatchObject({
      connection: { replyTimeoutMs: 500, connectTimeoutMs: 500 },
    });
    expect(action([...GLOBAL, 'drop', '--connect-timeout', '100', '--http'])).toMatchObject({
      connection: { connectTimeoutMs: 100, http: true },
    });
    expect(action([...GLOBAL, 'drop', '--eop', '\\0'])).toMatchObject({ connection: { endOfPdu: '\0' } });
    expect(action([...GLOBAL, 'drop', '--eop', '<EOP>\\r\\n'])).toMatchObject({ connection: { endOfPdu: '<EOP>\r\n' } });
    expect(action([...GLOBAL, 'drop', '--eop', '\\x1e'])).toMatchObject({ connection: { endOfPdu: '\x1e' } });
    expect(action(['--server', '[::1]:3000', '--device', '1', 'drop'])).toMatchObject({
      connection: { host: '::1', port: 3000 },
    });
  });

  it('help, version, raw and listen', () => {
    expect(action(['--help'])).toEqual({ kind: 'help' });
    expect(action(['help'])).toEqual({ kind: 'help' });
    expect(action(['make-call', '-h'])).toEqual({ kind: 'help' });
    expect(action(['--version'])).toEqual({ kind: 'version' });
    expect(action([...GLOBAL, 'raw', '-'])).toMatchObject({ kind: 'raw', source: '-' });
    expect(action([...GLOBAL, 'listen'])).toMatchObject({
      kind: 'listen',
      listen: { deviceNumber: '1101', udpPort: 0, eventSources: [], eventUpdate: 'full', poll: false },
    });
    expect(
      action([...GLOBAL, 'listen', '--restricted', '--udp-port', '20001', '--user', 'u', '--password', 'p', '--session-timeout', '60']),
    ).toMatchObject({
      listen: { udpPort: 20001, eventUpdate: 'restricted', userID: 'u', userPassword: 'p', sessionTimeout: '60' },
    });
    expect(action([...GLOBAL, 'listen', '--poll', '--poll-timeout', '5', '--json'])).toMatchObject({
      json: true,
      listen: { poll: true, pollTimeoutS: 5 },
    });
  });
});

describe('usage errors (exit 2) are found before anything is sent', () => {
  it.each([
    [['--device', '1101', 'make-call', '1102'], '--server HOST:PORT (or CTI_SERVER) is required'],
    [['--server', 'h:1', 'make-call', '1102'], 'make-call needs --device N (or CTI_DEVICE)'],
    [[...GLOBAL], 'no command given'],
    [[...GLOBAL, 'make-call'], 'make-call needs NUMBER'],
    [[...GLOBAL, 'make-call', '11a2'], "NUMBER '11a2' is not a phone number (digits, *, #, optional leading +)"],
    [[...GLOBAL, 'make-call', '1102', '1103'], "make-call: unexpected argument '1103' (usage: make-call NUMBER)"],
    [[...GLOBAL, 'drop', 'now'], "drop: unexpected argument 'now'"],
    [[...GLOBAL, 'dnd', 'maybe'], "dnd state 'maybe' must be one of: on, off"],
    [[...GLOBAL, 'forward', 'always', 'on', '1102'], "forward TYPE 'always' must be one of: immediate, busy, noAnswer, immInt, immExt, busyInt, busyExt, noAnswerInt, noAnswerExt"],
    [[...GLOBAL, 'forward', 'busy'], 'forward TYPE needs on or off'],
    [[...GLOBAL, 'forward', 'busy', 'on'], 'forward TYPE on needs the NUMBER to forward to'],
    [[...GLOBAL, 'agent-state', 'busy'], "agent state 'busy' must be one of: loggedOff, loggedOn, notReady, ready, workingAfterCall"],
    [[...GLOBAL, 'agent-state', 'null'], "agent state 'null' must be one of: loggedOff, loggedOn, notReady, ready, workingAfterCall"],
    [[...GLOBAL, 'history', '--from', '2009-13-02'], "--from '2009-13-02' is not a date YYYY-MM-DD"],
    [[...GLOBAL, 'history', '--from', '2025-02-29'], "--from '2025-02-29' is not a date YYYY-MM-DD"],
    [[...GLOBAL, 'history', '--to', '02/12/2009'], "--to '02/12/2009' is not a date YYYY-MM-DD"],
    [[...GLOBAL, 'history', '--from', '2009-12-02', '--hour', '24'], "--hour '24' must be an integer from 0 to 23"],
    [[...GLOBAL, 'history', '--from', '2009-12-02', '--hour', '-1'], "--hour '-1' must be an integer from 0 to 23"],
    [[...GLOBAL, 'history', '--hour', '3'], '--hour needs --from (the server ignores it alone)'],
    [[...GLOBAL, 'history', '--limit', '0'], "--limit '0' must be an integer from 1 to 9007199254740991"],
    [[...GLOBAL, 'history', '--type', 'calls'], "--type 'calls' must be one of: call, agent, all"],
    [[...GLOBAL, 'search-name', 'Mar', '--limit', '2.5'], "--limit '2.5' must be an integer from 1 to 9007199254740991"],
    [[...GLOBAL, 'search-name', ' '], 'NAME must not be empty'],
    [[...GLOBAL, 'stats'], 'stats needs snapshot|total'],
    [[...GLOBAL, 'stats', 'daily'], "stats type 'daily' must be one of: snapshot, total"],
    [[...GLOBAL, 'routing-point', 'state'], 'routing-point needs state|stats|start|stop|suspend|resume|update SERVICE'],
    [[...GLOBAL, 'routing-point', 'pause', 's1'], "routing-point action 'pause' must be one of: state, stats, start, stop, suspend, resume, update"],
    [[...GLOBAL, 'routing-point', 'stop', 's1', '--distribution', 'cyclic'], 'config flags apply to routing-point start|update, not stop'],
    [[...GLOBAL, 'routing-point', 'start', 's1', '--distribution', 'random'], "--distribution 'random' must be one of: cyclic, sequential, most-idle"],
    [[...GLOBAL, 'routing-point', 'start', 's1', '--working-hours', '8-12'], "--working-hours '8-12' must look like 8:30/12:00,13/17"],
    [[...GLOBAL, 'routing-point', 'update', 's1', '--template', 't'], '--template applies to routing-point start'],
    [[...GLOBAL, 'routing-point', 'state', 's1', 'x'], "routing-point state: unexpected argument 'x'"],
    [[...GLOBAL, 'routing-point', 'start', 's1', '--agent-ready-on-logged-on', 'maybe'], "--agent-ready-on-logged-on 'maybe' must be true or false"],
    [[...GLOBAL, 'raw'], 'raw needs FILE|-'],
    [[...GLOBAL, 'listen', '--poll', '--udp-port', '1'], '--udp-port/--udp-host do not apply with --poll (no UDP then)'],
    [[...GLOBAL, 'listen', '--poll-timeout', '5'], '--poll-timeout needs --poll'],
    [[...GLOBAL, 'listen', '--udp-port', '70000'], "--udp-port '70000' must be an integer from 0 to 65535"],
    [['--server', 'nohost', '--device', '1', 'drop'], "--server 'nohost' must be HOST:PORT (port 1-65535)"],
    [['--server', 'h:0', '--device', '1', 'drop'], "--server 'h:0' must be HOST:PORT (port 1-65535)"],
    [['--server', 'h:1', '--device', '11 01', 'drop'], "--device '11 01' is not a phone number (digits, *, #, optional leading +)"],
    [[...GLOBAL, 'drop', '--timeout', 'soon'], "--timeout 'soon' must be an integer from 1 to 9007199254740991"],
    [[...GLOBAL, 'drop', '--timeout', '0'], "--timeout '0' must be an integer from 1 to 9007199254740991"],
    [[...GLOBAL, 'drop', '--timeout', '99999999999'], '--timeout 99999999999 is more than a day'],
    [[...GLOBAL, 'drop', '--eop', '\\q'], "--eop '\\q': unknown escape \\q"],
  ])('%j -> %s', (argv, message) => {
    expect(usage(argv)).toBe(message);
  });

  it('a bad CTI_DEVICE is a usage error too', () => {
    expect(usage(['snapshot'], { CTI_SERVER: 'h:1', CTI_DEVICE: 'abc' })).toBe(
      "--device 'abc' is not a phone number (digits, *, #, optional leading +)",
    );
  });

  it('accepts the dialable characters', () => {
    for (const number of ['+33160127764', '0160121314', '*21#', '#31#0160121314', '1102']) {
      expect(request('make-call', number)).toMatchObject({ calledDeviceNumber: number });
    }
    expect(usage([...GLOBAL, 'make-call', '33+1'])).toMatch(/is not a phone number/);
    expect(usage([...GLOBAL, 'make-call', ''])).toMatch(/is not a phone number/);
  });
});
