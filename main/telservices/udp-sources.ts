/**
 * Who may send us events, and where to listen for them (item: datagrams from strangers).
 *
 * - The source filter: a datagram is read only when it comes from the TelServer's address (or one
 *   of the configured addresses of a cluster); anything else is counted and reported, never
 *   decoded, so a host that can reach the port cannot fake a screen pop or close our session.
 * - The bind address: the local address the OS would use to reach the server (a connected UDP
 *   socket tells it without sending anything), not every interface.
 * On loopback any local process can send from 127.0.0.1: the filter stops other hosts, not them.
 */
import { createSocket } from 'node:dgram';
import { lookup } from 'node:dns/promises';
import { isIP } from 'node:net';

/** IPv4 addresses of a name or literal; an unresolvable name yields none (it can match nothing). */
export async function ipv4Addresses(host: string): Promise<string[]> {
  const bare = host.replace(/^\[|\]$/g, '');
  if (isIP(bare) === 4) return [bare];
  if (bare === '::1' || bare === 'localhost') return ['127.0.0.1'];
  try {
    return (await lookup(bare, { all: true, family: 4 })).map((a) => a.address);
  } catch {
    return [];
  }
}

/** The resolved allow-list of every entry (duplicates removed). */
export async function resolveSources(hosts: readonly string[]): Promise<Set<string>> {
  const lists = await Promise.all(hosts.map(ipv4Addresses));
  return new Set(lists.flat());
}

/**
 * The local IPv4 address that routes to `host` (connect() on UDP sends nothing: the kernel only
 * picks the route). '0.0.0.0' when there is no route or the name does not resolve.
 */
export async function localAddressToward(host: string, port = 9): Promise<string> {
  const [address] = await ipv4Addresses(host);
  if (address === undefined) return '0.0.0.0';
  const socket = createSocket('udp4');
  try {
    return await new Promise<string>((resolve) => {
      socket.once('error', () => resolve('0.0.0.0'));
      socket.connect(port, address, () => resolve(socket.address().address));
    });
  } finally {
    socket.close();
  }
}

/** Normalises what the socket reports (an IPv4-mapped IPv6 address) to compare with the list. */
export function sourceAddress(address: string): string {
  return address.startsWith('::ffff:') ? address.slice(7) : address;
}

/** Report the first datagram from strangers, then the 10th, 100th ...: bounded, no timers. */
export function worthReporting(count: number): boolean {
  return count > 0 && 10 ** Math.floor(Math.log10(count)) === count;
}
