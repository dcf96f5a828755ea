import { describe, expect, it } from 'vitest';
import { applyPatches, initialCoreState, LINE_LIMITS, reduce, type CoreAction, type CoreEffect, type CoreState, type Step } from '../../../main/core/reducer';
import { call, callEvent, cleared, leg } from './fixtures';

const T0 = 1_700_000_000_000;

function run(actions: CoreAction[], start: CoreState = initialCoreState('L1', '1102', T0)): Step & { all: Step[] } {
  let state = start;
  const all: Step[] = [];
  for (const a of actions) {
    const step = reduce(state, a);
    all.push(step);
    state = step.state;
  }
  const last = all[all.length - 1] as Step;
  return { ...last, state, all };
}

const ev = (e: Parameters<typeof callEvent>[0], now = T0): CoreAction => ({ type: 'event', event: callEvent(e), now });

describe('calls', () => {
  it('spec example 2 (monitoring 1102): alerting pops once, connected keeps the popup and stamps connectedAt', () => {
    const r = run([
      ev(call('1', leg('alerting', '1101'), undefined, ['answerCall', 'divertCall'])),
      ev(call('1', leg('alerting', '1101'), undefined, ['answerCall', 'divertCall']), T0 + 100),
      ev(call('1', leg('connected', '1101', { duration: '0' }), undefined, ['holdCall', 'dropCall']), T0 + 2000),
    ]);
    const incoming = r.all.flatMap((s) => s.effects.filter((e) => e.type === 'incomingCall'));
    expect(incoming).toHaveLength(1);
    expect(r.state.line.popups).toEqual(['1']);
    const c = r.state.line.calls[0];
    expect(c?.primary?.state).toBe('connected');
    expect(c?.primary?.connectedAt).toBe(T0 + 2000);
    expect(c?.primary?.since).toBe(T0);
    expect(c?.permittedServices).toEqual(['holdCall', 'dropCall']);
  });

  it('a call that ends removes its popup; an unanswered inbound call counts as missed until seen', () => {
    const r = run([ev(call('7', leg('alerting', '0612345678'))), { type: 'event', event: cleared('7', '0612345678'), now: T0 + 5 }]);
    expect(r.state.line.calls).toEqual([]);
    expect(r.state.line.popups).toEqual([]);
    expect(r.state.line.missedCalls).toBe(1);
    const seen = reduce(r.state, { type: 'markMissedSeen' });
    expect(seen.state.line.missedCalls).toBe(0);
    expect(seen.patches).toEqual([{ key: 'missedCalls', value: 0 }]);
  });

  it('an answered call, or one we diverted, is not missed', () => {
    const answered = run([
      ev(call('1', leg('alerting', '1101'))),
      ev(call('1', leg('connected', '1101'))),
      { type: 'event', event: cleared('1', '1101'), now: T0 },
    ]);
    expect(answered.state.line.missedCalls).toBe(0);
    const diverted = run([ev(call('2', leg('alerting', '1101'))), { type: 'event', event: cleared('2', '1101', 'redirect'), now: T0 }]);
    expect(diverted.state.line.missedCalls).toBe(0);
  });

  it('duration from the wire back-dates connectedAt; hold keeps it', () => {
    const r = run([
      ev(call('1', leg('connected', '1101', { duration: '42' })), T0),
      ev(call('1', leg('hold', '1101', { duration: '50' })), T0 + 8000),
    ]);
    expect(r.state.line.calls[0]?.primary?.connectedAt).toBe(T0 - 42_000);
  });

  it('spec example 3: consultation gives a held primary and a secondary leg; clearing the secondary keeps the call', () => {
    const r = run([
      ev(call('1', leg('connected', '1102', { isOutgoing: true }))),
      ev(call('1', leg('hold', '1102', { isOutgoing: true }), leg('initiated', '', { isOutgoing: true }))),
      ev(call('1', leg('hold', '1102', { isOutgoing: true }), leg('connected', '1103', { isOutgoing: true }), ['transferCall'])),
    ]);
    const c = r.state.line.calls[0];
    expect(c?.primary?.state).toBe('hold');
    expect(c?.secondary?.otherParty.number).toBe('1103');
    expect(c?.permittedServices).toEqual(['transferCall']);
    const after = reduce(r.state, ev(call('1', leg('connected', '1102'), leg('cleared', '1103'))));
    expect(after.state.line.calls[0]?.secondary).toBeUndefined();
    expect(after.state.line.calls[0]?.primary?.state).toBe('connected');
  });

  it('spec example 4/5: who diverted or transferred the call and the dialled number are kept', () => {
    const r = run([
      ev(call('1', leg('alerting', '1101', { firstCalledParty: { number: '1102' }, lastRedirectionParty: { number: '1102' } }))),
      ev(call('1', leg('connected', '1101'))),
    ]);
    const p = r.state.line.calls[0]?.primary;
    expect(p?.dialledNumber).toBe('1102');
    expect(p?.redirectedBy?.number).toBe('1102');
    expect(p?.redirectKind).toBe('diverted');
    const t = run([
      ev(call('1', leg('connected', '1103', { duration: '30' })), T0),
      ev(call('1', leg('connected', '1101', { duration: '30', cause: 'transfer', lastRedirectionParty: { number: '1102' } })), T0 + 1000),
    ]);
    const tp = t.state.line.calls[0]?.primary;
    expect(tp?.redirectKind).toBe('transferred');
    // The spec: a transfer restarts the duration.
    expect(tp?.connectedAt).toBe(T0 + 1000);
  });

  it('hidden numbers survive and are never looked up', () => {
    const r = run([ev(call('1', leg('alerting', '*****-0042')))]);
    expect(r.state.line.calls[0]?.primary?.otherParty).toEqual({ number: '*****-0042', hidden: true });
    expect(r.effects.filter((e) => e.type === 'resolveParty')).toEqual([]);
  });

  it('asks the directory once per number and fills name, company and number type when it answers', () => {
    const r = run([ev(call('1', leg('alerting', '+33160127764'))), ev(call('1', leg('connected', '+33160127764')))]);
    const lookups = r.all.flatMap((s) => s.effects).filter((e) => e.type === 'resolveParty');
    expect(lookups).toEqual([{ type: 'resolveParty', number: '+33160127764' }]);
    const resolved = reduce(r.state, {
      type: 'partyResolved',
      number: '+33160127764',
      entry: { number: '+33160127764', name: 'Martin Jagger', company: 'uniGone', numberType: 'home' },
    });
    expect(resolved.state.line.calls[0]?.primary?.otherParty).toMatchObject({ name: 'Martin Jagger', company: 'uniGone', numberType: 'home' });
    expect(resolved.patches.map((p) => p.key)).toEqual(['call']);
    // A later event without the name still shows it.
    const later = reduce(resolved.state, ev(call('1', leg('hold', '+33160127764'))));
    expect(later.state.line.calls[0]?.primary?.otherParty.name).toBe('Martin Jagger');
  });

  it('keeps correlator data across events that omit it', () => {
    const r = run([ev(call('1', leg('alerting', '1101'), undefined, [], 'order=42')), ev(call('1', leg('connected', '1101')))]);
    expect(r.state.line.calls[0]?.correlatorData).toBe('order=42');
    expect(r.all[0]?.effects.find((e) => e.type === 'incomingCall')).toMatchObject({ call: { correlatorData: 'order=42' } });
  });
});

