/**
 * The line's state transitions as a pure function: (state, action) -> (state, patches, effects).
 * No sockets, no timers, no clock: `now` comes in with the action. The Line object (./line.ts)
 * does the I/O the effects ask for.
 */
import type { TelEvent } from '../../common/telservices/events';
import type { AgentInfo, CallInfo, ForwardInfo, SnapshotInfo } from '../../common/telservices/structures';
import { isUnknownValue, type SessionEventName, type UnknownValue } from '../../common/telservices/enums';
import type {
  AgentView,
  CallView,
  ConnectionView,
  DirectoryEntry,
  ForwardView,
  IncomingCall,
  LinePatch,
  LineState,
} from '../../common/domain';
import { isResolvable, legsOf, refillNames, toCallView, type NameBook } from './call-mapping';

export interface CoreState {
  readonly line: LineState;
  /** Calls already popped: a call is popped once, however many events or resyncs repeat it. */
  readonly popped: ReadonlySet<string>;
  /** Inbound calls that rang and were never connected (candidates for "missed"). */
  readonly unanswered: ReadonlySet<string>;
  readonly names: NameBook;
  /** Which caps (calls, popups) are being hit: the excess is dropped and reported once per flood. */
  readonly capped: Readonly<Record<CapKind, boolean>>;
}

/**
 * A device holds a handful of calls; a line shows a few screen pops. Beyond these a flood (spoofed
 * or runaway events) is dropped, so it cannot grow the line, its patches or the UI without bound.
 */
export const LINE_LIMITS = { calls: 16, popups: 4 } as const;
export type CapKind = keyof typeof LINE_LIMITS;

export type CoreAction =
  | { type: 'event'; event: TelEvent; now: number }
  | { type: 'snapshot'; snapshot: SnapshotInfo; now: number }
  | { type: 'partyResolved'; number: string; entry: DirectoryEntry | null }
  /** The look-up failed (server unreachable): forget it was asked, so a later event asks again. */
  | { type: 'partyLookupFailed'; number: string }
  | { type: 'connection'; connection: ConnectionView }
  | { type: 'markMissedSeen' }
  | { type: 'dismissPopup'; callId: string };

export type CoreEffect =
  | { type: 'incomingCall'; call: IncomingCall }
  | { type: 'resolveParty'; number: string }
  /** The server closed our session (admin, timeout, monitoring reject): open it again. */
  | { type: 'sessionClosed'; reason: SessionEventName }
  | { type: 'linkOutOfService' }
  /** The PBX link is back: our view may be stale, take a snapshot. */
  | { type: 'resync' }
  /** A cap was hit: new calls (or popups) beyond it are dropped until the count falls below it again. */
  | { type: 'capped'; what: CapKind; limit: number };

export interface Step {
  state: CoreState;
  patches: LinePatch[];
  effects: CoreEffect[];
}

export function initialCoreState(lineId: string, deviceNumber: string, now: number): CoreState {
  return {
    line: {
      lineId,
      deviceNumber,
      connection: { state: 'connecting', eventMode: 'udp', since: now },
      calls: [],
      popups: [],
      forwards: [],
      doNotDisturb: false,
      messageWaiting: false,
      missedCalls: 0,
    },
    popped: new Set(),
    unanswered: new Set(),
    names: new Map(),
    capped: { calls: false, popups: false },
  };
}

function agentView(info: AgentInfo, now: number): AgentView {
  const view: AgentView = {
    state: info.state,
    permittedStates: info.permittedStates ?? [],
    inboundServices: info.inboundServices ?? [],
    outboundServices: info.outboundServices ?? [],
  };
  if (info.userID !== undefined) view.userID = info.userID;
  const timeout = info.timeout === undefined ? Number.NaN : Number.parseInt(info.timeout, 10);
  if (Number.isFinite(timeout) && timeout > 0) view.autoStateAt = now + timeout * 1000;
  return view;
}

/** A forward of a type this client does not know (a newer server's) has no toggle to show: left out of the view. */
function forwardView(info: ForwardInfo): ForwardView | undefined {
  if (isUnknownValue(info.type)) return undefined;
  const view: ForwardView = { type: info.type, on: info.state === 'on' };
  if (info.number !== undefined) view.number = info.number;
  return view;
}

