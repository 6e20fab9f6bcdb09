import type { MatrixInput } from './matrix.js';
import { toMatrix } from './matrix.js';
import type { RandomGenerator } from './random.js';
import { sampleStandardNormal } from './random.js';
import { requireInRange, requireInteger } from './validate-input.js';

/** Default bits per table (band) and number of tables; see docs/statistics.md for the recall experiment behind them. */
export const SIMHASH_DEFAULT_BITS_PER_TABLE = 12;
export const SIMHASH_DEFAULT_TABLES = 32;

export interface SimHashIndexOptions {
  /** Random-hyperplane bits per table, 1–30 (default 12). More bits: fewer, closer candidates per table. */
  readonly bitsPerTable?: number;
  /** Number of independent tables, 1–1,024 (default 32). More tables: higher recall, more candidates. */
  readonly tables?: number;
  /** Seeded generator for the hyperplanes. */
  readonly rng: RandomGenerator;
}

/** A random-hyperplane LSH index over the reference vectors (build with buildSimHashIndex; treat as opaque). */
export interface SimHashIndex {
  readonly dimensions: number;
  readonly bitsPerTable: number;
  readonly tables: number;
  /** Number of reference vectors (zero vectors count here but are left out of the tables: they are nobody's neighbour). */
  readonly size: number;
  /** Hyperplane normals, tables × bitsPerTable × dimensions, row-major. */
  readonly planes: Float64Array;
  /** The reference vectors scaled to unit length (zero vectors stay zero). */
  readonly unitVectors: Float64Array;
  /** Per table: bucket code → [start, end) into that table's slice of `members`. */
  readonly buckets: ReadonlyArray<ReadonlyMap<number, readonly [number, number]>>;
  /** Per table, the indices of the non-zero reference vectors grouped by bucket (each table one contiguous slice). */
  readonly members: Int32Array;
}

export interface NearNeighbourOptions {
  /** Cosine similarity a reference vector must reach to count as a near neighbour, in [−1, 1]. */
  readonly threshold: number;
}

export interface NearNeighbourResult {
  /** Per current vector: 1 when some reference vector with cosine similarity ≥ threshold was found, else 0. */
  readonly hasNeighbour: Uint8Array;
  /**
   * Per current vector: the highest cosine similarity among the reference vectors examined; NaN when none was
   * examined (no candidate, or the current vector is zero).
   */
  readonly bestSimilarity: Float64Array;
  /** Per current vector: the reference row of bestSimilarity, −1 when NaN. */
  readonly bestIndex: Int32Array;
  /** Share of current vectors with a near neighbour, in [0, 1]. */
  readonly share: number;
  /** Exact cosine similarities computed (m · n for brute force; the LSH candidates otherwise). */
  readonly comparisons: number;
}

/**
 * Builds a SimHash index (Charikar 2002: random-hyperplane locality-sensitive hashing for cosine similarity) over
 * the reference vectors: each of `tables` tables hashes a vector to the signs of its dot products with
 * `bitsPerTable` Gaussian random directions. Two vectors at angle θ agree on one bit with probability 1 − θ/π, so
 * they share a bucket in at least one table with probability 1 − (1 − (1 − θ/π)^bits)^tables (banding).
 * Cost O(m · tables · bitsPerTable · d) time, O(m · (d + tables)) memory.
 *
 * Throws a RangeError for an empty or non-finite reference or bad options.
 * @example
 * const index = buildSimHashIndex(referenceEmbeddings, { rng: createRandom(3) });
 * const { share } = findNearNeighbours(index, currentEmbeddings, { threshold: 0.9 });
 */
