// Types of build/electronegativity-lib.mjs.
export interface Finding {
  readonly check: string;
  readonly severity: string;
  readonly confidence: string;
  readonly file: string;
  readonly location: string;
  readonly sample: string;
}
export interface AllowlistEntry {
  readonly check: string;
  readonly file: string;
  readonly match?: string;
  readonly reason: string;
}
export declare function splitCsvLine(line: string): string[];
export declare function parseReport(csv: string): Finding[];
export declare function compareWithAllowlist(
  findings: readonly Finding[],
  allowlist: readonly AllowlistEntry[],
): { serious: Finding[]; unexplained: Finding[]; stale: AllowlistEntry[]; missingReason: AllowlistEntry[] };
