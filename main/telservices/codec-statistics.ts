/**
 * User and routing point statistics: a choice of `<snapshot>` or `<total>`, each a long sequence
 * of counters whose names and order come from the const lists in structures.ts.
 */
import {
  ROUTING_POINT_SNAPSHOT_COUNTERS,
  ROUTING_POINT_TOTAL_COUNTERS,
  USER_TOTAL_COUNTERS,
  type RoutingPointSnapshotAgent,
  type RoutingPointSnapshotStatistics,
  type RoutingPointStatistics,
  type RoutingPointTotalAgent,
  type RoutingPointTotalStatistics,
  type UserSnapshotStatistics,
  type UserStatistics,
  type UserTotalStatistics,
} from '../../common/telservices/structures';
import { listOf, readChoice, readWithin, text, unknownVariant, writeWithin, type Codec } from './codec-core';
import { fieldsOf, struct } from './codec-struct';
import { agentState, services } from './codec-structures';
import { element } from './xml-writer';

const us = fieldsOf<UserSnapshotStatistics>();
const userSnapshot = struct<UserSnapshotStatistics>([us.opt('agentState', agentState), us.opt('inboundServices', services)]);

const ut = fieldsOf<UserTotalStatistics>();
const userTotal = struct<UserTotalStatistics>([
  ut.opt('start', text),
  ut.opt('inboundServices', services),
  ...USER_TOTAL_COUNTERS.map((c) => ut.opt(c, text)),
]);

const rsa = fieldsOf<RoutingPointSnapshotAgent>();
const routingSnapshotAgent = struct<RoutingPointSnapshotAgent>([
  rsa.req('deviceNumber', text),
  rsa.opt('userID', text),
  rsa.opt('agentState', agentState),
  rsa.opt('inboundServices', services),
]);

const rs = fieldsOf<RoutingPointSnapshotStatistics>();
const routingSnapshot = struct<RoutingPointSnapshotStatistics>([
  ...ROUTING_POINT_SNAPSHOT_COUNTERS.map((c) => rs.opt(c, text)),
  rs.opt('agents', listOf('agent', routingSnapshotAgent)),
]);

const rta = fieldsOf<RoutingPointTotalAgent>();
const routingTotalAgent = struct<RoutingPointTotalAgent>([
  rta.req('deviceNumber', text),
  rta.opt('start', text),
  rta.opt('userID', text),
  rta.opt('inboundServices', services),
  ...USER_TOTAL_COUNTERS.map((c) => rta.opt(c, text)),
]);

const rt = fieldsOf<RoutingPointTotalStatistics>();
const routingTotal = struct<RoutingPointTotalStatistics>([
  rt.opt('start', text),
  ...ROUTING_POINT_TOTAL_COUNTERS.map((c) => rt.opt(c, text)),
  rt.opt('agents', listOf('agent', routingTotalAgent)),
]);

const KINDS: ReadonlySet<'snapshot' | 'total'> = new Set(['snapshot', 'total'] as const);

/** `<userStatistics><snapshot>…</snapshot></userStatistics>` or `<total>`. */
export const userStatistics: Codec<UserStatistics> = {
  write(value) {
    switch (value.type) {
      case 'snapshot':
        return element('snapshot', writeWithin('snapshot', userSnapshot, value.snapshot));
      case 'total':
        return element('total', writeWithin('total', userTotal, value.total));
      default:
        return unknownVariant(value, 'statistics');
    }
  },
  read(children) {
    const choice = readChoice(children, KINDS);
    return choice.name === 'snapshot'
      ? { type: 'snapshot', snapshot: readWithin('snapshot', userSnapshot, choice.children) }
      : { type: 'total', total: readWithin('total', userTotal, choice.children) };
  },
};

/** `<routingPointStatistics><snapshot>…</snapshot></routingPointStatistics>` or `<total>`. */
export const routingPointStatistics: Codec<RoutingPointStatistics> = {
  write(value) {
    switch (value.type) {
      case 'snapshot':
        return element('snapshot', writeWithin('snapshot', routingSnapshot, value.snapshot));
      case 'total':
        return element('total', writeWithin('total', routingTotal, value.total));
      default:
        return unknownVariant(value, 'statistics');
    }
  },
  read(children) {
    const choice = readChoice(children, KINDS);
    return choice.name === 'snapshot'
      ? { type: 'snapshot', snapshot: readWithin('snapshot', routingSnapshot, choice.children) }
      : { type: 'total', total: readWithin('total', routingTotal, choice.children) };
  },
};
