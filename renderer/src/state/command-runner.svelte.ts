/**
 * Runs a contract command for a state class: tracks which actions are in flight (so their buttons
 * show busy and re-enable when the command settles or times out), and turns a failure into words.
 */
import { SvelteSet } from 'svelte/reactivity';
import type { Result } from '../../../common/contract';
import type { ErrorShape } from '../../../common/errors';
import { errorWords } from '../i18n/errors';

export const DEFAULT_COMMAND_TIMEOUT_MS = 10_000;

export interface CommandFailure {
  action: string;
  error: ErrorShape;
  /** The error in words, in the language of the moment it failed. */
  text: string;
  at: number;
}

export class CommandRunner {
  readonly #busy = new SvelteSet<string>();
  /** The last failure, until the next success of the same action or `clearError`. */
  lastError = $state<CommandFailure | undefined>(undefined);
  readonly #timeoutMs: number;
  readonly #onError: ((failure: CommandFailure) => void) | undefined;

  constructor(opts: { timeoutMs?: number; onError?: (failure: CommandFailure) => void } = {}) {
    this.#timeoutMs = opts.timeoutMs ?? DEFAULT_COMMAND_TIMEOUT_MS;
    this.#onError = opts.onError;
  }

  /** True while `action` (e.g. `answer:7`, one key per button) is in flight. */
  isBusy(action: string): boolean {
    return this.#busy.has(action);
  }

  get anyBusy(): boolean {
    return this.#busy.size > 0;
  }

  /**
   * Runs `command` under the key `action`. A second run of a busy action is refused (a double
   * click sends one command). Never throws: a rejection or the timeout becomes an error result.
   */
  async run<T>(action: string, command: () => Promise<Result<T>>): Promise<Result<T>> {
    if (this.#busy.has(action)) return { ok: false, error: { code: 'cancelled', message: `${action} is already running` } };
    this.#busy.add(action);
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timeout = new Promise<Result<T>>((resolve) => {
      timer = setTimeout(() => resolve({ ok: false, error: { code: 'timeout', message: `${action}: no result in ${this.#timeoutMs} ms` } }), this.#timeoutMs);
    });
    let result: Result<T>;
    try {
      result = await Promise.race([command(), timeout]);
    } catch (err) {
      result = { ok: false, error: { code: 'internal', message: err instanceof Error ? err.message : String(err) } };
    } finally {
      clearTimeout(timer);
      this.#busy.delete(action);
    }
    if (result.ok) {
      if (this.lastError?.action === action) this.lastError = undefined;
    } else {
      const failure: CommandFailure = { action, error: result.error, text: errorWords(result.error), at: Date.now() };
      this.lastError = failure;
      this.#onError?.(failure);
    }
    return result;
  }

  clearError(): void {
    this.lastError = undefined;
  }
}