function upsertForward(forwards: readonly ForwardView[], info: ForwardInfo): ForwardView[] {
  const view = forwardView(info);
  if (view === undefined) return [...forwards];
  const next = forwards.filter((f) => f.type !== view.type);
  // Keep the number of a forward turned off: the UI offers to turn it back on.
  if (view.number === undefined) {
    const old = forwards.find((f) => f.type === info.type);
    if (old?.number !== undefined) view.number = old.number;
  }
  next.push(view);
  return next;
}

/** Mutable scratch for one step; the reducer builds the next state through it. */
interface Draft {
  line: LineState;
  popped: Set<string> | ReadonlySet<string>;
  unanswered: Set<string> | ReadonlySet<string>;
  names: NameBook;
  capped: Readonly<Record<CapKind, boolean>>;
  effects: CoreEffect[];
}

/** Whether one more of `what` fits; the first refusal of a flood is reported (an effect), the rest silently dropped. */
function fits(d: Draft, what: CapKind, count: number): boolean {
  const limit = LINE_LIMITS[what];
  if (count < limit) return true;
  if (!d.capped[what]) {
    d.capped = { ...d.capped, [what]: true };
    d.effects.push({ type: 'capped', what, limit });
  }
  return false;
}

/** A flood is over once the count is below its cap: the next one is reported again. */
function releaseCaps(d: Draft): void {
  const counts: Record<CapKind, number> = { calls: d.line.calls.length, popups: d.line.popups.length };
  for (const what of Object.keys(LINE_LIMITS) as CapKind[]) {
    if (d.capped[what] && counts[what] < LINE_LIMITS[what]) d.capped = { ...d.capped, [what]: false };
  }
}

/** Numbers remembered at most; the oldest are forgotten first (a long-running line must not grow). */
export const NAME_BOOK_LIMIT = 1000;

function remember(names: NameBook, number: string, value: DirectoryEntry | null | 'pending'): NameBook {
  const next = new Map(names);
  next.delete(number);
  next.set(number, value);
  for (const oldest of next.keys()) {
    if (next.size <= NAME_BOOK_LIMIT) break;
    next.delete(oldest);
  }
  return next;
}

function editSet(set: ReadonlySet<string>, fn: (s: Set<string>) => void): ReadonlySet<string> {
  const copy = new Set(set);
  fn(copy);
  return copy;
}

/** Screen pop, missed-call bookkeeping and name lookups for one new/updated call view. */
function noticeCall(d: Draft, call: CallView, ended: boolean, cause: string | undefined): void {
  const inboundRinging = legsOf(call).find((l) => !l.isOutgoing && (l.state === 'alerting' || l.state === 'queued'));
  const connected = legsOf(call).some((l) => l.connectedAt !== undefined);
  if (!ended && inboundRinging !== undefined && !d.popped.has(call.id) && fits(d, 'popups', d.line.popups.length)) {
    d.popped = editSet(d.popped, (s) => s.add(call.id));
    d.unanswered = editSet(d.unanswered, (s) => s.add(call.id));
    d.line = { ...d.line, popups: [...d.line.popups, call.id] };
    const incoming: IncomingCall = { lineId: d.line.lineId, callId: call.id, leg: inboundRinging };
    if (call.correlatorData !== undefined) incoming.correlatorData = call.correlatorData;
    d.effects.push({ type: 'incomingCall', call: incoming });
  }
  if (connected && d.unanswered.has(call.id)) d.unanswered = editSet(d.unanswered, (s) => s.delete(call.id));
  if (!ended) {
    for (const leg of legsOf(call)) {
      for (const party of [leg.otherParty, ...(leg.redirectedBy ? [leg.redirectedBy] : [])]) {
        if (isResolvable(party) && !d.names.has(party.number)) {
          d.names = remember(d.names, party.number, 'pending');
          d.effects.push({ type: 'resolveParty', number: party.number });
        }
      }
    }
  }
  if (ended) forgetCall(d, call.id, cause);
}

