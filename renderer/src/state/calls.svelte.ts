/**
 * The Calls view's state: the line's calls and every verb on them, each run through a
 * CommandRunner so its button shows busy and its failure is said in words. The numbers the server
 * needs to pick a call (otherNumber, primOtherNumber/secOtherNumber) are worked out here, never in
 * a component.
 */
import type { Result } from '../../../common/contract';
import type { CallView } from '../../../common/domain';
import { currentCall, numberOf, type CallAction } from '../call-actions';
import { partyLabel } from '../calls';
import { t } from '../i18n/i18n.svelte';
import type { CtiStore } from '../lib/cti-store.svelte';
import type { Announcer } from './announcer.svelte';
import { CommandRunner } from './command-runner.svelte';

export class CallsState {
  readonly runner: CommandRunner;
  readonly #store: CtiStore;
  readonly calls: CallView[];

  constructor(store: CtiStore, announcer: Announcer) {
    this.#store = store;
    this.calls = $derived(store.line?.calls ?? []);
    this.runner = new CommandRunner({ onError: (f) => announcer.say(f.text) });
  }

  isBusy(callId: string, action: CallAction): boolean {
    return this.runner.isBusy(`${action}:${callId}`);
  }

  /**
   * Runs `action` on the call. `number` is the destination of consult / divert / add party.
   * `legRole` picks the leg of a consultation a per-leg button acts on (hang up the consulted party).
   */
  act(callId: string, action: CallAction, opts: { number?: string; legRole?: 'primary' | 'secondary' } = {}): Promise<Result<null>> {
    const call = this.calls.find((c) => c.id === callId);
    const api = this.#store.cti;
    const line = this.#store.line?.lineId;
    const base = line === undefined ? {} : { line };
    const held = call && [call.primary, call.secondary].find((l) => l?.state === 'hold');
    const leg = opts.legRole ? call?.[opts.legRole] : action === 'retrieve' && held ? held : (call?.secondary ?? call?.primary);
    const other = numberOf(leg);
    const withOther = <T extends object>(args: T, key: 'otherNumber' | 'callingNumber' = 'otherNumber') =>
      other === undefined ? args : { ...args, [key]: other };
    const two = { ...base, ...defined('primOtherNumber', numberOf(call?.primary)), ...defined('secOtherNumber', numberOf(call?.secondary)) };
    const needNumber = (): string => opts.number ?? '';
    const run = (cmd: () => Promise<Result<null>>) => this.runner.run(`${action}:${callId}`, cmd);
    switch (action) {
      case 'answer':
        return run(() => api.answer(withOther(base, 'callingNumber')));
      case 'hold':
        return run(() => api.hold(withOther(base)));
      case 'retrieve':
        return run(() => api.retrieve(withOther(base)));
      case 'drop':
        return run(() => api.drop(withOther(base)));
      case 'consult':
        return run(() => api.consult(withOther({ ...base, number: needNumber() })));
      case 'divert':
        return run(() => api.divert(withOther({ ...base, number: needNumber() })));
      case 'addParty':
        return run(() => api.addParty(withOther({ ...base, number: needNumber() })));
      case 'transfer':
        return run(() => api.transfer(two));
      case 'conference':
        return run(() => api.conference(two));
      case 'alternate':
        return run(() => api.alternate(two));
      case 'reconnect':
        return run(() => api.reconnect(two));
      default: {
        const unreachable: never = action;
        throw new Error(`unknown call action ${String(unreachable)}`);
      }
    }
  }

  /** Alt+H: hangs up the current call (connected first, else one being dialled). */
  hangUpCurrent(): Promise<Result<null>> | undefined {
    const call = currentCall(this.calls);
    return call ? this.act(call.id, 'drop') : undefined;
  }

  /** Who a call is with, for names of buttons and announcements. */
  who(call: CallView): string {
    const leg = call.secondary ?? call.primary;
    return leg ? partyLabel(leg.otherParty) : t('party.dialling');
  }
}

/** `{ key: value }` when the value is known, `{}` otherwise (strict schemas refuse undefined keys). */
function defined<K extends string>(key: K, value: string | undefined): Partial<Record<K, string>> {
  return value === undefined ? {} : ({ [key]: value } as Record<K, string>);
}
