/**
 * A sleep that can be cut short (stop, or "the PBX link is back"). The delays themselves come from
 * main/telservices/backoff.ts (capped exponential with jitter).
 */
/** A sleep that resolves after `ms`, or earlier when `wake()` is called. */
export class WakeableSleep {
  #wake: (() => void) | undefined;

  sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(done, ms);
      const self = this;
      function done(): void {
        clearTimeout(timer);
        if (self.#wake === done) self.#wake = undefined;
        resolve();
      }
      this.#wake = done;
    });
  }

  wake(): void {
    this.#wake?.();
  }
}
