/**
 * The connection states the header shows: the line's status machine (common/domain.ts), plus
 * 'disconnected' for the moment before the first state arrives (no bridge, or the WebSocket of web
 * mode not open yet).
 */
import type { ConnectionState as LineConnectionState } from '../../common/domain';
import type { MessageKey } from './i18n/en';

export type ConnectionState = LineConnectionState | 'disconnected';

/** The message key of each state's label (words in i18n/en.ts, fr.ts). */
export const CONNECTION_LABELS: Readonly<Record<ConnectionState, MessageKey>> = {
  disconnected: 'conn.disconnected',
  connecting: 'conn.connecting',
  monitored: 'conn.monitored',
  reconnecting: 'conn.reconnecting',
  linkOutOfService: 'conn.linkOutOfService',
  stopped: 'conn.stopped',
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
