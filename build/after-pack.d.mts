// Types of build/after-pack.mjs (the electron-builder hook is plain JavaScript, run by electron-builder).
import type { FuseV1Options, FuseVersion } from '@electron/fuses';

export interface AfterPackContext {
  readonly appOutDir: string;
  readonly electronPlatformName: string;
  readonly arch: number;
  readonly packager: { readonly appInfo: { readonly productFilename: string }; readonly executableName: string };
}
export declare const FUSES: Readonly<{ version: FuseVersion.V1 } & Partial<Record<FuseV1Options, boolean>>>;
export declare function electronBinary(context: Pick<AfterPackContext, 'appOutDir' | 'electronPlatformName' | 'packager'>): string;
export default function afterPack(context: AfterPackContext): Promise<void>;
