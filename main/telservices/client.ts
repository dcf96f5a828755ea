/**
 * The typed TelServices client: one method per request of the spec, each returning the specific
 * result it expects. The 36 methods are one-liners over two tables (request -> expected result
 * type, result type -> value returned), so adding a request is one line in each, not a body.
 */
import { CtiError } from '../../common/errors';
import { isUnknownValue, type ProtocolErrorName } from '../../common/telservices/enums';
import type { TelRequest, TelRequestType } from '../../common/telservices/requests';
import type { ResultOf, TelResult, TelResultType } from '../../common/telservices/replies';
import { decodeReply, encodeRequest } from './codec';
import type { RequestOptions, Transport } from './transport';

/**
 * The request variant for one element name. (The shared `RequestOf` uses Extract, which yields
 * `never` for the variants that share an interface, e.g. alternateCall in TwoCallRequest.)
 */
export type RequestFor<T extends TelRequestType> = TelRequest extends infer R
  ? R extends { type: infer U }
    ? T extends U
      ? Omit<R, 'type'> & { type: T }
      : never
    : never
  : never;

/** A request's fields: everything but `type`. */
export type FieldsOf<T extends TelRequestType> = Omit<RequestFor<T>, 'type'>;

/** Which result each request must get back (anything else is a malformed reply). */
export const EXPECTED_RESULT = {
  openSession: 'standard',
  closeSession: 'standard',
  addPartyToCall: 'standard',
  agentState: 'standard',
  alternateCall: 'standard',
  answerCall: 'standard',
  conferenceCall: 'standard',
  consultationCall: 'standard',
  divertCall: 'standard',
  doNotDisturb: 'standard',
  dropCall: 'standard',
  forward: 'standard',
  holdCall: 'standard',
  makeCall: 'standard',
  qualifyCall: 'qualifyCall',
  queryAgentState: 'agent',
  queryDoNotDisturb: 'doNotDisturb',
  queryForward: 'forwards',
  queryHistory: 'history',
  queryMsgWaiting: 'msgWaiting',
  queryUserStatistics: 'userStatistics',
  reconnectCall: 'standard',
  retrieveCall: 'standard',
  searchName: 'searchDirectory',
  searchNumber: 'searchDirectory',
  snapshot: 'snapshot',
  transferCall: 'standard',
  updateUserDirectory: 'standard',
  queryRoutingPointState: 'routingPointState',
  queryRoutingPointStatistics: 'routingPointStatistics',
  resumeRoutingPoint: 'standard',
  startRoutingPoint: 'standard',
  stopRoutingPoint: 'standard',
  suspendRoutingPoint: 'standard',
  updateRoutingPoint: 'standard',
  updateDirectory: 'standard',
} as const satisfies Record<TelRequestType, TelResultType>;

/** What a method returns for each result type: the payload of that result (common/telservices/replies.ts). */
export interface ResultValue {
  standard: void;
  qualifyCall: Omit<ResultOf<'qualifyCall'>, 'type'>;
  agent: ResultOf<'agent'>['agent'];
  doNotDisturb: ResultOf<'doNotDisturb'>['state'];
  msgWaiting: ResultOf<'msgWaiting'>['state'];
  forwards: ResultOf<'forwards'>['forwards'];
  history: ResultOf<'history'>['records'];
  userStatistics: ResultOf<'userStatistics'>['statistics'];
  searchDirectory: ResultOf<'searchDirectory'>['parties'];
  snapshot: ResultOf<'snapshot'>['snapshot'];
  routingPointState: ResultOf<'routingPointState'>['state'];
  routingPointStatistics: ResultOf<'routingPointStatistics'>['statistics'];
}

export type ReturnOf<T extends TelRequestType> = ResultValue[(typeof EXPECTED_RESULT)[T]];

