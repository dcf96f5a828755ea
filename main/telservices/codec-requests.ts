/**
 * The 36 requests: `<TelServiceRequest><X>fields…</X></TelServiceRequest>`, one table entry per
 * request type. The table is typed by request type, so a request missing here, or a field whose
 * codec does not match its type, is a compile error.
 */
import {
  EVENT_UPDATES,
  FORWARD_TYPES,
  HISTORY_RECORD_TYPES,
  REQUESTABLE_AGENT_STATES,
  STATISTICS_TYPES,
} from '../../common/telservices/enums';
import {
  REQUEST_TYPES,
  type DeviceQueryRequest,
  type ForwardRequest,
  type OneCallRequest,
  type RoutingPointRequest,
  type TwoCallRequest,
  type SnapshotRequest,
  type TelRequest,
  type TelRequestType,
} from '../../common/telservices/requests';
import { bool, enumOf, readChoice, readWithin, text, writeWithin, type Codec } from './codec-core';
import { fieldsOf, struct, type Field, type FieldMakers } from './codec-struct';
import { onOff, parties, routingPointConfig } from './codec-structures';
import { EncodeFault } from './xml-fault';
import type { XmlNode } from './xml-reader';
import { element } from './xml-writer';

/**
 * The request interface whose `type` admits K. (Not RequestOf<K>: for the interfaces shared by
 * several types, such as TwoCallRequest, Extract<TelRequest, { type: K }> is never.)
 */
type RequestFor<K extends TelRequestType, R = TelRequest> = R extends { type: infer T } ? (K extends T ? R : never) : never;
type Body<K extends TelRequestType> = Omit<RequestFor<K>, 'type'>;

function body<K extends TelRequestType>(_type: K, build: (f: FieldMakers<Body<K>>) => Field<Body<K>>[]): Codec<Body<K>> {
  return struct<Body<K>>(build(fieldsOf<Body<K>>()));
}

const statisticsType = enumOf(STATISTICS_TYPES);

// Bodies shared by several request types (one interface in requests.ts each).
const deviceOnly = struct<Omit<DeviceQueryRequest, 'type'>>([fieldsOf<{ deviceNumber: string }>().req('deviceNumber', text)]);
const tc = fieldsOf<Omit<TwoCallRequest, 'type'>>();
const twoCall = struct<Omit<TwoCallRequest, 'type'>>([
  tc.req('deviceNumber', text),
  tc.opt('primOtherNumber', text),
  tc.opt('secOtherNumber', text),
]);
const oc = fieldsOf<Omit<OneCallRequest, 'type'>>();
const oneCall = struct<Omit<OneCallRequest, 'type'>>([oc.req('deviceNumber', text), oc.opt('otherNumber', text)]);
const serviceOnly = struct<Omit<RoutingPointRequest, 'type'>>([fieldsOf<{ service: string }>().req('service', text)]);

const fi = fieldsOf<ForwardRequest['info']>();
const forwardInfo = struct<ForwardRequest['info']>([
  fi.opt('number', text),
  fi.req('type', enumOf(FORWARD_TYPES)),
  fi.req('state', onOff),
]);

type ResultOnEvent = NonNullable<SnapshotRequest['resultOnEvent']>;
const roe = fieldsOf<ResultOnEvent>();
const resultOnEvent = struct<ResultOnEvent>([roe.req('timeout', text), roe.opt('snapshotSeq', text)]);

