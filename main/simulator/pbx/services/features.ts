/** Forward, do not disturb, message waiting, agent state: set, query, and their events. */
import type { AgentStateRequest, DeviceQueryRequest, DoNotDisturbRequest, ForwardRequest } from '../../../../common/telservices/requests';
import type { TelReply } from '../../../../common/telservices/replies';
import type { OnOff } from '../../../../common/telservices/enums';
import type { ForwardInfo } from '../../../../common/telservices/structures';
import type { Ctx, Device } from '../context';
import { agentInfo, requestAgentState } from '../agents';
import { classify } from '../plan';
import { OK, fail, result } from './common';

export function activeForwards(dev: Device): ForwardInfo[] {
  return [...dev.forwards.entries()].map(([type, number]) => ({ number, type, state: 'on' as const }));
}

export function forward(ctx: Ctx, dev: Device, req: ForwardRequest): TelReply {
  const { type, state } = req.info;
  const number = req.info.number?.trim();
  if (state === 'on') {
    if (!number || number === dev.number || classify(ctx, number).kind === 'invalid') return fail('pbxReject');
    dev.forwards.set(type, number);
    ctx.emit(dev.number, { type: 'forward', forward: { number, type, state } });
    return OK;
  }
  const previous = dev.forwards.get(type);
  dev.forwards.delete(type);
  const shown = number || previous;
  ctx.emit(dev.number, { type: 'forward', forward: shown ? { number: shown, type, state } : { type, state } });
  return OK;
}

export function doNotDisturb(ctx: Ctx, dev: Device, req: DoNotDisturbRequest): TelReply {
  dev.dnd = req.state;
  ctx.emit(dev.number, { type: 'doNotDisturb', state: req.state });
  return OK;
}

export function setMsgWaiting(ctx: Ctx, dev: Device, state: OnOff): void {
  dev.mwi = state;
  ctx.emit(dev.number, { type: 'msgWaiting', state });
}

export function agentState(ctx: Ctx, dev: Device, req: AgentStateRequest): TelReply {
  return requestAgentState(ctx, dev, req.state) ? OK : fail('pbxReject');
}

export function deviceQuery(ctx: Ctx, dev: Device, req: DeviceQueryRequest): TelReply {
  switch (req.type) {
    case 'queryAgentState':
      return dev.agent ? result({ type: 'agent', agent: agentInfo(ctx, dev.agent) }) : fail('pbxReject');
    case 'queryDoNotDisturb':
      return result({ type: 'doNotDisturb', state: dev.dnd });
    case 'queryForward':
      return result({ type: 'forwards', forwards: activeForwards(dev) });
    case 'queryMsgWaiting':
      return result({ type: 'msgWaiting', state: dev.mwi });
    default: {
      const never: never = req.type;
      return never;
    }
  }
}
