export interface Counts {
  passed: number;
  failed: number;
}
export declare function countVitest(report: unknown): Counts;
export declare function countPlaywright(report: unknown): Counts;
export declare function addCounts(...counts: Counts[]): Counts;
export declare function formatSummary(counts: Counts): string;
