/** Calls, legs and a scripted CtiApi for the agent client's tests. */
import { vi, type Mock } from 'vitest';
import { COMMAND_NAMES, type CtiApi, type CtiEvents, type EventName } from '../../../../common/contract';
import type { AppState, CallLegView, CallView, LineState, PartyView } from '../../../../common/domain';

export const party = (p: Partial<PartyView> & { number: string }): PartyView => ({ hidden: false, ...p });

export const leg = (l: Partial<CallLegView> = {}): CallLegView => ({
  role: 'primary',
  state: 'alerting',
  otherParty: party({ number: '+33160127764', name: 'Martin Jagger', company: 'uniGone' }),
  addedParties: [],
  isOutgoing: false,
  isConference: false,
  since: 1000,
  ...l,
});

export const call = (c: Partial<CallView> = {}): CallView => ({ id: '7', primary: leg(), permittedServices: ['answerCall', 'divertCall'], ...c });

export const line = (l: Partial<LineState> = {}): LineState => ({
  lineId: 'line1',
  deviceNumber: '1101',
  connection: { state: 'monitored', eventMode: 'udp', since: 0 },
  calls: [],
  popups: [],
  forwards: [],
  doNotDisturb: false,
  messageWaiting: false,
  missedCalls: 0,
  ...l,
});

/** A CtiApi whose commands resolve ok (or what `reply` says) and whose events the test emits. */
export function fakeCti(initial: LineState, reply: Partial<Record<string, () => unknown>> = {}) {
  const listeners = new Map<EventName, Set<(p: unknown) => void>>();
  let seq = 1;
  let state: AppState = { seq, lines: [initial] };
  const api: Record<string, unknown> = {
    on: (event: EventName, fn: (p: unknown) => void) => {
      const set = listeners.get(event) ?? new Set();
      set.add(fn);
      listeners.set(event, set);
      return () => set.delete(fn);
    },
  };
  for (const name of COMMAND_NAMES) {
    api[name] = vi.fn(() => {
      if (name === 'getState') return Promise.resolve({ ok: true, value: state });
      const r = reply[name];
      return Promise.resolve(r ? r() : { ok: true, value: name === 'searchDirectory' ? [] : null });
    });
  }
  const emit = <E extends EventName>(event: E, payload: CtiEvents[E]) => listeners.get(event)?.forEach((fn) => fn(payload));
  return {
    cti: api as unknown as CtiApi,
    mock: api as Record<string, Mock<(args: never) => Promise<unknown>>>,
    /** Replaces the line as the core would (a full state event). */
    setLine(next: LineState) {
      seq += 1;
      state = { seq, lines: [next] };
      emit('state', state);
    },
  };
}
