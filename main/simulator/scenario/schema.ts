/**
 * A scenario file: a timeline of control actions, JSON, e.g.
 *   { "name": "two calls", "loop": false, "steps": [
 *       { "at": 0,    "do": "inboundCall", "id": "c1", "from": "+33160127764", "name": "Martin Jagger",
 *         "to": "1101", "dnis": "0800100200", "extraData": "customerId=42", "ringMs": 15000, "talkMs": 5000 },
 *       { "at": 4000, "do": "answer", "call": "c1" },
 *       { "at": 9000, "do": "faults", "linkDown": true },
 *       { "at": 12000, "do": "clearFaults" } ] }
 * `at` is milliseconds from the start (of each round when `loop` is true; a round lasts
 * `periodMs`, default the last step + 1 s). `ringMs`: the caller gives up if nobody answered by
 * then; `talkMs`: the caller hangs up that long after being answered.
 */
import { z } from 'zod';
import { describeZodError, faultsSchema, inboundCallSchema } from '../control/schemas';

const at = z.number().int().min(0).max(24 * 3600 * 1000);
const callId = z.string().min(1).max(64);

export const stepSchema = z.discriminatedUnion('do', [
  inboundCallSchema.extend({
    at,
    do: z.literal('inboundCall'),
    /** A name later steps use to answer or hang up this call. */
    id: callId.optional(),
    ringMs: z.number().int().min(1).optional(),
    talkMs: z.number().int().min(1).optional(),
    /**
     * A call transferred in with data: a remote contact centre first starts a transfer data
     * session for the caller with these agent pairs, and the call arrives on the DNIS it was
     * given (instead of `dnis`). Needs the mock REST services.
     */
    transferData: z.record(z.string().min(1).max(200), z.string().max(4096)).optional(),
  }),
  z.strictObject({ at, do: z.literal('answer'), call: callId }),
  z.strictObject({ at, do: z.literal('hangup'), call: callId }),
  z.strictObject({ at, do: z.literal('msgWaiting'), deviceNumber: z.string().min(1), state: z.enum(['on', 'off']) }),
  faultsSchema.extend({ at, do: z.literal('faults') }),
  z.strictObject({ at, do: z.literal('clearFaults') }),
  /** The administrator closes the session of a device (sessionClosedByAdmin). */
  z.strictObject({ at, do: z.literal('closeSession'), deviceNumber: z.string().min(1) }),
  z.strictObject({ at, do: z.literal('restart') }),
]);
export type ScenarioStep = z.infer<typeof stepSchema>;

export const scenarioSchema = z
  .strictObject({
    name: z.string().max(200).optional(),
    loop: z.boolean().optional(),
    periodMs: z.number().int().min(1).optional(),
    steps: z.array(stepSchema).min(1),
  })
  .superRefine((scenario, ctx) => {
    // A step may only name a call an earlier step (in time) brought in.
    const order = scenario.steps.map((s, i) => ({ s, i })).sort((a, b) => a.s.at - b.s.at || a.i - b.i);
    const known = new Set<string>();
    for (const { s, i } of order) {
      if (s.do === 'inboundCall' && s.id !== undefined) known.add(s.id);
      if ((s.do === 'answer' || s.do === 'hangup') && !known.has(s.call)) {
        ctx.addIssue({
          code: 'custom',
          path: ['steps', i, 'call'],
          message: `no earlier inboundCall step has id "${s.call}"`,
        });
      }
    }
  });
export type Scenario = z.infer<typeof scenarioSchema>;

export class ScenarioError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ScenarioError';
  }
}

/** JSON text -> a valid scenario, or a ScenarioError naming the source and each bad field. */
export function parseScenario(text: string, source = 'scenario'): Scenario {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw new ScenarioError(`${source}: not valid JSON (${e instanceof Error ? e.message : String(e)})`);
  }
  const result = scenarioSchema.safeParse(json);
  if (!result.success) throw new ScenarioError(`${source}: ${describeZodError(result.error)}`);
  return result.data;
}
