/**
 * Plays a scenario against a running simulator's control surface on the injected clock. Callers
 * with `ringMs` give up when unanswered; with `talkMs` they hang up after talking that long. The
 * model's call events name a per-device call id, not the model's call id, so an answer is
 * recognised as a connected leg whose other party is the caller's number.
 */
import type { CallInfo } from '../../../common/telservices/structures';
import type { Clock } from '../pbx/model';
import type { SimulatorControl } from '../server/simulator';
import type { Scenario, ScenarioStep } from './schema';

export interface PlayerOptions {
  clock: Clock;
  /** One line per action, for the console. */
  log?: (line: string) => void;
  /** A step failed (e.g. restart while closing): logged, the timeline goes on. */
  onError?: (step: ScenarioStep, error: unknown) => void;
  /**
   * Starts a transfer data session for a `transferData` step (the mock REST services): the DNIS it
   * allocated, or why it could not (pool_full…). Absent: such a step fails.
   */
  startTransferSession?: (ani: string, agent: Readonly<Record<string, string>>) => { dnis: string } | string;
}

/** The other parties' numbers of the connected legs of a call event. */
const connectedNumbers = (call: CallInfo): string[] =>
  [call.primCall, call.secCall].flatMap((leg) => (leg?.state === 'connected' ? [leg.otherParty.number] : []));

export class ScenarioPlayer {
  private readonly cancels = new Set<() => void>();
  /** scenario id -> model call id, for this round */
  private readonly calls = new Map<string, string>();
  /** model call id -> the caller's number and what to do once answered */
  private readonly ringing = new Map<string, { from: string; then?: () => void }>();
  private readonly answered = new Set<string>();
  private stopped = false;
  private readonly unsubscribe: () => void;
  rounds = 0;

  constructor(
    private readonly control: SimulatorControl,
    private readonly scenario: Scenario,
    private readonly options: PlayerOptions,
  ) {
    this.unsubscribe = control.onCallEvent((_device, call) => {
      for (const number of connectedNumbers(call)) {
        for (const [callId, ring] of this.ringing) {
          if (ring.from !== number) continue;
          this.ringing.delete(callId);
          this.answered.add(callId);
          ring.then?.();
        }
      }
    });
  }

  start(): void {
    this.round();
  }

  stop(): void {
    this.stopped = true;
    this.unsubscribe();
    for (const cancel of this.cancels) cancel();
    this.cancels.clear();
  }

  private round(): void {
    if (this.stopped) return;
    this.rounds++;
    this.calls.clear();
    const steps = this.scenario.steps;
    for (const step of steps) this.after(step.at, () => this.run(step));
    if (this.scenario.loop) {
      const last = Math.max(...steps.map((s) => s.at));
      this.after(this.scenario.periodMs ?? last + 1000, () => this.round());
    }
  }

  private after(ms: number, fn: () => void): void {
    const cancel = this.options.clock.setTimer(ms, () => {
      this.cancels.delete(cancel);
      if (!this.stopped) fn();
    });
    this.cancels.add(cancel);
  }

  private run(step: ScenarioStep): void {
    try {
      this.apply(step);
    } catch (e) {
      this.options.onError?.(step, e);
    }
  }

  /** The DNIS of a new transfer data session for the caller; throws (the step fails) without one. */
  private transferDnis(ani: string, agent: Readonly<Record<string, string>>): string {
    const start = this.options.startTransferSession;
    if (!start) throw new Error('a transferData step needs the mock REST services');
    const out = start(ani, agent);
    if (typeof out === 'string') throw new Error(`no transfer data session: ${out}`);
    return out.dnis;
  }

  private apply(step: ScenarioStep): void {
    const log = this.options.log ?? (() => {});
    switch (step.do) {
      case 'inboundCall': {
        const { at: _at, do: _do, id, ringMs, talkMs, transferData, ...spec } = step;
        if (transferData !== undefined) spec.dnis = this.transferDnis(spec.from, transferData);
        const { callId } = this.control.injectCall(spec);
        log(`call ${callId}: ${spec.name ?? spec.from} (${spec.from}) -> ${spec.to}${transferData ? ` (transferred with data, DNIS ${spec.dnis ?? ''})` : ''}`);
        if (id !== undefined) this.calls.set(id, callId);
        const hangUpAfterTalk = (): void =>
          this.after(talkMs ?? 0, () => {
            if (this.control.hangup(callId)) log(`call ${callId}: caller hung up after talking`);
          });
        this.ringing.set(callId, { from: spec.from, ...(talkMs !== undefined ? { then: hangUpAfterTalk } : {}) });
        if (ringMs !== undefined) {
          this.after(ringMs, () => {
            if (this.answered.has(callId)) return;
            this.ringing.delete(callId);
            if (this.control.hangup(callId)) log(`call ${callId}: unanswered, caller gave up`);
          });
        }
        return;
      }
      case 'answer':
      case 'hangup': {
        const callId = this.calls.get(step.call);
        if (callId === undefined) return;
        const ok = step.do === 'answer' ? this.control.answer(callId) : this.control.hangup(callId);
        log(`call ${callId}: ${step.do} ${ok ? 'done' : 'not possible now'}`);
        return;
      }
      case 'msgWaiting':
        this.control.setMsgWaiting(step.deviceNumber, step.state === 'on');
        log(`message waiting ${step.state} on ${step.deviceNumber}`);
        return;
      case 'faults': {
        const { at: _at, do: _do, ...change } = step;
        this.control.setFaults(change);
        log(`faults: ${JSON.stringify(change)}`);
        return;
      }
      case 'clearFaults':
        this.control.clearFaults();
        log('faults cleared');
        return;
      case 'closeSession':
        log(`session on ${step.deviceNumber} ${this.control.closeSession(step.deviceNumber) ? 'closed by the administrator' : 'was not open'}`);
        return;
      case 'restart':
        log('restart');
        void this.control.restart().catch((e: unknown) => this.options.onError?.(step, e));
        return;
      default: {
        const never: never = step;
        throw new Error(`unknown step ${JSON.stringify(never)}`);
      }
    }
  }
}
