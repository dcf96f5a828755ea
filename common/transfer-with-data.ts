/**
 * Transfer with data (issue 11 item 5): the agent attaches key/value pairs to an active call and
 * sends it to a DNIS the transfer data service allocated for them, consulting it first (two-step:
 * complete or cancel) or diverting the call to it at once (blind). The commands' zod arguments
 * (spread into ./schemas commandArgs) and the view the commands return and the
 * `transferWithData` event carries. Pure: no I/O.
 */
import { z } from 'zod';
import type { ErrorShape } from './errors';
import type { TransferDataPair } from './transfer-data';

export const TRANSFER_MODES = ['consult', 'blind'] as const;
export type TransferMode = (typeof TRANSFER_MODES)[number];

/**
 * started: the session is allocated, the call to its DNIS is being made; consulting: the
 * consultation to the DNIS is up (complete or cancel it); the rest are final.
 */
export const TRANSFER_STATES = ['started', 'consulting', 'completed', 'cancelled', 'failed', 'expired'] as const;
export type TransferState = (typeof TRANSFER_STATES)[number];

/** Why a transfer failed (the error, when there is one, is in `error`). */
export const TRANSFER_FAILURES = ['serviceFailed', 'callFailed', 'consultationFailed', 'callerLeft'] as const;
export type TransferFailure = (typeof TRANSFER_FAILURES)[number];

export const MAX_TRANSFER_PAIRS = 32;

const pair = z.strictObject({
  key: z.string().trim().min(1, 'a key is required').max(128),
  value: z.string().max(1024),
});

/** Non-empty keys (trimmed), none twice: the receiving screen pop shows them by key. */
export const transferPairsSchema = z
  .array(pair)
  .max(MAX_TRANSFER_PAIRS)
  .refine((pairs) => new Set(pairs.map((p) => p.key)).size === pairs.length, { message: 'a key is used twice' });

const line = z.string().min(1).max(64).optional();
const transferId = z.string().min(1).max(64);

export const transferWithDataArgs = {
  /** `callId` names the call in the line's state; `otherNumber` tells the server which call (as for hold, consult …). */
  startTransferWithData: z.strictObject({
    line,
    callId: z.string().min(1).max(64),
    otherNumber: z.string().trim().min(1).max(64).optional(),
    pairs: transferPairsSchema,
    mode: z.enum(TRANSFER_MODES),
  }),
  completeTransferWithData: z.strictObject({ id: transferId }),
  cancelTransferWithData: z.strictObject({ id: transferId }),
  /** The transfers in progress and the last finished ones (a window opened or reloaded mid-transfer). */
  listTransfersWithData: z.strictObject({}),
};

export interface TransferWithDataView {
  id: string;
  lineId: string;
  /** The call being transferred (an id of the line's calls). */
  callId: string;
  mode: TransferMode;
  state: TransferState;
  /** The caller's number as sent to the service ('0' when hidden). */
  ani: string;
  pairs: TransferDataPair[];
  /** Known once the service allocated them. */
  dnis?: string;
  guid?: string;
  /** Epoch ms when the core stops the session if the transfer is not completed by then (the DNIS is held two minutes). */
  stopsAt?: number;
  failure?: TransferFailure;
  error?: ErrorShape;
  /** Stopping the session failed (the DNIS then frees itself when its hold runs out). */
  stopError?: ErrorShape;
}

/** The results of the three commands. */
export interface TransferWithDataResults {
  startTransferWithData: TransferWithDataView;
  completeTransferWithData: TransferWithDataView;
  cancelTransferWithData: TransferWithDataView;
  listTransfersWithData: TransferWithDataView[];
}

export function isFinalTransferState(state: TransferState): boolean {
  switch (state) {
    case 'started':
    case 'consulting':
      return false;
    case 'completed':
    case 'cancelled':
    case 'failed':
    case 'expired':
      return true;
    default: {
      const never: never = state;
      return never;
    }
  }
}
