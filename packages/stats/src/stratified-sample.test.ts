import { describe, expect, it } from 'vitest';
import { createRandom } from './random.js';
import { allocateStratifiedSample, stratifiedSample } from './stratified-sample.js';

function labelsFromSizes(sizes: number[], interleave = true): string[] {
  const labels: string[] = [];
  if (!interleave) {
    sizes.forEach((size, h) => {
      for (let i = 0; i < size; i++) labels.push(`s${h}`);
    });
    return labels;
  }
  const left = sizes.slice();
  while (left.some((x) => x > 0)) {
    left.forEach((x, h) => {
      if (x > 0) {
        labels.push(`s${h}`);
        left[h] = x - 1;
      }
    });
  }
  return labels;
}

function countPerStratum(labels: ReadonlyArray<string | number>, rows: Int32Array): Map<string | number, number> {
  const counts = new Map<string | number, number>();
  for (const r of rows) counts.set(labels[r]!, (counts.get(labels[r]!) ?? 0) + 1);
  return counts;
}

describe('allocateStratifiedSample', () => {
  it('allocates proportionally with largest-remainder rounding (hand-checked)', () => {
    expect(Array.from(allocateStratifiedSample([60, 30, 10], 10))).toEqual([6, 3, 1]);
    // Quotas 2.5, 1.5, 1: the tied remainders go to the larger stratum.
    expect(Array.from(allocateStratifiedSample([5, 3, 2], 5))).toEqual([3, 1, 1]);
    // Quotas 4.2, 3.5, 2.3: one spare row, to the largest remainder (0.5).
    expect(Array.from(allocateStratifiedSample([42, 35, 23], 10))).toEqual([4, 4, 2]);
  });

  it('keeps at least one row per stratum when sampleSize ≥ #strata, the others giving up rows', () => {
    // Quotas 9.7, 0.2, 0.1: the two small strata are raised to 1, the large one re-shares the remaining 8.
    expect(Array.from(allocateStratifiedSample([97, 2, 1], 10))).toEqual([8, 1, 1]);
    // sampleSize < #strata: no guarantee, pure largest remainder (quotas 1, 0.6, 0.4).
    expect(Array.from(allocateStratifiedSample([50, 30, 20], 2))).toEqual([1, 1, 0]);
    // minPerStratum: 0 turns the guarantee off.
    expect(Array.from(allocateStratifiedSample([97, 2, 1], 10, { minPerStratum: 0 }))).toEqual([10, 0, 0]);
  });

  it('honours an explicit minPerStratum, re-sharing in rounds', () => {
    // Quotas 5, 3, 2 → the 20-row stratum is fixed at 3; then 7 rows over 80 give the 30-row stratum 2.625 → fixed at 3; 4 left.
    expect(Array.from(allocateStratifiedSample([50, 30, 20], 10, { minPerStratum: 3 }))).toEqual([4, 3, 3]);
    // The minimum is capped at the stratum's size.
    expect(Array.from(allocateStratifiedSample([100, 2], 10, { minPerStratum: 5 }))).toEqual([8, 2]);
    expect(() => allocateStratifiedSample([50, 30, 20], 10, { minPerStratum: 4 })).toThrow(
      /^allocateStratifiedSample: minPerStratum 4 needs 12 rows/,
    );
  });

  it('allocates equally, capping small strata and giving spare rows to the largest', () => {
    // Sorted sizes 3, 20, 50: the 3-row stratum is taken whole, 27 rows left → 13 each, the spare one to the 50-row stratum.
    expect(Array.from(allocateStratifiedSample([50, 3, 20], 30, { allocation: 'equal' }))).toEqual([14, 3, 13]);
    // Equal sizes: spare rows go to the strata seen first.
    expect(Array.from(allocateStratifiedSample([10, 10, 10], 7, { allocation: 'equal' }))).toEqual([3, 2, 2]);
    expect(Array.from(allocateStratifiedSample([4, 4, 4], 12, { allocation: 'equal' }))).toEqual([4, 4, 4]);
    expect(Array.from(allocateStratifiedSample([1, 2, 100], 50, { allocation: 'equal' }))).toEqual([1, 2, 47]);
  });

  it('always sums to min(sampleSize, n), stays within [0, n_h] and near the proportional quota (random property check)', () => {
    const rng = createRandom(314);
    for (let trial = 0; trial < 300; trial++) {
      const strata = 1 + rng.nextInt(12);
      const sizes = Array.from({ length: strata }, () => 1 + rng.nextInt(rng.nextInt(2) === 0 ? 5 : 2_000));
      const n = sizes.reduce((a, b) => a + b, 0);
      const sampleSize = rng.nextInt(n + 5);
      for (const allocation of ['proportional', 'equal'] as const) {
        const out = allocateStratifiedSample(sizes, sampleSize, { allocation });
        expect(out.reduce((a, b) => a + b, 0)).toBe(Math.min(sampleSize, n));
        out.forEach((a, h) => {
          expect(a).toBeGreaterThanOrEqual(sampleSize >= strata ? 1 : 0);
          expect(a).toBeLessThanOrEqual(sizes[h]!);
        });
      }
      // Without a minimum, largest remainder is within 1 of every quota.
      const plain = allocateStratifiedSample(sizes, sampleSize, { minPerStratum: 0 });
      if (sampleSize < n) plain.forEach((a, h) => expect(Math.abs(a - (sampleSize * sizes[h]!) / n)).toBeLessThan(1));
    }
  });

  it('rounds exactly when sampleSize × n passes 2^53 (BigInt path)', () => {
    // Regression guard: floating products lose the low bits of the remainders at this size.
    const sizes = [2_000_000_001, 1_000_000_000, 999_999_999];
    const out = allocateStratifiedSample(sizes, 3_000_000_000);
    expect(out.reduce((a, b) => a + b, 0)).toBe(3_000_000_000);
    // Quotas 1,500,000,000.75, 750,000,000 and 749,999,999.25: the spare row goes to the first.
    expect(Array.from(out)).toEqual([1_500_000_001, 750_000_000, 749_999_999]);
  });

  it('rejects bad sizes and options', () => {
    expect(() => allocateStratifiedSample([3, 0], 1)).toThrow(/^allocateStratifiedSample: stratumSizes\[1\]/);
    expect(() => allocateStratifiedSample([3, 1.5], 1)).toThrow(RangeError);
    expect(() => allocateStratifiedSample([3], -1)).toThrow(/^allocateStratifiedSample: sampleSize/);
    expect(() => allocateStratifiedSample([3], 1, { allocation: 'neyman' as 'equal' })).toThrow(/allocation must be/);
    expect(() => allocateStratifiedSample([3], 1, { minPerStratum: -1 })).toThrow(/minPerStratum/);
    // Regression: a bad minPerStratum used to slip through when sampleSize ≥ n returned early.
    expect(() => allocateStratifiedSample([3], 5, { minPerStratum: 0.5 })).toThrow(/^allocateStratifiedSample: minPerStratum/);
  });
});

