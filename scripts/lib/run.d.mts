export interface RunResult {
  code: number;
  output: string;
  error: Error | null;
}
export declare function lastLine(text: string): string;
export declare function run(
  command: string,
  args: string[],
  options?: { cwd?: string; env?: Record<string, string>; quiet?: boolean; timeoutMs?: number },
): Promise<RunResult>;