export function buildSimHashIndex(reference: MatrixInput, options: SimHashIndexOptions): SimHashIndex {
  const fn = 'buildSimHashIndex';
  const x = toMatrix(fn, 'reference', reference);
  const bitsPerTable = options.bitsPerTable ?? SIMHASH_DEFAULT_BITS_PER_TABLE;
  const tables = options.tables ?? SIMHASH_DEFAULT_TABLES;
  requireInteger(fn, 'bitsPerTable', bitsPerTable, 1, 30);
  requireInteger(fn, 'tables', tables, 1, 1024);
  const d = x.cols;
  const size = x.rows;
  const planes = new Float64Array(tables * bitsPerTable * d);
  for (let i = 0; i < planes.length; i++) planes[i] = sampleStandardNormal(options.rng);
  const unitVectors = normalizeRows(x.data, size, d);

  const codes = new Int32Array(size);
  const nonZero: number[] = [];
  for (let r = 0; r < size; r++) if (!isZero(unitVectors, r * d, d)) nonZero.push(r);
  const stored = nonZero.length;
  const members = new Int32Array(tables * stored);
  const buckets: Map<number, readonly [number, number]>[] = [];
  for (let t = 0; t < tables; t++) {
    const counts = new Map<number, number>();
    for (const r of nonZero) {
      const code = hashCode(planes, t, bitsPerTable, unitVectors, r * d, d);
      codes[r] = code;
      counts.set(code, (counts.get(code) ?? 0) + 1);
    }
    // Counting sort by code: bucket ranges first, then fill.
    const table = new Map<number, readonly [number, number]>();
    const next = new Map<number, number>();
    let start = t * stored;
    for (const [code, count] of counts) {
      table.set(code, [start, start + count]);
      next.set(code, start);
      start += count;
    }
    for (const r of nonZero) {
      const code = codes[r]!;
      const at = next.get(code)!;
      members[at] = r;
      next.set(code, at + 1);
    }
    buckets.push(table);
  }
  return { dimensions: d, bitsPerTable, tables, size, planes, unitVectors, buckets, members };
}

/**
 * For each current vector, whether the index holds a reference vector with cosine similarity ≥ threshold, found
 * without comparing all pairs: the candidates are the reference vectors sharing a bucket in any table, each checked
 * with the exact cosine. No false positives; a miss (false negative) happens with the probability given at
 * buildSimHashIndex. Zero vectors have no neighbours. Cost O(n · (tables · bitsPerTable · d + candidates · d)).
 *
 * Throws a RangeError for an empty or non-finite current sample, a dimension mismatch or a threshold outside [−1, 1].
 * @example
 * const { share, hasNeighbour } = findNearNeighbours(index, currentEmbeddings, { threshold: 0.9 });
 */
export function findNearNeighbours(index: SimHashIndex, current: MatrixInput, options: NearNeighbourOptions): NearNeighbourResult {
  const fn = 'findNearNeighbours';
  const y = toMatrix(fn, 'current', current);
  const d = index.dimensions;
  if (y.cols !== d) {
    throw new RangeError(`${fn}: the index holds ${d}-dimensional vectors but current vectors have ${y.cols}; they must match`);
  }
  requireInRange(fn, 'threshold', options.threshold, -1, 1, true);
  const threshold = options.threshold;
  const n = y.rows;
  const unit = normalizeRows(y.data, n, d);
  const ref = index.unitVectors;
  const seen = new Int32Array(index.size).fill(-1);
  const matches = createMatches(n, threshold);
  let comparisons = 0;
  for (let q = 0; q < n; q++) {
    const oq = q * d;
    if (isZero(unit, oq, d)) continue;
    let best = -Infinity;
    let bestAt = -1;
    for (let t = 0; t < index.tables; t++) {
      const range = index.buckets[t]!.get(hashCode(index.planes, t, index.bitsPerTable, unit, oq, d));
      if (range === undefined) continue;
      for (let p = range[0]; p < range[1]; p++) {
        const r = index.members[p]!;
        if (seen[r] === q) continue;
        seen[r] = q;
        comparisons++;
        const s = dot(unit, oq, ref, r * d, d);
        if (s > best) {
          best = s;
          bestAt = r;
        }
      }
    }
    matches.record(q, best, bestAt);
  }
  return matches.result(comparisons);
}

/**
 * The exact answer findNearNeighbours approximates: every current vector against every reference vector,
 * O(m · n · d). Zero vectors have no neighbours (their similarity is NaN and they are skipped).
 *
 * Throws a RangeError for empty or non-finite inputs, a dimension mismatch or a threshold outside [−1, 1].
 * @example
 * const exact = bruteForceNearNeighbours(referenceEmbeddings, currentEmbeddings, { threshold: 0.9 });
 */
