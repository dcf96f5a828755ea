// The afterPack hook's fuses: the config the issue asks for, and the hook really writing them into
// a binary (a stand-in file carrying Electron's fuse sentinel and wire, as a real binary does).
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FuseV1Options, FuseVersion, getCurrentFuseWire } from '@electron/fuses';
import { describe, expect, it } from 'vitest';
import afterPack, { FUSES, electronBinary } from '../../../build/after-pack.mjs';

const SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
const ENABLE = 0x31;
const DISABLE = 0x30;

describe('build/after-pack.mjs', () => {
  it('turns RunAsNode, NODE_OPTIONS and --inspect off, cookie encryption, ASAR integrity and ASAR-only on', () => {
    expect(FUSES).toEqual({
      version: FuseVersion.V1,
      [FuseV1Options.RunAsNode]: false,
      [FuseV1Options.EnableCookieEncryption]: true,
      [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
      [FuseV1Options.EnableNodeCliInspectArguments]: false,
      [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
      [FuseV1Options.OnlyLoadAppFromAsar]: true,
    });
  });

  it('finds the packed binary on each platform', () => {
    const packager = { appInfo: { productFilename: 'TelServices CTI' }, executableName: 'telservices-cti' };
    expect(electronBinary({ appOutDir: '/o', electronPlatformName: 'linux', packager })).toBe('/o/telservices-cti');
    expect(electronBinary({ appOutDir: '/o', electronPlatformName: 'win32', packager })).toBe('/o/TelServices CTI.exe');
    expect(electronBinary({ appOutDir: '/o', electronPlatformName: 'darwin', packager })).toBe('/o/TelServices CTI.app');
  });

  it('writes the fuses into the binary electron-builder packed', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cti-fuses-'));
    const binary = join(dir, 'telservices-cti');
    // Electron's defaults: RunAsNode, NODE_OPTIONS, --inspect and file: privileges on; the rest off.
    const wire = [ENABLE, DISABLE, ENABLE, ENABLE, DISABLE, DISABLE, DISABLE, ENABLE];
    writeFileSync(binary, Buffer.concat([Buffer.from('ELF…code…'), Buffer.from(SENTINEL), Buffer.from([1, wire.length, ...wire]), Buffer.from('…more code')]));
    await afterPack({ appOutDir: dir, electronPlatformName: 'linux', arch: 1, packager: { appInfo: { productFilename: 'TelServices CTI' }, executableName: 'telservices-cti' } });
    const fuses = await getCurrentFuseWire(binary);
    expect(fuses[FuseV1Options.RunAsNode]).toBe(DISABLE);
    expect(fuses[FuseV1Options.EnableCookieEncryption]).toBe(ENABLE);
    expect(fuses[FuseV1Options.EnableNodeOptionsEnvironmentVariable]).toBe(DISABLE);
    expect(fuses[FuseV1Options.EnableNodeCliInspectArguments]).toBe(DISABLE);
    expect(fuses[FuseV1Options.EnableEmbeddedAsarIntegrityValidation]).toBe(ENABLE);
    expect(fuses[FuseV1Options.OnlyLoadAppFromAsar]).toBe(ENABLE);
    // Left as Electron set it.
    expect(fuses[FuseV1Options.GrantFileProtocolExtraPrivileges]).toBe(ENABLE);
    expect(readFileSync(binary).subarray(0, 3).toString()).toBe('ELF');
  });
});
