/** `routing-point ACTION SERVICE ...`: the supervisor requests on routing points (pure). */
import { STATISTICS_TYPES } from '../../common/telservices/enums';
import type { TelRequest } from '../../common/telservices/requests';
import { arity, compact, str, type CommandInput } from './command-input';
import { usageError } from './exit-codes';
import { routingConfigFrom } from './routing-config';
import { nonEmpty, oneOf } from './validate';

export const ROUTING_ACTIONS = ['state', 'stats', 'start', 'stop', 'suspend', 'resume', 'update'] as const;
type RoutingAction = (typeof ROUTING_ACTIONS)[number];

const SIMPLE = {
  state: 'queryRoutingPointState',
  stop: 'stopRoutingPoint',
  suspend: 'suspendRoutingPoint',
  resume: 'resumeRoutingPoint',
} as const;

export function routingPointRequest(input: CommandInput): TelRequest {
  const [actionText, serviceText, extra] = arity(input, 2, 3, `${ROUTING_ACTIONS.join('|')} SERVICE`);
  const action: RoutingAction = oneOf(ROUTING_ACTIONS, actionText as string, 'routing-point action');
  const service = nonEmpty(serviceText as string, 'SERVICE');
  const config = routingConfigFrom(input.options);
  const template = str(input.options, 'template');
  if (config !== undefined && action !== 'start' && action !== 'update') {
    throw usageError(`config flags apply to routing-point start|update, not ${action}`);
  }
  if (template !== undefined && action !== 'start') throw usageError('--template applies to routing-point start');
  if (extra !== undefined && action !== 'stats') throw usageError(`routing-point ${action}: unexpected argument '${extra}'`);

  switch (action) {
    case 'state':
    case 'stop':
    case 'suspend':
    case 'resume':
      return { type: SIMPLE[action], service };
    case 'stats':
      return {
        type: 'queryRoutingPointStatistics',
        service,
        statisticsType: extra === undefined ? 'snapshot' : oneOf(STATISTICS_TYPES, extra, 'statistics type'),
      };
    case 'start':
      return compact({ type: 'startRoutingPoint', service, template, config });
    case 'update':
      return compact({ type: 'updateRoutingPoint', service, config });
    default: {
      const unreachable: never = action;
      throw usageError(`unknown routing-point action ${String(unreachable)}`);
    }
  }
}
