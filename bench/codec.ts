/**
 * Codec throughput. The goal row compares decoding the spec's call events with a bare
 * fast-xml-parser parse of the same bytes, with the same options, in the same run: the ratio is
 * what our well-formedness scan and typed mapping cost on top of the parse itself.
 * The machine is shared, so each figure is the median of short rounds, and the ratio is the median
 * of per-round ratios, each round measuring baseline and codec back to back (in alternating
 * order): a burst of load from another process then hits both sides of a ratio alike.
 */
import { XMLParser } from 'fast-xml-parser';
import type { TelEvent } from '../common/telservices/events';
import type { TelRequest } from '../common/telservices/requests';
import { decodeEvent, decodeRequest, encodeEvent, encodeRequest } from '../main/telservices/codec';
import { PARSER_OPTIONS } from '../main/telservices/xml-reader';
import { compactXml, specFixture, specFixtureNames } from '../test/support/spec-fixtures';
import { fmtInt, opsPerSecond, percentile, type BenchRow, type BenchSection } from './lib';

const GOAL = 0.7;
const ROUNDS = 9;
const MS = 250;

/** Cycles through `items`, one per call, so every sample is measured. */
function cycling<T>(items: readonly T[], fn: (item: T) => unknown): () => void {
  let i = 0;
  return () => {
    fn(items[i] as T);
    i = i + 1 === items.length ? 0 : i + 1;
  };
}

interface Paired {
  base: number;
  subject: number;
  ratio: number;
}

/** Median ops/s of each side and median of the per-round ratios. */
function paired(base: () => void, subject: () => void): Paired {
  const b: number[] = [];
  const s: number[] = [];
  const r: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    let x: number;
    let y: number;
    if (round % 2 === 0) {
      x = opsPerSecond(base, MS);
      y = opsPerSecond(subject, MS);
    } else {
      y = opsPerSecond(subject, MS);
      x = opsPerSecond(base, MS);
    }
    b.push(x);
    s.push(y);
    r.push(y / x);
  }
  return { base: percentile(b, 50), subject: percentile(s, 50), ratio: percentile(r, 50) };
}

function goalRow(name: string, m: Paired): BenchRow {
  return {
    name,
    value: `${fmtInt(m.subject)} ops/s`,
    baseline: `${fmtInt(m.base)} ops/s (bare parse)`,
    ratio: `${m.ratio.toFixed(2)}×`,
    goal: `≥ ${GOAL}× baseline`,
    met: m.ratio >= GOAL,
  };
}

export default async function codecBench(): Promise<BenchSection> {
  const names = specFixtureNames('event').filter((n) => n.startsWith('event-call-'));
  const printed = names.map(specFixture);
  const compact = printed.map(compactXml);
  const events: TelEvent[] = compact.map((x) => decodeEvent(x));
  const requests: TelRequest[] = specFixtureNames('request').map((n) => decodeRequest(specFixture(n)));
  const bare = new XMLParser(PARSER_OPTIONS);

  const asPrinted = paired(cycling(printed, (x) => bare.parse(x)), cycling(printed, decodeEvent));
  const asEncoded = paired(cycling(compact, (x) => bare.parse(x)), cycling(compact, decodeEvent));
  const encReq = percentile([1, 2, 3].map(() => opsPerSecond(cycling(requests, encodeRequest), MS)), 50);
  const encEv = percentile([1, 2, 3].map(() => opsPerSecond(cycling(events, encodeEvent), MS)), 50);

  const avg = (xs: string[]): number => Math.round(xs.reduce((s, x) => s + x.length, 0) / xs.length);
  await Promise.resolve();
  return {
    title: 'codec (TelServices XML)',
    rows: [
      goalRow('decode call event, as printed in the spec', asPrinted),
      goalRow('decode call event, compact (as encoded)', asEncoded),
      { name: 'encode request (the spec examples)', value: `${fmtInt(encReq)} ops/s` },
      { name: 'encode call event', value: `${fmtInt(encEv)} ops/s` },
    ],
    notes: [
      `${names.length} call events cycled (avg ${avg(printed)} chars as printed, ${avg(compact)} compact); ${requests.length} request examples.`,
      `baseline: new XMLParser(PARSER_OPTIONS).parse(xml), built once; medians of ${ROUNDS} paired rounds of ${MS} ms.`,
      `per call event (compact): codec ${(1e6 / asEncoded.subject).toFixed(1)} µs vs bare parse ${(1e6 / asEncoded.base).toFixed(1)} µs.`,
    ],
  };
}
