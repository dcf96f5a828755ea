/** The Line's clocks: backoff, reconcile and probe periods, long-poll hold, screen-pop patience. */
export interface LineTiming {
  backoffBaseMs: number;
  backoffMaxMs: number;
  /** Period of the reconcile snapshot while on UDP. */
  reconcileMs: number;
  /** Delay after a command before checking that UDP brought its event. */
  probeMs: number;
  /** Long-poll timeout sent to the server, seconds. */
  pollTimeoutSec: number;
  /** How long a screen pop may wait for the directory to name an unnamed caller. */
  popupNameWaitMs: number;
}

export const DEFAULT_TIMING: LineTiming = {
  backoffBaseMs: 500,
  backoffMaxMs: 30_000,
  reconcileMs: 30_000,
  probeMs: 1500,
  pollTimeoutSec: 20,
  popupNameWaitMs: 400,
};
