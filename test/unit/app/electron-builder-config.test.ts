// electron-builder cannot package here (it downloads Electron), so its config is checked
// instead: our own expectations, then electron-builder's own schema validation (offline).
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../../..');
const configPath = resolve(root, 'build/electron-builder.json');

interface BuilderConfig {
  appId: string;
  productName: string;
  files: string[];
  icon: string;
  directories: { output: string; buildResources: string };
  protocols: { name: string; schemes: string[] }[];
  afterPack: string;
  linux: { target: string[]; icon: string; desktop: { entry: Record<string, string> } };
  win: { target: string[] };
  mac: { target: string[] };
}

const config = JSON.parse(readFileSync(configPath, 'utf8')) as BuilderConfig;
const pkg = JSON.parse(readFileSync(resolve(root, 'package.json'), 'utf8')) as { main: string };

describe('build/electron-builder.json', () => {
  it('names the app as the shell does', () => {
    expect(config.appId).toBe('com.telservices.cti');
    expect(config.productName).toBe('TelServices CTI');
    // main/app/window.ts holds the same two values; the runtime must agree with the installer.
    const windowSource = readFileSync(resolve(root, 'main/app/window.ts'), 'utf8');
    expect(windowSource).toContain(`APP_ID = '${config.appId}'`);
    expect(windowSource).toContain(`PRODUCT_NAME = '${config.productName}'`);
  });

  it('packs the electron-vite output and package.json, whose main points into it', () => {
    expect(config.files).toEqual(expect.arrayContaining(['out/**/*', 'package.json']));
    expect(pkg.main).toBe('out/main/index.js');
    expect(config.directories.output).toBe('dist');
  });

  it('registers tel: and callto: as protocols', () => {
    const schemes = config.protocols.flatMap((p) => p.schemes);
    expect(schemes).toEqual(expect.arrayContaining(['tel', 'callto']));
  });

  it('has targets for Linux, Windows and macOS', () => {
    expect(config.linux.target).toEqual(expect.arrayContaining(['AppImage', 'deb']));
    expect(config.win.target).toContain('nsis');
    expect(config.mac.target).toContain('dmg');
  });

  it('points at an icon that exists and is large enough (512x512 PNG)', () => {
    const icon = readFileSync(resolve(root, config.icon));
    expect(icon.subarray(1, 4).toString('latin1')).toBe('PNG');
    expect(icon.readUInt32BE(16)).toBeGreaterThanOrEqual(512);
    expect(icon.readUInt32BE(20)).toBeGreaterThanOrEqual(512);
    expect(existsSync(resolve(root, config.directories.buildResources))).toBe(true);
  });

  it('declares the dial schemes in the Linux .desktop file and ships an icon in every hicolor size', () => {
    const mime = config.linux.desktop.entry['MimeType']!.split(';');
    expect(mime).toEqual(expect.arrayContaining(['x-scheme-handler/tel', 'x-scheme-handler/callto']));
    for (const size of [16, 24, 32, 48, 64, 128, 256, 512]) {
      const png = readFileSync(resolve(root, config.linux.icon, `${size}x${size}.png`));
      expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([size, size]);
    }
  });

  it('flips the fuses in an afterPack hook that exists and exports a function', async () => {
    expect(config.afterPack).toBe('./build/after-pack.mjs');
    const hook = (await import(resolve(root, config.afterPack))) as { default: unknown };
    expect(typeof hook.default).toBe('function');
  });

  it("passes electron-builder's own schema validation", async () => {
    const require = createRequire(resolve(root, 'package.json'));
    const { getConfig, validateConfiguration } = require('app-builder-lib/out/util/config/config.js') as {
      getConfig: (dir: string, file: string, extra: null) => Promise<Record<string, unknown>>;
      validateConfiguration: (config: Record<string, unknown>, logger: unknown) => Promise<void>;
    };
    const { DebugLogger } = require('builder-util') as { DebugLogger: new (enabled: boolean) => unknown };
    const loaded = await getConfig(root, configPath, null);
    await expect(validateConfiguration(loaded, new DebugLogger(false))).resolves.toBeUndefined();
    // The validator really rejects a wrong key, so the assertion above can fail.
    await expect(validateConfiguration({ ...loaded, notAnOption: true }, new DebugLogger(false))).rejects.toThrow(
      /notAnOption/,
    );
  });
});
