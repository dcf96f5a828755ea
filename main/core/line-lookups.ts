/**
 * A line's directory work: naming the caller of a screen pop within its moment (./screen-pop), and
 * naming the parties of its calls. A flood of unknown callers makes the directory refuse the excess
 * (./directory): that is said once per flood, not once per caller.
 */
import { CtiError, type ErrorShape } from '../../common/errors';
import type { IncomingCall, LineState } from '../../common/domain';
import type { DirectoryCache } from './directory';
import type { CoreAction } from './reducer';
import { nameWithin, popFor } from './screen-pop';

export interface LookupDeps {
  directory: DirectoryCache;
  popupNameWaitMs: number;
  state(): LineState;
  dispatch(action: CoreAction): void;
  emitPop(pop: IncomingCall): void;
  emitError(error: ErrorShape): void;
}

export class LineLookups {
  readonly #d: LookupDeps;
  /** The directory is refusing look-ups (a flood): reported once until one passes or fails otherwise. */
  #refused = false;

  constructor(deps: LookupDeps) {
    this.#d = deps;
  }

  /** Emits the screen pop once the directory had its moment to name the caller. */
  async pop(call: IncomingCall): Promise<void> {
    const d = this.#d;
    const entry = await nameWithin((n) => d.directory.lookup(n), call.leg.otherParty, d.popupNameWaitMs);
    const pop = popFor(call, d.state(), entry);
    if (pop) d.emitPop(pop);
  }

  resolveParty(number: string): void {
    const d = this.#d;
    d.directory.lookup(number).then(
      (entry) => {
        if (d.directory.idle) this.#refused = false;
        d.dispatch({ type: 'partyResolved', number, entry });
      },
      (err: unknown) => {
        d.dispatch({ type: 'partyLookupFailed', number });
        const flooded = err instanceof CtiError && err.code === 'limitExceeded';
        if (flooded && !this.#refused) d.emitError(err.toShape());
        if (flooded || d.directory.idle) this.#refused = flooded;
      },
    );
  }
}
