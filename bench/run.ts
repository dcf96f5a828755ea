/**
 * `npm run bench`: runs every benchmark section in turn (never in parallel: they would measure
 * each other) and prints each beside its same-run baseline. `npm run bench -- codec` runs the
 * sections whose name contains "codec".
 */
import { printSection, type BenchModule } from './lib';

const sections: Array<[string, () => Promise<{ default: BenchModule }>]> = [
  // Each entry: [name, lazy import of a module whose default export runs one section].
  ['codec', () => import('./codec')],
  ['udp-events', () => import('./udp-events')],
  ['simulator', () => import('./simulator')],
  ['core', () => import('./core')],
  ['idle', () => import('./idle')],
  ['fuzz', () => import('./fuzz')],
  ['ui', () => import('./ui')],
];

const filter = process.argv.slice(2).filter((a) => !a.startsWith('-'));
let failed = false;
for (const [name, load] of sections) {
  if (filter.length > 0 && !filter.some((f) => name.includes(f))) continue;
  const mod = await load();
  const section = await mod.default();
  printSection(section);
  if (section.rows.some((r) => r.met === false)) failed = true;
}
console.log(failed ? '\nSome goals were not met (see NO above).' : '\nAll goals met.');
