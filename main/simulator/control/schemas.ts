/**
 * The shapes the control API and scenario files accept, validated with zod so a typo in a script
 * fails with a message that names the field instead of doing something odd.
 */
import { z } from 'zod';

const number = z.string().min(1).max(64);

export const inboundCallSchema = z.strictObject({
  from: number,
  name: z.string().max(200).optional(),
  company: z.string().max(200).optional(),
  to: number,
  dnis: number.optional(),
  /** Correlator data (the spec's extraData). */
  extraData: z.string().max(4096).optional(),
  /** A withheld number: the call shows `*****-<call reference>`. */
  hidden: z.boolean().optional(),
});
export type InboundCall = z.infer<typeof inboundCallSchema>;

export const faultsSchema = z.strictObject({
  linkDown: z.boolean().optional(),
  pbxTimeout: z.boolean().optional(),
  dropEventShare: z.number().min(0).max(1).optional(),
  replyDelayMs: z.number().int().min(0).max(600_000).optional(),
  noReply: z.boolean().optional(),
  closeWithoutReply: z.boolean().optional(),
});
export type FaultsChange = z.infer<typeof faultsSchema>;

export const msgWaitingSchema = z.strictObject({
  deviceNumber: number,
  state: z.enum(['on', 'off']),
});

/** A zod error -> one line per issue, "path: message". */
export function describeZodError(error: z.ZodError): string {
  return error.issues
    .map((i) => `${i.path.length > 0 ? i.path.join('.') : '(root)'}: ${i.message}`)
    .join('; ');
}
