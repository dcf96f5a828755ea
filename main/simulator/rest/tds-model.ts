/**
 * The transfer data service's model for the mock: a pool of DNIS numbers per campaign, sessions
 * that hold a DNIS two minutes at most (on the injected clock), pool_full when none is free, and
 * stopped or expired sessions still readable by GUID and OEM key but not by DNIS.ANI. Pure: no
 * sockets; the HTTP front is tds-http.ts.
 */
import { createHash } from 'node:crypto';
import type { Clock } from '../pbx/model';

export const DNIS_HOLD_MS = 120_000;

export interface TdsMockSession {
  guid: string;
  campaignId: string;
  dnis: string;
  ani: string;
  oemkey?: string;
  routingdata: string;
  reportingdata: string;
  agentdata: string;
  /** false once stopped or expired: the DNIS is back in the pool. */
  active: boolean;
  startedAt: number;
  endedAt?: number;
  endedBy?: 'stop' | 'expiry' | 'dnisFree';
}

export type TdsOutcome =
  | { ok: true; session: TdsMockSession }
  | { ok: false; status: 'pool_full' | 'no_session' | 'campaign_not_found' | 'error'; message: string };

export interface TdsModelOptions {
  clock: Clock;
  /** Campaigns that exist; others answer campaign_not_found. */
  campaignIds: readonly string[];
  /** The DNIS numbers the service may allocate (shared by the campaigns). */
  pool: readonly string[];
  holdMs?: number;
}

export class TdsModel {
  private readonly sessions = new Map<string, TdsMockSession>();
  private readonly cancels = new Map<string, () => void>();
  private seq = 0;

  constructor(private readonly options: TdsModelOptions) {}

  get pool(): readonly string[] {
    return this.options.pool;
  }

  hasCampaign(id: string): boolean {
    return this.options.campaignIds.includes(id);
  }

  start(campaignId: string, input: Pick<TdsMockSession, 'ani' | 'routingdata' | 'reportingdata' | 'agentdata'> & { oemkey?: string }): TdsOutcome {
    if (input.oemkey !== undefined && this.byOemkey(input.oemkey)?.active) {
      return { ok: false, status: 'error', message: `oemkey ${input.oemkey} is in use in this campaign` };
    }
    const taken = new Set([...this.sessions.values()].filter((s) => s.active).map((s) => s.dnis));
    const dnis = this.options.pool.find((d) => !taken.has(d));
    if (dnis === undefined) return { ok: false, status: 'pool_full', message: 'no free DNIS' };
    this.seq++;
    // 32 hex digits like the spec's GUIDs; deterministic for a given clock and order of starts.
    const guid = createHash('md5').update(`${campaignId}:${this.seq}:${this.options.clock.now()}`).digest('hex');
    const session: TdsMockSession = { guid, campaignId, dnis, active: true, startedAt: this.options.clock.now(), ...input };
    this.sessions.set(guid, session);
    this.cancels.set(guid, this.options.clock.setTimer(this.options.holdMs ?? DNIS_HOLD_MS, () => this.end(session, 'expiry')));
    return { ok: true, session };
  }

  /** by-guid and by-oemkey find ended sessions too; by-dnis only the one holding the DNIS now. */
  find(campaignId: string, by: 'guid' | 'dnis' | 'oemkey', id: string): TdsMockSession | undefined {
    let found: TdsMockSession | undefined;
    if (by === 'guid') found = this.sessions.get(id);
    else if (by === 'oemkey') found = this.byOemkey(id);
    else {
      const dot = id.indexOf('.');
      const dnis = dot < 0 ? id : id.slice(0, dot);
      const ani = dot < 0 ? '0' : id.slice(dot + 1);
      found = [...this.sessions.values()].find((s) => s.active && s.dnis === dnis && s.ani === ani);
    }
    return found && found.campaignId === campaignId ? found : undefined;
  }

  /** edit: replaces all the data (the spec: pass again what must be kept). Active sessions only. */
  edit(session: TdsMockSession, data: Pick<TdsMockSession, 'routingdata' | 'reportingdata' | 'agentdata'>): TdsOutcome {
    if (!session.active) return { ok: false, status: 'no_session', message: 'the session has ended' };
    Object.assign(session, data);
    return { ok: true, session };
  }

  stop(session: TdsMockSession): TdsOutcome {
    if (!session.active) return { ok: false, status: 'no_session', message: 'the session has ended' };
    this.end(session, 'stop');
    return { ok: true, session };
  }

  /** The DNIS release service frees the number: the session holding it ends. */
  freeDnis(dnis: string): 'freed' | 'notAllocated' | 'unknown' {
    if (!this.options.pool.includes(dnis)) return 'unknown';
    const s = [...this.sessions.values()].find((x) => x.active && x.dnis === dnis);
    if (!s) return 'notAllocated';
    this.end(s, 'dnisFree');
    return 'freed';
  }

  list(): TdsMockSession[] {
    return [...this.sessions.values()].map((s) => ({ ...s }));
  }

  close(): void {
    for (const cancel of this.cancels.values()) cancel();
    this.cancels.clear();
  }

  private byOemkey(key: string): TdsMockSession | undefined {
    // The newest session with the key (an ended one stays readable).
    return [...this.sessions.values()].reverse().find((s) => s.oemkey === key);
  }

  private end(session: TdsMockSession, by: NonNullable<TdsMockSession['endedBy']>): void {
    if (!session.active) return;
    session.active = false;
    session.endedAt = this.options.clock.now();
    session.endedBy = by;
    this.cancels.get(session.guid)?.();
    this.cancels.delete(session.guid);
  }
}
