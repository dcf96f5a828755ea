/**
 * Pure mapping of the wire's call structures (CallInfo/CallLeg/Party) to the UI's CallView, keeping
 * what the previous view knew: when a leg connected (so durations tick from a timestamp), when it
 * was first seen, and names resolved through the directory when the event carries none.
 */
import type { CallLeg, CallInfo, Party } from '../../common/telservices/structures';
import type { CallLegView, CallView, DirectoryEntry, LegRole, PartyView } from '../../common/domain';

/** What the directory told us about a number: an entry, `null` (unknown), or a lookup in flight. */
export type NameBook = ReadonlyMap<string, DirectoryEntry | null | 'pending'>;

const HIDDEN_PREFIX = '*****';

export function isHiddenNumber(number: string): boolean {
  return number.startsWith(HIDDEN_PREFIX);
}

/** A number worth asking the directory about. */
/**
 * The longest number worth a directory look-up (a device number is at most 32 characters, as the
 * settings say). A longer one, as a hostile datagram may carry, is shown but never looked up nor
 * remembered: the name book and the directory cache are bounded by count, so their keys must be
 * bounded in size too.
 */
export const MAX_LOOKUP_NUMBER_LENGTH = 32;

export function isResolvable(party: PartyView): boolean {
  return party.number !== '' && party.number.length <= MAX_LOOKUP_NUMBER_LENGTH && !party.hidden && party.name === undefined;
}

export function toPartyView(party: Party, names: NameBook): PartyView {
  const view: PartyView = { number: party.number, hidden: isHiddenNumber(party.number) };
  if (party.name !== undefined) view.name = party.name;
  if (party.company !== undefined) view.company = party.company;
  if (party.numberType !== undefined) view.numberType = party.numberType;
  return view.name === undefined ? fillFromBook(view, names) : view;
}

/** Fills name, company and number type from the directory when the event lacked them. */
export function fillFromBook(view: PartyView, names: NameBook): PartyView {
  if (!isResolvable(view)) return view;
  const entry = names.get(view.number);
  if (entry === undefined || entry === null || entry === 'pending') return view;
  const filled: PartyView = { ...view };
  if (entry.name !== undefined) filled.name = entry.name;
  if (view.company === undefined && entry.company !== undefined) filled.company = entry.company;
  if (view.numberType === undefined && entry.numberType !== undefined) filled.numberType = entry.numberType;
  return filled;
}

function seconds(text: string): number {
  const n = Number.parseInt(text, 10);
  return Number.isFinite(n) && n > 0 ? n : 0;
}

function connectedAtFor(leg: CallLeg, prev: CallLegView | undefined, otherParty: PartyView, now: number): number | undefined {
  if (leg.state !== 'connected' && leg.state !== 'hold') return undefined;
  const sameParty = prev !== undefined && prev.otherParty.number === otherParty.number;
  // A transfer restarts the duration (spec: "Then the duration is restarted").
  if (leg.cause === 'transfer' && prev !== undefined && !sameParty) return now;
  if (prev?.connectedAt !== undefined) return prev.connectedAt;
  return now - seconds(leg.duration) * 1000;
}

export function toLegView(
  role: LegRole,
  leg: CallLeg,
  prev: CallLegView | undefined,
  names: NameBook,
  now: number,
): CallLegView {
  const otherParty = toPartyView(leg.otherParty, names);
  const view: CallLegView = {
    role,
    state: leg.state,
    otherParty,
    addedParties: (leg.addedParties ?? []).map((p) => toPartyView(p, names)),
    isOutgoing: leg.isOutgoing,
    isConference: leg.isConference,
    since: prev?.since ?? now,
  };
  const dialled = leg.firstCalledParty?.number;
  if (dialled !== undefined && dialled !== '') view.dialledNumber = dialled;
  if (leg.firstOtherParty !== undefined) view.firstOtherParty = toPartyView(leg.firstOtherParty, names);
  if (leg.lastRedirectionParty !== undefined) {
    view.redirectedBy = toPartyView(leg.lastRedirectionParty, names);
    view.redirectKind = leg.cause === 'transfer' ? 'transferred' : 'diverted';
  } else if (prev?.redirectedBy !== undefined) {
    // Later events of the same call often omit it; the UI keeps showing who passed the call on.
    view.redirectedBy = prev.redirectedBy;
    if (prev.redirectKind !== undefined) view.redirectKind = prev.redirectKind;
  }
  if (view.dialledNumber === undefined && prev?.dialledNumber !== undefined) view.dialledNumber = prev.dialledNumber;
  if (leg.callReference !== undefined) view.callReference = leg.callReference;
  if (leg.cause !== undefined) view.cause = leg.cause;
  const connectedAt = connectedAtFor(leg, prev, otherParty, now);
  if (connectedAt !== undefined) view.connectedAt = connectedAt;
  return view;
}

function findPrevLeg(prev: CallView | undefined, role: LegRole, number: string): CallLegView | undefined {
  if (prev === undefined) return undefined;
  const legs = [prev.primary, prev.secondary].filter((l): l is CallLegView => l !== undefined);
  // Match by party first: after an alternate the roles may swap on some PBXs.
  return legs.find((l) => l.otherParty.number === number && number !== '') ?? legs.find((l) => l.role === role);
}

/** A leg still worth showing: cleared legs are gone; failed ones stay until dropped (busy tone). */
function live(leg: CallLeg | undefined): leg is CallLeg {
  return leg !== undefined && leg.state !== 'cleared';
}

/** CallInfo -> CallView, or `undefined` when every leg is cleared (the call has ended). */
export function toCallView(info: CallInfo, prev: CallView | undefined, names: NameBook, now: number): CallView | undefined {
  const prim = live(info.primCall) ? info.primCall : undefined;
  const sec = live(info.secCall) ? info.secCall : undefined;
  if (prim === undefined && sec === undefined) return undefined;
  const view: CallView = { id: info.id, permittedServices: info.permittedServices ?? prev?.permittedServices ?? [] };
  if (prim !== undefined) {
    view.primary = toLegView('primary', prim, findPrevLeg(prev, 'primary', prim.otherParty.number), names, now);
  }
  if (sec !== undefined) {
    view.secondary = toLegView('secondary', sec, findPrevLeg(prev, 'secondary', sec.otherParty.number), names, now);
  }
  const correlator = info.extraData ?? prev?.correlatorData;
  if (correlator !== undefined) view.correlatorData = correlator;
  return view;
}

export function legsOf(call: CallView): CallLegView[] {
  return [call.primary, call.secondary].filter((l): l is CallLegView => l !== undefined);
}

/** Re-applies the name book to every party of the calls; returns the same array when nothing changed. */
export function refillNames(calls: readonly CallView[], names: NameBook): CallView[] {
  let changed = false;
  const next = calls.map((call) => {
    const legs = legsOf(call).map((leg) => {
      const other = fillFromBook(leg.otherParty, names);
      const redirected = leg.redirectedBy === undefined ? undefined : fillFromBook(leg.redirectedBy, names);
      if (other === leg.otherParty && redirected === leg.redirectedBy) return leg;
      changed = true;
      const out: CallLegView = { ...leg, otherParty: other };
      if (redirected !== undefined) out.redirectedBy = redirected;
      return out;
    });
    if (!changed) return call;
    const out: CallView = { ...call };
    for (const leg of legs) out[leg.role] = leg;
    return out;
  });
  return changed ? next : (calls as CallView[]);
}