function valueOf<K extends TelResultType>(result: ResultOf<K>): ResultValue[K];
function valueOf(result: TelResult): ResultValue[TelResultType] {
  switch (result.type) {
    case 'standard':
      return undefined;
    case 'qualifyCall':
      return result.name === undefined ? { number: result.number } : { number: result.number, name: result.name };
    case 'agent':
      return result.agent;
    case 'doNotDisturb':
    case 'msgWaiting':
    case 'routingPointState':
      return result.state;
    case 'forwards':
      return result.forwards;
    case 'history':
      return result.records;
    case 'userStatistics':
    case 'routingPointStatistics':
      return result.statistics;
    case 'searchDirectory':
      return result.parties;
    case 'snapshot':
      return result.snapshot;
    default: {
      const never: never = result;
      throw new CtiError('internal', `unknown result ${JSON.stringify(never)}`);
    }
  }
}

/** Readable text for the nine protocol errors (the code stays the machine-readable part). */
export const PROTOCOL_ERROR_TEXT: Record<ProtocolErrorName, string> = {
  pbxlinkOutOfService: 'the PBX link is out of service',
  pbxReject: 'the PBX rejected the request',
  pbxTimeout: 'the PBX did not answer in time',
  noCall: 'there is no call in the expected state',
  noOpenSession: 'this request needs an open session',
  sessionLimitExceeded: 'the licensed number of sessions is reached',
  reject: 'TelServer rejected the request',
  invalidCredentials: 'the user ID or password is not valid',
  resourceError: 'TelServer lacks a resource (memory ...)',
};

export class TelClient {
  constructor(private readonly transport: Transport) {}

  /** Sends any request; resolves with its result, throws CtiError(<error name>) for an error reply. */
  async send(req: TelRequest, opts?: RequestOptions): Promise<TelResult> {
    const replyXml = await this.transport.request(encodeRequest(req), opts);
    const reply = decodeReply(replyXml);
    if (reply.kind === 'error') {
      const error = reply.error;
      if (isUnknownValue(error)) {
        // A newer server's error: still the server's answer (not a reply we cannot read), its name kept.
        throw new CtiError('serverError', `${req.type}: the server answered the error ${error.unknown}, which this client does not know`, {
          request: req.type,
          serverError: error.unknown,
        });
      }
      throw new CtiError(error, `${req.type}: ${PROTOCOL_ERROR_TEXT[error]}`, { request: req.type });
    }
    return reply.result;
  }

  /** Sends a request of type T with its fields and returns the value its expected result carries. */
  async call<T extends TelRequestType>(type: T, fields: FieldsOf<T>, opts?: RequestOptions): Promise<ReturnOf<T>> {
    const result = await this.send({ type, ...fields } as unknown as TelRequest, opts);
    const expected: TelResultType = EXPECTED_RESULT[type];
    if (result.type !== expected) {
      throw new CtiError('malformedReply', `${type}: expected a ${expected} result, got ${result.type}`, {
        request: type,
        expected,
        got: result.type,
      });
    }
    return valueOf(result) as ReturnOf<T>;
  }

