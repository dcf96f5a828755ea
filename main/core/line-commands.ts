/**
 * Where a line's user command goes. Monitored: through the session; a lost session or a PBX link
 * found down here is reported to the lifecycle. Otherwise only what the spec says needs no session
 * (makeCall, forward, DND, directory ...) is sent, even while the session is being reopened.
 */
import { CtiError } from '../../common/errors';
import type { ConnectionState } from '../../common/domain';
import { needsSession } from '../../common/telservices/session-required';
import type { TelRequest } from '../../common/telservices/requests';
import type { TelResult } from '../../common/telservices/replies';
import type { ReconcileCadence } from './line-cadence';
import type { SessionLifecycle } from './line-lifecycle';
import type { LineLink, LineSession } from './link';

export interface CommandRoute {
  lineId: string;
  state: ConnectionState;
  session: LineSession;
  link: LineLink;
  lifecycle: Pick<SessionLifecycle, 'started' | 'sessionLost' | 'noteLinkDown'>;
  cadence: Pick<ReconcileCadence, 'datagrams' | 'afterCommand'>;
}

export async function routeCommand(r: CommandRoute, req: TelRequest): Promise<TelResult> {
  if (r.state !== 'monitored') {
    // Not started yet (or stopped): no line to speak of; the spec's session-less requests go out while it reconnects.
    if (!r.lifecycle.started || r.state === 'stopped' || needsSession(req.type)) throw new CtiError('notConnected', `line ${r.lineId} is ${r.state}`);
    return r.session.status === 'open' ? r.session.request(req) : r.link.request(req);
  }
  try {
    const datagrams = r.cadence.datagrams;
    const result = await r.session.request(req);
    r.cadence.afterCommand(req, datagrams);
    return result;
  } catch (err) {
    if (err instanceof CtiError && err.code === 'noOpenSession') r.lifecycle.sessionLost(err);
    if (err instanceof CtiError && err.code === 'pbxlinkOutOfService') r.lifecycle.noteLinkDown();
    throw err;
  }
}
