/**
 * Faults the simulator can be told to show, so clients can be tested against a misbehaving
 * TelServer: a PBX link that goes down, lost UDP events, slow replies, no reply, a close without a
 * reply. Restart is an action, not a state, and lives on the control handle.
 */
export interface Faults {
  /** The PBX link is out of service: PBX requests answer pbxlinkOutOfService (session events announce it). */
  linkDown: boolean;
  /** The PBX does not answer in time: PBX requests answer pbxTimeout (the directory still answers). */
  pbxTimeout: boolean;
  /** Share (0..1) of UDP event datagrams silently dropped. */
  dropEventShare: number;
  /** Every reply waits this long before it is written. */
  replyDelayMs: number;
  /** Requests are read and never answered (the connection stays open until the client gives up). */
  noReply: boolean;
  /** Requests are read, then the connection is closed without a reply. */
  closeWithoutReply: boolean;
}

export const NO_FAULTS: Readonly<Faults> = Object.freeze({
  linkDown: false,
  pbxTimeout: false,
  dropEventShare: 0,
  replyDelayMs: 0,
  noReply: false,
  closeWithoutReply: false,
});

/**
 * Decides which datagrams to drop for a share in [0, 1]. An accumulator instead of a random draw:
 * exactly `share` of the datagrams go, spread evenly, and a test can count them.
 */
export class DropGate {
  private acc = 0;
  shouldDrop(share: number): boolean {
    if (share <= 0) return false;
    if (share >= 1) return true;
    // Counted in millionths: summing 0.3 ten times in floating point gives 2.9999…, not 3.
    this.acc += Math.round(share * 1e6);
    if (this.acc >= 1e6) {
      this.acc -= 1e6;
      return true;
    }
    return false;
  }
}