export function bruteForceNearNeighbours(reference: MatrixInput, current: MatrixInput, options: NearNeighbourOptions): NearNeighbourResult {
  const fn = 'bruteForceNearNeighbours';
  const x = toMatrix(fn, 'reference', reference);
  const y = toMatrix(fn, 'current', current);
  if (x.cols !== y.cols) {
    throw new RangeError(`${fn}: reference vectors have ${x.cols} dimensions but current vectors have ${y.cols}; they must match`);
  }
  requireInRange(fn, 'threshold', options.threshold, -1, 1, true);
  const d = x.cols;
  const m = x.rows;
  const n = y.rows;
  const ref = normalizeRows(x.data, m, d);
  const unit = normalizeRows(y.data, n, d);
  const refNonZero = new Uint8Array(m);
  for (let r = 0; r < m; r++) refNonZero[r] = isZero(ref, r * d, d) ? 0 : 1;
  const matches = createMatches(n, options.threshold);
  let comparisons = 0;
  for (let q = 0; q < n; q++) {
    const oq = q * d;
    if (isZero(unit, oq, d)) continue;
    let best = -Infinity;
    let bestAt = -1;
    for (let r = 0; r < m; r++) {
      if (refNonZero[r] === 0) continue;
      comparisons++;
      const s = dot(unit, oq, ref, r * d, d);
      if (s > best) {
        best = s;
        bestAt = r;
      }
    }
    matches.record(q, best, bestAt);
  }
  return matches.result(comparisons);
}

/** The best match found for each current vector, and whether it clears the threshold. */
function createMatches(n: number, threshold: number): { record(q: number, best: number, bestAt: number): void; result(comparisons: number): NearNeighbourResult } {
  const hasNeighbour = new Uint8Array(n);
  const bestSimilarity = new Float64Array(n).fill(Number.NaN);
  const bestIndex = new Int32Array(n).fill(-1);
  let found = 0;
  return {
    record(q, best, bestAt) {
      if (bestAt < 0) return;
      bestSimilarity[q] = best;
      bestIndex[q] = bestAt;
      if (best >= threshold) {
        hasNeighbour[q] = 1;
        found++;
      }
    },
    result: (comparisons) => ({ hasNeighbour, bestSimilarity, bestIndex, share: found / n, comparisons }),
  };
}

/** Bit b of the code is 1 when the vector lies on the non-negative side of hyperplane b of table t. */
function hashCode(planes: Float64Array, t: number, bits: number, v: Float64Array, offset: number, d: number): number {
  let code = 0;
  let p = t * bits * d;
  for (let b = 0; b < bits; b++) {
    let s = 0;
    for (let k = 0; k < d; k++) s += planes[p + k]! * v[offset + k]!;
    if (s >= 0) code |= 1 << b;
    p += d;
  }
  return code;
}

/** Copies rows scaled to unit Euclidean length; zero rows stay zero. Scales by the largest entry first against overflow. */
function normalizeRows(data: Float64Array, rows: number, d: number): Float64Array {
  const out = new Float64Array(rows * d);
  for (let r = 0; r < rows; r++) {
    const o = r * d;
    let scale = 0;
    for (let k = 0; k < d; k++) scale = Math.max(scale, Math.abs(data[o + k]!));
    if (scale === 0) continue;
    let ss = 0;
    for (let k = 0; k < d; k++) {
      const v = data[o + k]! / scale;
      ss += v * v;
    }
    const norm = Math.sqrt(ss);
    for (let k = 0; k < d; k++) out[o + k] = data[o + k]! / scale / norm;
  }
  return out;
}

function isZero(v: Float64Array, offset: number, d: number): boolean {
  for (let k = 0; k < d; k++) if (v[offset + k] !== 0) return false;
  return true;
}

function dot(a: Float64Array, oa: number, b: Float64Array, ob: number, d: number): number {
  let s = 0;
  for (let k = 0; k < d; k++) s += a[oa + k]! * b[ob + k]!;
  return s;
}
