/**
 * Keeps a copy of the core's state from the contract's events: `state` replaces it, `patch`
 * applies in `seq` order. A gap in the sequence (a lost patch, a reconnect) fetches the whole
 * state again. Plain TypeScript (the Svelte class in cti-store.svelte.ts wraps it).
 */
import type { CtiApi, Unsubscribe } from '../../../common/contract';
import { applyLinePatches, type AppState } from '../../../common/domain';

export class StateMirror {
  #state: AppState | undefined;
  #refetching = false;

  constructor(
    private readonly api: Pick<CtiApi, 'on' | 'getState'>,
    private readonly onChange: (state: AppState) => void,
  ) {}

  get state(): AppState | undefined {
    return this.#state;
  }

  /** Subscribes, then asks for the state (Electron sends none by itself). Returns the unsubscribe. */
  start(): Unsubscribe {
    const offs = [
      this.api.on('state', (s) => this.#replace(s)),
      this.api.on('patch', (p) => {
        const current = this.#state;
        if (current === undefined || p.seq <= current.seq) return; // older than what we hold
        if (p.seq !== current.seq + 1) return void this.#refetch();
        const lines = current.lines.map((l) => (l.lineId === p.lineId ? applyLinePatches(l, p.patches) : l));
        this.#set({ ...current, seq: p.seq, lines });
      }),
    ];
    void this.#refetch();
    return () => offs.forEach((off) => off());
  }

  #replace(s: AppState): void {
    if (this.#state === undefined || s.seq >= this.#state.seq) this.#set(s);
  }

  #set(s: AppState): void {
    this.#state = s;
    this.onChange(s);
  }

  async #refetch(): Promise<void> {
    if (this.#refetching) return;
    this.#refetching = true;
    try {
      const r = await this.api.getState({});
      if (r.ok) this.#replace(r.value);
    } finally {
      this.#refetching = false;
    }
  }
}
