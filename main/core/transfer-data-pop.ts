/**
 * Screen pop with transfer data: when an inbound call's dialled number (the DNIS it arrived on) is
 * one the settings mark (a list or a prefix), look the transfer data session up by DNIS.ANI, emit
 * the decoded agent data for that call, then release the DNIS (stop, or the DNIS release service).
 *
 * It never delays the pop: the core emits `incomingCall` first and only then calls
 * onIncomingCall. Past `tdsTimeoutMs` without an answer the data is said unavailable (timeout);
 * the fetch goes on a while longer, and data that comes later still fills the pop in.
 */
import type { CallLegView, IncomingCall } from '../../common/domain';
import { CtiError, toErrorShape } from '../../common/errors';
import type { RestSettings } from '../../common/rest-settings';
import type { TransferDataView } from '../../common/transfer-data';
import type { TransferDataClient, TdsSession } from '../rest/tds';
import type { SecretStore } from '../settings/secrets';
import { dnisFreeClientOf, tdsClientOf } from './rest-clients';

/** How much longer than tdsTimeoutMs a late answer is still waited for. */
const LATE_FACTOR = 4;

/** The DNIS a call carries transfer data on, by the settings' list and prefixes; undefined if none. */
export function transferDataDnis(leg: CallLegView, s: Pick<RestSettings, 'tdsDnisList' | 'tdsDnisPrefixes'>): string | undefined {
  const dialled = leg.dialledNumber;
  if (dialled === undefined || dialled === '') return undefined;
  if (s.tdsDnisList.includes(dialled) || s.tdsDnisPrefixes.some((p) => p !== '' && dialled.startsWith(p))) return dialled;
  return undefined;
}

/** The by-dnis ANI: the caller's number, '0' when the network hid it (the spec's "no ANI"). */
export function aniOf(leg: CallLegView): string {
  return leg.otherParty.hidden || leg.otherParty.number === '' ? '0' : leg.otherParty.number;
}

export interface TransferDataPopOptions {
  settings: () => RestSettings;
  secrets: Pick<SecretStore, 'get'>;
  emit: (view: TransferDataView) => void;
}

export class TransferDataPop {
  readonly #pending = new Set<AbortController>();

  constructor(private readonly options: TransferDataPopOptions) {}

  /** After the pop was emitted. Returns when the data was read and released (tests await it; the core does not). */
  async onIncomingCall(call: IncomingCall): Promise<void> {
    const s = this.options.settings();
    const dnis = s.tdsBaseUrl === '' ? undefined : transferDataDnis(call.leg, s);
    if (dnis === undefined) return;
    const base = { lineId: call.lineId, callId: call.callId, dnis, ani: aniOf(call.leg) };
    const abort = new AbortController();
    this.#pending.add(abort);
    // The pop shows that data is on its way (an agent who sees nothing might think there is none).
    this.options.emit({ ...base, state: 'loading', pairs: [] });
    let answered = false;
    const soft = setTimeout(() => {
      if (!answered) {
        const reason = new CtiError('timeout', `no transfer data within ${s.tdsTimeoutMs} ms (still waiting)`, { service: 'tds' });
        this.options.emit({ ...base, state: 'unavailable', pairs: [], reason: reason.toShape() });
      }
    }, s.tdsTimeoutMs);
    try {
      let client: TransferDataClient;
      let session: TdsSession;
      try {
        client = tdsClientOf(s, this.options.secrets);
        session = await client.get({ dnis, ani: base.ani }, {}, { timeoutMs: s.tdsTimeoutMs * LATE_FACTOR, signal: abort.signal });
      } catch (err) {
        answered = true;
        if (!abort.signal.aborted) this.options.emit({ ...base, state: 'unavailable', pairs: [], reason: toErrorShape(err) });
        return;
      }
      answered = true;
      const view: TransferDataView = { ...base, state: 'loaded', pairs: (session.agentData ?? []).map(([key, value]) => ({ key, value })) };
      this.options.emit(view);
      const released = await this.#release(s, client, session, dnis, abort.signal);
      this.options.emit({ ...view, ...released });
    } finally {
      clearTimeout(soft);
      this.#pending.delete(abort);
    }
  }

  /** Cancels what is in flight (the app quits, the settings change). */
  close(): void {
    for (const a of this.#pending) a.abort();
    this.#pending.clear();
  }

  async #release(
    s: RestSettings,
    tds: TransferDataClient,
    session: TdsSession,
    dnis: string,
    signal: AbortSignal,
  ): Promise<Pick<TransferDataView, 'released' | 'releaseError'>> {
    const call = { timeoutMs: s.tdsTimeoutMs * LATE_FACTOR, signal };
    try {
      switch (s.tdsRelease) {
        case 'none':
          return { released: 'none' };
        case 'stop':
          await tds.stop(session.guid !== undefined ? { guid: session.guid } : { dnis, ani: session.ani ?? '0' }, call);
          return { released: 'stop' };
        case 'dnisFree':
          await dnisFreeClientOf(s, this.options.secrets).free(dnis, call);
          return { released: 'dnisFree' };
        default: {
          const unreachable: never = s.tdsRelease;
          throw new CtiError('internal', `unknown release ${String(unreachable)}`);
        }
      }
    } catch (err) {
      return { releaseError: toErrorShape(err) };
    }
  }
}
