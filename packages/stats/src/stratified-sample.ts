import type { RandomGenerator } from './random.js';
import { requireInteger } from './validate-input.js';

/** How the sample size is shared among strata. */
export type StratumAllocation = 'proportional' | 'equal';

/** Options of {@link stratifiedSample} and {@link allocateStratifiedSample}. */
export interface StratifiedSampleOptions {
  /** The seeded random source (only {@link stratifiedSample} uses it). */
  rng: RandomGenerator;
  /**
   * 'proportional' (default): each stratum gets sampleSize·n_h/n rows, rounded by largest remainder.
   * 'equal': every stratum gets the same number of rows, capped at its size, the spare going to larger strata.
   */
  allocation?: StratumAllocation;
  /**
   * Rows every stratum keeps at least (capped at the stratum's size). Default 1 when sampleSize ≥ the number of
   * strata, otherwise 0. An explicit value the sample size cannot honour throws a RangeError.
   */
  minPerStratum?: number;
}

/**
 * Rows per stratum for a stratified sample of `sampleSize` rows from strata of the given sizes; the allocation rules of
 * {@link stratifiedSample}. The result sums to min(sampleSize, Σ sizes) and never exceeds a stratum's size.
 * @example allocateStratifiedSample([60, 30, 10], 10); // Int32Array [6, 3, 1]
 */
export function allocateStratifiedSample(
  stratumSizes: ArrayLike<number>,
  sampleSize: number,
  options: Omit<StratifiedSampleOptions, 'rng'> = {},
): Int32Array {
  const fn = 'allocateStratifiedSample';
  const sizes = new Int32Array(stratumSizes.length);
  let total = 0;
  for (let h = 0; h < stratumSizes.length; h++) {
    requireInteger(fn, `stratumSizes[${h}]`, stratumSizes[h]!, 1, 0x7fffffff);
    sizes[h] = stratumSizes[h]!;
    total += sizes[h]!;
  }
  return allocate(fn, sizes, total, sampleSize, options);
}

function allocate(
  fn: string,
  sizes: Int32Array,
  total: number,
  sampleSize: number,
  options: Omit<StratifiedSampleOptions, 'rng'>,
): Int32Array {
  requireInteger(fn, 'sampleSize', sampleSize, 0);
  const allocation: string = options.allocation ?? 'proportional';
  if (allocation !== 'proportional' && allocation !== 'equal') {
    throw new RangeError(`${fn}: allocation must be 'proportional' or 'equal', got ${allocation}`);
  }
  if (options.minPerStratum !== undefined) requireInteger(fn, 'minPerStratum', options.minPerStratum, 0);
  const strata = sizes.length;
  if (sampleSize >= total) return sizes.slice();

  let minimum: number;
  if (options.minPerStratum === undefined) {
    minimum = sampleSize >= strata ? 1 : 0;
  } else {
    minimum = options.minPerStratum;
    let needed = 0;
    for (let h = 0; h < strata; h++) needed += Math.min(minimum, sizes[h]!);
    if (needed > sampleSize) {
      throw new RangeError(`${fn}: minPerStratum ${minimum} needs ${needed} rows across ${strata} strata but sampleSize is ${sampleSize}`);
    }
  }
  return allocation === 'equal' ? allocateEqual(sizes, sampleSize) : allocateProportional(sizes, total, sampleSize, minimum);
}

/** Largest-remainder (Hamilton) rounding; strata whose quota falls below the minimum are fixed at it and the rest re-share. */
function allocateProportional(sizes: Int32Array, total: number, sampleSize: number, minimum: number): Int32Array {
  const strata = sizes.length;
  const out = new Int32Array(strata);
  const fixed = new Uint8Array(strata);
  let budget = sampleSize;
  let freeRows = total;
  // Fixing a stratum at its minimum only lowers the others' quotas, so this ends after at most `strata` rounds.
  for (let changed = true; changed; ) {
    changed = false;
    for (let h = 0; h < strata; h++) {
      if (fixed[h] === 1) continue;
      const floor = Math.min(minimum, sizes[h]!);
      if (budget * sizes[h]! < floor * freeRows) {
        fixed[h] = 1;
        out[h] = floor;
        budget -= floor;
        freeRows -= sizes[h]!;
        changed = true;
      }
    }
  }
  if (freeRows === 0) return out;
  // quota = budget·n_h / freeRows = q_h + r_h / freeRows, in exact integers (BigInt once the products pass 2^53).
  const free: number[] = [];
  const remainder = new Float64Array(strata);
  const exact = budget * freeRows <= Number.MAX_SAFE_INTEGER;
  let assigned = 0;
  for (let h = 0; h < strata; h++) {
    if (fixed[h] === 1) continue;
    if (exact) {
      const product = budget * sizes[h]!;
      out[h] = Math.floor(product / freeRows);
      remainder[h] = product - out[h]! * freeRows;
    } else {
      const product = BigInt(budget) * BigInt(sizes[h]!);
      const q = product / BigInt(freeRows);
      out[h] = Number(q);
      remainder[h] = Number(product - q * BigInt(freeRows));
    }
    assigned += out[h]!;
    free.push(h);
  }
  // Largest remainder first; ties to the larger stratum, then to the stratum seen first.
  free.sort((a, b) => remainder[b]! - remainder[a]! || sizes[b]! - sizes[a]! || a - b);
  for (let i = 0; i < budget - assigned; i++) out[free[i]!]!++;
  return out;
}

