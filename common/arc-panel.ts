/**
 * The agent remote-control panel's part of the contract: the arguments (zod, checked at every
 * boundary), the results and the calls view the core emits as `arcCalls`. The core proxies the
 * agent remote control service (main/core/arc-panel.ts); its token never reaches a window.
 */
import { z } from 'zod';
import type { ErrorShape } from './errors';

/** A call, lead or lead-phone id: the spec's int/long, kept as digits. */
const id = z.string().trim().regex(/^\d{1,18}$/, 'an id (digits)');
/** A number to dial or to put on a lead: digits, `+`, `*`, `#`; separators people type are allowed. */
const phone = z
  .string()
  .trim()
  .max(64)
  .regex(/^[+]?[0-9*#][0-9*#\s().-]*$/, 'not a phone number');
const resultCode = z.string().trim().min(1).max(64);
const notes = z.string().max(2000).optional();
const sales = z.number().int().min(0).max(10_000).optional();

/** The actions on one call that need only its id. */
export const ARC_CALL_ACTIONS = ['hangup', 'hold', 'retrieve', 'stoprecord', 'startrecord'] as const;
export type ArcCallActionName = (typeof ARC_CALL_ACTIONS)[number];

const onCall = (action: ArcCallActionName) => z.strictObject({ action: z.literal(action), call: id });

export const arcActionSchema = z.discriminatedUnion('action', [
  z.strictObject({ action: z.literal('goready') }),
  z.strictObject({ action: z.literal('dial'), phone, lead: id.optional() }),
  ...ARC_CALL_ACTIONS.map(onCall),
  z.strictObject({ action: z.literal('dispose'), call: id, code: resultCode }),
  z.strictObject({ action: z.literal('changelead'), call: id, leadPhone: id }),
  z.strictObject({ action: z.literal('createnewlead'), call: id, phone }),
  z.strictObject({
    action: z.literal('connectcalls'),
    call1: id,
    call2: id,
    code1: resultCode,
    code2: resultCode,
    notes1: notes,
    notes2: notes,
    numSales1: sales,
    numSales2: sales,
  }),
]);
export type ArcAction = z.infer<typeof arcActionSchema>;
export type ArcActionName = ArcAction['action'];

export const ARC_LIST_KINDS = ['campaigns', 'users', 'resultcodes', 'acdqueues', 'leadphones'] as const;
export type ArcListKind = (typeof ARC_LIST_KINDS)[number];

export const arcListSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('campaigns') }),
  z.strictObject({ kind: z.literal('users') }),
  z.strictObject({ kind: z.literal('resultcodes') }),
  z.strictObject({ kind: z.literal('acdqueues') }),
  z.strictObject({ kind: z.literal('leadphones'), lead: id }),
]);
export type ArcListArgs = z.infer<typeof arcListSchema>;

/** The zod table entries, spread into common/schemas.ts commandArgs. */
export const arcCommandArgs = {
  /** Someone looks at the panel (a lease the renderer renews), or no longer does. */
  arcWatch: z.strictObject({ on: z.boolean() }),
  /** The calls view as the core has it; `refresh` polls the service first. */
  arcCalls: z.strictObject({ refresh: z.boolean().optional() }),
  arcAction: arcActionSchema,
  arcList: arcListSchema,
};

/** One active call of the agent, as the panel shows it. */
export interface ArcCallView {
  callId: string;
  phone: string;
  customerName?: string;
  customerName2?: string;
  /** ISO time the call started (the service's CallStartTime). */
  startTime?: string;
  /** The service's CallState and CallStatus: ints the spec does not name, shown as they are. */
  state?: number;
  status?: number;
  /** RecordingState: 0 = not recording; undefined when the service did not say. */
  recording?: boolean;
}

/** What the core knows about the agent's calls: emitted as `arcCalls` whenever it changes. */
export interface ArcCallsView {
  /** The service has a base URL in the settings (the panel is offered). */
  configured: boolean;
  /** Polled now (someone watches, within the lease). */
  watching: boolean;
  calls: ArcCallView[];
  /** Epoch ms of the last successful getcalls. */
  updatedAt?: number;
  /** The last poll's failure (cleared by a success). */
  lastError?: ErrorShape;
  /** Polls failed in a row (the backoff's exponent). */
  failures: number;
  /** The delay before the next poll, in ms (2 s normally, longer while backing off). */
  pollMs: number;
  /** Epoch ms of the next poll, while watching. */
  nextPollAt?: number;
}

export interface ArcActionResult {
  action: ArcActionName;
  responseCode?: number;
  responseDetail?: string;
  /** dial: the call it made. */
  call?: ArcCallView;
}

export interface ArcCampaignView {
  id: string;
  name: string;
  active?: boolean;
  description?: string;
  callerId?: string;
}
export interface ArcUserView {
  id: string;
  name: string;
}
export interface ArcResultCodeView {
  code: string;
  description: string;
  /** False for system codes an agent should not pick. */
  agentViewable: boolean;
  isSuccess?: boolean;
  isCallback?: boolean;
}
export interface ArcAcdQueueView {
  id: string;
  name: string;
  active?: boolean;
}
export interface ArcLeadPhoneView {
  /** The id changelead takes (the spec's RecordTypeId). */
  leadPhoneId: string;
  leadId: string;
  phone: string;
  recordType?: string;
}

export type ArcListResult =
  | { kind: 'campaigns'; items: ArcCampaignView[] }
  | { kind: 'users'; items: ArcUserView[] }
  | { kind: 'resultcodes'; items: ArcResultCodeView[] }
  | { kind: 'acdqueues'; items: ArcAcdQueueView[] }
  | { kind: 'leadphones'; lead: string; items: ArcLeadPhoneView[] };

/** The result types, spread into common/contract.ts CommandResults. */
export interface ArcCommandResults {
  arcWatch: ArcCallsView;
  arcCalls: ArcCallsView;
  arcAction: ArcActionResult;
  arcList: ArcListResult;
}