const BODIES: { readonly [K in TelRequestType]: Codec<Body<K>> } = {
  openSession: body('openSession', (f) => [
    f.req('deviceNumber', text),
    f.opt('eventUDPPort', text),
    f.opt('eventUpdate', enumOf(EVENT_UPDATES)),
    f.opt('userID', text),
    f.opt('userPassword', text),
    f.opt('sessionTimeout', text),
    f.opt('startPbxMonitor', bool),
  ]),
  closeSession: body('closeSession', (f) => [f.req('deviceNumber', text), f.opt('actualCloseSessionTimeout', text), f.opt('clientOnly', bool)]),
  addPartyToCall: body('addPartyToCall', (f) => [
    f.req('deviceNumber', text),
    f.opt('otherNumber', text),
    f.req('addedDeviceNumber', text),
    f.opt('extraData', text),
  ]),
  agentState: body('agentState', (f) => [f.req('deviceNumber', text), f.req('state', enumOf(REQUESTABLE_AGENT_STATES))]),
  alternateCall: twoCall,
  answerCall: body('answerCall', (f) => [f.req('deviceNumber', text), f.opt('callingNumber', text)]),
  conferenceCall: twoCall,
  consultationCall: body('consultationCall', (f) => [
    f.req('deviceNumber', text),
    f.opt('otherNumber', text),
    f.req('consultedDeviceNumber', text),
    f.opt('extraData', text),
  ]),
  divertCall: body('divertCall', (f) => [
    f.req('deviceNumber', text),
    f.opt('otherNumber', text),
    f.req('divertedDeviceNumber', text),
    f.opt('extraData', text),
  ]),
  doNotDisturb: body('doNotDisturb', (f) => [f.req('deviceNumber', text), f.req('state', onOff)]),
  dropCall: oneCall,
  forward: body('forward', (f) => [f.req('deviceNumber', text), f.req('info', forwardInfo)]),
  holdCall: oneCall,
  makeCall: body('makeCall', (f) => [f.req('deviceNumber', text), f.req('calledDeviceNumber', text), f.opt('extraData', text)]),
  qualifyCall: body('qualifyCall', (f) => [f.req('deviceNumber', text), f.opt('answerCall', bool), f.opt('needName', bool)]),
  queryAgentState: deviceOnly,
  queryDoNotDisturb: deviceOnly,
  queryForward: deviceOnly,
  queryHistory: body('queryHistory', (f) => [
    f.opt('recordType', enumOf(HISTORY_RECORD_TYPES)),
    f.opt('deviceNumber', text),
    f.opt('userID', text),
    f.opt('startDate', text),
    f.opt('startHour', text),
    f.opt('endDate', text),
    f.opt('search', text),
    f.opt('limit', text),
  ]),
  queryMsgWaiting: deviceOnly,
  queryUserStatistics: body('queryUserStatistics', (f) => [
    f.req('deviceNumber', text),
    f.opt('userID', text),
    f.req('statisticsType', statisticsType, 'type'),
  ]),
  reconnectCall: twoCall,
  retrieveCall: oneCall,
  searchName: body('searchName', (f) => [f.opt('userID', text), f.opt('deviceNumber', text), f.req('name', text), f.opt('limit', text)]),
  searchNumber: body('searchNumber', (f) => [f.opt('userID', text), f.opt('deviceNumber', text), f.req('number', text)]),
  snapshot: body('snapshot', (f) => [f.req('deviceNumber', text), f.opt('resultOnEvent', resultOnEvent)]),
  transferCall: twoCall,
  updateUserDirectory: body('updateUserDirectory', (f) => [
    f.opt('userID', text),
    f.opt('deviceNumber', text),
    f.req('directoryName', text),
    f.req('parties', parties),
  ]),
  queryRoutingPointState: serviceOnly,
  queryRoutingPointStatistics: body('queryRoutingPointStatistics', (f) => [f.req('service', text), f.req('statisticsType', statisticsType, 'type')]),
  resumeRoutingPoint: serviceOnly,
  startRoutingPoint: body('startRoutingPoint', (f) => [f.req('service', text), f.opt('template', text), f.opt('config', routingPointConfig)]),
  stopRoutingPoint: serviceOnly,
  suspendRoutingPoint: serviceOnly,
  updateRoutingPoint: body('updateRoutingPoint', (f) => [f.req('service', text), f.opt('config', routingPointConfig)]),
  updateDirectory: body('updateDirectory', (f) => [f.req('directoryName', text)]),
};

const TYPES: ReadonlySet<TelRequestType> = new Set(REQUEST_TYPES);

function isRequestType(value: unknown): value is TelRequestType {
  return typeof value === 'string' && (TYPES as ReadonlySet<string>).has(value);
}

/** The `<X>…</X>` element inside `<TelServiceRequest>`. */
export function writeRequestBody(req: TelRequest): string {
  const type: unknown = (req as { type?: unknown }).type;
  if (!isRequestType(type)) throw new EncodeFault(`unknown request type ${JSON.stringify(type)}`);
  // The table is indexed by the request's own type, so this pairing is sound.
  const codec = BODIES[type] as Codec<TelRequest>;
  return element(type, writeWithin(type, codec, req));
}

/** The request from the children of `<TelServiceRequest>`. */
export function readRequestBody(children: readonly XmlNode[]): TelRequest {
  const choice = readChoice<TelRequestType>(children, TYPES);
  const fields = readWithin(choice.name, BODIES[choice.name] as Codec<object>, choice.children);
  return { type: choice.name, ...fields } as TelRequest;
}
