/**
 * When to reconnect the line by itself: after the machine wakes up, after the screen is unlocked,
 * or when the network changed (an address came or went: Wi-Fi to cable, VPN up, back online).
 * Pure parts: the network's fingerprint and the debounced trigger on an injected clock.
 */

export interface InterfaceAddress {
  readonly address: string;
  readonly family: string | number;
  readonly internal: boolean;
}

/** The external addresses, sorted: equal strings mean "same network as before". */
export function networkFingerprint(interfaces: Readonly<Record<string, readonly InterfaceAddress[] | undefined>>): string {
  const addresses: string[] = [];
  for (const [name, list] of Object.entries(interfaces)) {
    for (const a of list ?? []) {
      // Link-local IPv6 addresses come and go without a new route: ignore them.
      if (a.internal || a.address.toLowerCase().startsWith('fe80:')) continue;
      addresses.push(`${name}=${a.address}`);
    }
  }
  return addresses.sort().join(',');
}

export type WakeReason = 'resume' | 'unlock' | 'network' | 'online';

export interface Timers {
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

/**
 * Folds a burst of wake-ups (resume, unlock and a network change arrive together) into one
 * reconnect, `delayMs` after the last one: the network needs a moment after resume. With the
 * default 1 s and a 2 s network poll the line reconnects well within 5 s.
 */
export class ReconnectTrigger {
  #pending: unknown;
  #reasons = new Set<WakeReason>();

  constructor(
    private readonly reconnect: (reasons: readonly WakeReason[]) => void,
    private readonly timers: Timers,
    private readonly delayMs = 1000,
  ) {}

  wake(reason: WakeReason): void {
    this.#reasons.add(reason);
    if (this.#pending !== undefined) this.timers.clearTimeout(this.#pending);
    this.#pending = this.timers.setTimeout(() => {
      this.#pending = undefined;
      const reasons = [...this.#reasons];
      this.#reasons = new Set();
      this.reconnect(reasons);
    }, this.delayMs);
  }

  stop(): void {
    if (this.#pending !== undefined) this.timers.clearTimeout(this.#pending);
    this.#pending = undefined;
  }
}
