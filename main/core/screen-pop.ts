/**
 * The screen pop's last step, apart from the Line so it reads on its own: give the directory a
 * moment to name a caller the event left unnamed (a pop with a name beats a pop 100 ms earlier),
 * then pop only what is still ringing on screen.
 */
import type { DirectoryEntry, IncomingCall, LineState, PartyView } from '../../common/domain';
import { fillFromBook, isResolvable } from './call-mapping';

/** The directory entry of `party` if the look-up answers within `waitMs`; null otherwise (or on failure). */
export async function nameWithin(lookup: (number: string) => Promise<DirectoryEntry | null>, party: PartyView, waitMs: number): Promise<DirectoryEntry | null> {
  if (!isResolvable(party)) return null;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<null>((resolve) => {
    timer = setTimeout(() => resolve(null), waitMs);
  });
  const entry = await Promise.race([lookup(party.number).catch(() => null), timeout]);
  clearTimeout(timer);
  return entry;
}

/**
 * The pop to emit for `call` as the line is now, named by `entry`; null when the call ended or the
 * user dismissed its popup meanwhile. The leg is the current one (it may have changed while we waited).
 */
export function popFor(call: IncomingCall, state: LineState, entry: DirectoryEntry | null): IncomingCall | null {
  const current = state.calls.find((c) => c.id === call.callId);
  if (current === undefined || !state.popups.includes(call.callId)) return null;
  const leg = [current.primary, current.secondary].find((l) => l !== undefined && !l.isOutgoing) ?? call.leg;
  const otherParty = entry === null ? leg.otherParty : fillFromBook(leg.otherParty, new Map([[leg.otherParty.number, entry]]));
  return { ...call, leg: { ...leg, otherParty } };
}
