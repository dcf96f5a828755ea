/**
 * What a Line needs from the protocol layer, and nothing more: send one typed request, and receive
 * typed UDP events on a port. The adapter over main/telservices (./telservices-link.ts) implements
 * it for real sockets; keeping the seam this small lets the Line run against any TelServer.
 */
import type { TelEvent } from '../../common/telservices/events';
import type { TelRequest } from '../../common/telservices/requests';
import type { TelResult } from '../../common/telservices/replies';

export interface LinkRequestOptions {
  timeoutMs?: number;
  signal?: AbortSignal;
}

export interface EventListenerHandle {
  /** The UDP port actually bound (the one to put in openSession). */
  port: number;
  close(): Promise<void>;
}

export interface LineLink {
  /**
   * Resolves with the `<result>` of the reply. Rejects with a CtiError whose code is the protocol
   * error (`noOpenSession`, `pbxlinkOutOfService` ...) or a transport error (`timeout`, ...).
   */
  request(req: TelRequest, opts?: LinkRequestOptions): Promise<TelResult>;
  /**
   * Binds a UDP socket (port 0 = any) and calls `onEvent` for each event decoded from it.
   * `onDatagram` is called for every datagram, even one that fails to decode (UDP-alive detection).
   */
  listenEvents(port: number, onEvent: (event: TelEvent) => void, onDatagram?: () => void): Promise<EventListenerHandle>;
}

/** The parameters a link is built from (a subset of the settings). */
export interface LinkTarget {
  host: string;
  port: number;
  transport: 'tcp' | 'http';
  endOfPdu: string;
  requestTimeoutMs: number;
}

export type LinkFactory = (target: LinkTarget) => LineLink;