  // ---- session ----
  openSession = (f: FieldsOf<'openSession'>, o?: RequestOptions) => this.call('openSession', f, o);
  closeSession = (f: FieldsOf<'closeSession'>, o?: RequestOptions) => this.call('closeSession', f, o);
  // ---- user services ----
  addPartyToCall = (f: FieldsOf<'addPartyToCall'>, o?: RequestOptions) => this.call('addPartyToCall', f, o);
  agentState = (f: FieldsOf<'agentState'>, o?: RequestOptions) => this.call('agentState', f, o);
  alternateCall = (f: FieldsOf<'alternateCall'>, o?: RequestOptions) => this.call('alternateCall', f, o);
  answerCall = (f: FieldsOf<'answerCall'>, o?: RequestOptions) => this.call('answerCall', f, o);
  conferenceCall = (f: FieldsOf<'conferenceCall'>, o?: RequestOptions) => this.call('conferenceCall', f, o);
  consultationCall = (f: FieldsOf<'consultationCall'>, o?: RequestOptions) => this.call('consultationCall', f, o);
  divertCall = (f: FieldsOf<'divertCall'>, o?: RequestOptions) => this.call('divertCall', f, o);
  doNotDisturb = (f: FieldsOf<'doNotDisturb'>, o?: RequestOptions) => this.call('doNotDisturb', f, o);
  dropCall = (f: FieldsOf<'dropCall'>, o?: RequestOptions) => this.call('dropCall', f, o);
  forward = (f: FieldsOf<'forward'>, o?: RequestOptions) => this.call('forward', f, o);
  holdCall = (f: FieldsOf<'holdCall'>, o?: RequestOptions) => this.call('holdCall', f, o);
  makeCall = (f: FieldsOf<'makeCall'>, o?: RequestOptions) => this.call('makeCall', f, o);
  qualifyCall = (f: FieldsOf<'qualifyCall'>, o?: RequestOptions) => this.call('qualifyCall', f, o);
  queryAgentState = (f: FieldsOf<'queryAgentState'>, o?: RequestOptions) => this.call('queryAgentState', f, o);
  queryDoNotDisturb = (f: FieldsOf<'queryDoNotDisturb'>, o?: RequestOptions) => this.call('queryDoNotDisturb', f, o);
  queryForward = (f: FieldsOf<'queryForward'>, o?: RequestOptions) => this.call('queryForward', f, o);
  queryHistory = (f: FieldsOf<'queryHistory'>, o?: RequestOptions) => this.call('queryHistory', f, o);
  queryMsgWaiting = (f: FieldsOf<'queryMsgWaiting'>, o?: RequestOptions) => this.call('queryMsgWaiting', f, o);
  queryUserStatistics = (f: FieldsOf<'queryUserStatistics'>, o?: RequestOptions) =>
    this.call('queryUserStatistics', f, o);
  reconnectCall = (f: FieldsOf<'reconnectCall'>, o?: RequestOptions) => this.call('reconnectCall', f, o);
  retrieveCall = (f: FieldsOf<'retrieveCall'>, o?: RequestOptions) => this.call('retrieveCall', f, o);
  searchName = (f: FieldsOf<'searchName'>, o?: RequestOptions) => this.call('searchName', f, o);
  searchNumber = (f: FieldsOf<'searchNumber'>, o?: RequestOptions) => this.call('searchNumber', f, o);
  snapshot = (f: FieldsOf<'snapshot'>, o?: RequestOptions) => this.call('snapshot', f, o);
  transferCall = (f: FieldsOf<'transferCall'>, o?: RequestOptions) => this.call('transferCall', f, o);
  updateUserDirectory = (f: FieldsOf<'updateUserDirectory'>, o?: RequestOptions) =>
    this.call('updateUserDirectory', f, o);
  // ---- supervisor services ----
  queryRoutingPointState = (f: FieldsOf<'queryRoutingPointState'>, o?: RequestOptions) =>
    this.call('queryRoutingPointState', f, o);
  queryRoutingPointStatistics = (f: FieldsOf<'queryRoutingPointStatistics'>, o?: RequestOptions) =>
    this.call('queryRoutingPointStatistics', f, o);
  resumeRoutingPoint = (f: FieldsOf<'resumeRoutingPoint'>, o?: RequestOptions) => this.call('resumeRoutingPoint', f, o);
  startRoutingPoint = (f: FieldsOf<'startRoutingPoint'>, o?: RequestOptions) => this.call('startRoutingPoint', f, o);
  stopRoutingPoint = (f: FieldsOf<'stopRoutingPoint'>, o?: RequestOptions) => this.call('stopRoutingPoint', f, o);
  suspendRoutingPoint = (f: FieldsOf<'suspendRoutingPoint'>, o?: RequestOptions) =>
    this.call('suspendRoutingPoint', f, o);
  updateRoutingPoint = (f: FieldsOf<'updateRoutingPoint'>, o?: RequestOptions) => this.call('updateRoutingPoint', f, o);
  updateDirectory = (f: FieldsOf<'updateDirectory'>, o?: RequestOptions) => this.call('updateDirectory', f, o);
}
