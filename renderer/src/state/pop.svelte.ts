/**
 * The screen pop's state: the ringing inbound calls to show (newest first), Answer / Divert /
 * Dismiss, and the announcement of a new call through the live region (never a focus change).
 * Works with only a CtiStore, so the desktop shell's own pop window can use it too.
 */
import { SvelteSet } from 'svelte/reactivity';
import type { Result, Unsubscribe } from '../../../common/contract';
import type { IncomingCall } from '../../../common/domain';
import { partyLabel } from '../calls';
import { t } from '../i18n/i18n.svelte';
import type { CtiStore } from '../lib/cti-store.svelte';
import { popItems, type PopItem } from '../pop';
import type { Announcer } from './announcer.svelte';
import { CallsState } from './calls.svelte';

/** Raises a system notification for a new call (web mode: the browser's, when the tab is hidden). */
export interface PopNotifier {
  notify(title: string, body: string): void;
}

export class PopState {
  readonly calls: CallsState;
  readonly #store: CtiStore;
  readonly #hidden = new SvelteSet<string>();
  readonly #off: Unsubscribe;
  readonly items: PopItem[];

  constructor(store: CtiStore, announcer: Announcer, notifier?: PopNotifier, calls?: CallsState) {
    this.#store = store;
    this.items = $derived(popItems(store.line, this.#hidden));
    this.calls = calls ?? new CallsState(store, announcer);
    this.#off = store.cti.on('incomingCall', (call: IncomingCall) => {
      const who = partyLabel(call.leg.otherParty);
      announcer.say(t('pop.announce', { who }));
      notifier?.notify(t('pop.notifyTitle'), who);
    });
  }

  isBusy(callId: string, action: 'answer' | 'divert'): boolean {
    return this.calls.isBusy(callId, action);
  }

  answer(callId: string): Promise<Result<null>> {
    return this.calls.act(callId, 'answer');
  }

  divert(callId: string, number: string): Promise<Result<null>> {
    return this.calls.act(callId, 'divert', { number });
  }

  /** Hides the pop at once; the call keeps ringing (the core forgets the pop too). */
  async dismiss(callId: string): Promise<void> {
    this.#hidden.add(callId);
    const line = this.#store.line;
    // Forget ids the core no longer pops: the set stays as small as the pops on screen.
    for (const id of this.#hidden) if (line && !line.popups.includes(id) && id !== callId) this.#hidden.delete(id);
    await this.#store.cti.dismissPopup(line ? { line: line.lineId, callId } : { callId });
  }

  /** Alt+A: answers the newest ringing call. */
  answerNewest(): Promise<Result<null>> | undefined {
    const top = this.items[0];
    return top ? this.answer(top.callId) : undefined;
  }

  /** Esc: hides the newest pop. False when there was none (Esc then means nothing here). */
  dismissNewest(): boolean {
    const top = this.items[0];
    if (!top) return false;
    void this.dismiss(top.callId);
    return true;
  }

  destroy(): void {
    this.#off();
  }
}
