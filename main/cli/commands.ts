/**
 * Command -> what to do: a typed TelServices request (most commands), `raw` XML or `listen`.
 * Pure: every argument is validated here, before anything touches the network.
 */
import {
  FORWARD_TYPES,
  HISTORY_RECORD_TYPES,
  ON_OFF,
  REQUESTABLE_AGENT_STATES,
  STATISTICS_TYPES,
} from '../../common/telservices/enums';
import type { TelRequest } from '../../common/telservices/requests';
import type { ParsedArgs } from './args';
import { usageError } from './exit-codes';
import { routingPointRequest } from './commands-routing';
import { closeSessionRequest, openSessionRequest, updateUserDirectoryRequest } from './commands-session';
import { arity, compact, needDevice, str, type CommandInput } from './command-input';
import { listenOptions, type ListenOptions } from './listen-options';
import { connectionFrom, type Connection, type Env } from './connection';
import { hour, isoDate, nonEmpty, oneOf, phoneNumber, positiveInteger } from './validate';

export type Action =
  | { kind: 'help' }
  | { kind: 'version' }
  | { kind: 'request'; connection: Connection; json: boolean; request: TelRequest }
  | { kind: 'raw'; connection: Connection; json: boolean; source: string }
  | { kind: 'listen'; connection: Connection; json: boolean; listen: ListenOptions };

type Options = Readonly<Record<string, string | true>>;

export function buildAction(parsed: ParsedArgs, env: Env): Action {
  const { command, args, options } = parsed;
  if (options['help'] === true || command === 'help') return { kind: 'help' };
  if (options['version'] === true) return { kind: 'version' };
  if (command === undefined) throw usageError('no command given');

  const deviceText = str(options, 'device') ?? env.CTI_DEVICE;
  const device = deviceText === undefined ? undefined : phoneNumber(deviceText, '--device');
  const input: CommandInput = { command, args, options, device };
  const json = options['json'] === true;

  // Validate the command before the connection, so `cti make-call` without --server says what
  // the command lacks first (the more useful message when learning the tool).
  if (command === 'raw') {
    const [source] = arity(input, 1, 1, 'FILE|-');
    return { kind: 'raw', connection: connectionFrom(options, env), json, source: source as string };
  }
  if (command === 'listen') {
    arity(input, 0, 0, '');
    const listen = listenOptions(options, needDevice(input));
    return { kind: 'listen', connection: connectionFrom(options, env), json, listen };
  }
  const request = buildRequest(input);
  return { kind: 'request', connection: connectionFrom(options, env), json, request };
}

export function buildRequest(input: CommandInput): TelRequest {
  const { command, options } = input;
  switch (command) {
    case 'make-call': {
      const [number] = arity(input, 1, 1, 'NUMBER');
      return compact({
        type: 'makeCall',
        deviceNumber: needDevice(input),
        calledDeviceNumber: phoneNumber(number as string, 'NUMBER'),
        extraData: str(options, 'extra'),
      });
    }
    case 'answer':
      arity(input, 0, 0, '');
      return compact({ type: 'answerCall', deviceNumber: needDevice(input), callingNumber: optPhone(options, 'calling') });
    case 'drop':
    case 'hold':
    case 'retrieve': {
      arity(input, 0, 0, '');
      const type = ({ drop: 'dropCall', hold: 'holdCall', retrieve: 'retrieveCall' } as const)[command];
      return compact({ type, deviceNumber: needDevice(input), otherNumber: optPhone(options, 'other') });
    }
    case 'alternate':
    case 'reconnect':
    case 'transfer':
    case 'conference': {
      arity(input, 0, 0, '');
      const type = TWO_CALL_TYPES[command];
      return compact({
        type,
        deviceNumber: needDevice(input),
        primOtherNumber: optPhone(options, 'prim'),
        secOtherNumber: optPhone(options, 'sec'),
      });
    }
    case 'consult':
    case 'divert':
    case 'add-party':
      return newPartyRequest(input);
    case 'dnd': {
      const [state] = arity(input, 0, 1, '[on|off]');
      const deviceNumber = needDevice(input);
      if (state === undefined) return { type: 'queryDoNotDisturb', deviceNumber };
      return { type: 'doNotDisturb', deviceNumber, state: oneOf(ON_OFF, state, 'dnd state') };
    }
    case 'forward':
      return forwardRequest(input);
    case 'msg-waiting':
      arity(input, 0, 0, '');
      return { type: 'queryMsgWaiting', deviceNumber: needDevice(input) };
    case 'agent-state': {
      const [state] = arity(input, 0, 1, '[STATE]');
      const deviceNumber = needDevice(input);
      if (state === undefined) return { type: 'queryAgentState', deviceNumber };
      return { type: 'agentState', deviceNumber, state: oneOf(REQUESTABLE_AGENT_STATES, state, 'agent state') };
    }
    case 'history':
      return historyRequest(input);
    case 'search-name': {
      const [name] = arity(input, 1, 1, 'NAME');
      return compact({
        type: 'searchName',
        userID: str(options, 'user'),
        deviceNumber: input.device,
        name: nonEmpty(name as string, 'NAME'),
        limit: optLimit(options),
      });
    }
    case 'search-number': {
      const [number] = arity(input, 1, 1, 'NUMBER');
      return compact({
        type: 'searchNumber',
        userID: str(options, 'user'),
        deviceNumber: input.device,
        number: phoneNumber(number as string, 'NUMBER'),
      });
    }
    case 'snapshot':
      arity(input, 0, 0, '');
      return { type: 'snapshot', deviceNumber: needDevice(input) };
    case 'stats': {
      const [kind] = arity(input, 1, 1, 'snapshot|total');
      return compact({
        type: 'queryUserStatistics',
        deviceNumber: needDevice(input),
        userID: str(options, 'user'),
        statisticsType: oneOf(STATISTICS_TYPES, kind as string, 'stats type'),
      });
    }
    case 'qualify':
      arity(input, 0, 0, '');
      // Both default to true on the server: send `false` only when asked, nothing otherwise.
      return compact({
        type: 'qualifyCall',
        deviceNumber: needDevice(input),
        answerCall: options['no-answer'] === true ? false : undefined,
        needName: options['no-name'] === true ? false : undefined,
      });
    case 'update-directory': {
      const [name] = arity(input, 1, 1, 'NAME');
      return { type: 'updateDirectory', directoryName: nonEmpty(name as string, 'NAME') };
    }
    case 'routing-point':
      return routingPointRequest(input);
    case 'open-session':
      return openSessionRequest(input);
    case 'close-session':
      return closeSessionRequest(input);
    case 'update-user-directory':
      return updateUserDirectoryRequest(input);
    case 'raw':
    case 'listen':
    case 'help':
      throw usageError(`${command} is not a request`);
    default: {
      const unreachable: never = command;
      throw usageError(`unknown command '${String(unreachable)}'`);
    }
  }
}

