/**
 * The real LineLink: main/telservices' TelClient over a TCP or HTTP transport, and its UDP event
 * listener. This is the only file of the core that knows those classes.
 */
import { TelClient } from '../telservices/client';
import { UdpEventListener } from '../telservices/events';
import { HttpTransport } from '../telservices/transport-http';
import { TcpTransport } from '../telservices/transport-tcp';
import type { LineLink, LinkFactory, LinkTarget } from './link';

function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '::1' || host.startsWith('127.');
}

export function telServicesLink(target: LinkTarget): LineLink {
  const transportOptions = {
    host: target.host,
    port: target.port,
    replyTimeoutMs: target.requestTimeoutMs,
    connectTimeoutMs: Math.min(3000, target.requestTimeoutMs),
    ...(target.endOfPdu ? { endOfPdu: target.endOfPdu } : {}),
  };
  const transport = target.transport === 'http' ? new HttpTransport(transportOptions) : new TcpTransport(transportOptions);
  const client = new TelClient(transport);
  return {
    request: (req, opts) => client.send(req, opts),
    async listenEvents(port, onEvent, onDatagram) {
      // A TelServer on another host must reach our UDP port: listen on every interface then.
      const listener = await UdpEventListener.start({
        port,
        host: isLoopback(target.host) ? '127.0.0.1' : '0.0.0.0',
        ...(target.endOfPdu ? { endOfPdu: target.endOfPdu } : {}),
      });
      listener.onEvent((event) => {
        onDatagram?.();
        onEvent(event);
      });
      if (onDatagram) listener.onDropped(() => onDatagram());
      return { port: listener.port, close: () => listener.close() };
    },
  };
}

export const telServicesLinkFactory: LinkFactory = telServicesLink;
