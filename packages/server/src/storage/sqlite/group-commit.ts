interface Pending<I, O> {
  readonly input: I;
  readonly resolve: (output: O) => void;
  readonly reject: (error: unknown) => void;
}

/**
 * Commits the writes requested within one turn of the event loop together. better-sqlite3 is synchronous: while one
 * commit waits for its fsync, new requests pile up in the sockets, and the next turn parses them all; committing those
 * in one transaction lets one fsync serve many batches instead of one each. Order is kept (first submitted, first
 * written). When the shared transaction fails, each request is run again alone, so a bad batch fails only itself.
 * @example
 * const group = new GroupCommit((batches) => db.transaction(() => batches.map(write)).immediate(), (batch) => db.transaction(() => write(batch)).immediate());
 * const statuses = await group.submit(batch);
 */
export class GroupCommit<I, O> {
  #queue: Pending<I, O>[] = [];
  #scheduled = false;

  constructor(
    private readonly runTogether: (inputs: readonly I[]) => O[],
    private readonly runAlone: (input: I) => O,
  ) {}

  submit(input: I): Promise<O> {
    return new Promise<O>((resolve, reject) => {
      this.#queue.push({ input, resolve, reject });
      if (!this.#scheduled) {
        this.#scheduled = true;
        setImmediate(() => {
          this.flush();
        });
      }
    });
  }

  /** Writes what is queued now (also called before the database closes). */
  flush(): void {
    this.#scheduled = false;
    const queue = this.#queue;
    this.#queue = [];
    if (queue.length === 0) return;
    if (queue.length > 1) {
      let outputs: O[] | undefined;
      try {
        outputs = this.runTogether(queue.map((pending) => pending.input));
      } catch {
        // Fall through: each request alone, so only the one that cannot be written fails.
      }
      if (outputs !== undefined) {
        queue.forEach((pending, i) => {
          pending.resolve(outputs[i]!);
        });
        return;
      }
    }
    for (const pending of queue) {
      try {
        pending.resolve(this.runAlone(pending.input));
      } catch (error) {
        pending.reject(error);
      }
    }
  }
}
