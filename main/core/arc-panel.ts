/**
 * The agent remote-control panel in the core: proxies the agent remote control client for the
 * windows, with the settings and the token from the secret store (the token never leaves main).
 *
 * The agent's calls are polled (getcalls) only while someone watches: `watch(true)` takes a lease
 * the renderer renews while the panel is shown; when it runs out, or the service is not
 * configured, polling stops. Failures back off (arc-panel-map.ts nextPollDelay) and stay in the
 * view until a poll succeeds. The view is emitted whenever it changes; an action polls at once so
 * the panel follows what it did.
 */
import type { ArcAction, ArcActionResult, ArcCallsView, ArcListArgs, ArcListResult } from '../../common/arc-panel';
import type { CommandHandlers } from '../../common/contract';
import { toErrorShape, type ErrorShape } from '../../common/errors';
import type { RestSettings } from '../../common/rest-settings';
import type { AgentRemoteControlClient } from '../rest/arc';
import type { SecretStore } from '../settings/secrets';
import { DEFAULT_ARC_SCHEDULE, nextPollDelay, steadyStarts, toCallViews, viewChangeKey, type ArcPollSchedule } from './arc-panel-map';
import { runArcAction, runArcList } from './arc-panel-actions';
import { arcClientOf } from './rest-clients';

export interface ArcPanelTiming extends ArcPollSchedule {
  /** How long one `watch(true)` keeps the polling on. */
  leaseMs: number;
  /** Each call to the service. */
  requestTimeoutMs: number;
}

export const DEFAULT_ARC_TIMING: ArcPanelTiming = { ...DEFAULT_ARC_SCHEDULE, leaseMs: 30_000, requestTimeoutMs: 5000 };

export interface ArcPanelOptions {
  settings: () => RestSettings;
  secrets: Pick<SecretStore, 'get'>;
  emit: (view: ArcCallsView) => void;
  timing?: Partial<ArcPanelTiming>;
  now?: () => number;
}

export class ArcPanel {
  readonly #o: ArcPanelOptions;
  readonly #t: ArcPanelTiming;
  readonly #now: () => number;
  #view: ArcCallsView;
  #emitted = '';
  #leaseUntil = 0;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #inFlight: Promise<void> | undefined;
  #again = false;
  #closed = false;
  /** Bumped when the settings change: a poll started before them does not write its answer. */
  #generation = 0;

  constructor(options: ArcPanelOptions) {
    this.#o = options;
    this.#t = { ...DEFAULT_ARC_TIMING, ...options.timing };
    this.#now = options.now ?? Date.now;
    this.#view = this.#fresh();
    this.#emitted = viewChangeKey(this.#view);
  }

  get view(): ArcCallsView {
    return this.#view;
  }

  /** A lease (on) or its end (off). Returns the view as it is now (the first poll follows). */
  watch(on: boolean): ArcCallsView {
    if (!on) {
      this.#leaseUntil = 0;
      this.#stopPolling();
      return this.#view;
    }
    this.#leaseUntil = this.#now() + this.#t.leaseMs;
    if (this.#view.configured && !this.#view.watching) {
      this.#update({ watching: true });
      void this.pollNow();
    }
    return this.#view;
  }

  /** Polls now (after an action, or a refresh asked for); a poll in flight is followed by one more. */
  pollNow(): Promise<void> {
    if (this.#closed) return Promise.resolve();
    if (this.#inFlight) {
      this.#again = true;
      return this.#inFlight;
    }
    clearTimeout(this.#timer);
    this.#timer = undefined;
    this.#inFlight = this.#poll().finally(() => {
      this.#inFlight = undefined;
      if (this.#again) {
        this.#again = false;
        void this.pollNow();
      } else this.#schedule();
    });
    return this.#inFlight;
  }

