/**
 * The renderer's state class: the core's state as Svelte 5 runes, fed by StateMirror from the
 * contract's events, plus the commands. Provide one instance by context; components read `line`
 * and call `cti` verbs.
 */
import type { CtiApi, Unsubscribe } from '../../../common/contract';
import type { AppState, LineState } from '../../../common/domain';
import { StateMirror } from './state-mirror';

export class CtiStore {
  state = $state<AppState | undefined>(undefined);
  /** The first (usually only) line. */
  line = $derived<LineState | undefined>(this.state?.lines[0]);
  readonly cti: CtiApi;
  readonly #stop: Unsubscribe;

  constructor(cti: CtiApi) {
    this.cti = cti;
    const mirror = new StateMirror(cti, (s) => {
      this.state = s;
    });
    this.#stop = mirror.start();
  }

  destroy(): void {
    this.#stop();
  }
}
