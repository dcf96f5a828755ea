/**
 * `open-session`, `close-session` and `update-user-directory` (pure: arguments in, a typed request
 * out). Every optional field of the spec has an option and is sent only when given, so the server's
 * defaults stay the server's (eventUpdate full, startPbxMonitor true, clientOnly true, close at once).
 *
 * A session opened here is the server's, not this process's: nothing closes it when `cti` exits, so
 * the call commands that need one can be tried by hand (`cti close-session` ends it).
 */
import { NUMBER_TYPES } from '../../common/telservices/enums';
import type { TelRequest } from '../../common/telservices/requests';
import type { Party } from '../../common/telservices/structures';
import { arity, compact, needDevice, str, type CommandInput } from './command-input';
import { usageError } from './exit-codes';
import { integerIn, nonEmpty, oneOf, phoneNumber, positiveInteger } from './validate';

const BOOLEAN_WORDS = ['true', 'false'] as const;

function optBoolean(input: CommandInput, name: string): boolean | undefined {
  const v = str(input.options, name);
  return v === undefined ? undefined : oneOf(BOOLEAN_WORDS, v, `--${name}`) === 'true';
}

export function openSessionRequest(input: CommandInput): TelRequest {
  arity(input, 0, 0, '');
  const { options } = input;
  const udpPort = str(options, 'udp-port');
  const sessionTimeout = str(options, 'session-timeout');
  return compact({
    type: 'openSession',
    deviceNumber: needDevice(input),
    eventUDPPort: udpPort === undefined ? undefined : integerIn(udpPort, '--udp-port', 1, 65535),
    eventUpdate: options['restricted'] === true ? 'restricted' : undefined,
    userID: str(options, 'user'),
    userPassword: str(options, 'password'),
    sessionTimeout: sessionTimeout === undefined ? undefined : positiveInteger(sessionTimeout, '--session-timeout'),
    startPbxMonitor: optBoolean(input, 'start-pbx-monitor'),
  });
}

export function closeSessionRequest(input: CommandInput): TelRequest {
  arity(input, 0, 0, '');
  const delay = str(input.options, 'close-timeout');
  return compact({
    type: 'closeSession',
    deviceNumber: needDevice(input),
    actualCloseSessionTimeout: delay === undefined ? undefined : integerIn(delay, '--close-timeout', 0, 86_400),
    clientOnly: optBoolean(input, 'client-only'),
  });
}

/** `NUMBER[=NAME[=TYPE[=COMPANY]]]`, TYPE one of work home mobile ip. */
export function partyArgument(text: string): Party {
  const [number = '', name, type, company, ...more] = text.split('=');
  if (more.length > 0) throw usageError(`party '${text}': at most NUMBER=NAME=TYPE=COMPANY`);
  const party: Party = { number: phoneNumber(number, 'party NUMBER') };
  if (name !== undefined && name !== '') party.name = name;
  if (type !== undefined && type !== '') party.numberType = oneOf(NUMBER_TYPES, type, 'party TYPE');
  if (company !== undefined && company !== '') party.company = company;
  return party;
}

/** The whole directory is replaced: no party at all empties it (as the spec's update does). */
export function updateUserDirectoryRequest(input: CommandInput): TelRequest {
  const [name, ...parties] = input.args;
  if (name === undefined) throw usageError('update-user-directory needs NAME [PARTY...]');
  return compact({
    type: 'updateUserDirectory',
    userID: str(input.options, 'user'),
    deviceNumber: input.device,
    directoryName: nonEmpty(name, 'NAME'),
    parties: parties.map(partyArgument),
  });
}
