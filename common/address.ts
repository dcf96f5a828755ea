/** A TelServer address as people write it: `HOST:PORT` or `[IPv6]:PORT`. */
export interface ServerAddress {
  host: string;
  port: number;
}

/** Parses `HOST:PORT` / `[IPv6]:PORT` (port 1–65535); null when it is not one. */
export function parseServerAddress(text: string): ServerAddress | null {
  const m = /^(?:\[([^\]]+)\]|([^:[\]]+)):(\d{1,5})$/.exec(text.trim());
  const host = m?.[1] ?? m?.[2];
  const port = Number(m?.[3]);
  if (!host || !Number.isInteger(port) || port < 1 || port > 65535) return null;
  return { host, port };
}
