/**
 * The connection states the header shows: the line's status machine (common/domain.ts), plus
 * 'disconnected' for the moment before the first state arrives (no bridge, or the WebSocket of web
 * mode not open yet).
 */
import type { ConnectionState as LineConnectionState } from '../../common/domain';

export type ConnectionState = LineConnectionState | 'disconnected';

export const CONNECTION_LABELS: Readonly<Record<ConnectionState, string>> = {
  disconnected: 'Not connected',
  connecting: 'Connecting…',
  monitored: 'Connected',
  reconnecting: 'Reconnecting…',
  linkOutOfService: 'PBX link out of service',
  stopped: 'Stopped',
};

/** The colour family of a state: the dot in the header. */
export type ConnectionTone = 'ok' | 'warn' | 'off';

export function toneOf(state: ConnectionState): ConnectionTone {
  switch (state) {
    case 'monitored':
      return 'ok';
    case 'connecting':
    case 'reconnecting':
    case 'linkOutOfService':
      return 'warn';
    case 'disconnected':
    case 'stopped':
      return 'off';
    default: {
      const unreachable: never = state;
      return unreachable;
    }
  }
}
