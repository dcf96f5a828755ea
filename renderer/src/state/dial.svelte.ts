/**
 * The dial box "Number to dial": the text as typed, what it reads as (readDialInput with the
 * country of the preferences), directory matches as you type, the redial list (persisted), dialling.
 */
import type { Result, Unsubscribe } from '../../../common/contract';
import type { Person } from '../directory';
import { t } from '../i18n/i18n.svelte';
import type { CtiStore } from '../lib/cti-store.svelte';
import { readDialInput, type DialInput } from '../phone';
import type { Announcer } from './announcer.svelte';
import { CommandRunner } from './command-runner.svelte';
import type { DirectoryState } from './directory.svelte';
import type { Preferences } from './preferences.svelte';

const REDIAL_KEY = 'cti.redial';
export const REDIAL_SIZE = 10;
/** Matches start from this many characters: one letter would list half the company. */
export const MIN_MATCH_CHARS = 2;

type Storage2 = Pick<Storage, 'getItem' | 'setItem'>;
/** Where a dialRequest puts the keyboard: Call for a number (one key confirms), the box when empty. */
export type DialFocus = 'call' | 'input';

function loadRecent(storage: Storage2 | undefined): string[] {
  try {
    const raw: unknown = JSON.parse(storage?.getItem(REDIAL_KEY) ?? '[]');
    return Array.isArray(raw) ? raw.filter((n): n is string => typeof n === 'string').slice(0, REDIAL_SIZE) : [];
  } catch {
    return [];
  }
}

export class DialState {
  text = $state('');
  matches = $state.raw<Person[]>([]);
  recent = $state<string[]>([]);
  readonly runner: CommandRunner;
  readonly #store: CtiStore;
  readonly #directory: DirectoryState;
  readonly #announcer: Announcer;
  readonly #storage: Storage2 | undefined;
  #seq = 0;
  readonly input: DialInput;
  /** The latest dialRequest's focus target, counted so the view moves focus once per request. */
  focusRequest = $state.raw<{ n: number; target: DialFocus } | undefined>(undefined);
  #focusTaken = 0;
  readonly #prefs: Preferences;
  readonly #off: Unsubscribe;

  constructor(store: CtiStore, prefs: Preferences, directory: DirectoryState, announcer: Announcer, storage?: Storage2) {
    this.#store = store;
    this.input = $derived(readDialInput(this.text, prefs.country));
    this.#directory = directory;
    this.#announcer = announcer;
    this.#storage = storage;
    this.recent = loadRecent(storage);
    this.runner = new CommandRunner({ onError: (f) => announcer.say(f.text) });
    this.#prefs = prefs;
    this.#off = store.cti.on('dialRequest', ({ number }) => this.request(number));
  }

  /**
   * The desktop shell's dialRequest (a tel:/callto: link the user just clicked, the tray's Dial…):
   * the box holds the number, normalised as pasted text is, and focus goes to Call; nothing dials.
   */
  request(number: string): void {
    const input = readDialInput(number, this.#prefs.country);
    if (input.kind === 'empty') this.clear();
    else void this.setText(input.kind === 'number' ? input.number : number.trim());
    this.focusRequest = { n: (this.focusRequest?.n ?? 0) + 1, target: input.kind === 'number' ? 'call' : 'input' };
  }

  /** The view asks where to move focus: the target once per request, then undefined. */
  takeFocus(): DialFocus | undefined {
    const request = this.focusRequest;
    if (request === undefined || request.n === this.#focusTaken) return undefined;
    this.#focusTaken = request.n;
    return request.target;
  }

  destroy(): void {
    this.#off();
  }

  get busy(): boolean {
    return this.runner.isBusy('dial');
  }

  /** Typing: keeps the text and looks matches up (the latest keystroke wins). */
  async setText(text: string): Promise<void> {
    this.text = text;
    const seq = ++this.#seq;
    const query = text.trim();
    if (query.length < MIN_MATCH_CHARS) {
      this.matches = [];
      return;
    }
    const people = await this.#directory.lookup(query);
    if (seq === this.#seq) this.matches = people;
  }

  clear(): void {
    this.#seq += 1;
    this.text = '';
    this.matches = [];
  }

  /** Dials `number`, or what the box reads as a number. Nothing to dial: an error result, no request. */
  async dial(number?: string): Promise<Result<null>> {
    const input = this.input;
    const target = number ?? (input.kind === 'number' ? input.number : undefined);
    if (target === undefined) return { ok: false, error: { code: 'invalidArgument', message: t('dial.invalid') } };
    const line = this.#store.line?.lineId;
    const result = await this.runner.run('dial', () => this.#store.cti.dial(line === undefined ? { number: target } : { line, number: target }));
    if (result.ok) {
      this.#remember(target);
      this.#announcer.say(t('dial.dialling', { number: target }));
      this.clear();
    }
    return result;
  }

  #remember(number: string): void {
    this.recent = [number, ...this.recent.filter((n) => n !== number)].slice(0, REDIAL_SIZE);
    try {
      this.#storage?.setItem(REDIAL_KEY, JSON.stringify(this.recent));
    } catch {
      // storage full or disabled: the list still holds for this page
    }
  }
}
