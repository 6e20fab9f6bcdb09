interface MemoNode {
  readonly children: WeakMap<object, MemoNode>;
  readonly values: Map<string, unknown>;
}

function newNode(): MemoNode {
  return { children: new WeakMap(), values: new Map() };
}

/**
 * Remembers what the monitors compute from one side alone of a long-lived reference (sorted values, a fitted
 * Isolation Forest, the reference's performance with its bootstrap), so that each window of the service does only its
 * own side's work. An entry is keyed by the identity of the arrays it was computed from plus a string naming the
 * computation and its parameters. Dataset arrays are never mutated once built, so identity stands for content; the
 * entries go when the arrays do (weak keys).
 * @example
 * const memo = new ReferenceMemo();
 * const sorted = memo.get([column.values.values], 'sorted-finite', () => sortFloat64(dropMissingNumbers(column.values.values)));
 */
export class ReferenceMemo {
  readonly #root = newNode();

  get<T>(sources: readonly object[], key: string, compute: () => T): T {
    let node = this.#root;
    for (const source of sources) {
      let child = node.children.get(source);
      if (child === undefined) {
        child = newNode();
        node.children.set(source, child);
      }
      node = child;
    }
    if (node.values.has(key)) return node.values.get(key) as T;
    const value = compute();
    node.values.set(key, value);
    return value;
  }
}

/**
 * `memo.get(sources, key, compute)`, or `compute()` when there is no memo (a one-off report).
 * @example const fitted = remember(options.memo, referenceColumns, `forest:${seed}`, () => fitForest());
 */
export function remember<T>(memo: ReferenceMemo | undefined, sources: readonly object[], key: string, compute: () => T): T {
  return memo === undefined ? compute() : memo.get(sources, key, compute);
}