describe('snapshot resync', () => {
  it('replaces calls and features, removes popups of vanished calls and never pops a call twice', () => {
    const first = run([ev(call('1', leg('alerting', '1101')))]);
    const resync = reduce(first.state, {
      type: 'snapshot',
      now: T0 + 10,
      snapshot: {
        calls: [{ id: '1', primCall: leg('alerting', '1101'), permittedServices: ['answerCall'] }],
        forwards: [{ number: '1102', type: 'immediate', state: 'on' }],
        doNotDisturb: 'on',
        msgWaiting: 'off',
      },
    });
    expect(resync.effects.filter((e) => e.type === 'incomingCall')).toEqual([]);
    expect(resync.state.line.doNotDisturb).toBe(true);
    expect(resync.state.line.forwards).toEqual([{ type: 'immediate', number: '1102', on: true }]);
    const gone = reduce(resync.state, { type: 'snapshot', now: T0 + 20, snapshot: { calls: [] } });
    expect(gone.state.line.calls).toEqual([]);
    expect(gone.state.line.popups).toEqual([]);
    expect(gone.state.line.missedCalls).toBe(1);
  });

  it('patches applied to the old line give the new line', () => {
    const a = run([ev(call('1', leg('alerting', '1101')))]);
    const b = reduce(a.state, { type: 'snapshot', now: T0, snapshot: { calls: [], doNotDisturb: 'on', agent: { state: 'ready' } } });
    expect(applyPatches(a.state.line, b.patches)).toEqual(b.state.line);
  });
});

