/** Plain-text aligned tables and key/value blocks for the terminal (pure). */

/**
 * Left-aligned columns separated by two spaces; the last column is not padded (no trailing
 * blanks). Columns whose cells are all empty are dropped, so a history without names does not
 * show an empty NAME column.
 */
export function table(headers: readonly string[], rows: readonly (readonly string[])[]): string {
  const used = headers.map((_, c) => rows.some((r) => (r[c] ?? '') !== ''));
  const keep = (cells: readonly string[]): string[] => headers.map((_, c) => cells[c] ?? '').filter((_, c) => used[c]);
  const lines = [keep(headers), ...rows.map(keep)];
  const widths = lines[0]?.map((_, c) => Math.max(...lines.map((l) => (l[c] ?? '').length))) ?? [];
  return lines
    .map((cells) =>
      cells
        .map((cell, c) => (c === cells.length - 1 ? cell : cell.padEnd(widths[c] ?? 0)))
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}

/** `key: value` lines with the values aligned; pairs with an undefined value are skipped. */
export function keyValues(pairs: readonly (readonly [string, string | undefined])[]): string {
  const present = pairs.filter((p): p is readonly [string, string] => p[1] !== undefined);
  const width = Math.max(0, ...present.map(([k]) => k.length + 1));
  return present.map(([k, v]) => `${`${k}:`.padEnd(width)} ${v}`.trimEnd()).join('\n');
}
