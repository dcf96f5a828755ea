/** User and routing point statistics as `key: value` blocks and agent tables (pure). */
import {
  ROUTING_POINT_SNAPSHOT_COUNTERS,
  ROUTING_POINT_TOTAL_COUNTERS,
  USER_TOTAL_COUNTERS,
  type RoutingPointStatistics,
  type UserStatistics,
} from '../../common/telservices/structures';
import { keyValues, table } from './format-table';

function services(list: readonly string[] | undefined): string | undefined {
  return list === undefined ? undefined : list.join(',') || 'none';
}

export function describeUserStatistics(statistics: UserStatistics): string {
  switch (statistics.type) {
    case 'snapshot': {
      const s = statistics.snapshot;
      const text = keyValues([
        ['agentState', s.agentState],
        ['inboundServices', services(s.inboundServices)],
      ]);
      return text || 'no statistics';
    }
    case 'total': {
      const t = statistics.total;
      return keyValues([
        ['start', t.start],
        ['inboundServices', services(t.inboundServices)],
        ...USER_TOTAL_COUNTERS.map((c) => [c, t[c]] as const),
      ]) || 'no statistics';
    }
    default: {
      const unreachable: never = statistics;
      return JSON.stringify(unreachable);
    }
  }
}

export function describeRoutingStatistics(statistics: RoutingPointStatistics): string {
  switch (statistics.type) {
    case 'snapshot': {
      const s = statistics.snapshot;
      const head = keyValues(ROUTING_POINT_SNAPSHOT_COUNTERS.map((c) => [c, s[c]] as const));
      const agents = s.agents?.length
        ? table(
            ['DEVICE', 'USER', 'STATE', 'INBOUND'],
            s.agents.map((a) => [a.deviceNumber, a.userID ?? '', a.agentState ?? '', a.inboundServices?.join(',') ?? '']),
          )
        : '';
      return [head, agents].filter((x) => x !== '').join('\n\n') || 'no statistics';
    }
    case 'total': {
      const t = statistics.total;
      const head = keyValues([['start', t.start], ...ROUTING_POINT_TOTAL_COUNTERS.map((c) => [c, t[c]] as const)]);
      // Per-agent totals have ~40 counters: a table that wide is unreadable, so each agent gets
      // its own block (only the counters present), like `stats total` for one user.
      const agents = (t.agents ?? []).map((a) =>
        [
          `agent ${a.deviceNumber}`,
          keyValues([
            ['start', a.start],
            ['userID', a.userID],
            ['inboundServices', services(a.inboundServices)],
            ...USER_TOTAL_COUNTERS.map((c) => [c, a[c]] as const),
          ])
            .split('\n')
            .filter((l) => l !== '')
            .map((l) => `  ${l}`)
            .join('\n'),
        ]
          .filter((l) => l.trim() !== '')
          .join('\n'),
      );
      return [head, ...agents].filter((x) => x !== '').join('\n\n') || 'no statistics';
    }
    default: {
      const unreachable: never = statistics;
      return JSON.stringify(unreachable);
    }
  }
}