describe('floods (issue 9 item 11)', () => {
  it('patches carry the call that changed, not the list; applied in order they rebuild the line', () => {
    let state = initialCoreState('L1', '1102', T0);
    for (let i = 0; i < 5; i++) state = reduce(state, ev(call(String(i), leg('connected', `0600000${i}`)))).state;
    const changed = reduce(state, ev(call('2', leg('hold', '06000002'))));
    expect(changed.patches).toEqual([{ key: 'call', id: '2', value: changed.state.line.calls[2] }]);
    const ended = reduce(changed.state, { type: 'event', event: cleared('1', '06000001'), now: T0 });
    expect(ended.patches.filter((p) => p.key === 'call')).toEqual([{ key: 'call', id: '1' }]);
    const resync = reduce(ended.state, {
      type: 'snapshot',
      now: T0,
      snapshot: { calls: [call('9', leg('alerting', '0611')), call('4', leg('hold', '06000004')), call('0', leg('connected', '06000000'))] },
    });
    expect(resync.patches.some((p) => p.key === 'calls')).toBe(false);
    expect(applyPatches(ended.state.line, resync.patches)).toEqual(resync.state.line);
  });

  it('a flood of calls is capped per line, popups too, each reported once per flood', () => {
    let state = initialCoreState('L1', '1102', T0);
    const effects: CoreEffect[] = [];
    let biggestPatch = 0;
    for (let i = 0; i < 2000; i++) {
      const step = reduce(state, ev(call(`c${i}`, leg('alerting', `+3361234${String(i).padStart(4, '0')}`))));
      effects.push(...step.effects);
      biggestPatch = Math.max(biggestPatch, JSON.stringify(step.patches).length);
      state = step.state;
    }
    expect(state.line.calls).toHaveLength(LINE_LIMITS.calls);
    expect(state.line.popups).toHaveLength(LINE_LIMITS.popups);
    expect(effects.filter((e) => e.type === 'capped')).toEqual([
      { type: 'capped', what: 'popups', limit: LINE_LIMITS.popups },
      { type: 'capped', what: 'calls', limit: LINE_LIMITS.calls },
    ]);
    expect(effects.filter((e) => e.type === 'resolveParty')).toHaveLength(LINE_LIMITS.calls);
    expect(biggestPatch).toBeLessThan(2000);
    // The flood ends (calls clear): a later flood is reported again.
    for (const c of state.line.calls) state = reduce(state, { type: 'event', event: cleared(c.id, 'x'), now: T0 }).state;
    expect(state.capped).toEqual({ calls: false, popups: false });
  });
});

