/**
 * Forward compatibility (issue 9 item 8): the enumeration values of an event that this client does
 * not know (a newer server's call state, agent state, forward type, session value). The codec keeps
 * them as UnknownValue; the session and the line report each once, by these descriptions.
 */
import { isUnknownValue, type UnknownValue } from './enums';
import type { TelEvent } from './events';

function describe(what: string, value: string | UnknownValue | undefined): string[] {
  return value !== undefined && isUnknownValue(value) ? [`${what} <${value.unknown}/>`] : [];
}

/** e.g. `['call state <parked/>']`; empty for an event made only of known values. */
export function unknownValuesOf(event: TelEvent): string[] {
  switch (event.type) {
    case 'call':
      return [...describe('call state', event.call.primCall?.state), ...describe('call state', event.call.secCall?.state)];
    case 'agent':
      return describe('agent state', event.agent.state);
    case 'forward':
      return describe('forward type', event.forward.type);
    case 'session':
      return describe('session value', event.session);
    case 'doNotDisturb':
    case 'msgWaiting':
      return [];
    default: {
      const never: never = event;
      return never;
    }
  }
}

/** Remembers what was reported, so each unknown value is reported once (bounded: a hostile stream of new names cannot grow it). */
export class ReportedOnce {
  readonly #seen = new Set<string>();
  constructor(private readonly limit = 64) {}

  /** The descriptions not reported before (and now marked reported). */
  fresh(descriptions: readonly string[]): string[] {
    const out: string[] = [];
    for (const d of descriptions) {
      if (this.#seen.has(d) || this.#seen.size >= this.limit) continue;
      this.#seen.add(d);
      out.push(d);
    }
    return out;
  }
}
