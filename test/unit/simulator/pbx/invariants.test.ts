/**
 * Random sequences of services, clock steps and control actions: the model never fails internally
 * (no resourceError), every event is well-formed, and the calls it lists agree with every device's
 * snapshot (no leaked or lost call legs).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { PbxRequest } from '../../../../main/simulator/pbx/model';
import { harness, type Harness } from './harness';

const DEVICES = ['1101', '1102', '1103', '8001', '8003'] as const;
const NUMBERS = [...DEVICES, '8000', '0612345678', '42'] as const;

const device = fc.constantFrom(...DEVICES);
const number = fc.constantFrom(...NUMBERS);

type Step =
  | { kind: 'request'; req: PbxRequest }
  | { kind: 'advance'; ms: number }
  | { kind: 'inbound'; to: string }
  | { kind: 'hangup' }
  | { kind: 'answer' };

const request: fc.Arbitrary<PbxRequest> = fc.oneof(
  fc.record({ type: fc.constant('makeCall' as const), deviceNumber: device, calledDeviceNumber: number }),
  fc.record({ type: fc.constant('answerCall' as const), deviceNumber: device }),
  fc.record({ type: fc.constantFrom('dropCall' as const, 'holdCall' as const, 'retrieveCall' as const), deviceNumber: device }),
  fc.record({ type: fc.constant('consultationCall' as const), deviceNumber: device, consultedDeviceNumber: number }),
  fc.record({
    type: fc.constantFrom('alternateCall' as const, 'reconnectCall' as const, 'transferCall' as const, 'conferenceCall' as const),
    deviceNumber: device,
  }),
  fc.record({ type: fc.constant('divertCall' as const), deviceNumber: device, divertedDeviceNumber: number }),
  fc.record({ type: fc.constant('addPartyToCall' as const), deviceNumber: device, addedDeviceNumber: number }),
  fc.record({ type: fc.constant('qualifyCall' as const), deviceNumber: device, answerCall: fc.boolean() }),
  fc.record({ type: fc.constant('doNotDisturb' as const), deviceNumber: device, state: fc.constantFrom('on' as const, 'off' as const) }),
  fc.record({
    type: fc.constant('forward' as const),
    deviceNumber: device,
    info: fc.record({ number, type: fc.constantFrom('immediate' as const, 'busy' as const, 'noAnswer' as const), state: fc.constantFrom('on' as const, 'off' as const) }),
  }),
  fc.record({
    type: fc.constant('agentState' as const),
    deviceNumber: fc.constantFrom('8001', '8003'),
    state: fc.constantFrom('ready' as const, 'notReady' as const, 'loggedOff' as const, 'workingAfterCall' as const),
  }),
);

const step: fc.Arbitrary<Step> = fc.oneof(
  { weight: 6, arbitrary: request.map((req) => ({ kind: 'request' as const, req })) },
  { weight: 2, arbitrary: fc.integer({ min: 0, max: 40_000 }).map((ms) => ({ kind: 'advance' as const, ms })) },
  { weight: 1, arbitrary: number.map((to) => ({ kind: 'inbound' as const, to })) },
  { weight: 1, arbitrary: fc.constant({ kind: 'hangup' as const }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'answer' as const }) },
);

function run(h: Harness, s: Step): void {
  switch (s.kind) {
    case 'request':
      expect(h.exec(s.req)).not.toEqual({ kind: 'error', error: 'resourceError' });
      return;
    case 'advance':
      h.clock.advance(s.ms);
      return;
    case 'inbound':
      h.pbx.injectInboundCall({ from: '0699999999', to: s.to });
      return;
    case 'hangup':
      h.pbx.externalHangup('0699999999');
      return;
    case 'answer':
      h.pbx.externalAnswer('0612345678');
      return;
    default: {
      const never: never = s;
      return never;
    }
  }
}

function checkConsistency(h: Harness): void {
  const appearances = new Map<string, number>();
  for (const c of h.pbx.listCalls()) {
    expect(c.parties.length).toBeGreaterThan(0);
    for (const p of c.parties) appearances.set(p, (appearances.get(p) ?? 0) + 1);
  }
  for (const d of h.pbx.devices()) {
    const calls = h.pbx.snapshotOf(d.number).calls ?? [];
    expect(calls.length).toBeLessThanOrEqual(1);
    const legs = calls.flatMap((c) => [c.primCall, c.secCall]).filter((l) => l !== undefined);
    for (const l of legs) expect(l.state).not.toBe('cleared');
    expect(legs.length).toBe(appearances.get(d.number) ?? 0);
  }
}

describe('PBX model: invariants under random use', () => {
  it('never fails internally, and calls agree with snapshots', () => {
    fc.assert(
      fc.property(fc.array(step, { minLength: 1, maxLength: 60 }), fc.constantFrom(0, 500), (steps, dialDelayMs) => {
        const h = harness({ noAnswerForwardDelayMs: 10_000, dialDelayMs });
        for (const s of steps) {
          run(h, s);
          checkConsistency(h);
        }
        expect(h.errors).toEqual([]);
        const lastId = new Map<string, number>();
        for (const e of h.log) {
          if (e.event.type !== 'call') continue;
          const call = e.event.call;
          expect(e.event.deviceNumber).toBe(e.device);
          expect(Number(call.primCall?.duration)).toBeGreaterThanOrEqual(0);
          // Per-device call ids only grow; nothing is permitted once every leg is cleared.
          const id = Number(call.id);
          expect(id).toBeGreaterThanOrEqual(lastId.get(e.device) ?? 1);
          lastId.set(e.device, id);
          const states = [call.primCall?.state, call.secCall?.state].filter((x) => x !== undefined);
          if (states.every((st) => st === 'cleared')) expect(call.permittedServices).toEqual([]);
          else expect(call.permittedServices?.length).toBeGreaterThan(0);
        }
      }),
      { numRuns: 300 },
    );
  });
});
