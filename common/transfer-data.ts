/**
 * What the screen pop learns from the transfer data service about an inbound call (the
 * `transferData` event): sent after the pop, never before, so a slow service cannot delay it.
 * 'loading' as soon as the look-up starts; then 'loaded', or 'unavailable' saying why; a later
 * 'loaded' for the same call fills the data in.
 */
import type { ErrorShape } from './errors';

export interface TransferDataPair {
  key: string;
  value: string;
}

export interface TransferDataView {
  lineId: string;
  callId: string;
  /** The DNIS the call arrived on and the caller's number (ANI '0' when hidden). */
  dnis: string;
  ani: string;
  state: 'loading' | 'loaded' | 'unavailable';
  /** The session's agentdata, decoded, in the order sent. */
  pairs: TransferDataPair[];
  /** Why the data is not there (timeout, no_session, unauthorized, …). */
  reason?: ErrorShape;
  /** How the DNIS was released after reading, and a release that failed. */
  released?: 'stop' | 'dnisFree' | 'none';
  releaseError?: ErrorShape;
}