function forgetCall(d: Draft, callId: string, cause: string | undefined): void {
  if (d.unanswered.has(callId)) {
    d.unanswered = editSet(d.unanswered, (s) => s.delete(callId));
    // A call we passed on (divert, transfer, route) was handled, not missed.
    if (cause !== 'redirect' && cause !== 'route' && cause !== 'transfer') {
      d.line = { ...d.line, missedCalls: d.line.missedCalls + 1 };
    }
  }
  if (d.popped.has(callId)) d.popped = editSet(d.popped, (s) => s.delete(callId));
  if (d.line.popups.includes(callId)) d.line = { ...d.line, popups: d.line.popups.filter((id) => id !== callId) };
}

function applyCall(d: Draft, info: CallInfo, now: number): void {
  const calls = d.line.calls;
  const index = calls.findIndex((c) => c.id === info.id);
  const prev = index >= 0 ? calls[index] : undefined;
  const view = toCallView(info, prev, d.names, now);
  const cause = info.primCall?.cause ?? info.secCall?.cause;
  if (view === undefined) {
    if (prev !== undefined) d.line = { ...d.line, calls: calls.filter((_, i) => i !== index) };
    noticeCall(d, prev ?? { id: info.id, permittedServices: [] }, true, cause);
    return;
  }
  if (index < 0 && !fits(d, 'calls', calls.length)) return;
  const next = [...calls];
  if (index >= 0) next[index] = view;
  else next.push(view);
  d.line = { ...d.line, calls: next };
  noticeCall(d, view, false, cause);
}

function applySnapshot(d: Draft, snap: SnapshotInfo, now: number): void {
  if (snap.calls !== undefined) {
    const seen = new Set(snap.calls.map((c) => c.id));
    for (const gone of d.line.calls.filter((c) => !seen.has(c.id))) {
      d.line = { ...d.line, calls: d.line.calls.filter((c) => c.id !== gone.id) };
      forgetCall(d, gone.id, undefined);
    }
    for (const call of snap.calls) applyCall(d, call, now);
    // Popups (and unanswered marks) of calls the server no longer knows.
    for (const id of [...d.popped].filter((id) => !seen.has(id))) forgetCall(d, id, undefined);
  }
  if (snap.forwards !== undefined) d.line = { ...d.line, forwards: snap.forwards.map(forwardView).filter((f) => f !== undefined) };
  if (snap.doNotDisturb !== undefined) d.line = { ...d.line, doNotDisturb: snap.doNotDisturb === 'on' };
  if (snap.msgWaiting !== undefined) d.line = { ...d.line, messageWaiting: snap.msgWaiting === 'on' };
  if (snap.agent !== undefined) d.line = { ...d.line, agent: agentView(snap.agent, now) };
  if (snap.session !== undefined) applySession(d, snap.session);
}

function applySession(d: Draft, session: SessionEventName | UnknownValue): void {
  // A newer server's session value: kept in the event (and shown by the line), no action taken on it.
  if (isUnknownValue(session)) return;
  switch (session) {
    case 'pbxlinkOutOfService':
      d.effects.push({ type: 'linkOutOfService' });
      return;
    case 'pbxlinkInService':
      d.effects.push({ type: 'resync' });
      return;
    case 'sessionClosedByAdmin':
    case 'sessionClosedByTimeout':
    case 'sessionClosedByMonitoringReject':
    case 'sessionClosedByClient':
      d.effects.push({ type: 'sessionClosed', reason: session });
      return;
    default: {
      const never: never = session;
      throw new Error(`unknown session event ${String(never)}`);
    }
  }
}

function applyEvent(d: Draft, event: TelEvent, now: number): void {
  switch (event.type) {
    case 'call':
      return applyCall(d, event.call, now);
    case 'agent':
      d.line = { ...d.line, agent: agentView(event.agent, now) };
      return;
    case 'forward':
      d.line = { ...d.line, forwards: upsertForward(d.line.forwards, event.forward) };
      return;
    case 'doNotDisturb':
      d.line = { ...d.line, doNotDisturb: event.state === 'on' };
      return;
    case 'msgWaiting':
      d.line = { ...d.line, messageWaiting: event.state === 'on' };
      return;
    case 'session':
      return applySession(d, event.session);
    default: {
      const never: never = event;
      throw new Error(`unknown event ${JSON.stringify(never)}`);
    }
  }
}

