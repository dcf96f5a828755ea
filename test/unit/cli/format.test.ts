import { describe, expect, it } from 'vitest';
import type { TelEvent } from '../../../common/telservices/events';
import type { CallInfo } from '../../../common/telservices/structures';
import { formatResult } from '../../../main/cli/format';
import { eventLine } from '../../../main/cli/format-event';
import { keyValues, table } from '../../../main/cli/format-table';

describe('table and keyValues', () => {
  it('aligns columns, drops empty columns and trailing blanks', () => {
    expect(
      table(
        ['A', 'EMPTY', 'LONGER', 'Z'],
        [
          ['x', '', 'y', ''],
          ['wide-cell', '', '', 'end'],
        ],
      ),
    ).toBe(['A          LONGER  Z', 'x          y', 'wide-cell          end'].join('\n'));
  });

  it('aligns values and skips undefined ones', () => {
    expect(keyValues([['a', '1'], ['skipped', undefined], ['long key', '2']])).toBe('a:        1\nlong key: 2');
  });
});

describe('formatResult', () => {
  it('prints ok for a standard result and one line for the states', () => {
    expect(formatResult({ type: 'standard' })).toBe('ok');
    expect(formatResult({ type: 'doNotDisturb', state: 'off' })).toBe('dnd off');
    expect(formatResult({ type: 'msgWaiting', state: 'on' })).toBe('msg-waiting on');
    expect(formatResult({ type: 'routingPointState', state: 'started-running' })).toBe('started-running');
    expect(formatResult({ type: 'qualifyCall', number: '1101' })).toBe('1101');
    expect(formatResult({ type: 'qualifyCall', number: '+331', name: 'Bob' })).toBe('+331  Bob');
  });

  it('prints the agent of queryAgentState (the spec example)', () => {
    expect(
      formatResult({
        type: 'agent',
        agent: {
          state: 'workingAfterCall',
          timeout: '30',
          inboundServices: ['service1'],
          permittedStates: ['ready', 'notReady', 'workingAfterCall'],
        },
      }),
    ).toBe('agent workingAfterCall, timeout 30 s, inbound service1, permitted ready|notReady|workingAfterCall');
  });

  it('prints forwards and directory results as tables, with numbers as written', () => {
    expect(formatResult({ type: 'forwards', forwards: [] })).toBe('no forward');
    expect(formatResult({ type: 'forwards', forwards: [{ number: '0160121314', type: 'immediate', state: 'on' }] })).toBe(
      'TYPE       STATE  NUMBER\nimmediate  on     0160121314',
    );
    expect(formatResult({ type: 'searchDirectory', parties: [] })).toBe('no match');
    expect(
      formatResult({
        type: 'searchDirectory',
        parties: [
          { number: '+801', name: 'Marcel Jagger', numberType: 'work', company: 'uniGone' },
          { number: '+33160127764', name: 'Martin Jagger', numberType: 'home', company: 'uniGone' },
        ],
      }),
    ).toBe(
      [
        'NUMBER        NAME           TYPE  COMPANY',
        '+801          Marcel Jagger  work  uniGone',
        '+33160127764  Martin Jagger  home  uniGone',
      ].join('\n'),
    );
  });

  it('prints history as an aligned table (the spec example plus a number with a leading zero)', () => {
    const record = {
      creationDate: '2009-12-02',
      creationTime: '15:32:43',
      otherParty: { number: '8005' },
      alertingDuration: '0',
      duration: '0',
      isOutgoing: true,
      isConnected: false,
      cause: 'normal' as const,
    };
    expect(
      formatResult({
        type: 'history',
        records: [record, { ...record, creationTime: '14:53:27', otherParty: { number: '0160121314', name: 'Bob Blake' }, isOutgoing: false, duration: '125', isConnected: true }],
      }),
    ).toBe(
      [
        'DATE        TIME      DIR  NUMBER      NAME       ALERTING  DURATION  CONNECTED  CAUSE',
        '2009-12-02  15:32:43  out  8005                   0         0         no         normal',
        '2009-12-02  14:53:27  in   0160121314  Bob Blake  0         125       yes        normal',
      ].join('\n'),
    );
    expect(formatResult({ type: 'history', records: [] })).toBe('no record');
  });

  it('summarises a snapshot (the spec example 1)', () => {
    expect(
      formatResult({
        type: 'snapshot',
        snapshot: {
          calls: [
            {
              id: '1',
              primCall: {
                state: 'alerting',
                otherParty: { number: '1101' },
                duration: '0',
                isOutgoing: false,
                isConference: false,
              },
              permittedServices: ['answerCall', 'divertCall'],
            },
          ],
          forwards: [{ number: '1102', type: 'immediate', state: 'on' }],
          msgWaiting: 'off',
          doNotDisturb: 'off',
        },
      }),
    ).toBe(
      [
        'calls: 1',
        '  call 1 alerting from 1101  [answerCall divertCall]',
        'forwards: 1',
        '  immediate on -> 1102',
        'msg-waiting: off',
        'dnd:         off',
      ].join('\n'),
    );
    expect(formatResult({ type: 'snapshot', snapshot: { calls: [], forwards: [] } })).toBe('calls: none\nforwards: none');
  });

  it('prints statistics as key: value blocks', () => {
    expect(
      formatResult({
        type: 'userStatistics',
        statistics: { type: 'snapshot', snapshot: { agentState: 'ready', inboundServices: ['service1'] } },
      }),
    ).toBe('agentState:      ready\ninboundServices: service1');
    const total = formatResult({
      type: 'userStatistics',
      statistics: {
        type: 'total',
        total: { start: '2009-11-09T11:13:23', agentLoggedOnDuration: '00:07:01', agentLoggedOnPercentage: '1.0E2' },
      },
    });
    expect(total.split('\n')).toEqual([
      'start:                   2009-11-09T11:13:23',
      'agentLoggedOnDuration:   00:07:01',
      'agentLoggedOnPercentage: 1.0E2',
    ]);
    const rp = formatResult({
      type: 'routingPointStatistics',
      statistics: {
        type: 'snapshot',
        snapshot: {
          queuedCallsCount: '0',
          readyAvailableAgentsCount: '2',
          agents: [
            { deviceNumber: '8001', userID: 'agent8001', agentState: 'ready', inboundServices: ['service1'] },
            { deviceNumber: '8002', agentState: 'loggedOff' },
          ],
        },
      },
    });
    expect(rp).toBe(
      [
        'queuedCallsCount:          0',
        'readyAvailableAgentsCount: 2',
        '',
        'DEVICE  USER       STATE      INBOUND',
        '8001    agent8001  ready      service1',
        '8002               loggedOff',
      ].join('\n'),
    );
    const rpTotal = formatResult({
      type: 'routingPointStatistics',
      statistics: {
        type: 'total',
        total: {
          start: '2009-11-09T11:12:23',
          workDuration: '04:10:23',
          agents: [{ deviceNumber: '8001', userID: 'agent8001', agentReadyDuration: '00:17:35' }, { deviceNumber: '8002' }],
        },
      },
    });
    expect(rpTotal).toBe(
      [
        'start:        2009-11-09T11:12:23',
        'workDuration: 04:10:23',
        '',
        'agent 8001',
        '  userID:             agent8001',
        '  agentReadyDuration: 00:17:35',
        '',
        'agent 8002',
      ].join('\n'),
    );
  });
});

