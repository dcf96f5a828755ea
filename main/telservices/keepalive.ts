import { CtiError } from '../../common/errors';

/**
 * Node runs a timer of more than 2^31-1 ms after 1 ms instead (TimeoutOverflowWarning): a huge
 * sessionTimeout (`cti listen --session-timeout` takes any integer) would ping in a tight loop.
 * Pinging after ~24.8 days instead of later is harmless.
 */
const MAX_TIMER_MS = 2 ** 31 - 1;

/**
 * A resettable idle timer: `fire` runs once `idleMs` pass without `touch()`. The session uses it to
 * send a cheap request before the server's sessionTimeout closes an idle session; every request
 * the client makes touches it, because the server resets its timeout on each one too.
 */
export class IdleTimer {
  private timer: NodeJS.Timeout | null = null;
  private stopped = true;

  constructor(
    private readonly idleMs: number,
    private readonly fire: () => void,
  ) {}

  /** Starts (or restarts) the countdown. */
  start(): void {
    this.stopped = false;
    this.touch();
  }

  /** Activity: the countdown starts again. No effect once stopped. */
  touch(): void {
    if (this.stopped) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = null;
      this.fire();
    }, Math.min(this.idleMs, MAX_TIMER_MS));
    // A keep-alive alone must not keep a CLI process running.
    this.timer.unref?.();
  }

  stop(): void {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }
}

export interface SessionKeepAliveOptions {
  /** Idle time after which `ping` is sent. */
  idleMs: number;
  /** The cheap request that proves the session still exists (the session sends a snapshot). */
  ping: () => Promise<unknown>;
  /** The ping found no session on the server: it is lost, not just slow. */
  onLost: (err: CtiError) => void;
  /** Any other failure: reported, the session stays as it is (the next ping may pass). */
  onError: (err: CtiError) => void;
}

/**
 * The keep-alive policy over an IdleTimer: ping when idle, classify the failure. 'cancelled' is the
 * session closing under the ping, nothing to report; 'noOpenSession' means the server dropped us.
 */
export class SessionKeepAlive {
  private readonly timer: IdleTimer;

  constructor(private readonly opts: SessionKeepAliveOptions) {
    this.timer = new IdleTimer(opts.idleMs, () => void this.ping());
  }

  start(): void {
    this.timer.start();
  }

  touch(): void {
    this.timer.touch();
  }

  stop(): void {
    this.timer.stop();
  }

  private async ping(): Promise<void> {
    try {
      await this.opts.ping();
    } catch (e) {
      const err = e instanceof CtiError ? e : new CtiError('internal', String(e));
      if (err.code === 'cancelled') return;
      if (err.code === 'noOpenSession') this.opts.onLost(err);
      else this.opts.onError(err);
    }
  }
}
