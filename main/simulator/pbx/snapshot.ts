/** The snapshot of one device: its call view, active forwards, message waiting, DND, agent. */
import type { SnapshotInfo } from '../../../common/telservices/structures';
import type { Ctx, Device } from './context';
import { agentInfo } from './agents';
import { activeForwards } from './services/features';
import { callInfo } from './view';

export function snapshotOf(ctx: Ctx, dev: Device): SnapshotInfo {
  const call = callInfo(ctx, dev);
  const snapshot: SnapshotInfo = {
    calls: call ? [call] : [],
    forwards: activeForwards(dev),
    msgWaiting: dev.mwi,
    doNotDisturb: dev.dnd,
  };
  if (dev.agent) snapshot.agent = agentInfo(ctx, dev.agent);
  return snapshot;
}
