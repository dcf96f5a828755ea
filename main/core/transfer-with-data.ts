/**
 * Transfer with data (issue 11 item 5). From an active call: start a transfer data session (ANI =
 * the caller, agentdata = the agent's pairs), then either
 * - consult: consultationCall to the allocated DNIS; complete = transferCall (held caller +
 *   consultation), cancel = reconnectCall and stop the session; or
 * - blind: divertCall of the connected call to the DNIS (the spec: divert of a connected call is
 *   the single-step transfer), done in one request.
 * The session is stopped when the agent cancels, when the consultation fails or the caller leaves
 * before completion, when the call to the DNIS cannot be made, and before the DNIS's two-minute
 * hold runs out (guardMs). After a completed transfer the receiving side reads and releases it.
 */
import type { CallView } from '../../common/domain';
import { CtiError, toErrorShape, type ErrorShape } from '../../common/errors';
import type { RestSettings } from '../../common/rest-settings';
import type { TelRequest } from '../../common/telservices/requests';
import type { ArgsOf } from '../../common/schemas';
import { isFinalTransferState, type TransferFailure, type TransferState, type TransferWithDataView } from '../../common/transfer-with-data';
import type { TransferDataClient } from '../rest/tds';
import { aniOf } from './transfer-data-pop';
import { legNumber, readConsultation, showsTwoLegs, type ConsultationWatch } from './transfer-with-data-watch';

/** Stop 10 s before the service's two-minute hold frees the DNIS by itself. */
export const TRANSFER_GUARD_MS = 110_000;
/** Final transfers kept (their views answer a late complete/cancel with their state). */
const KEPT_FINAL = 20;

/** The line as a transfer needs it (CtiService adapts its current Line). */
export interface TransferLinePort {
  readonly lineId: string;
  readonly deviceNumber: string;
  calls(): readonly CallView[];
  command(req: TelRequest): Promise<unknown>;
  /** Called after every change of the line's state; returns the unsubscribe. */
  onChange(listener: () => void): () => void;
}

export type TransferTds = Pick<TransferDataClient, 'start' | 'stop'>;

export interface TransferClock {
  now(): number;
  setTimer(ms: number, fn: () => void): () => void;
}

const realClock: TransferClock = {
  now: () => Date.now(),
  setTimer(ms, fn) {
    const t = setTimeout(fn, ms);
    t.unref?.();
    return () => clearTimeout(t);
  },
};

export interface TransfersWithDataOptions {
  line: () => TransferLinePort;
  settings: () => RestSettings;
  /** The client for these settings; throws notConfigured when they lack something. */
  tds: (s: RestSettings) => TransferTds;
  emit: (view: TransferWithDataView) => void;
  clock?: TransferClock;
  guardMs?: number;
}

interface Transfer {
  view: TransferWithDataView;
  port: TransferLinePort;
  tds: TransferTds;
  timeoutMs: number;
  watch?: ConsultationWatch;
  /** A complete or cancel is in flight: the calls changing under it are its doing. */
  busy?: 'completing' | 'cancelling';
  cleanups: (() => void)[];
}

/** What a final view adds: why it failed, the error, a stop that failed. */
type Ending = { failure?: TransferFailure; error?: ErrorShape; stopError?: ErrorShape };

export class TransfersWithData {
  readonly #transfers = new Map<string, Transfer>();
  readonly #clock: TransferClock;
  #seq = 0;

  constructor(private readonly options: TransfersWithDataOptions) {
    this.#clock = options.clock ?? realClock;
  }