describe('stratifiedSample', () => {
  it('returns exactly sampleSize distinct ascending indices with the allocated count per stratum', () => {
    const sizes = [600, 300, 95, 5];
    const labels = labelsFromSizes(sizes);
    const rows = stratifiedSample(labels, 100, { rng: createRandom(1) });
    expect(rows).toBeInstanceOf(Int32Array);
    expect(rows).toHaveLength(100);
    for (let i = 1; i < rows.length; i++) expect(rows[i]!).toBeGreaterThan(rows[i - 1]!);
    expect(rows[0]!).toBeGreaterThanOrEqual(0);
    expect(rows[rows.length - 1]!).toBeLessThan(labels.length);
    const counts = countPerStratum(labels, rows);
    // Quotas 60, 30, 9.5, 0.5: the 5-row stratum's 0.5 is below the minimum of 1, so it is fixed at 1 and 99 rows
    // re-share over 995 rows: 59.70, 29.85, 9.45 → floors 59, 29, 9 plus the two largest remainders → 60, 30, 9.
    expect(Object.fromEntries(counts)).toEqual({ s0: 60, s1: 30, s2: 9, s3: 1 });
    expect(Array.from(allocateStratifiedSample(sizes, 100))).toEqual([60, 30, 9, 1]);
  });

  it('is deterministic per seed and differs across seeds', () => {
    const labels = labelsFromSizes([500, 300, 200]);
    const a = stratifiedSample(labels, 50, { rng: createRandom(9) });
    const b = stratifiedSample(labels, 50, { rng: createRandom(9) });
    const c = stratifiedSample(labels, 50, { rng: createRandom(10) });
    expect(Array.from(a)).toEqual(Array.from(b));
    expect(Array.from(a)).not.toEqual(Array.from(c));
  });

  it('returns every row when sampleSize ≥ n, and none when sampleSize is 0', () => {
    const labels = [1, 2, 1, 3];
    expect(Array.from(stratifiedSample(labels, 4, { rng: createRandom(2) }))).toEqual([0, 1, 2, 3]);
    expect(Array.from(stratifiedSample(labels, 99, { rng: createRandom(2) }))).toEqual([0, 1, 2, 3]);
    expect(stratifiedSample(labels, 0, { rng: createRandom(2) })).toHaveLength(0);
  });

  it('treats labels by SameValueZero: the string "1" and the number 1 are different strata', () => {
    const labels: (string | number)[] = ['1', 1, '1', 1, '1', 1];
    const counts = countPerStratum(labels, stratifiedSample(labels, 2, { rng: createRandom(4) }));
    expect(counts.get('1')).toBe(1);
    expect(counts.get(1)).toBe(1);
  });

  it('draws rows uniformly within each stratum (binomial bound on inclusion counts)', () => {
    // Stratum a: 40 rows, b: 10 rows, sampleSize 10 → quotas 8 and 2, inclusion probability 0.2 each.
    const labels = [...labelsFromSizes([40, 10], false)];
    const runs = 10_000;
    const inclusion = new Int32Array(labels.length);
    const rng = createRandom(55);
    for (let r = 0; r < runs; r++) for (const row of stratifiedSample(labels, 10, { rng })) inclusion[row]!++;
    const mean = runs * 0.2;
    const sd = Math.sqrt(runs * 0.2 * 0.8);
    for (const c of inclusion) expect(Math.abs(c - mean)).toBeLessThan(5 * sd);
  });

  it('supports equal allocation', () => {
    const labels = labelsFromSizes([900, 90, 10]);
    const counts = countPerStratum(labels, stratifiedSample(labels, 30, { rng: createRandom(3), allocation: 'equal' }));
    expect(Object.fromEntries(counts)).toEqual({ s0: 10, s1: 10, s2: 10 });
  });

  it('rejects empty input, bad labels and bad sizes', () => {
    const rng = createRandom(1);
    expect(() => stratifiedSample([], 1, { rng })).toThrow(/^stratifiedSample: strata must not be empty/);
    expect(() => stratifiedSample(['a', Number.NaN], 1, { rng })).toThrow(/^stratifiedSample: strata\[1\] is NaN/);
    expect(() => stratifiedSample(['a', null as unknown as string], 1, { rng })).toThrow(/^stratifiedSample: strata\[1\]/);
    expect(() => stratifiedSample(['a'], 1.5, { rng })).toThrow(/^stratifiedSample: sampleSize/);
    expect(() => stratifiedSample(['a'], -1, { rng })).toThrow(/^stratifiedSample: sampleSize/);
    expect(() => stratifiedSample(['a', 'b', 'c'], 2, { rng, minPerStratum: 1 })).toThrow(/^stratifiedSample: minPerStratum 1 needs 3/);
  });
});
