/** execute(): one case per PBX request, each handled by its service family. */
import type { TelReply } from '../../../common/telservices/replies';
import type { Ctx, Device } from './context';
import type { PbxRequest } from './types';
import { queryHistory } from './history';
import { snapshotOf } from './snapshot';
import { answerCall, makeCall, oneCall } from './services/basic';
import { fail, result } from './services/common';
import { addPartyToCall, consultationCall, twoCall } from './services/consult';
import { divertCall, qualifyCall } from './services/divert';
import { agentState, deviceQuery, doNotDisturb, forward } from './services/features';
import {
  queryRoutingPointStatistics,
  queryUserStatistics,
  routingPointRequest,
  startRoutingPoint,
  updateRoutingPoint,
} from './services/supervisor';

function withDevice(ctx: Ctx, number: string, fn: (dev: Device) => TelReply): TelReply {
  const dev = ctx.devices.get(number.trim());
  // A device the PBX does not know: TelServer itself refuses the request.
  return dev ? fn(dev) : fail('reject');
}

export function dispatch(ctx: Ctx, req: PbxRequest): TelReply {
  switch (req.type) {
    case 'makeCall':
      return withDevice(ctx, req.deviceNumber, (d) => makeCall(ctx, d, req));
    case 'answerCall':
      return withDevice(ctx, req.deviceNumber, (d) => answerCall(ctx, d, req));
    case 'dropCall':
    case 'holdCall':
    case 'retrieveCall':
      return withDevice(ctx, req.deviceNumber, (d) => oneCall(ctx, d, req));
    case 'consultationCall':
      return withDevice(ctx, req.deviceNumber, (d) => consultationCall(ctx, d, req));
    case 'alternateCall':
    case 'reconnectCall':
    case 'transferCall':
    case 'conferenceCall':
      return withDevice(ctx, req.deviceNumber, (d) => twoCall(ctx, d, req));
    case 'addPartyToCall':
      return withDevice(ctx, req.deviceNumber, (d) => addPartyToCall(ctx, d, req));
    case 'divertCall':
      return withDevice(ctx, req.deviceNumber, (d) => divertCall(ctx, d, req));
    case 'qualifyCall':
      return withDevice(ctx, req.deviceNumber, (d) => qualifyCall(ctx, d, req));
    case 'forward':
      return withDevice(ctx, req.deviceNumber, (d) => forward(ctx, d, req));
    case 'doNotDisturb':
      return withDevice(ctx, req.deviceNumber, (d) => doNotDisturb(ctx, d, req));
    case 'agentState':
      return withDevice(ctx, req.deviceNumber, (d) => agentState(ctx, d, req));
    case 'queryAgentState':
    case 'queryDoNotDisturb':
    case 'queryForward':
    case 'queryMsgWaiting':
      return withDevice(ctx, req.deviceNumber, (d) => deviceQuery(ctx, d, req));
    case 'queryHistory':
      return result({ type: 'history', records: queryHistory(ctx, req) });
    case 'queryUserStatistics':
      return withDevice(ctx, req.deviceNumber, (d) => queryUserStatistics(ctx, d, req));
    case 'snapshot':
      return withDevice(ctx, req.deviceNumber, (d) => result({ type: 'snapshot', snapshot: snapshotOf(ctx, d) }));
    case 'queryRoutingPointState':
    case 'stopRoutingPoint':
    case 'suspendRoutingPoint':
    case 'resumeRoutingPoint':
      return routingPointRequest(ctx, req);
    case 'startRoutingPoint':
      return startRoutingPoint(ctx, req);
    case 'updateRoutingPoint':
      return updateRoutingPoint(ctx, req);
    case 'queryRoutingPointStatistics':
      return queryRoutingPointStatistics(ctx, req);
    default: {
      const never: never = req;
      return never;
    }
  }
}
