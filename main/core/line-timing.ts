/** The Line's clocks: backoff, reconcile and probe periods, long-poll hold, screen-pop patience. */
export interface LineTiming {
  backoffBaseMs: number;
  backoffMaxMs: number;
  /** Period of the reconcile snapshot on UDP until datagrams prove UDP reaches us (a new session). */
  reconcileMs: number;
  /**
   * Period of the reconcile snapshot once UDP is proven (datagrams seen), or once a new session has
   * been quiet for `udpProofWindowMs`: one TelServer serves a whole contact centre, so an idle line
   * must cost it little (issue 9 item 18: <= 12 requests an hour). Gaps found sooner (a command
   * whose event never came, a resume, a network change) reconcile at once.
   */
  idleReconcileMs: number;
  /** How long a new session reconciles every `reconcileMs` while no datagram has come (blocked UDP detection). */
  udpProofWindowMs: number;
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
  idleReconcileMs: 6 * 60_000,
  udpProofWindowMs: 3 * 60_000,
  probeMs: 1500,
  pollTimeoutSec: 20,
  popupNameWaitMs: 400,
};

/** What the next periodic check depends on (pure, so the schedule is tested without a clock). */
export interface CheckInputs {
  mode: 'udp' | 'poll';
  /** The PBX link is out of service: probe it (in case its pbxlinkInService is lost) with backoff. */
  linkDown: boolean;
  /** Probes sent since the link went down (the backoff attempt). */
  linkProbes: number;
  /** Datagrams arrived since the session opened. */
  udpProven: boolean;
  /** ms since the session opened. */
  openForMs: number;
}

/**
 * The delay before the next periodic snapshot, or undefined for none: the long-poll keeps a polled
 * line fresh by itself. `backoff` is main/telservices/backoff's delay for an attempt.
 */
export function nextCheckMs(t: LineTiming, c: CheckInputs, backoff: (attempt: number) => number): number | undefined {
  if (c.linkDown) return backoff(c.linkProbes);
  if (c.mode === 'poll') return undefined;
  const quiet = c.udpProven || c.openForMs >= t.udpProofWindowMs;
  return quiet ? t.idleReconcileMs : t.reconcileMs;
}