describe('eventLine', () => {
  const at = new Date(2026, 0, 2, 12, 1, 2);
  const leg = (over: Partial<NonNullable<CallInfo['primCall']>>): NonNullable<CallInfo['primCall']> => ({
    state: 'alerting',
    otherParty: { number: '1101' },
    duration: '0',
    isOutgoing: false,
    isConference: false,
    ...over,
  });

  it.each<[TelEvent, string]>([
    [{ type: 'call', deviceNumber: '1102', call: { id: '1', primCall: leg({}) } }, '12:01:02 call 1 alerting from 1101'],
    [
      { type: 'call', call: { id: '1', primCall: leg({ state: 'initiated', otherParty: { number: '' }, isOutgoing: true }) } },
      '12:01:02 call 1 initiated',
    ],
    [
      {
        type: 'call',
        call: {
          id: '1',
          primCall: leg({ state: 'hold', otherParty: { number: '1102' }, isOutgoing: true }),
          secCall: leg({ state: 'connected', otherParty: { number: '1103', name: 'Bob' }, isOutgoing: true }),
        },
      },
      '12:01:02 call 1 hold to 1102; consult connected to 1103 (Bob)',
    ],
    [
      {
        type: 'call',
        call: {
          id: '1',
          primCall: leg({ state: 'connected', otherParty: { number: '1101' }, lastRedirectionParty: { number: '1102' }, cause: 'transfer' }),
        },
      },
      '12:01:02 call 1 connected from 1101 via 1102 (transfer)',
    ],
    [{ type: 'call', call: { id: '7' } }, '12:01:02 call 7 gone'],
    [{ type: 'agent', agent: { state: 'ready', userID: 'a1' } }, '12:01:02 agent ready, user a1'],
    [{ type: 'forward', forward: { number: '1102', type: 'immediate', state: 'on' } }, '12:01:02 forward immediate on -> 1102'],
    [{ type: 'forward', forward: { type: 'busy', state: 'off' } }, '12:01:02 forward busy off'],
    [{ type: 'doNotDisturb', state: 'on' }, '12:01:02 dnd on'],
    [{ type: 'msgWaiting', state: 'on' }, '12:01:02 msg-waiting on'],
    [{ type: 'session', session: 'pbxlinkOutOfService' }, '12:01:02 session pbxlinkOutOfService'],
  ])('%j', (event, line) => {
    expect(eventLine(event, at)).toBe(line);
  });
});
