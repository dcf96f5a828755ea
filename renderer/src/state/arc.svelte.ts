/**
 * The Remote control tab's state: the agent's calls as the core polls them (the `arcCalls` event),
 * whether the service is configured (so the tab shows), the lists the panel offers, and the verbs.
 * While the view shows it holds a watch lease on the core and renews it; the core polls only then.
 */
import { SvelteMap } from 'svelte/reactivity';
import type { ArcAction, ArcAcdQueueView, ArcCallsView, ArcCampaignView, ArcLeadPhoneView, ArcResultCodeView, ArcUserView } from '../../../common/arc-panel';
import type { CtiApi, Result, Unsubscribe } from '../../../common/contract';
import { arcErrorText } from '../arc';
import { t, type MessageKey } from '../i18n/i18n.svelte';
import type { CtiStore } from '../lib/cti-store.svelte';
import type { Announcer } from './announcer.svelte';
import { CommandRunner } from './command-runner.svelte';

/** Renewed well within the core's 30 s lease, so one late renewal does not stop the polling. */
export const LEASE_RENEW_MS = 10_000;

export type ArcListName = 'campaigns' | 'users' | 'acdqueues';

const ACTION_LABELS: Readonly<Record<ArcAction['action'], MessageKey>> = {
  goready: 'arc.goReady',
  dial: 'arc.dial',
  hangup: 'arc.hangup',
  hold: 'arc.hold',
  retrieve: 'arc.retrieve',
  stoprecord: 'arc.stoprecord',
  startrecord: 'arc.startrecord',
  dispose: 'arc.dispose',
  changelead: 'arc.changeLead',
  createnewlead: 'arc.createLead',
  connectcalls: 'arc.connect.submit',
};

/** The busy key of an action: one per button (per call for the call actions). */
export function actionKey(a: ArcAction): string {
  return 'call' in a ? `${a.action}:${a.call}` : a.action;
}

export class ArcState {
  readonly runner: CommandRunner;
  readonly #cti: CtiApi;
  readonly #announcer: Announcer | undefined;
  readonly #offs: Unsubscribe[];
  /** The view shows: a (re)connection takes the lease again. */
  #watched = false;
  view = $state.raw<ArcCallsView | undefined>(undefined);
  readonly configured: boolean;
  resultCodes = $state.raw<ArcResultCodeView[]>([]);
  campaigns = $state.raw<ArcCampaignView[] | undefined>(undefined);
  users = $state.raw<ArcUserView[] | undefined>(undefined);
  acdqueues = $state.raw<ArcAcdQueueView[] | undefined>(undefined);
  readonly leadPhones = new SvelteMap<string, ArcLeadPhoneView[]>();
  /** The last failure of an action or a list, in words with the service's code and detail. */
  error = $state<string | undefined>(undefined);

  constructor(store: CtiStore, announcer?: Announcer) {
    this.#cti = store.cti;
    this.#announcer = announcer;
    this.runner = new CommandRunner({ onError: (f) => announcer?.say(f.text) });
    this.configured = $derived(this.view?.configured ?? false);
    // The core sends `state` first to every (re)connected window: ask again then, since a command
    // sent before the connection opened failed (and whether to offer the tab depends on the answer).
    this.#offs = [this.#cti.on('arcCalls', (v) => (this.view = v)), this.#cti.on('state', () => this.#refresh())];
    this.#refresh();
  }

  #refresh(): void {
    if (this.#watched) {
      this.#takeLease();
      return;
    }
    void this.#cti.arcCalls({}).then((r) => {
      if (r.ok) this.view = r.value;
    });
  }

  #takeLease(): void {
    void this.#cti.arcWatch({ on: true }).then((r) => {
      if (r.ok) this.view = r.value;
    });
  }

  /** While the view shows: takes the lease, renews it, loads the result codes. Returns the stop. */
  watch(): () => void {
    this.#watched = true;
    this.#takeLease();
    const timer = setInterval(() => this.#takeLease(), LEASE_RENEW_MS);
    void this.loadResultCodes();
    return () => {
      this.#watched = false;
      clearInterval(timer);
      void this.#cti.arcWatch({ on: false });
    };
  }

  isBusy(key: string): boolean {
    return this.runner.isBusy(key);
  }

  /** True on success; otherwise keeps the error in words (with the service's code and detail). */
  #ok<T>(r: Result<T>): r is { ok: true; value: T } {
    if (!r.ok) this.error = arcErrorText(r.error);
    return r.ok;
  }

  async act(action: ArcAction): Promise<boolean> {
    const r = await this.runner.run(actionKey(action), () => this.#cti.arcAction(action));
    if (!this.#ok(r)) return false;
    this.error = undefined;
    this.#announcer?.say(t('arc.done', { action: t(ACTION_LABELS[action.action]) }));
    return true;
  }

  async loadResultCodes(): Promise<void> {
    const r = await this.runner.run('list:resultcodes', () => this.#cti.arcList({ kind: 'resultcodes' }));
    if (this.#ok(r) && r.value.kind === 'resultcodes') this.resultCodes = r.value.items;
  }

  async loadList(kind: ArcListName): Promise<void> {
    const r = await this.runner.run(`list:${kind}`, () => this.#cti.arcList({ kind }));
    if (!this.#ok(r)) return;
    const v = r.value;
    switch (v.kind) {
      case 'campaigns':
        this.campaigns = v.items;
        break;
      case 'users':
        this.users = v.items;
        break;
      case 'acdqueues':
        this.acdqueues = v.items;
        break;
      case 'resultcodes':
      case 'leadphones':
        break;
      default: {
        const unreachable: never = v;
        void unreachable;
      }
    }
  }

  async loadLeadPhones(lead: string): Promise<void> {
    const r = await this.runner.run(`list:leadphones:${lead}`, () => this.#cti.arcList({ kind: 'leadphones', lead }));
    if (this.#ok(r) && r.value.kind === 'leadphones') this.leadPhones.set(lead, r.value.items);
  }

  destroy(): void {
    for (const off of this.#offs) off();
  }
}