/** Water-filling: a common share c with Σ min(n_h, c) ≤ sampleSize, the spare rows going one each to the largest strata. */
function allocateEqual(sizes: Int32Array, sampleSize: number): Int32Array {
  const strata = sizes.length;
  const order = Array.from({ length: strata }, (_, h) => h).sort((a, b) => sizes[a]! - sizes[b]! || a - b);
  const out = new Int32Array(strata);
  let budget = sampleSize;
  let position = 0;
  // Strata no larger than the running equal share are taken whole.
  while (position < strata && sizes[order[position]!]! * (strata - position) <= budget) {
    const h = order[position++]!;
    out[h] = sizes[h]!;
    budget -= sizes[h]!;
  }
  const rest = order.slice(position);
  if (rest.length === 0) return out;
  const share = Math.floor(budget / rest.length);
  for (const h of rest) out[h] = share;
  // Every remaining stratum holds more than `share` rows; the spare rows go to the largest (ties: seen first).
  rest.sort((a, b) => sizes[b]! - sizes[a]! || a - b);
  for (let i = 0; i < budget - share * rest.length; i++) out[rest[i]!]!++;
  return out;
}

/**
 * A stratified random sample of row indices: rows are grouped by their stratum label, each stratum gets a quota
 * (proportional by largest-remainder rounding, or equal), and each quota is drawn uniformly without replacement
 * (partial Fisher–Yates). The total is exactly min(sampleSize, n). With the default minimum, every stratum present keeps
 * at least one row when sampleSize ≥ the number of strata, the other strata giving up rows in proportion.
 * Labels are compared with SameValueZero (`'1'` and `1` are different strata). Strata are processed in order of first
 * appearance, so a seed gives the same sample for the same input. Cost O(n + H log H) time, O(n) memory.
 * @param strata the stratum label of every row.
 * @param sampleSize the number of rows wanted, an integer ≥ 0; when ≥ n every row is returned.
 * @returns the selected row indices, ascending.
 * @example stratifiedSample(['a', 'a', 'a', 'b'], 2, { rng: createRandom(1) }); // Int32Array [2, 3]: one row of 'a' (quota 1.5 → 1) and the only 'b' (kept by the minimum of 1)
 */
export function stratifiedSample(
  strata: ReadonlyArray<string | number>,
  sampleSize: number,
  options: StratifiedSampleOptions,
): Int32Array {
  const fn = 'stratifiedSample';
  const n = strata.length;
  if (n === 0) throw new RangeError(`${fn}: strata must not be empty`);
  if (n > 0x7fffffff) throw new RangeError(`${fn}: strata has ${n} rows; at most 2^31 − 1 are supported`);
  const ids = new Map<string | number, number>();
  const codes = new Int32Array(n);
  const counts: number[] = [];
  for (let i = 0; i < n; i++) {
    const label = strata[i]!;
    if (typeof label === 'number' ? Number.isNaN(label) : typeof label !== 'string') {
      throw new RangeError(`${fn}: strata[${i}] is ${String(label)}; labels must be strings or numbers other than NaN`);
    }
    let id = ids.get(label);
    if (id === undefined) {
      id = counts.length;
      ids.set(label, id);
      counts.push(0);
    }
    codes[i] = id;
    counts[id]!++;
  }
  const sizes = Int32Array.from(counts);
  const quota = allocate(fn, sizes, n, sampleSize, options);
  if (sampleSize >= n) {
    const all = new Int32Array(n);
    for (let i = 0; i < n; i++) all[i] = i;
    return all;
  }

  // Counting sort of row indices by stratum, then a partial Fisher–Yates inside each stratum's segment.
  const offsets = new Int32Array(sizes.length + 1);
  for (let h = 0; h < sizes.length; h++) offsets[h + 1] = offsets[h]! + sizes[h]!;
  const cursor = offsets.slice(0, sizes.length);
  const rows = new Int32Array(n);
  for (let i = 0; i < n; i++) rows[cursor[codes[i]!]!++] = i;
  const selected = new Uint8Array(n);
  const { rng } = options;
  for (let h = 0; h < sizes.length; h++) {
    const start = offsets[h]!;
    const size = sizes[h]!;
    const take = quota[h]!;
    for (let i = 0; i < take; i++) {
      const j = i + rng.nextInt(size - i);
      const row = rows[start + j]!;
      rows[start + j] = rows[start + i]!;
      rows[start + i] = row;
      selected[row] = 1;
    }
  }
  const out = new Int32Array(sampleSize);
  for (let i = 0, k = 0; i < n; i++) if (selected[i] === 1) out[k++] = i;
  return out;
}
