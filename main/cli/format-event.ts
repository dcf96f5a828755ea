/** One line per event for `listen` (pure; the clock is passed in). */
import type { TelEvent } from '../../common/telservices/events';
import { describeAgent, describeCall, describeForward, shown } from './format-snapshot';

/** `HH:MM:SS` in local time, as a person watching the terminal reads clocks. */
export function clock(date: Date): string {
  const two = (n: number): string => String(n).padStart(2, '0');
  return `${two(date.getHours())}:${two(date.getMinutes())}:${two(date.getSeconds())}`;
}

export function describeEvent(event: TelEvent): string {
  switch (event.type) {
    case 'call':
      return describeCall(event.call);
    case 'agent':
      return describeAgent(event.agent);
    case 'forward':
      return describeForward(event.forward);
    case 'doNotDisturb':
      return `dnd ${event.state}`;
    case 'msgWaiting':
      return `msg-waiting ${event.state}`;
    case 'session':
      return `session ${shown(event.session)}`;
    default: {
      const unreachable: never = event;
      return JSON.stringify(unreachable);
    }
  }
}

/** e.g. `12:01:02 call 1 alerting from 1101`. */
export function eventLine(event: TelEvent, at: Date): string {
  return `${clock(at)} ${describeEvent(event)}`;
}
