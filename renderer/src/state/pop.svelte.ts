/**
 * The screen pop's state: the ringing inbound calls to show (newest first), Answer / Divert /
 * Dismiss, and the announcement of a new call through the live region (never a focus change).
 * Works with only a CtiStore, so the desktop shell's own pop window can use it too.
 */
import { SvelteSet } from 'svelte/reactivity';
import type { QualifyCallResult, Result, Unsubscribe } from '../../../common/contract';
import { partyLabel } from '../calls';
import { t } from '../i18n/i18n.svelte';
import type { CtiStore } from '../lib/cti-store.svelte';
import { popItems, type PopItem } from '../pop';
import type { Announcer } from './announcer.svelte';
import { CallsState } from './calls.svelte';
import { TransferDataState } from './rest-transfer-data.svelte';

/** Raises a system notification for a new call (web mode: the browser's, when the tab is hidden). */
export interface PopNotifier {
  notify(title: string, body: string): void;
}

export class PopState {
  readonly calls: CallsState;
  readonly #store: CtiStore;
  readonly #hidden = new SvelteSet<string>();
  readonly #off: Unsubscribe;
  readonly #announcer: Announcer;
  /** Keys of the pops already announced (plain, not reactive: the effect only writes it). */
  #announced: readonly string[] = [];
  readonly items: PopItem[];
  /** The REST transfer data per call, shown in the pop when it arrives (never waited for). */
  readonly transferData: TransferDataState;

  constructor(store: CtiStore, announcer: Announcer, notifier?: PopNotifier, calls?: CallsState) {
    this.#store = store;
    this.#announcer = announcer;
    this.items = $derived(popItems(store.line, this.#hidden));
    this.calls = calls ?? new CallsState(store, announcer);
    this.transferData = new TransferDataState(store.cti);
    // Announce each new pop (a second caller during a call shares the call's id, so this follows
    // the pops shown rather than the core's once-per-call incomingCall event).
    this.#off = $effect.root(() => {
      $effect(() => {
        const now = this.items.map((item) => item.key);
        for (const item of this.items) {
          if (this.#announced.includes(item.key)) continue;
          const who = partyLabel(item.leg.otherParty);
          announcer.say(t('pop.announce', { who }));
          notifier?.notify(t('pop.notifyTitle'), who);
        }
        this.#announced = now;
      });
    });
  }

  isBusy(item: PopItem, action: 'answer' | 'divert' | 'qualify'): boolean {
    return action === 'qualify' ? this.calls.runner.isBusy(`qualify:${item.callId}`) : this.calls.isBusy(item.callId, action);
  }

  /**
   * "Answer and name it" for a caller the line cannot identify (qualifyCall: the server answers the
   * call and says who it is). The answer is announced; a refusal is said in words like any error.
   */
  async qualify(item: PopItem): Promise<Result<QualifyCallResult>> {
    const callId = item.callId;
    const line = this.#store.line;
    const result = await this.calls.runner.run(`qualify:${callId}`, () => this.#store.cti.qualifyCall(line ? { line: line.lineId } : {}));
    if (result.ok) this.#announcer.say(t('pop.qualified', { who: result.value.name ? `${result.value.name} (${result.value.number})` : result.value.number }));
    return result;
  }

  answer(item: PopItem): Promise<Result<null>> {
    return this.calls.act(item.callId, 'answer', { legRole: item.leg.role });
  }

  divert(item: PopItem, number: string): Promise<Result<null>> {
    return this.calls.act(item.callId, 'divert', { number, legRole: item.leg.role });
  }

  /**
   * Hides the pop at once; the call keeps ringing. The core forgets the call's pop once no leg of
   * it shows one here any more.
   */
  async dismiss(item: PopItem): Promise<void> {
    this.#hidden.add(item.key);
    const line = this.#store.line;
    // Forget keys of calls the core no longer pops: the set stays as small as the pops on screen.
    for (const key of this.#hidden) if (line && !line.popups.includes(key.split('/')[0] ?? '')) this.#hidden.delete(key);
    this.#hidden.add(item.key);
    if (this.items.some((i) => i.callId === item.callId)) return;
    const callId = item.callId;
    await this.#store.cti.dismissPopup(line ? { line: line.lineId, callId } : { callId });
  }

  /** Alt+A: answers the newest ringing call. */
  answerNewest(): Promise<Result<null>> | undefined {
    const top = this.items[0];
    return top ? this.answer(top) : undefined;
  }

  /** Esc: hides the newest pop. False when there was none (Esc then means nothing here). */
  dismissNewest(): boolean {
    const top = this.items[0];
    if (!top) return false;
    void this.dismiss(top);
    return true;
  }

  destroy(): void {
    this.#off();
    this.transferData.destroy();
  }
}
