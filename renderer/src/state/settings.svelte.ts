/**
 * The Settings view's state: the core's settings as a draft the form edits, validated on every
 * input with the core's own zod schema (settings-fields.ts), saved as a patch of what changed;
 * "Test connection" with the draft's server; the secrets (which are set, a new value, never the
 * value back).
 */
import type { SettingsView, TestConnectionResult } from '../../../common/contract';
import { restSettingsShape, type RestServiceName, type RestTestResult } from '../../../common/rest-settings';
import type { SecretKey } from '../../../common/secrets';
import { commandArgs, settingsPatchSchema, type Settings } from '../../../common/schemas';
import { candidate, changedKeys, draftOf, settingsProblems, type Draft, type FieldProblem, type RawValue } from '../settings-fields';
import type { CtiStore } from '../lib/cti-store.svelte';
import { CommandRunner } from './command-runner.svelte';

export type Outcome<T> = { ok: true; value: T } | { ok: false; text: string };
export type TestOutcome = Outcome<TestConnectionResult>;

/** A service's settings keys (tdsBaseUrl… for 'tds'): what its Test sends from the draft. */
const REST_KEYS: Readonly<Record<RestServiceName, readonly string[]>> = {
  tds: Object.keys(restSettingsShape).filter((k) => k.startsWith('tds')),
  arc: Object.keys(restSettingsShape).filter((k) => k.startsWith('arc')),
  dnisFree: Object.keys(restSettingsShape).filter((k) => k.startsWith('dnisFree')),
};

export class SettingsState {
  readonly runner = new CommandRunner();
  readonly #store: CtiStore;
  view = $state.raw<SettingsView | undefined>(undefined);
  draft = $state<Draft>({});
  /** The candidate settings: the saved ones with the draft in place. */
  value = $derived<Record<string, unknown> | undefined>(this.view ? candidate(this.view.settings, this.draft) : undefined);
  problems = $derived<Record<string, FieldProblem>>(this.value ? settingsProblems(this.value) : {});
  changed = $derived<(keyof Settings)[]>(this.view && this.value ? changedKeys(this.view.settings, this.value) : []);
  valid = $derived(Object.keys(this.problems).length === 0);
  error = $state<string | undefined>(undefined);
  saved = $state(false);
  test = $state<TestOutcome | undefined>(undefined);
  /** The last Test of each REST service. */
  restTests = $state<Partial<Record<RestServiceName, Outcome<RestTestResult>>>>({});

  constructor(store: CtiStore) {
    this.#store = store;
  }

  get loading(): boolean {
    return this.runner.isBusy('getSettings');
  }
  get saving(): boolean {
    return this.runner.isBusy('setSettings');
  }
  get testing(): boolean {
    return this.runner.isBusy('testConnection');
  }
  isSettingSecret(key: SecretKey): boolean {
    return this.runner.isBusy(`secret:${key}`);
  }

  #took(view: SettingsView): void {
    this.view = view;
    this.draft = draftOf(view.settings);
  }

  async load(): Promise<void> {
    const r = await this.runner.run('getSettings', () => this.#store.cti.getSettings({}));
    if (r.ok) this.#took(r.value);
    else this.error = this.runner.lastError?.text;
  }

  set(path: string, raw: RawValue): void {
    this.draft[path] = raw;
    this.saved = false;
  }

  /** Reverts the draft to the saved settings. */
  revert(): void {
    if (this.view) this.draft = draftOf(this.view.settings);
  }

  async save(): Promise<void> {
    const value = this.value;
    if (!value || !this.valid || this.changed.length === 0) return;
    // Valid already (the candidate passed settingsSchema): parsing only types it.
    const patch = settingsPatchSchema.parse(Object.fromEntries(this.changed.map((k) => [k, value[k]])));
    const r = await this.runner.run('setSettings', () => this.#store.cti.setSettings(patch));
    if (r.ok) {
      this.#took(r.value);
      this.error = undefined;
      this.saved = true;
    } else this.error = this.runner.lastError?.text;
  }

  /** Tries the server the form names now (saved or not). */
  async testConnection(): Promise<void> {
    const v = this.value;
    const args: Record<string, unknown> = {};
    for (const k of ['serverHost', 'serverPort', 'transport', 'httpPort'] as const) {
      if (v && this.problems[k] === undefined && v[k] !== undefined) args[k] = v[k];
    }
    this.test = undefined;
    const parsed = commandArgs.testConnection.safeParse(args);
    const r = await this.runner.run('testConnection', () => this.#store.cti.testConnection(parsed.success ? parsed.data : {}));
    this.test = r.ok ? { ok: true, value: r.value } : { ok: false, text: this.runner.lastError?.text ?? r.error.message };
  }

  isTestingRest(service: RestServiceName): boolean {
    return this.runner.isBusy(`testRest:${service}`);
  }

  /** Tests one REST service with the form's valid values of its settings (saved or not). */
  async testRest(service: RestServiceName): Promise<void> {
    const v = this.value;
    const settings: Record<string, unknown> = {};
    for (const k of REST_KEYS[service]) if (v && this.problems[k] === undefined && v[k] !== undefined) settings[k] = v[k];
    delete this.restTests[service];
    const parsed = commandArgs.testRestService.safeParse({ service, settings });
    const r = await this.runner.run(`testRest:${service}`, () => this.#store.cti.testRestService(parsed.success ? parsed.data : { service }));
    this.restTests[service] = r.ok ? { ok: true, value: r.value } : { ok: false, text: this.runner.lastError?.text ?? r.error.message };
  }

  /** A new secret ('' clears it). The value is sent once and never kept here. */
  async setSecret(key: SecretKey, value: string): Promise<boolean> {
    const r = await this.runner.run(`secret:${key}`, () => this.#store.cti.setSecret({ key, value }));
    if (r.ok) this.view = r.value;
    else this.error = this.runner.lastError?.text;
    return r.ok;
  }
}
