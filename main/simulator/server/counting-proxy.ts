/**
 * A TCP proxy in front of a TelServer that counts the requests passing through it, by type: how
 * the benchmarks and tests measure what a client costs the server (`npm run bench -- idle`, the
 * flood test). One request per TCP connection (the protocol), so the type is read from the first
 * element inside `<TelServiceRequest>` of each connection; the bytes are forwarded untouched.
 */
import { createConnection, createServer, type Server, type Socket } from 'node:net';

export interface CountingProxy {
  readonly port: number;
  /** Requests seen, by request type (`snapshot`, `searchNumber` ...). */
  readonly counts: ReadonlyMap<string, number>;
  total(): number;
  reset(): void;
  close(): Promise<void>;
}

const REQUEST_TYPE = /<TelServiceRequest>\s*<([A-Za-z]+)[\s/>]/;

export async function startCountingProxy(target: { host?: string; port: number }): Promise<CountingProxy> {
  const counts = new Map<string, number>();
  const sockets = new Set<Socket>();
  const server: Server = createServer((client) => {
    sockets.add(client);
    const upstream = createConnection({ host: target.host ?? '127.0.0.1', port: target.port });
    sockets.add(upstream);
    let head = '';
    let counted = false;
    client.on('data', (chunk) => {
      if (!counted && head.length < 4096) {
        head += chunk.toString('latin1');
        const m = REQUEST_TYPE.exec(head);
        if (m?.[1]) {
          counted = true;
          counts.set(m[1], (counts.get(m[1]) ?? 0) + 1);
        }
      }
    });
    client.pipe(upstream);
    upstream.pipe(client);
    const end = (): void => {
      client.destroy();
      upstream.destroy();
      sockets.delete(client);
      sockets.delete(upstream);
    };
    client.on('error', end).on('close', end);
    upstream.on('error', end).on('close', end);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    port,
    counts,
    total: () => [...counts.values()].reduce((a, b) => a + b, 0),
    reset: () => counts.clear(),
    close: async () => {
      for (const s of sockets) s.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
