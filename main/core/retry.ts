/**
 * A sleep that can be cut short (stop, or "the PBX link is back"). The delays themselves come from
 * main/telservices/backoff.ts (capped exponential with jitter).
 */
/** A sleep that resolves after `ms`, or earlier when `wake()` is called. */
export class WakeableSleep {
  #wake: (() => void) | undefined;

  sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const done = (): void => {
        clearTimeout(timer);
        if (this.#wake === done) this.#wake = undefined;
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.#wake = done;
    });
  }

  wake(): void {
    this.#wake?.();
  }
}
