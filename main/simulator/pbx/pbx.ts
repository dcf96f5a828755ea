/** The PBX model facade: the one class the server talks to. Pure and clock-driven: no sockets, no real time. */
import type { TelReply } from '../../../common/telservices/replies';
import type { TelEvent } from '../../../common/telservices/events';
import type { SnapshotInfo } from '../../../common/telservices/structures';
import type { DeviceConfig, InboundCallSpec, PbxOptions, PbxRequest } from './types';
import { realClock } from './clock';
import type { Call, Ctx, Device, ExternalEnd } from './context';
import { newAgent, onMonitored } from './agents';
import { dispatchQueues, executePlan, externalAnswered, newCall } from './delivery';
import { dispatch } from './dispatch';
import { mergePlan } from './plan';
import { resolve } from './resolve';
import { newRoutingPoint, refreshRoutingPointStates } from './routing-points';
import { afterLeave, fail } from './services/common';
import { setMsgWaiting } from './services/features';
import { completeCampaign } from './services/supervisor';
import { snapshotOf } from './snapshot';
import { partyOfEnd } from './context';

/** The spec's routing point example: 8001 and 8003 ready, the other agents logged off. */
const READY_AT_START = new Set(['8001', '8003']);
export const DEFAULT_ROUTING_POINT = { service: 'service1', number: '8000' } as const;

export interface CallSummary {
  callId: string;
  parties: string[];
  conference: boolean;
}

export class Pbx {
  private readonly ctx: Ctx;
  private readonly listeners = new Set<(deviceNumber: string, event: TelEvent) => void>();
  private readonly onInternalError: ((error: unknown) => void) | undefined;

  constructor(options: PbxOptions = {}) {
    this.onInternalError = options.onInternalError;
    const clock = options.clock ?? realClock;
    const today = options.today ?? (() => new Date(clock.now()));
    this.ctx = {
      clock,
      today,
      settings: {
        noAnswerForwardDelayMs: options.noAnswerForwardDelayMs ?? 10_000,
        externalAnswerDelayMs: options.externalAnswerDelayMs ?? 2_000,
        workingAfterCallSeconds: options.workingAfterCallSeconds ?? 30,
        dialDelayMs: options.dialDelayMs ?? 0,
        historyLimit: Math.max(1, options.historyLimit ?? 10_000),
        firstOtherParty: options.firstOtherParty ?? false,
        callReference: options.callReference ?? false,
        scientificPercentages: options.scientificPercentages ?? false,
      },
      startedAt: clock.now(),
      startDate: today(),
      devices: new Map(),
      calls: new Map(),
      routingPoints: new Map(),
      numberRoutes: new Map(Object.entries(options.numberRoutes ?? {})),
      history: [],
      nextCallRef: 1,
      nextHistorySeq: 1,
      emit: (deviceNumber, event) => this.fanOut(deviceNumber, event),
      later: (ms, fn) =>
        clock.setTimer(ms, () => {
          try {
            fn();
          } catch (error) {
            // The model stays usable; the request that follows will see its state as it is.
            this.internalError(error);
          }
        }),
      onAgentReady: () => dispatchQueues(this.ctx),
    };
    const now = clock.now();
    for (const config of mergePlan(options.devices)) {
      const dev: Device = {
        number: config.number,
        config,
        legs: [],
        viewId: '0',
        viewCounter: 0,
        forwards: new Map(),
        dnd: 'off',
        mwi: 'off',
        monitored: false,
      };
      if (config.isAgent) {
        const state = READY_AT_START.has(config.number) ? 'ready' : 'loggedOff';
        dev.agent = newAgent(config.userID ?? `agent${config.number}`, state, now);
      }
      this.ctx.devices.set(config.number, dev);
    }
    for (const rp of [DEFAULT_ROUTING_POINT, ...(options.routingPoints ?? [])]) {
      this.ctx.routingPoints.set(rp.service, newRoutingPoint(rp.service, now, rp.number));
    }
    refreshRoutingPointStates(this.ctx);
  }

  private internalError(error: unknown): void {
    try {
      this.onInternalError?.(error);
    } catch {
      // a reporting hook must not turn a caught bug into an uncaught one
    }
  }

  private fanOut(deviceNumber: string, event: TelEvent): void {
    for (const listener of [...this.listeners]) {
      try {
        listener(deviceNumber, event);
      } catch {
        // A failing listener (a closed socket) must not break the model or the other listeners.
      }
    }
  }

  hasDevice(number: string): boolean {
    return this.ctx.devices.has(number);
  }

