/**
 * Snapshot -> events (pure). The long-poll returns whole snapshots; the rest of the app wants the
 * same TelEvent stream UDP gives, so we diff each snapshot with the previous one. The first
 * snapshot is diffed against an empty one: it yields the current state as events.
 */
import type { TelEvent } from '../../common/telservices/events';
import type { CallInfo, CallLeg, ForwardInfo, SnapshotInfo } from '../../common/telservices/structures';

/** JSON with object keys sorted: the same data gives the same text whatever order the codec built it in. */
function stableJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v !== null && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );
}

/** A leg as compared: every field (the parties, callReference, cause ...) but its duration. */
function legKey(leg: CallLeg | undefined): unknown {
  if (!leg) return null;
  const { duration: _growing, ...rest } = leg;
  return rest;
}

/**
 * What makes a call "changed": any field of the call or its legs (lastRedirectionParty,
 * firstCalledParty, firstOtherParty, callReference too: `cti listen --poll` must miss no change),
 * but not a leg's duration, which grows on every poll of a connected call.
 */
function callKey(call: CallInfo): string {
  const { primCall, secCall, ...rest } = call;
  return stableJson([legKey(primCall), legKey(secCall), rest]);
}

function clearedLeg(leg: CallLeg): CallLeg {
  return { ...leg, state: 'cleared' };
}

/** The event a vanished call gets: its last legs with state `cleared`, nothing permitted. */
export function clearedCall(call: CallInfo): CallInfo {
  const out: CallInfo = { id: call.id, permittedServices: [] };
  if (call.primCall) out.primCall = clearedLeg(call.primCall);
  if (call.secCall) out.secCall = clearedLeg(call.secCall);
  return out;
}

function forwardKey(f: ForwardInfo): string {
  return JSON.stringify([f.state, f.number ?? null]);
}

export function diffSnapshots(prev: SnapshotInfo | undefined, next: SnapshotInfo, deviceNumber?: string): TelEvent[] {
  const out: TelEvent[] = [];
  const push = (e: TelEvent): void => {
    out.push(deviceNumber === undefined ? e : { ...e, deviceNumber });
  };

  // Calls: new or changed -> the call as it is now; gone -> synthesized cleared. Only when the
  // snapshot lists calls at all (an absent <calls> says nothing about them).
  if (next.calls) {
    const before = new Map((prev?.calls ?? []).map((c) => [c.id, c]));
    for (const call of next.calls) {
      const old = before.get(call.id);
      if (!old || callKey(old) !== callKey(call)) push({ type: 'call', call });
      before.delete(call.id);
    }
    for (const gone of before.values()) push({ type: 'call', call: clearedCall(gone) });
  }

  // Forwards, keyed by type: new or changed -> as now; gone -> the same forward turned off.
  if (next.forwards) {
    const before = new Map((prev?.forwards ?? []).map((f) => [f.type, f]));
    for (const f of next.forwards) {
      const old = before.get(f.type);
      if (!old || forwardKey(old) !== forwardKey(f)) push({ type: 'forward', forward: f });
      before.delete(f.type);
    }
    for (const gone of before.values()) {
      if (gone.state === 'on') push({ type: 'forward', forward: { ...gone, state: 'off' } });
    }
  }

  if (next.doNotDisturb !== undefined && next.doNotDisturb !== prev?.doNotDisturb) {
    push({ type: 'doNotDisturb', state: next.doNotDisturb });
  }
  if (next.msgWaiting !== undefined && next.msgWaiting !== prev?.msgWaiting) {
    push({ type: 'msgWaiting', state: next.msgWaiting });
  }
  if (next.agent !== undefined && JSON.stringify(next.agent) !== JSON.stringify(prev?.agent)) {
    push({ type: 'agent', agent: next.agent });
  }
  if (next.session !== undefined && next.session !== prev?.session) {
    push({ type: 'session', session: next.session });
  }
  return out;
}
