/**
 * A device's view of its calls: the typed CallLeg/CallInfo projections, the call event, and the
 * leg lifecycle (add, connect, detach) with the bookkeeping every transition needs.
 */
import type { CallCause, HistoryCause } from '../../../common/telservices/enums';
import type { CallInfo, CallLeg, Party } from '../../../common/telservices/structures';
import { othersOf, partyOfEnd, seconds, type Ctx, type Device, type Leg } from './context';
import { permittedServices } from './permitted';
import { recordCall } from './history';
import { onDeviceIdle, onDeviceTalking } from './agents';
import { noteRoutedLegEnd } from './routing-points';

function currentParties(leg: Leg): { other: Party; added?: Party[] } {
  const others = othersOf(leg);
  const [first, ...rest] = others;
  // Alone in the call (the far end hung up first): the party it was last talking to.
  if (!first) return { other: leg.lastOther ?? leg.dialled ?? { number: '' } };
  const other = leg.presentedOther ?? partyOfEnd(first);
  leg.lastOther = other;
  return leg.call.conference && rest.length > 0 ? { other, added: rest.map(partyOfEnd) } : { other };
}

export function legDuration(ctx: Ctx, leg: Leg): number {
  if (leg.connectedAt === undefined) return 0;
  return seconds((leg.endedAt ?? ctx.clock.now()) - leg.connectedAt);
}

/** Fields in the spec's order; optional ones only when known (never undefined-valued). */
export function legInfo(ctx: Ctx, leg: Leg): CallLeg {
  const parties = leg.detached ?? currentParties(leg);
  const other = leg.state === 'initiated' ? { number: '' } : parties.other;
  const info: CallLeg = {
    state: leg.state,
    otherParty: { ...other },
    ...(parties.added ? { addedParties: parties.added.map((p) => ({ ...p })) } : {}),
    ...(leg.firstOtherParty ? { firstOtherParty: { ...leg.firstOtherParty } } : {}),
    ...(leg.firstCalledParty ? { firstCalledParty: { ...leg.firstCalledParty } } : {}),
    ...(leg.lastRedirectionParty ? { lastRedirectionParty: { ...leg.lastRedirectionParty } } : {}),
    duration: String(legDuration(ctx, leg)),
    isOutgoing: leg.isOutgoing,
    isConference: leg.detached ? leg.detached.conference : leg.call.conference,
    // The spec: "the call reference that can be used for correlation with the history".
    ...(ctx.settings.callReference ? { callReference: leg.call.ref } : {}),
    ...(leg.cause ? { cause: leg.cause } : {}),
  };
  return info;
}

export function callInfo(ctx: Ctx, dev: Device): CallInfo | undefined {
  const [prim, sec] = dev.legs;
  if (!prim) return undefined;
  const info: CallInfo = { id: dev.viewId, primCall: legInfo(ctx, prim) };
  if (sec) info.secCall = legInfo(ctx, sec);
  info.permittedServices = permittedServices(dev.legs);
  const extraData = dev.legs.find((l) => l.call.extraData !== undefined)?.call.extraData;
  if (extraData !== undefined) info.extraData = extraData;
  return info;
}

/** Sends the device's call event, then forgets causes (reported once) and cleared legs. */
export function emitCall(ctx: Ctx, dev: Device): void {
  const call = callInfo(ctx, dev);
  if (!call) return;
  ctx.emit(dev.number, { type: 'call', deviceNumber: dev.number, call });
  for (const leg of dev.legs) delete leg.cause;
  dev.legs = dev.legs.filter((l) => l.state !== 'cleared');
  // An agent follows its device's calls, after the call event (as a TelServer reports it).
  if (dev.legs.length === 0) onDeviceIdle(ctx, dev);
  else if (dev.legs.some((l) => l.state === 'connected')) onDeviceTalking(ctx, dev);
}

export function emitAll(ctx: Ctx, legs: readonly Leg[]): void {
  const seen = new Set<Device>();
  for (const leg of legs) {
    if (seen.has(leg.device)) continue;
    seen.add(leg.device);
    emitCall(ctx, leg.device);
  }
}

/** A device can hold two calls (one active, one held or waiting). */
export function canTakeCall(dev: Device): boolean {
  return dev.legs.length < 2;
}

export function newLeg(
  ctx: Ctx,
  dev: Device,
  init: Omit<Leg, 'kind' | 'device' | 'createdAt' | 'createdDate' | 'everConnected'>,
): Leg {
  const leg: Leg = { kind: 'leg', device: dev, createdAt: ctx.clock.now(), createdDate: ctx.today(), everConnected: false, ...init };
  if (dev.legs.length === 0) {
    dev.viewCounter += 1;
    dev.viewId = String(dev.viewCounter);
  }
  dev.legs.push(leg);
  if (leg.state === 'alerting') leg.alertingAt = ctx.clock.now();
  return leg;
}

export function connectLeg(ctx: Ctx, leg: Leg): void {
  leg.cancelTimer?.();
  delete leg.cancelTimer;
  leg.state = 'connected';
  leg.connectedAt = ctx.clock.now();
  leg.everConnected = true;
}

/**
 * The leg leaves its call: cleared, duration frozen, parties frozen for its last event, history
 * written. The caller then emits the device's event and deals with the rest of the call.
 */
export function detachLeg(ctx: Ctx, leg: Leg, cause: CallCause | undefined, historyCause: HistoryCause): void {
  if (leg.state === 'cleared') return;
  leg.cancelTimer?.();
  delete leg.cancelTimer;
  leg.detached = { ...currentParties(leg), conference: leg.call.conference };
  leg.endedAt = ctx.clock.now();
  leg.state = 'cleared';
  if (cause) leg.cause = cause;
  leg.call.ends = leg.call.ends.filter((e) => e !== leg);
  if (leg.call.ends.length === 0) ctx.calls.delete(leg.call.ref);
  recordCall(ctx, leg, historyCause);
  const alertingMs = leg.alertingAt === undefined ? 0 : (leg.connectedAt ?? leg.endedAt) - leg.alertingAt;
  const connectedMs = leg.connectedAt === undefined ? undefined : leg.endedAt - leg.connectedAt;
  noteRoutedLegEnd(leg, alertingMs, connectedMs, historyCause === 'droppedByOtherParty');
}