  /** Something the service may now accept (a new token): poll at once if someone watches. */
  retryNow(): void {
    if (this.#view.watching) void this.pollNow();
  }

  /** The calls view, polled first when asked (and configured). */
  async calls(refresh: boolean): Promise<ArcCallsView> {
    if (refresh && this.#view.configured) await this.pollNow();
    return this.#view;
  }

  async action(action: ArcAction): Promise<ArcActionResult> {
    const result = await runArcAction(this.#client(), action, { timeoutMs: this.#t.requestTimeoutMs });
    // The panel follows what was done (a hangup removes the call) without waiting for the next tick.
    if (this.#view.watching) void this.pollNow();
    return result;
  }

  list(args: ArcListArgs): Promise<ArcListResult> {
    return runArcList(this.#client(), args, { timeoutMs: this.#t.requestTimeoutMs });
  }

  /** The settings changed: start over with the new service (and say whether the panel is offered). */
  settingsChanged(): void {
    const { arcBaseUrl, arcUserId } = this.#o.settings();
    if (this.#serviceKey === `${arcBaseUrl} ${arcUserId}`) return;
    this.#generation++;
    this.#view = this.#fresh();
    const watching = this.#view.configured && this.#leaseUntil > this.#now();
    if (watching) {
      this.#update({ watching });
      void this.pollNow();
    } else this.#stopPolling();
  }

  close(): void {
    this.#closed = true;
    clearTimeout(this.#timer);
    this.#timer = undefined;
  }

  /** Which service the view is about: its base URL and agent. */
  #serviceKey = '';

  #fresh(): ArcCallsView {
    const s = this.#o.settings();
    this.#serviceKey = `${s.arcBaseUrl} ${s.arcUserId}`;
    return { configured: s.arcBaseUrl !== '', watching: false, calls: [], failures: 0, pollMs: this.#t.baseMs };
  }

  /** A client on the current settings and token; notConfigured (naming what is missing) otherwise. */
  #client(): AgentRemoteControlClient {
    return arcClientOf(this.#o.settings(), this.#o.secrets, this.#t.requestTimeoutMs);
  }

  async #poll(): Promise<void> {
    const generation = this.#generation;
    let outcome: { ok: true; calls: ArcCallsView['calls'] } | { ok: false; error: ErrorShape };
    try {
      const reply = await this.#client().getCalls({ timeoutMs: this.#t.requestTimeoutMs });
      outcome = { ok: true, calls: steadyStarts(this.#view.calls, toCallViews(reply.data)) };
    } catch (err) {
      outcome = { ok: false, error: toErrorShape(err) };
    }
    if (generation !== this.#generation || this.#closed) return;
    if (outcome.ok) {
      const { lastError: _cleared, ...rest } = this.#view;
      void _cleared;
      this.#view = { ...rest, calls: outcome.calls, updatedAt: this.#now(), failures: 0, pollMs: nextPollDelay(0, this.#t) };
    } else {
      const failures = this.#view.failures + 1;
      this.#view = { ...this.#view, lastError: outcome.error, failures, pollMs: nextPollDelay(failures, this.#t) };
    }
  }

  /** The next tick, if someone still watches; else polling stops (and the view says so). */
  #schedule(): void {
    if (this.#closed) return;
    if (!this.#view.configured || this.#leaseUntil <= this.#now()) {
      this.#stopPolling();
      return;
    }
    const delay = this.#view.pollMs;
    this.#view = { ...this.#view, nextPollAt: this.#now() + delay };
    this.#emitIfChanged();
    this.#timer = setTimeout(() => void this.pollNow(), delay);
    this.#timer.unref?.();
  }

  #stopPolling(): void {
    clearTimeout(this.#timer);
    this.#timer = undefined;
    if (this.#view.watching || this.#view.nextPollAt !== undefined) {
      const { nextPollAt: _gone, ...rest } = this.#view;
      void _gone;
      this.#view = { ...rest, watching: false };
    }
    this.#emitIfChanged();
  }

  #update(change: Partial<ArcCallsView>): void {
    this.#view = { ...this.#view, ...change };
    this.#emitIfChanged();
  }

  #emitIfChanged(): void {
    const key = viewChangeKey(this.#view);
    if (key === this.#emitted) return;
    this.#emitted = key;
    this.#o.emit(this.#view);
  }
}

/** The contract's handlers of the panel, spread into the service's table (main/core/service.ts). */
export function arcPanelHandlers(panel: ArcPanel): Pick<CommandHandlers, 'arcWatch' | 'arcCalls' | 'arcAction' | 'arcList'> {
  return {
    arcWatch: async ({ on }) => panel.watch(on),
    arcCalls: ({ refresh }) => panel.calls(refresh === true),
    arcAction: (action) => panel.action(action),
    arcList: (args) => panel.list(args),
  };
}
