export interface InstallFacts {
  hasLock: boolean;
  hasNodeModules: boolean;
  lockMtimeMs: number | null;
  hiddenLockMtimeMs: number | null;
  wanted: Record<string, string | null>;
  installed: Record<string, string | null>;
}
export interface InstallDecision {
  action: 'none' | 'ci' | 'install';
  reason: string;
}
export declare function decideInstall(facts: InstallFacts): InstallDecision;
export declare function gatherInstallFacts(root: string): InstallFacts;
export declare function ensureDependencies(root: string): Promise<boolean>;
