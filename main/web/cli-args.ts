/**
 * Arguments of `tsx main/web/cli.ts` (pure, so it is unit-tested):
 *   [--port P] [--server HOST:PORT] [--device N] [--event-mode udp|poll|auto] [--http]
 *   [--settings DIR] [--static DIR] [--help]
 */
import { parseServerAddress, type ServerAddress } from '../../common/address';

export interface WebCliArgs {
  port: number;
  server?: ServerAddress;
  device?: string;
  eventMode?: 'udp' | 'poll' | 'auto';
  http: boolean;
  settingsDir?: string;
  staticDir?: string;
  help: boolean;
}

export const WEB_USAGE = `Usage: npx tsx main/web/cli.ts [options]

Serves the CTI client to a browser on 127.0.0.1 and prints the URL to open (with its token).
Without --server it starts the embedded TelServer simulator in demo mode (calls to 1101).

  --port P               HTTP port of the page (default: any free port)
  --server HOST:PORT     a real TelServer's TelServices gateway
  --device N             the device (line) to monitor (default 1101)
  --event-mode MODE      udp | poll | auto (default auto)
  --http                 talk HTTP to the TelServer instead of TCP
  --settings DIR         keep settings in DIR/settings.json (default: in memory for this run)
  --static DIR           the built renderer (default out/renderer; the minimal page if absent)
  --help                 this text
`;

export class WebUsageError extends Error {}

function parsePort(text: string, what: string): number {
  const n = Number(text);
  if (!/^\d+$/.test(text) || n < 0 || n > 65535) throw new WebUsageError(`${what}: "${text}" is not a port`);
  return n;
}

export function parseHostPort(text: string): ServerAddress {
  const address = parseServerAddress(text);
  if (!address) throw new WebUsageError(`--server: expected HOST:PORT (port 1-65535), got "${text}"`);
  return address;
}

export function parseWebArgs(argv: readonly string[]): WebCliArgs {
  const out: WebCliArgs = { port: 0, http: false, help: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    const [name, inline] = arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    const value = (): string => {
      const v = inline ?? argv[++i];
      if (v === undefined || v === '') throw new WebUsageError(`${name} needs a value`);
      return v;
    };
    switch (name) {
      case '--port':
        out.port = parsePort(value(), '--port');
        break;
      case '--server':
        out.server = parseHostPort(value());
        break;
      case '--device': {
        const d = value();
        if (!/^[0-9*#+]{1,32}$/.test(d)) throw new WebUsageError(`--device: "${d}" is not a device number`);
        out.device = d;
        break;
      }
      case '--event-mode': {
        const m = value();
        if (m !== 'udp' && m !== 'poll' && m !== 'auto') throw new WebUsageError('--event-mode: udp, poll or auto');
        out.eventMode = m;
        break;
      }
      case '--http':
        out.http = true;
        break;
      case '--settings':
        out.settingsDir = value();
        break;
      case '--static':
        out.staticDir = value();
        break;
      case '--help':
      case '-h':
        out.help = true;
        break;
      default:
        throw new WebUsageError(`unknown option ${arg}`);
    }
  }
  return out;
}