  async start(args: ArgsOf<'startTransferWithData'>): Promise<TransferWithDataView> {
    const port = this.options.line();
    if (args.line !== undefined && args.line !== port.lineId) throw new CtiError('invalidArgument', `no line ${args.line}`);
    const s = this.options.settings();
    // Throws notConfigured (naming what is missing) before anything is asked of the line.
    const tds = this.options.tds(s);
    const call = port.calls().find((c) => c.id === args.callId);
    const leg = call?.primary;
    if (!call || !leg || call.secondary !== undefined || leg.state !== 'connected') throw new CtiError('invalidArgument', `call ${args.callId} is not a single connected call`);
    if ([...this.#transfers.values()].some((t) => t.view.callId === args.callId && !isFinalTransferState(t.view.state))) {
      throw new CtiError('invalidArgument', `call ${args.callId} already has a transfer with data`);
    }
    this.#seq += 1;
    const view: TransferWithDataView = { id: `twd-${this.#seq}`, lineId: port.lineId, callId: call.id, mode: args.mode, state: 'started', ani: aniOf(leg), pairs: args.pairs };
    const t: Transfer = { view, port, tds, timeoutMs: s.tdsTimeoutMs, cleanups: [] };
    this.#transfers.set(view.id, t);
    this.#prune();
    try {
      const session = await t.tds.start({ ani: view.ani, agent: args.pairs.map((p) => [p.key, p.value] as const) }, { timeoutMs: t.timeoutMs });
      if (session.guid === undefined || session.dnis === undefined) throw new CtiError('malformedReply', 'the transfer data service allocated no DNIS', { service: 'tds' });
      t.view = { ...view, guid: session.guid, dnis: session.dnis, stopsAt: this.#clock.now() + (this.options.guardMs ?? TRANSFER_GUARD_MS) };
    } catch (err) {
      if (t.view.guid === undefined) this.#set(t, { state: 'failed', failure: 'serviceFailed', error: toErrorShape(err) });
      throw err;
    }
    t.cleanups.push(this.#clock.setTimer(this.options.guardMs ?? TRANSFER_GUARD_MS, () => void this.#end(t, 'expired')));
    this.options.emit(t.view);
    const dnis = t.view.dnis ?? '';
    const otherNumber = args.otherNumber ?? legNumber(leg);
    const other = otherNumber === undefined ? {} : { otherNumber };
    if (args.mode === 'consult') {
      t.watch = { callId: call.id, dnis, seenTwoLegs: false };
      t.cleanups.push(port.onChange(() => this.#onCalls(t)));
    }
    try {
      await port.command(
        args.mode === 'consult'
          ? { type: 'consultationCall', deviceNumber: port.deviceNumber, consultedDeviceNumber: dnis, ...other }
          : { type: 'divertCall', deviceNumber: port.deviceNumber, divertedDeviceNumber: dnis, ...other },
      );
    } catch (err) {
      await this.#end(t, 'failed', { failure: 'callFailed', error: toErrorShape(err) });
      throw err;
    }
    if (t.view.state !== 'started') return t.view; // the consultation already failed, or the guard fired
    if (args.mode === 'blind') return this.#finish(t, 'completed');
    this.#set(t, { state: 'consulting' });
    this.#onCalls(t);
    return t.view;
  }

  /** transferCall: the held caller and the consultation to the DNIS are joined. */
  async complete(id: string): Promise<TransferWithDataView> {
    const t = this.#consulting(id);
    const legs = this.#twoLegs(t);
    t.busy = 'completing';
    try {
      await t.port.command({ type: 'transferCall', ...legs });
    } catch (err) {
      delete t.busy;
      this.#onCalls(t);
      throw err;
    }
    return this.#finish(t, 'completed');
  }

  /** reconnectCall (the consultation dropped, the caller back), and the session stopped whatever the PBX said. */
  async cancel(id: string): Promise<TransferWithDataView> {
    const t = this.#consulting(id);
    const legs = this.#twoLegs(t);
    t.busy = 'cancelling';
    let failed: Error | undefined;
    try {
      await t.port.command({ type: 'reconnectCall', ...legs });
    } catch (err) {
      failed = err instanceof Error ? err : new CtiError('internal', String(err));
    }
    const view = await this.#end(t, 'cancelled', failed ? { error: toErrorShape(failed) } : {});
    if (failed) throw failed;
    return view;
  }

  /** What a window opened mid-transfer needs: every transfer kept, oldest first. */
  list(): TransferWithDataView[] {
    return [...this.#transfers.values()].map((t) => t.view);
  }

  /** Timers and subscriptions off (the app quits). Open sessions free their DNIS when the hold runs out. */
  close(): void {
    for (const t of this.#transfers.values()) for (const c of t.cleanups.splice(0)) c();
  }

  /** The device and the two legs (the held caller, the consultation) a transferCall or reconnectCall names. */
  #twoLegs(t: Transfer): { deviceNumber: string; primOtherNumber?: string; secOtherNumber?: string } {
    const call = t.port.calls().find((c) => c.id === t.view.callId);
    const prim = legNumber(call?.primary);
    const sec = legNumber(call?.secondary);
    return { deviceNumber: t.port.deviceNumber, ...(prim ? { primOtherNumber: prim } : {}), ...(sec ? { secOtherNumber: sec } : {}) };
  }

  #consulting(id: string): Transfer {
    const t = this.#transfers.get(id);
    if (!t) throw new CtiError('invalidArgument', `no transfer with data ${id}`);
    if (t.view.state !== 'consulting' || t.busy !== undefined) throw new CtiError('invalidArgument', `transfer ${id} is ${t.busy ?? t.view.state}`);
    return t;
  }

  #onCalls(t: Transfer): void {
    const w = t.watch;
    if (!w || t.busy !== undefined || isFinalTransferState(t.view.state)) return;
    const calls = t.port.calls();
    if (showsTwoLegs(calls, w.callId)) w.seenTwoLegs = true;
    const reading = readConsultation(calls, w);
    if (reading === 'failed') void this.#end(t, 'failed', { failure: 'consultationFailed' });
    else if (reading === 'callerLeft') void this.#end(t, 'failed', { failure: 'callerLeft' });
  }

  #set(t: Transfer, change: Partial<TransferWithDataView>): void {
    t.view = { ...t.view, ...change };
    this.options.emit(t.view);
  }

  #finish(t: Transfer, state: TransferState, extra: Ending = {}): TransferWithDataView {
    for (const c of t.cleanups.splice(0)) c();
    const { stopsAt: _stopsAt, ...rest } = t.view;
    t.view = { ...rest, state, ...extra };
    this.options.emit(t.view);
    return t.view;
  }

  /** Final state with the session stopped (a session the receiver already released counts as stopped). */
  async #end(t: Transfer, state: TransferState, extra: Ending = {}): Promise<TransferWithDataView> {
    if (isFinalTransferState(t.view.state)) return t.view;
    const guid = t.view.guid;
    // Final at once: a second ending (the guard, a call change) while the stop is in flight does nothing.
    t.view = { ...t.view, state };
    let stopError: ErrorShape | undefined;
    if (guid !== undefined) {
      try {
        await t.tds.stop({ guid }, { timeoutMs: t.timeoutMs });
      } catch (err) {
        const shape = toErrorShape(err);
        if (shape.code !== 'no_session') stopError = shape;
      }
    }
    return this.#finish(t, state, stopError === undefined ? extra : { ...extra, stopError });
  }

  #prune(): void {
    const final = [...this.#transfers.values()].filter((t) => isFinalTransferState(t.view.state));
    for (const t of final.slice(0, Math.max(0, final.length - KEPT_FINAL))) this.#transfers.delete(t.view.id);
  }
}
