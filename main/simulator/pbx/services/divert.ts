/** divertCall (alerting: redirect; connected: single-step transfer) and qualifyCall (with its auto-answer). */
import type { DivertCallRequest, QualifyCallRequest } from '../../../../common/telservices/requests';
import type { TelReply } from '../../../../common/telservices/replies';
import { othersOf, partyOfEnd, type Ctx, type Device } from '../context';
import { redirectLeg } from '../delivery';
import { answerLeg } from './basic';
import { OK, fail, findLeg, guard, result } from './common';

export function divertCall(ctx: Ctx, dev: Device, req: DivertCallRequest): TelReply {
  const refused = guard(dev, 'divertCall', req.otherNumber);
  if (refused) return refused;
  const leg = findLeg(dev, ['alerting', 'connected'], req.otherNumber);
  if (!leg) return fail('noCall');
  const target = req.divertedDeviceNumber.trim();
  if (target === '') return fail('pbxReject');
  if (req.extraData !== undefined) leg.call.extraData = req.extraData;
  const done = redirectLeg(ctx, leg, target, leg.state === 'alerting' ? 'redirect' : 'transfer');
  return done ? OK : fail('pbxReject');
}

export function qualifyCall(ctx: Ctx, dev: Device, req: QualifyCallRequest): TelReply {
  const leg = findLeg(dev, ['alerting']);
  if (!leg) return fail('noCall');
  const caller = othersOf(leg)[0];
  const party = caller ? partyOfEnd(caller) : { number: '' };
  const reply = result(
    req.needName !== false && party.name !== undefined
      ? { type: 'qualifyCall', number: party.number, name: party.name }
      : { type: 'qualifyCall', number: party.number },
  );
  if (req.answerCall !== false) answerLeg(ctx, leg);
  return reply;
}
