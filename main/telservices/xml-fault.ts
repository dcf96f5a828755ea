/**
 * Internal failures of the codec. They carry the element path as a list of segments that each
 * level adds while the fault unwinds, so the success path builds no path strings at all. The
 * facade (codec.ts) turns them into CtiError; nothing else ever sees them.
 */

abstract class CodecFault extends Error {
  /** From the outermost element down, root excluded: ['event', 'call', 'primCall', 'state']. */
  readonly path: string[] = [];

  constructor(readonly reason: string) {
    super(reason);
  }

  /** Adds the enclosing element's name; returns `this` so callers can `throw fault.within(x)`. */
  within(segment: string): this {
    this.path.unshift(segment);
    return this;
  }

  describe(root: string): string {
    return `${this.path.length > 0 ? this.path.join('/') : root}: ${this.reason}`;
  }
}

/** The bytes are not a message we can read (becomes CtiError 'malformedReply'). */
export class DecodeFault extends CodecFault {
  override readonly name = 'DecodeFault';
}

/** The value given to an encoder cannot be written (becomes CtiError 'invalidArgument'). */
export class EncodeFault extends CodecFault {
  override readonly name = 'EncodeFault';
}

/** Re-throws `err` with `segment` added when it is one of ours; anything else passes unchanged. */
export function rethrowWithin(err: unknown, segment: string): never {
  if (err instanceof CodecFault) throw err.within(segment);
  throw err;
}
