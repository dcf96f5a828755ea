/**
 * The shared structures (common/telservices/structures.ts) as codecs. Field order is the spec's
 * parameter order, which is the order the interfaces list their fields.
 */
import {
  AGENT_STATES,
  AGENTS_DISTRIBUTIONS,
  CALL_CAUSES,
  CALL_SERVICES,
  CALL_STATES,
  FORWARD_TYPES,
  HISTORY_CAUSES,
  NUMBER_TYPES,
  ON_OFF,
  SESSION_EVENTS,
} from '../../common/telservices/enums';
import type {
  AgentInfo,
  CallInfo,
  CallLeg,
  ForwardInfo,
  HistoryRecord,
  Party,
  RoutingPointConfig,
  SnapshotInfo,
} from '../../common/telservices/structures';
import { bool, enumListOf, enumOf, listOf, openEnumOf, text } from './codec-core';
import { fieldsOf, struct } from './codec-struct';

export const onOff = enumOf(ON_OFF);
export const agentState = enumOf(AGENT_STATES);
/** The agent's current state: a newer server's state is kept as unknown (forward compatibility). */
export const currentAgentState = openEnumOf(AGENT_STATES);
export const sessionEvent = openEnumOf(SESSION_EVENTS);
/** `<inboundServices><service>service1</service></inboundServices>` */
export const services = listOf('service', text);

const p = fieldsOf<Party>();
export const party = struct<Party>([
  p.req('number', text),
  p.opt('name', text),
  p.opt('numberType', enumOf(NUMBER_TYPES)),
  p.opt('company', text),
]);
/** `<party>` items (updateUserDirectory's parties, searchDirectory). */
export const parties = listOf('party', party);

const leg = fieldsOf<CallLeg>();
export const callLeg = struct<CallLeg>([
  leg.req('state', openEnumOf(CALL_STATES)),
  leg.req('otherParty', party),
  // The spec only says "a list of otherParty": we write <party> items and also read <otherParty> ones.
  leg.opt('addedParties', listOf('party', party, ['otherParty'])),
  leg.opt('firstOtherParty', party),
  leg.opt('firstCalledParty', party),
  leg.opt('lastRedirectionParty', party),
  leg.req('duration', text),
  leg.req('isOutgoing', bool),
  // The spec: absent means false. We always write it, as the spec's examples do.
  leg.withDefault('isConference', bool, false),
  leg.opt('callReference', text),
  leg.opt('cause', enumOf(CALL_CAUSES)),
]);

const call = fieldsOf<CallInfo>();
export const callInfo = struct<CallInfo>([
  call.req('id', text),
  call.opt('primCall', callLeg),
  call.opt('secCall', callLeg),
  call.opt('permittedServices', enumListOf(CALL_SERVICES)),
  call.opt('extraData', text),
]);

const agent = fieldsOf<AgentInfo>();
export const agentInfo = struct<AgentInfo>([
  agent.opt('userID', text),
  agent.req('state', currentAgentState),
  agent.opt('timeout', text),
  agent.opt('inboundServices', services),
  agent.opt('outboundServices', services),
  agent.opt('permittedStates', enumListOf(AGENT_STATES)),
]);

const fwd = fieldsOf<ForwardInfo>();
export const forwardInfo = struct<ForwardInfo>([
  fwd.opt('number', text),
  fwd.req('type', openEnumOf(FORWARD_TYPES)),
  fwd.req('state', onOff),
]);
/** `<forwards><forward>…</forward></forwards>`, `<forwards/>` for none. */
export const forwards = listOf('forward', forwardInfo);

const rec = fieldsOf<HistoryRecord>();
export const historyRecord = struct<HistoryRecord>([
  rec.opt('deviceNumber', text),
  rec.opt('userID', text),
  rec.req('creationDate', text),
  rec.req('creationTime', text),
  rec.opt('otherParty', party),
  rec.opt('alertingDuration', text),
  rec.opt('duration', text),
  rec.opt('isOutgoing', bool),
  rec.opt('isConnected', bool),
  rec.opt('cause', enumOf(HISTORY_CAUSES)),
  rec.opt('agentState', agentState),
]);

const snap = fieldsOf<SnapshotInfo>();
export const snapshotInfo = struct<SnapshotInfo>([
  snap.opt('snapshotSeq', text),
  snap.opt('calls', listOf('call', callInfo)),
  snap.opt('forwards', forwards),
  snap.opt('msgWaiting', onOff),
  snap.opt('doNotDisturb', onOff),
  snap.opt('agent', agentInfo),
  snap.opt('session', sessionEvent),
]);

const cfg = fieldsOf<RoutingPointConfig>();
export const routingPointConfig = struct<RoutingPointConfig>([
  cfg.opt('serviceTimeout', text),
  cfg.opt('workingHours', text),
  cfg.opt('nonWorkingDaysOfWeek', text),
  cfg.opt('nonWorkingDays', text),
  cfg.opt('noAnswerTimeout', text),
  cfg.opt('failedCallRetryTimeout', text),
  cfg.opt('failedCallRetryLimit', text),
  cfg.opt('agentWorkingAfterCallTimeout', text),
  cfg.opt('agentsDistribution', enumOf(AGENTS_DISTRIBUTIONS)),
  cfg.opt('queueLimit', text),
  cfg.opt('agentLoggedOnOnOpenSession', bool),
  cfg.opt('agentReadyOnLoggedOn', bool),
  cfg.opt('statisticsIncomingCallImmediateAbandonTimeout', text),
]);
