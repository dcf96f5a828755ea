/**
 * Which way a line's events come (ConnectionView.eventSource), and where its long-poll goes. The
 * spec reserves `resultOnEvent` for HTTP clients, so a TelServer may answer a raw-TCP long-poll at
 * once: with an HTTP port configured (settings.httpPort) a line on raw TCP long-polls over the
 * server's HTTP mode instead, on a link of its own; without one it long-polls over TCP and the
 * session falls back to a periodic snapshot if the server does not hold the polls.
 */
import type { ActiveEventMode, EventSource } from '../../common/domain';
import type { LinkTarget } from './link';

/** The HTTP port the long-poll uses apart from the main transport; undefined: the main transport. */
export function separatePollPort(target: Pick<LinkTarget, 'transport' | 'httpPort'>): number | undefined {
  return target.transport === 'tcp' && target.httpPort !== undefined && target.httpPort > 0 ? target.httpPort : undefined;
}

export function eventSourceOf(mode: ActiveEventMode, periodicPolling: boolean, target: Pick<LinkTarget, 'transport' | 'httpPort'>): EventSource {
  if (mode === 'udp') return 'udp';
  if (periodicPolling) return 'periodicSnapshot';
  return target.transport === 'http' || separatePollPort(target) !== undefined ? 'httpLongPoll' : 'tcpLongPoll';
}