  /** Routes each number to `device` (see PbxOptions.numberRoutes), or removes their routes when undefined. */
  routeNumbers(numbers: readonly string[], device: string | undefined): void {
    for (const n of numbers) {
      if (device === undefined) this.ctx.numberRoutes.delete(n);
      else this.ctx.numberRoutes.set(n, device);
    }
  }

  devices(): DeviceConfig[] {
    return [...this.ctx.devices.values()].map((d) => ({ ...d.config }));
  }

  /** Execute a service for a caller (server checked session/credentials already). Never throws: errors are replies. */
  execute(req: PbxRequest, caller: { userID?: string }): TelReply {
    void caller; // credentials are the server's business; the model acts for the device named in the request
    try {
      return dispatch(this.ctx, req);
    } catch (error) {
      this.internalError(error);
      return fail('resourceError');
    }
  }

  /** The snapshot of one device (calls, forwards, msgWaiting, doNotDisturb, agent). The server adds snapshotSeq/session. */
  snapshotOf(deviceNumber: string): SnapshotInfo {
    const dev = this.ctx.devices.get(deviceNumber);
    return dev ? snapshotOf(this.ctx, dev) : {};
  }

  /** Every event the PBX emits, addressed to the device it concerns (the server delivers it to that device's sessions). */
  onEvent(listener: (deviceNumber: string, event: TelEvent) => void): () => void {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  }

  /** A device got monitored / unmonitored (openSession/close): agents may log on, etc. */
  setMonitored(deviceNumber: string, monitored: boolean): void {
    const dev = this.ctx.devices.get(deviceNumber);
    if (!dev) return;
    dev.monitored = monitored;
    if (monitored) onMonitored(this.ctx, dev);
  }

  /** An external caller dials `to` (a device, a routing point number or service, or anything diallable). */
  injectInboundCall(spec: InboundCallSpec): { callId: string } {
    const call = newCall(this.ctx, spec.extraData);
    if (spec.dnis !== undefined) call.dnis = spec.dnis;
    const number = spec.hidden ? hiddenNumber(call.ref) : spec.from;
    const party = spec.hidden ? { number } : { number, ...(spec.name ? { name: spec.name } : {}), ...(spec.company ? { company: spec.company } : {}) };
    call.ends.push({ kind: 'external', call, party, connected: true });
    const outcome = executePlan(this.ctx, call, resolve(this.ctx, spec.to.trim(), false));
    if (!outcome.ok) this.ctx.calls.delete(call.ref);
    return { callId: call.ref };
  }

  /** The external party of an outbound call answers. `callId` is a call id or the external number. */
  externalAnswer(callId: string): boolean {
    const end = this.findExternal(callId, (e) => !e.connected);
    return end ? externalAnswered(this.ctx, end) : false;
  }

  /** The external party hangs up. `callId` is a call id or the external number. */
  externalHangup(callId: string): boolean {
    const end = this.findExternal(callId, () => true);
    if (!end) return false;
    end.cancelAnswer?.();
    end.call.ends = end.call.ends.filter((e) => e !== end);
    afterLeave(this.ctx, end.call);
    return true;
  }

  /** A campaign ended (no more calls to launch): its routing point is started-completed (./services/supervisor). */
  completeCampaign(service: string): boolean {
    return completeCampaign(this.ctx, service);
  }

  setMsgWaiting(deviceNumber: string, on: boolean): void {
    const dev = this.ctx.devices.get(deviceNumber);
    if (dev) setMsgWaiting(this.ctx, dev, on ? 'on' : 'off');
  }

  /** The calls in progress (for the control API: the ids externalAnswer/externalHangup take). */
  listCalls(): CallSummary[] {
    return [...this.ctx.calls.values()].map((c) => ({
      callId: c.ref,
      parties: c.ends.map((e) => partyOfEnd(e).number),
      conference: c.conference,
    }));
  }

  private findExternal(idOrNumber: string, accept: (e: ExternalEnd) => boolean): ExternalEnd | undefined {
    const byId = this.ctx.calls.get(idOrNumber);
    const calls: Call[] = byId ? [byId] : [...this.ctx.calls.values()];
    for (const call of calls) {
      for (const end of call.ends) {
        if (end.kind === 'external' && accept(end) && (byId || end.party.number === idOrNumber)) return end;
      }
    }
    return undefined;
  }
}

/** The spec: a number not shown (withheld, or not given by the network) is '*****-' and the call reference. */
export function hiddenNumber(callReference: string): string {
  return `*****-${callReference}`;
}
