/**
 * Runs synchronous work and turns its result or exception into a settled promise: the SQLite adapters' methods are
 * synchronous underneath but keep the Store's promise-returning shape.
 *
 * @example
 * getModel(project, name) { return settle(() => this.#s.modelByName.get(project, name) ?? null); }
 */
export function settle<T>(work: () => T): Promise<T> {
  return new Promise<T>((resolve) => {
    resolve(work());
  });
}
