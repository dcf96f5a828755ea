/**
 * The numbering plan: the spec's own devices (extensions 1101-1110, agents 8001-8005 with user IDs
 * agent8001-agent8005), devices added by configuration, and what any other dialled string means.
 */
import type { DeviceConfig } from './types';
import type { Ctx, Device, RoutingPoint } from './context';

export function defaultPlan(): DeviceConfig[] {
  const plan: DeviceConfig[] = [];
  for (let n = 1101; n <= 1110; n++) plan.push({ number: String(n) });
  for (let n = 8001; n <= 8005; n++) plan.push({ number: String(n), userID: `agent${n}`, isAgent: true });
  return plan;
}

/** Configured devices override a default one with the same number (e.g. to give it a name). */
export function mergePlan(extra: readonly DeviceConfig[] = []): DeviceConfig[] {
  const byNumber = new Map<string, DeviceConfig>();
  for (const d of defaultPlan()) byNumber.set(d.number, d);
  for (const d of extra) byNumber.set(d.number, { ...byNumber.get(d.number), ...d });
  return [...byNumber.values()].sort((a, b) => a.number.localeCompare(b.number, 'en', { numeric: true }));
}

/**
 * Anything outside the plan that looks diallable: a leading 0 (trunk prefix) or +, or at least five
 * digits. Short unknown numbers (a mistyped extension) are not obtainable.
 */
export function isDiallableExternal(number: string): boolean {
  const n = number.replace(/[\s\-().]/g, '');
  if (!/^\+?[0-9*#]+$/.test(n)) return false;
  return n.startsWith('0') || n.startsWith('+') || n.replace(/\D/g, '').length >= 5;
}

export type Destination =
  | { kind: 'device'; device: Device; viaNumber?: string }
  | { kind: 'routingPoint'; rp: RoutingPoint }
  | { kind: 'external'; number: string }
  | { kind: 'invalid' };

export function classify(ctx: Ctx, number: string): Destination {
  const device = ctx.devices.get(number);
  if (device) return { kind: 'device', device };
  const routed = ctx.devices.get(ctx.numberRoutes.get(number) ?? '');
  if (routed) return { kind: 'device', device: routed, viaNumber: number };
  for (const rp of ctx.routingPoints.values()) {
    if (rp.number === number || rp.service === number) return { kind: 'routingPoint', rp };
  }
  if (isDiallableExternal(number)) return { kind: 'external', number };
  return { kind: 'invalid' };
}
