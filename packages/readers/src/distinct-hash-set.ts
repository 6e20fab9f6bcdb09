/** A set of 53-bit hashes that answers "seen before?" as it adds (for counting duplicate rows). */
export interface DistinctHashSet {
  /** Adds the hash; true when it was already present. */
  addAndCheck(hash: number): boolean;
  readonly size: number;
}

/**
 * An open-addressing (linear probing) set of non-negative integer hashes below 2^53 in a Float64Array that doubles at
 * half load: no allocation per entry, unlike a Set of heap numbers, and no 2^24-entry limit.
 * @example const set = createDistinctHashSet(); set.addAndCheck(42); // false; set.addAndCheck(42); // true
 */
export function createDistinctHashSet(initialCapacity = 1 << 16): DistinctHashSet {
  let capacity = 1 << Math.max(4, Math.ceil(Math.log2(initialCapacity)));
  let table = new Float64Array(capacity).fill(-1);
  let mask = capacity - 1;
  let size = 0;

  const insert = (target: Float64Array, targetMask: number, hash: number): boolean => {
    let i = (hash ^ (hash / 4294967296)) & targetMask;
    for (;;) {
      const entry = target[i]!;
      if (entry === -1) {
        target[i] = hash;
        return false;
      }
      if (entry === hash) return true;
      i = (i + 1) & targetMask;
    }
  };

  return {
    addAndCheck(hash: number): boolean {
      if (insert(table, mask, hash)) return true;
      size++;
      if (size * 2 > capacity) {
        const old = table;
        capacity *= 2;
        mask = capacity - 1;
        table = new Float64Array(capacity).fill(-1);
        for (const entry of old) if (entry !== -1) insert(table, mask, entry);
      }
      return false;
    },
    get size(): number {
      return size;
    },
  };
}
