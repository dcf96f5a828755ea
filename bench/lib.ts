/**
 * Benchmarks print figures beside a baseline measured in the same run on the same machine, never
 * against a fixed number of milliseconds: a shared 2-core machine makes absolute timings noisy,
 * ratios much less so.
 */
export interface BenchRow {
  /** What was measured, e.g. "decode call event". */
  name: string;
  /** The figure, with its unit, e.g. "41,200 ops/s" or "p50 38 µs / p99 95 µs". */
  value: string;
  /** The same-run baseline it is compared with, with its unit. */
  baseline?: string;
  /** value/baseline or whatever comparison the goal is stated in, e.g. "0.83×". */
  ratio?: string;
  /** The goal in words, e.g. "≥ 0.7× baseline". */
  goal?: string;
  /** Whether the goal was met (absent when there is no goal). */
  met?: boolean;
}

export interface BenchSection {
  title: string;
  rows: BenchRow[];
  /** Free-form lines printed under the table (heap before/after, counts ...). */
  notes?: string[];
}

export type BenchModule = () => Promise<BenchSection>;

/** Nearest-rank percentile of an unsorted sample (copied and sorted here). */
export function percentile(sample: readonly number[], p: number): number {
  if (sample.length === 0) return Number.NaN;
  const sorted = [...sample].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank] as number;
}

/** Runs `fn` repeatedly for at least `ms` milliseconds (after a warm-up) and returns operations per second. */
export function opsPerSecond(fn: () => void, ms = 1000): number {
  const warmEnd = performance.now() + Math.min(200, ms / 5);
  while (performance.now() < warmEnd) fn();
  let count = 0;
  const start = performance.now();
  let now = start;
  while (now - start < ms) {
    for (let i = 0; i < 100; i++) fn();
    count += 100;
    now = performance.now();
  }
  return (count * 1000) / (now - start);
}

export function fmtInt(n: number): string {
  return Math.round(n).toLocaleString('en-US');
}

export function fmtMicros(ms: number): string {
  return `${(ms * 1000).toFixed(1)} µs`;
}

export function printSection(section: BenchSection): void {
  const header = ['measure', 'value', 'baseline (same run)', 'ratio', 'goal', 'met'];
  const lines = section.rows.map((r) => [
    r.name,
    r.value,
    r.baseline ?? '',
    r.ratio ?? '',
    r.goal ?? '',
    r.met === undefined ? '' : r.met ? 'yes' : 'NO',
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => (l[i] ?? '').length)));
  const fmt = (cells: string[]): string => cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join('  ').trimEnd();
  console.log(`\n== ${section.title} ==`);
  console.log(fmt(header));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const l of lines) console.log(fmt(l));
  for (const n of section.notes ?? []) console.log(`  ${n}`);
}
