/**
 * The connection banner's state: the line's ConnectionView as a BannerModel (connection-banner.ts),
 * a clock that ticks once a second only while a countdown is showing, and "Reconnect now".
 */
import { bannerFor, type BannerModel } from '../connection-banner';
import type { CtiStore } from '../lib/cti-store.svelte';
import { CommandRunner } from './command-runner.svelte';

export class ConnectionBannerState {
  readonly runner = new CommandRunner();
  readonly #store: CtiStore;
  readonly #now: () => number;
  now = $state(0);
  readonly model: BannerModel | undefined;
  #timer: ReturnType<typeof setInterval> | undefined;

  constructor(store: CtiStore, now: () => number = Date.now) {
    this.#store = store;
    this.model = $derived(bannerFor(store.line?.connection, this.now));
    this.#now = now;
    this.now = now();
  }

  get reconnecting(): boolean {
    return this.runner.isBusy('reconnectLine');
  }

  /** Ticks while `on` (a countdown is shown); returns the stop function (for an $effect). */
  ticking(on: boolean): () => void {
    this.now = this.#now();
    if (!on) return () => undefined;
    this.#timer = setInterval(() => (this.now = this.#now()), 1000);
    return () => clearInterval(this.#timer);
  }

  async reconnect(): Promise<void> {
    const line = this.#store.line?.lineId;
    await this.runner.run('reconnectLine', () => this.#store.cti.reconnectLine(line === undefined ? {} : { line }));
  }
}