describe('features and session events', () => {
  it('forward events upsert by type and keep the number when turned off without one', () => {
    const on = reduce(initialCoreState('L1', '1101', T0), { type: 'event', now: T0, event: { type: 'forward', forward: { number: '1102', type: 'immediate', state: 'on' } } });
    const off = reduce(on.state, { type: 'event', now: T0, event: { type: 'forward', forward: { type: 'immediate', state: 'off' } } });
    expect(off.state.line.forwards).toEqual([{ type: 'immediate', number: '1102', on: false }]);
  });

  it('agent working-after-call timeout becomes a countdown deadline', () => {
    const r = reduce(initialCoreState('L1', '1101', T0), {
      type: 'event',
      now: T0,
      event: { type: 'agent', agent: { state: 'workingAfterCall', timeout: '30', permittedStates: ['ready', 'notReady'] } },
    });
    expect(r.state.line.agent).toMatchObject({ state: 'workingAfterCall', autoStateAt: T0 + 30_000, permittedStates: ['ready', 'notReady'] });
  });

  it('session events become effects for the Line', () => {
    const s = initialCoreState('L1', '1101', T0);
    const effect = (session: 'pbxlinkOutOfService' | 'pbxlinkInService' | 'sessionClosedByAdmin') =>
      reduce(s, { type: 'event', now: T0, event: { type: 'session', session } }).effects;
    expect(effect('pbxlinkOutOfService')).toEqual([{ type: 'linkOutOfService' }]);
    expect(effect('pbxlinkInService')).toEqual([{ type: 'resync' }]);
    expect(effect('sessionClosedByAdmin')).toEqual([{ type: 'sessionClosed', reason: 'sessionClosedByAdmin' }]);
  });

  it('DND and message waiting; an unchanged value yields no patch', () => {
    const s = initialCoreState('L1', '1101', T0);
    const on = reduce(s, { type: 'event', now: T0, event: { type: 'doNotDisturb', state: 'on' } });
    expect(on.patches).toEqual([{ key: 'doNotDisturb', value: true }]);
    const mw = reduce(on.state, { type: 'event', now: T0, event: { type: 'msgWaiting', state: 'off' } });
    expect(mw.patches).toEqual([]);
  });
});

describe('resync that changes nothing', () => {
  it('emits no patch and keeps the same line object', () => {
    const snap = {
      calls: [{ id: '1', primCall: leg('connected', '1101', { duration: '5' }), permittedServices: ['dropCall' as const] }],
      forwards: [],
      doNotDisturb: 'off' as const,
      msgWaiting: 'off' as const,
    };
    const a = reduce(initialCoreState('L1', '1102', T0), { type: 'snapshot', now: T0, snapshot: snap });
    const b = reduce(a.state, { type: 'snapshot', now: T0 + 3000, snapshot: { ...snap, calls: [{ ...snap.calls[0]!, primCall: leg('connected', '1101', { duration: '8' }) }] } });
    expect(b.patches).toEqual([]);
    expect(b.state.line).toBe(a.state.line);
  });

  it('a failed look-up is asked again on the next event', () => {
    const a = run([ev(call('1', leg('alerting', '1101')))]);
    const failed = reduce(a.state, { type: 'partyLookupFailed', number: '1101' });
    const again = reduce(failed.state, ev(call('1', leg('connected', '1101'))));
    expect(again.effects).toContainEqual({ type: 'resolveParty', number: '1101' });
  });
});

describe('bounded memory', () => {
  it('the name book forgets the oldest numbers beyond its limit', async () => {
    const { NAME_BOOK_LIMIT } = await import('../../../main/core/reducer');
    let s = initialCoreState('L1', '1102', T0);
    for (let i = 0; i < NAME_BOOK_LIMIT + 50; i++) {
      s = reduce(s, { type: 'partyResolved', number: `+331600${i}`, entry: null }).state;
    }
    expect(s.names.size).toBe(NAME_BOOK_LIMIT);
    expect(s.names.has('+3316000')).toBe(false);
    expect(s.names.has(`+331600${NAME_BOOK_LIMIT + 49}`)).toBe(true);
  });
});
