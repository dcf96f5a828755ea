export interface StartFacts {
  platform: string;
  env: Record<string, string | undefined>;
  argv: string[];
  electronPathTxt: string | null;
  electronBinaryExists: boolean;
  hasWebScript: boolean;
}
export interface StartPlan {
  mode: 'desktop' | 'web' | 'unavailable';
  demo: boolean;
  tryInstallElectron: boolean;
  reason: string;
}
export interface DesktopExit {
  code: number;
  spawnError: boolean;
  uptimeMs: number;
}
export declare function planStart(facts: StartFacts): StartPlan;
export declare const STARTUP_GRACE_MS: number;
export declare function shouldFallBackToWeb(exit: DesktopExit): boolean;
export declare function gatherStartFacts(root: string, argv?: string[], env?: Record<string, string | undefined>): StartFacts;
