/**
 * What the screen pop shows, derived from the line (pure, tested directly): the calls whose pop is
 * open and that still ring inbound — answered here or elsewhere, diverted or cleared, they drop out
 * — newest first; correlator data read as key/value pairs when it has that shape; ringing time.
 */
import type { CallLegView, LineState } from '../../common/domain';

export interface PopItem {
  /** One per ringing leg: a second caller ringing during a call shares the call's id. */
  key: string;
  callId: string;
  leg: CallLegView;
  correlatorData?: string;
}

function ringingInbound(leg: CallLegView | undefined): leg is CallLegView {
  return leg !== undefined && !leg.isOutgoing && (leg.state === 'alerting' || leg.state === 'queued');
}

/** The pops to show, newest on top. `hidden`: call ids or item keys dismissed here. */
export function popItems(line: LineState | undefined, hidden: ReadonlySet<string> = new Set()): PopItem[] {
  if (!line) return [];
  const out: PopItem[] = [];
  for (let i = line.popups.length - 1; i >= 0; i--) {
    const id = line.popups[i];
    if (id === undefined || hidden.has(id)) continue;
    const call = line.calls.find((c) => c.id === id);
    if (!call) continue;
    // The newer leg (secondary) first: newest on top.
    for (const leg of [call.secondary, call.primary]) {
      if (!ringingInbound(leg)) continue;
      const key = `${id}/${leg.role}`;
      if (hidden.has(key)) continue;
      const item: PopItem = { key, callId: id, leg };
      if (call.correlatorData !== undefined) item.correlatorData = call.correlatorData;
      out.push(item);
    }
  }
  return out;
}

export type KeyValue = readonly [key: string, value: string];

/**
 * Correlator data as pairs when it has that shape: a flat JSON object, or `k=v` / `k:v` items
 * separated by `;`, `&`, `|` or new lines. Anything else: undefined (shown as it came).
 */
export function correlatorPairs(data: string): KeyValue[] | undefined {
  const text = data.trim();
  if (text === '') return undefined;
  if (text.startsWith('{')) {
    try {
      const parsed: unknown = JSON.parse(text);
      if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return undefined;
      const pairs = Object.entries(parsed as Record<string, unknown>);
      if (pairs.length === 0 || !pairs.every(([, v]) => ['string', 'number', 'boolean'].includes(typeof v))) return undefined;
      return pairs.map(([k, v]) => [k, String(v)] as const);
    } catch {
      return undefined;
    }
  }
  const items = text.split(/[;&|\n]/).map((s) => s.trim()).filter((s) => s !== '');
  const pairs: KeyValue[] = [];
  for (const item of items) {
    const m = /^([^=:]+?)\s*[=:]\s*(.*)$/.exec(item);
    if (!m?.[1]) return undefined;
    pairs.push([m[1].trim(), (m[2] ?? '').trim()]);
  }
  return pairs.length > 0 ? pairs : undefined;
}

/** Elapsed time as a clock: 0:07, 12:30, 1:02:03. Negative (clock skew) reads 0:00. */
export function formatElapsed(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const ss = String(s).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${ss}` : `${m}:${ss}`;
}
