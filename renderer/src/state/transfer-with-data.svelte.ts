/**
 * Transfer with data in the main window: whether the service is configured (the settings' base
 * URL), the latest state of each call's transfer (the `transferWithData` event), and the three
 * verbs, run through a CommandRunner so buttons show busy and failures are said in words.
 */
import { SvelteMap } from 'svelte/reactivity';
import type { Result, Unsubscribe } from '../../../common/contract';
import type { CallView } from '../../../common/domain';
import type { TransferDataPair } from '../../../common/transfer-data';
import { isFinalTransferState, type TransferMode, type TransferWithDataView } from '../../../common/transfer-with-data';
import { numberOf } from '../call-actions';
import type { CtiStore } from '../lib/cti-store.svelte';
import { transferModes, transferStateText } from '../transfer-with-data';
import type { Announcer } from './announcer.svelte';
import { CommandRunner } from './command-runner.svelte';

export class TransferWithDataState {
  readonly runner: CommandRunner;
  configured = $state(false);
  readonly #byCall = new SvelteMap<string, TransferWithDataView>();
  readonly #store: CtiStore;
  readonly #off: Unsubscribe;
  #checking = false;

  constructor(store: CtiStore, announcer: Announcer) {
    this.#store = store;
    this.runner = new CommandRunner({ onError: (f) => announcer.say(f.text) });
    this.#off = store.cti.on('transferWithData', (view) => {
      this.#byCall.set(view.callId, view);
      if (isFinalTransferState(view.state)) announcer.say(transferStateText(view));
    });
    void this.checkConfigured();
    void this.#loadTransfers();
  }

  /** A window opened or reloaded mid-transfer picks up its state (the events only tell what changes). */
  async #loadTransfers(): Promise<void> {
    try {
      const r = await this.#store.cti.listTransfersWithData({});
      // An event that came meanwhile is newer than the list: keep it.
      if (r.ok) for (const view of r.value) if (!this.#byCall.has(view.callId)) this.#byCall.set(view.callId, view);
    } catch {
      // The bridge failed: the events still bring what changes from now on.
    }
  }

  /** Re-reads the settings (a card asks when it appears, so a service set up meanwhile is offered). */
  async checkConfigured(): Promise<void> {
    if (this.#checking) return;
    this.#checking = true;
    try {
      const r = await this.#store.cti.getSettings({});
      if (r.ok) this.configured = r.value.settings.tdsBaseUrl !== '';
    } catch {
      // The bridge itself failed (a closed socket): keep what we knew; the next card asks again.
    } finally {
      this.#checking = false;
    }
  }

  of(callId: string): TransferWithDataView | undefined {
    return this.#byCall.get(callId);
  }

  /** True while a transfer runs on the call: the card's own consultation buttons step aside. */
  active(callId: string): boolean {
    const v = this.#byCall.get(callId);
    return v !== undefined && !isFinalTransferState(v.state);
  }

  modes(call: CallView): TransferMode[] {
    return transferModes(call, this.configured, this.of(call.id));
  }

  isBusy(callId: string): boolean {
    return this.runner.isBusy(`start:${callId}`) || this.runner.isBusy(`complete:${callId}`) || this.runner.isBusy(`cancel:${callId}`);
  }

  start(call: CallView, pairs: TransferDataPair[], mode: TransferMode): Promise<Result<TransferWithDataView>> {
    const line = this.#store.line?.lineId;
    const other = numberOf(call.primary);
    const args = { callId: call.id, pairs, mode, ...(line === undefined ? {} : { line }), ...(other === undefined ? {} : { otherNumber: other }) };
    return this.#took(this.runner.run(`start:${call.id}`, () => this.#store.cti.startTransferWithData(args)));
  }

  complete(view: TransferWithDataView): Promise<Result<TransferWithDataView>> {
    return this.#took(this.runner.run(`complete:${view.callId}`, () => this.#store.cti.completeTransferWithData({ id: view.id })));
  }

  cancel(view: TransferWithDataView): Promise<Result<TransferWithDataView>> {
    return this.#took(this.runner.run(`cancel:${view.callId}`, () => this.#store.cti.cancelTransferWithData({ id: view.id })));
  }

  /** Forgets a final state shown on the card. */
  dismiss(callId: string): void {
    const v = this.#byCall.get(callId);
    if (v && isFinalTransferState(v.state)) this.#byCall.delete(callId);
  }

  destroy(): void {
    this.#off();
  }

  /** A command's result is the newest view too (the event may come before or after it). */
  async #took(p: Promise<Result<TransferWithDataView>>): Promise<Result<TransferWithDataView>> {
    const r = await p;
    if (r.ok) this.#byCall.set(r.value.callId, r.value);
    return r;
  }
}
