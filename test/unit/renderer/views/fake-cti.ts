/**
 * A CtiApi for component tests of the views: a line state the test sets (and changes, as the
 * phone would, through `state` events), every command recorded, answers scripted per command.
 */
import { COMMAND_NAMES, type CommandName, type CtiApi, type CtiEvents, type EventName, type Result, type CommandResults, type SettingsView } from '../../../../common/contract';
import type { AppState, LineState } from '../../../../common/domain';
import { DEFAULT_SETTINGS } from '../../../../common/schemas';

const DEFAULT_SETTINGS_VIEW: SettingsView = {
  settings: { ...DEFAULT_SETTINGS },
  secrets: { telserverPassword: false, tdsPassword: false, arcToken: false, dnisPassword: false },
  secretStorage: { kind: 'session' },
};

export function lineState(over: Partial<LineState> = {}): LineState {
  return {
    lineId: 'L1',
    deviceNumber: '1101',
    connection: { state: 'monitored', eventMode: 'udp', since: 0 },
    calls: [],
    popups: [],
    forwards: [],
    doNotDisturb: false,
    messageWaiting: false,
    missedCalls: 0,
    ...over,
  };
}

type Answer<K extends CommandName> = (args: unknown) => Result<CommandResults[K]> | Promise<Result<CommandResults[K]>>;

export class FakeCti {
  readonly calls: { command: CommandName; args: unknown }[] = [];
  #state: AppState;
  readonly #listeners = new Map<EventName, Set<(p: unknown) => void>>();
  readonly #answers = new Map<CommandName, Answer<CommandName>>();
  readonly api: CtiApi;

  constructor(line: LineState = lineState()) {
    this.#state = { seq: 1, lines: [line] };
    const api: Record<string, unknown> = {
      on: (event: EventName, fn: (p: unknown) => void) => {
        const set = this.#listeners.get(event) ?? new Set();
        set.add(fn);
        this.#listeners.set(event, set);
        return () => set.delete(fn);
      },
    };
    for (const name of COMMAND_NAMES) {
      api[name] = async (args: unknown) => {
        if (name !== 'getState') this.calls.push({ command: name, args });
        if (name === 'getState') return { ok: true, value: this.#state };
        // Every window reads the settings at start (the transfer-with-data state does): answer as a fresh core would.
        if (name === 'getSettings' && !this.#answers.has(name)) return { ok: true, value: DEFAULT_SETTINGS_VIEW };
        const answer = this.#answers.get(name);
        return answer ? answer(args) : { ok: true, value: null };
      };
    }
    this.api = api as CtiApi;
  }

  answer<K extends CommandName>(command: K, answer: Answer<K> | Result<CommandResults[K]>): void {
    const fn: Answer<K> = typeof answer === 'function' ? answer : () => answer;
    this.#answers.set(command, fn);
  }

  /** The phone changed something: a new full state, as the core would send. */
  setLine(patch: Partial<LineState>): void {
    const line = { ...(this.#state.lines[0] as LineState), ...patch };
    this.#state = { seq: this.#state.seq + 1, lines: [line] };
    this.emit('state', this.#state);
  }

  emit<E extends EventName>(event: E, payload: CtiEvents[E]): void {
    for (const fn of this.#listeners.get(event) ?? []) fn(payload);
  }

  sent(command: CommandName): unknown[] {
    return this.calls.filter((c) => c.command === command).map((c) => c.args);
  }
}
