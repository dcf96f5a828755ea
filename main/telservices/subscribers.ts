/**
 * A typed subscriber list: add() returns the unsubscribe function (DESIGN rule 2), emit() calls
 * each in order and hands a throwing subscriber's error to `onThrow` so the others still run.
 */
export class Subscribers<A> {
  private readonly fns = new Set<(arg: A) => void>();

  add(fn: (arg: A) => void): () => void {
    this.fns.add(fn);
    return () => {
      this.fns.delete(fn);
    };
  }

  get size(): number {
    return this.fns.size;
  }

  emit(arg: A, onThrow: (err: unknown) => void = () => undefined): void {
    for (const fn of [...this.fns]) {
      try {
        fn(arg);
      } catch (e) {
        onThrow(e);
      }
    }
  }
}
