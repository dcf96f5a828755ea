/**
 * The transfer data the core read for each popped call (the contract's `transferData` event),
 * kept by call id so the pop can show it when it arrives — the pop itself never waits for it.
 * A later event for the same call replaces the earlier one (unavailable, then loaded).
 */
import { SvelteMap } from 'svelte/reactivity';
import type { CtiApi, Unsubscribe } from '../../../common/contract';
import type { TransferDataView } from '../../../common/transfer-data';

/** Calls remembered at most: the pop only shows ringing calls, so old entries can go. */
const KEPT = 50;

export class TransferDataState {
  readonly #byCall = new SvelteMap<string, TransferDataView>();
  readonly #off: Unsubscribe;

  constructor(cti: Pick<CtiApi, 'on'>) {
    this.#off = cti.on('transferData', (view) => {
      this.#byCall.delete(view.callId);
      this.#byCall.set(view.callId, view);
      // Map keeps insertion order: the first key is the oldest.
      while (this.#byCall.size > KEPT) {
        const oldest = this.#byCall.keys().next().value;
        if (oldest === undefined) break;
        this.#byCall.delete(oldest);
      }
    });
  }

  /** What is known about this call's transfer data, or undefined when nothing came (yet). */
  of(callId: string): TransferDataView | undefined {
    return this.#byCall.get(callId);
  }

  destroy(): void {
    this.#off();
  }
}
