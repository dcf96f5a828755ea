/**
 * What the tray says about a line, in one word (the icon) and in words (the tooltip): a pure
 * function of the core's LineState, so the icon, the tooltip and the menu always agree.
 */
import type { CallLegView, CallView, LineState } from '../../common/domain';

/** Most urgent first: the icon shows the first that holds. */
export const TRAY_STATUSES = ['disconnected', 'reconnecting', 'ringing', 'onCall', 'dnd', 'forwarded', 'idle'] as const;
export type TrayStatus = (typeof TRAY_STATUSES)[number];

/** States of a leg that mean "a call is going on" (dialling, talking or holding). */
const BUSY_LEG_STATES: ReadonlySet<string> = new Set(['initiated', 'originated', 'delivered', 'queued', 'connected', 'hold']);

function legs(call: CallView): CallLegView[] {
  return [call.primary, call.secondary].filter((l): l is CallLegView => l !== undefined);
}

/**
 * An inbound leg ringing at our device, or queued for it (the renderer's pop uses the same rule);
 * an outgoing call that is alerting rings somewhere else.
 */
export function isRingingLeg(leg: CallLegView): boolean {
  return !leg.isOutgoing && (leg.state === 'alerting' || leg.state === 'queued');
}

/** The calls the screen pop shows: those the core pops (line.popups) that still ring, newest first. */
export function poppedCalls(line: LineState | undefined): CallView[] {
  if (line === undefined) return [];
  const ringing = new Map(ringingCalls(line).map((c) => [c.id, c]));
  return [...line.popups].reverse().flatMap((id) => ringing.get(id) ?? []);
}

export function ringingCalls(line: LineState): CallView[] {
  return line.calls.filter((c) => legs(c).some(isRingingLeg));
}

export function activeCalls(line: LineState): CallView[] {
  // A state a newer server added (UnknownValue) is not counted as busy.
  return line.calls.filter((c) => legs(c).some((l) => typeof l.state === 'string' && BUSY_LEG_STATES.has(l.state)));
}

export function activeForwards(line: LineState): LineState['forwards'] {
  return line.forwards.filter((f) => f.on);
}

export function trayStatus(line: LineState | undefined): TrayStatus {
  if (line === undefined) return 'disconnected';
  switch (line.connection.state) {
    case 'connecting':
    case 'reconnecting':
      return 'reconnecting';
    case 'linkOutOfService':
    case 'stopped':
      return 'disconnected';
    case 'monitored':
      break;
    default: {
      const unreachable: never = line.connection.state;
      return unreachable;
    }
  }
  if (ringingCalls(line).length > 0) return 'ringing';
  if (activeCalls(line).length > 0) return 'onCall';
  if (line.doNotDisturb) return 'dnd';
  if (activeForwards(line).length > 0) return 'forwarded';
  return 'idle';
}

function partyWords(leg: CallLegView | undefined): string {
  if (leg === undefined) return 'unknown';
  const p = leg.otherParty;
  if (p.name) return p.company ? `${p.name} (${p.company})` : p.name;
  if (p.hidden) return 'a hidden number';
  return p.number === '' ? 'unknown' : p.number;
}

/** The tooltip: the product, the line, its status in words, and the missed calls. */
export function trayTooltip(productName: string, line: LineState | undefined): string {
  if (line === undefined) return `${productName}: not connected`;
  const status = trayStatus(line);
  const head = `${productName} · ${line.deviceNumber}`;
  let words: string;
  switch (status) {
    case 'disconnected':
      words = line.connection.lastError ? `disconnected (${line.connection.lastError.message})` : 'disconnected';
      break;
    case 'reconnecting':
      words = line.connection.attempt !== undefined ? `reconnecting (attempt ${line.connection.attempt})` : 'connecting';
      break;
    case 'ringing':
      words = `ringing: ${ringingCalls(line).map((c) => partyWords(c.primary)).join(', ')}`;
      break;
    case 'onCall':
      words = `on a call with ${partyWords(activeCalls(line)[0]?.primary)}`;
      break;
    case 'dnd':
      words = 'do not disturb';
      break;
    case 'forwarded': {
      const f = activeForwards(line)[0];
      words = f?.number ? `forwarded to ${f.number}` : 'forwarded';
      break;
    }
    case 'idle':
      words = 'available';
      break;
    default: {
      const unreachable: never = status;
      return unreachable;
    }
  }
  // DND and forwarding matter even during a call: say them too.
  const extras: string[] = [];
  if (status !== 'dnd' && line.doNotDisturb) extras.push('do not disturb');
  if (status !== 'forwarded' && activeForwards(line).length > 0) extras.push('forwarded');
  if (line.missedCalls > 0) extras.push(`${line.missedCalls} missed call${line.missedCalls === 1 ? '' : 's'}`);
  return [`${head}: ${words}`, ...extras].join('\n');
}
