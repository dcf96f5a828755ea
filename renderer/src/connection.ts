/** The connection states the header shows; the session status machine maps onto these. */
export type ConnectionState = 'disconnected' | 'connecting' | 'connected';

export const CONNECTION_LABELS: Readonly<Record<ConnectionState, string>> = {
  disconnected: 'Not connected',
  connecting: 'Connecting…',
  connected: 'Connected',
};