const TWO_CALL_TYPES = {
  alternate: 'alternateCall',
  reconnect: 'reconnectCall',
  transfer: 'transferCall',
  conference: 'conferenceCall',
} as const;

function newPartyRequest(input: CommandInput): TelRequest {
  const [number] = arity(input, 1, 1, 'NUMBER');
  const party = phoneNumber(number as string, 'NUMBER');
  const deviceNumber = needDevice(input);
  const extraData = str(input.options, 'extra');
  const otherNumber = optPhone(input.options, 'other');
  switch (input.command) {
    case 'consult':
      return compact({ type: 'consultationCall', deviceNumber, otherNumber, consultedDeviceNumber: party, extraData });
    case 'divert':
      return compact({ type: 'divertCall', deviceNumber, otherNumber, divertedDeviceNumber: party, extraData });
    default:
      return compact({ type: 'addPartyToCall', deviceNumber, otherNumber, addedDeviceNumber: party, extraData });
  }
}

function forwardRequest(input: CommandInput): TelRequest {
  const [typeText, stateText, number] = arity(input, 0, 3, '[TYPE on|off [NUMBER]]');
  const deviceNumber = needDevice(input);
  if (typeText === undefined) return { type: 'queryForward', deviceNumber };
  const type = oneOf(FORWARD_TYPES, typeText, 'forward TYPE');
  if (stateText === undefined) throw usageError('forward TYPE needs on or off');
  const state = oneOf(ON_OFF, stateText, 'forward state');
  if (state === 'on' && number === undefined) throw usageError('forward TYPE on needs the NUMBER to forward to');
  const info = number === undefined ? { type, state } : { number: phoneNumber(number, 'NUMBER'), type, state };
  return { type: 'forward', deviceNumber, info };
}

function historyRequest(input: CommandInput): TelRequest {
  arity(input, 0, 0, '');
  const { options } = input;
  const recordType = str(options, 'type');
  const from = str(options, 'from');
  const startHour = str(options, 'hour');
  if (startHour !== undefined && from === undefined) throw usageError('--hour needs --from (the server ignores it alone)');
  const to = str(options, 'to');
  return compact({
    type: 'queryHistory',
    recordType: recordType === undefined ? undefined : oneOf(HISTORY_RECORD_TYPES, recordType, '--type'),
    deviceNumber: input.device,
    userID: str(options, 'user'),
    startDate: from === undefined ? undefined : isoDate(from, '--from'),
    startHour: startHour === undefined ? undefined : hour(startHour, '--hour'),
    endDate: to === undefined ? undefined : isoDate(to, '--to'),
    search: str(options, 'search'),
    limit: optLimit(options),
  });
}

function optPhone(options: Options, name: string): string | undefined {
  const v = str(options, name);
  return v === undefined ? undefined : phoneNumber(v, `--${name}`);
}

function optLimit(options: Options): string | undefined {
  const v = str(options, 'limit');
  return v === undefined ? undefined : positiveInteger(v, '--limit');
}
