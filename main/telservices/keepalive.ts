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
    }, this.idleMs);
    // A keep-alive alone must not keep a CLI process running.
    this.timer.unref?.();
  }

  stop(): void {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }
}
