// electron-builder afterPack hook: flips Electron's fuses in the packed binary before it is
// signed and wrapped into an installer (build/electron-builder.json "afterPack").
//   RunAsNode off ................ ELECTRON_RUN_AS_NODE cannot turn the app into a plain Node
//   cookie encryption on ......... cookies on disk encrypted with the OS key
//   NODE_OPTIONS off ............. no code injected through the environment
//   --inspect arguments off ...... no debugger attached from the command line
//   ASAR integrity on ............ the app.asar is checked against the hash in the binary (macOS, Windows)
//   only load app from ASAR ...... no app/ folder or loose files beside the binary are run
// GrantFileProtocolExtraPrivileges is left as Electron sets it: the app loads its page from file://.
import { join } from 'node:path';
import { FuseV1Options, FuseVersion, flipFuses } from '@electron/fuses';

export const FUSES = Object.freeze({
  version: FuseVersion.V1,
  [FuseV1Options.RunAsNode]: false,
  [FuseV1Options.EnableCookieEncryption]: true,
  [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
  [FuseV1Options.EnableNodeCliInspectArguments]: false,
  [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
  [FuseV1Options.OnlyLoadAppFromAsar]: true,
});

/** electron-builder's Arch enum value for arm64. */
const ARCH_ARM64 = 3;

/** The packed Electron binary (the .app bundle on macOS) inside `appOutDir`. */
export function electronBinary(context) {
  const { appOutDir, electronPlatformName, packager } = context;
  switch (electronPlatformName) {
    case 'darwin':
    case 'mas':
      return join(appOutDir, `${packager.appInfo.productFilename}.app`);
    case 'win32':
      return join(appOutDir, `${packager.appInfo.productFilename}.exe`);
    default:
      return join(appOutDir, packager.executableName);
  }
}

export default async function afterPack(context) {
  const isMac = context.electronPlatformName === 'darwin' || context.electronPlatformName === 'mas';
  await flipFuses(electronBinary(context), {
    ...FUSES,
    // Flipping fuses breaks an ad-hoc signature; arm64 macOS refuses to run an unsigned binary.
    resetAdHocDarwinSignature: isMac && context.arch === ARCH_ARM64,
  });
}
