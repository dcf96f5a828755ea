/**
 * Web mode: `npx tsx main/web/cli.ts [--port P] [--server HOST:PORT --device N]`.
 * The same core as the desktop app, its contract carried over a WebSocket to a browser page.
 */
import { fileURLToPath } from 'node:url';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { SettingsPatch } from '../../common/schemas';
import { chooseStartup, DEMO_DEVICE, startCoreRuntime } from '../core/runtime';
import { ConfSettingsStore } from '../settings/conf-store';
import { MemorySettingsStore, type SettingsStore } from '../settings/store';
import { MemorySecretStore, type SecretStore } from '../settings/secrets';
import { FileSecretStore } from '../settings/secrets-file';
import { parseWebArgs, WEB_USAGE, WebUsageError, type WebCliArgs } from './cli-args';
import { startWebServer } from './server';

const repoRoot = resolve(fileURLToPath(new URL('.', import.meta.url)), '../..');

/** With --settings-dir, a 0600 file beside the settings; without, this run only (the settings view says so). */
function secretStore(args: WebCliArgs): SecretStore {
  if (args.settingsDir === undefined) return new MemorySecretStore({}, 'Web mode without --settings-dir keeps secrets until it exits.');
  const store = new FileSecretStore(join(args.settingsDir, 'secrets.json'));
  if (store.loadError) console.warn(`! secrets: ${store.loadError}`);
  return store;
}

function settingsStore(args: WebCliArgs, overrides: SettingsPatch, secrets: SecretStore): SettingsStore {
  if (args.settingsDir === undefined) return new MemorySettingsStore(overrides);
  const store = new ConfSettingsStore({ cwd: args.settingsDir, secrets });
  if (store.loadError) console.warn(`! ${store.loadError.message}`);
  if (Object.keys(overrides).length > 0) store.set(overrides);
  return store;
}

async function main(argv: readonly string[]): Promise<void> {
  const args = parseWebArgs(argv);
  if (args.help) {
    process.stdout.write(WEB_USAGE);
    return;
  }
  // --server wins; else the same start-up rule as the desktop app (CTI_TELSERVER, CTI_DEMO, a saved file).
  const hasSettingsFile = args.settingsDir !== undefined && existsSync(join(args.settingsDir, 'settings.json'));
  const startup = args.server ? ({ demo: false, overrides: {} } as const) : chooseStartup(process.env, hasSettingsFile);
  const overrides: SettingsPatch = startup.demo ? {} : { ...startup.overrides };
  if (args.server) {
    overrides.serverHost = args.server.host;
    overrides.serverPort = args.server.port;
  }
  if (args.device) overrides.deviceNumber = args.device;
  if (args.eventMode) overrides.eventMode = args.eventMode;
  if (args.http) overrides.transport = 'http';

  const secrets = secretStore(args);
  const runtime = await startCoreRuntime({
    demo: startup.demo,
    ...(args.device ? { demoDevice: args.device } : {}),
    secrets,
    settings: (demoOverrides) => settingsStore(args, { ...demoOverrides, ...overrides }, secrets),
  });
  const { service, simulator: sim } = runtime;
  service.on('connection', ({ connection }) => console.log(`[line] ${connection.state} (events by ${connection.eventMode})${connection.lastError ? `: ${connection.lastError.message}` : ''}`));
  service.on('incomingCall', (c) => console.log(`[line] incoming call from ${c.leg.otherParty.name ?? ''} ${c.leg.otherParty.number}`));
  const web = await startWebServer({ source: service, port: args.port, staticDir: args.staticDir ?? resolve(repoRoot, 'out/renderer') });

  if (sim) {
    const line = args.device ?? DEMO_DEVICE;
    console.log(`TelServices simulator (demo: a call to ${line} every few seconds, every fifth transferred in with transfer data) on ${sim.host}:${sim.port}`);
    console.log(`  drive it: npx cti --server ${sim.host}:${sim.port} --device 1102 make-call ${line}`);
    if (sim.controlUrl) console.log(`  control API: ${sim.controlUrl} (POST /calls {"from":"0612345678","to":"${line}"})`);
  }
  if (web.fallback) console.log('out/renderer is missing (run `npm run build` for the full UI): serving the minimal page.');
  console.log(`Open ${web.url}`);
  if (!web.fallback) console.log(`  (minimal diagnostic page: ${web.minimalUrl})`);

  let closing = false;
  const shutdown = async (): Promise<void> => {
    if (closing) return;
    closing = true;
    await web.close();
    await runtime.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown());
  process.on('SIGTERM', () => void shutdown());
}

main(process.argv.slice(2)).catch((err: unknown) => {
  if (err instanceof WebUsageError) {
    console.error(`${err.message}\n\n${WEB_USAGE}`);
    process.exit(2);
  }
  console.error(err instanceof Error ? err.message : String(err));
  process.exit(1);
});