function run(d: Draft, action: CoreAction): void {
  switch (action.type) {
    case 'event':
      return applyEvent(d, action.event, action.now);
    case 'snapshot':
      return applySnapshot(d, action.snapshot, action.now);
    case 'partyResolved': {
      d.names = remember(d.names, action.number, action.entry);
      const calls = refillNames(d.line.calls, d.names);
      if (calls !== d.line.calls) d.line = { ...d.line, calls };
      return;
    }
    case 'partyLookupFailed': {
      if (d.names.get(action.number) === 'pending') {
        const names = new Map(d.names);
        names.delete(action.number);
        d.names = names;
      }
      return;
    }
    case 'connection':
      d.line = { ...d.line, connection: action.connection };
      return;
    case 'markMissedSeen':
      if (d.line.missedCalls !== 0) d.line = { ...d.line, missedCalls: 0 };
      return;
    case 'dismissPopup':
      if (d.line.popups.includes(action.callId)) {
        d.line = { ...d.line, popups: d.line.popups.filter((id) => id !== action.callId) };
      }
      return;
    default: {
      const never: never = action;
      throw new Error(`unknown action ${JSON.stringify(never)}`);
    }
  }
}

/** Deep equality of JSON-like data (the line's fields), so a resync that changes nothing patches nothing. */
export function sameData(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  if (ka.length !== kb.length) return false;
  const ra = a as Record<string, unknown>;
  const rb = b as Record<string, unknown>;
  return ka.every((k) => Object.prototype.hasOwnProperty.call(rb, k) && sameData(ra[k], rb[k]));
}

/**
 * The calls that changed as call patches (issue 9 item 11): ended ones removed, then each new or
 * changed one in list order. Applied in order they rebuild `after` exactly when the list only lost
 * calls, changed some in place and appended new ones (what this reducer does); any other change
 * of order is sent as the whole list.
 */
function callPatches(before: readonly CallView[], after: readonly CallView[]): LinePatch[] {
  const now = new Set(after.map((c) => c.id));
  const old = new Map(before.map((c) => [c.id, c]));
  const kept = before.filter((c) => now.has(c.id)).map((c) => c.id);
  const added = after.filter((c) => !old.has(c.id)).map((c) => c.id);
  const expected = [...kept, ...added];
  if (expected.some((id, i) => after[i]?.id !== id)) return [{ key: 'calls', value: [...after] }];
  const out: LinePatch[] = before.filter((c) => !now.has(c.id)).map((c) => ({ key: 'call', id: c.id }));
  for (const c of after) {
    const o = old.get(c.id);
    if (o === undefined || (o !== c && !sameData(o, c))) out.push({ key: 'call', id: c.id, value: c });
  }
  return out;
}

/** The one transition function. Patches list each top-level field of the line that changed (calls one by one). */
export function reduce(state: CoreState, action: CoreAction): Step {
  const d: Draft = { ...state, effects: [] };
  run(d, action);
  releaseCaps(d);
  const patches: LinePatch[] = [];
  let line = d.line;
  if (line !== state.line) {
    const kept: Record<string, unknown> = { ...line };
    for (const key of Object.keys(line) as (keyof LineState)[]) {
      if (line[key] === state.line[key]) continue;
      // Equal data keeps the old reference: identity stays a cheap "unchanged" test downstream.
      if (sameData(line[key], state.line[key])) kept[key] = state.line[key];
      else if (key === 'calls') patches.push(...callPatches(state.line.calls, line.calls));
      else patches.push({ key, value: line[key] } as LinePatch);
    }
    // A field removed (e.g. agent) is a patch to undefined.
    if (state.line.agent !== undefined && line.agent === undefined) patches.push({ key: 'agent', value: undefined });
    line = patches.length === 0 ? state.line : (kept as unknown as LineState);
  }
  return {
    state: { line, popped: d.popped, unanswered: d.unanswered, names: d.names, capped: d.capped },
    patches,
    effects: d.effects,
  };
}

export { applyLinePatches as applyPatches } from '../../common/domain';
