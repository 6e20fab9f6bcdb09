import { createRandom, fitIsolationForest, isolationForestThreshold, sampleStandardNormal, scoreIsolationForest, wilsonInterval } from '@bothub/stats';
import { makeDataset } from '@bothub/testkit';
import type { ColumnSpec } from '@bothub/testkit';
import { Value } from 'typebox/value';
import { describe, expect, it } from 'vitest';
import { AnomaliesSchema } from '../../report/report-schema.js';
import { ANOMALY_FIT_MAX_ROWS, evaluateAnomalies } from './evaluate-anomalies.js';

function normals(n: number, seed: number): number[] {
  const rng = createRandom(seed);
  return Array.from({ length: n }, () => sampleStandardNormal(rng));
}

describe('evaluateAnomalies', () => {
  const refA = normals(300, 1);
  const refB = normals(300, 2);
  const reference = makeDataset('ref.csv', { a: { type: 'numerical', values: refA }, b: { type: 'numerical', values: refB } });

  it('equals fitting, thresholding and scoring with the statistics core directly', () => {
    const curA = normals(200, 3).map((v, i) => (i % 20 === 0 ? v + 6 : v));
    const curB = normals(200, 4);
    const current = makeDataset('cur.csv', { a: { type: 'numerical', values: curA }, b: { type: 'numerical', values: curB } });
    const result = evaluateAnomalies(reference, current, ['a', 'b'], { seed: 7 })!;

    const model = fitIsolationForest(
      refA.map((v, i) => [v, refB[i]!]),
      { rng: createRandom(7), maxSamples: 256 },
    );
    const refScores = scoreIsolationForest(model, refA.map((v, i) => [v, refB[i]!]));
    const curScores = scoreIsolationForest(model, curA.map((v, i) => [v, curB[i]!]));
    const threshold = isolationForestThreshold(refScores, 95);
    const curAbove = curScores.filter((s) => s > threshold).length;
    const interval = wilsonInterval(curAbove, 200);

    expect(result.columns).toEqual(['a', 'b']);
    expect(result.percentile).toBe(95);
    expect(result.threshold).toBe(threshold);
    expect(result.referenceShareAbove).toBe(refScores.filter((s) => s > threshold).length / 300);
    expect(result.referenceShareAbove).toBeCloseTo(0.05, 2);
    expect(result.currentShareAbove).toBe(curAbove / 200);
    expect(result.currentShareInterval).toEqual({ value: interval.estimate, lower: interval.lower, upper: interval.upper, interval: 'wilson' });

    const order = Array.from(curScores.keys()).sort((x, y) => curScores[y]! - curScores[x]! || x - y);
    expect(result.topRows).toHaveLength(10);
    expect(result.topRows.map((r) => r.row)).toEqual(order.slice(0, 10).map((i) => i + 1));
    expect(result.topRows.map((r) => r.score)).toEqual(order.slice(0, 10).map((i) => curScores[i]));
    expect(result.topRows[0]!.values).toEqual({ a: curA[order[0]!], b: curB[order[0]!] });
    // The shifted rows (every 20th, 1 in 20) fill 4 of the top 10; the forest saturates beyond the reference range, so
    // a far-out value scores like an edge one (a known trait of Isolation Forests) and edge rows of the cloud compete.
    const shifted = result.topRows.filter((r) => (r.row - 1) % 20 === 0).length;
    expect(shifted).toBeGreaterThanOrEqual(4);
    expect(result.currentShareAbove).toBeGreaterThan(0.05);
    expect(JSON.parse(JSON.stringify(result))).toEqual(result);
    expect(Value.Check(AnomaliesSchema, result)).toBe(true);
  });

  it('is reproducible for a seed and honours the options', () => {
    const current = makeDataset('cur.csv', { a: { type: 'numerical', values: normals(50, 5) }, b: { type: 'numerical', values: normals(50, 6) } });
    const options = { seed: 3, percentile: 90, nEstimators: 20, maxSamples: 64, topRows: 3, confidence: 0.9 };
    const first = evaluateAnomalies(reference, current, ['a', 'b'], options)!;
    expect(evaluateAnomalies(reference, current, ['a', 'b'], options)).toEqual(first);
    expect(first.percentile).toBe(90);
    expect(first.topRows).toHaveLength(3);
    const model = fitIsolationForest(
      refA.map((v, i) => [v, refB[i]!]),
      { rng: createRandom(3), nEstimators: 20, maxSamples: 64 },
    );
    expect(first.threshold).toBe(isolationForestThreshold(scoreIsolationForest(model, refA.map((v, i) => [v, refB[i]!])), 90));
    const curAbove = Math.round(first.currentShareAbove * 50);
    expect(first.currentShareInterval.lower).toBe(wilsonInterval(curAbove, 50, { confidence: 0.9 }).lower);
    expect(evaluateAnomalies(reference, current, ['a', 'b'], { seed: 4 })!.threshold).not.toBe(first.threshold);
  });

  it('imputes missing values with the reference median and shows them as null', () => {
    // Reference medians: a over 1…11 is 6, b over 0…10 is 5.
    const ref = makeDataset('ref.csv', { a: { type: 'numerical', values: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11] }, b: { type: 'numerical', values: [0, 10, 1, 9, 2, 8, 3, 7, 4, 6, 5] } });
    const values = { a: [null, 6, 2, 3, 4, 5, 6, 7, 8, 9], b: [5, null, 1, 2, 3, 4, 5, 6, 7, 8] };
    const current = makeDataset('cur.csv', { a: { type: 'numerical', values: values.a }, b: { type: 'numerical', values: values.b } });
    const filled = makeDataset('cur.csv', { a: { type: 'numerical', values: [6, 6, ...values.a.slice(2)] }, b: { type: 'numerical', values: [5, 5, ...values.b.slice(2)] } });
    const options = { seed: 1, topRows: 10 };
    const result = evaluateAnomalies(ref, current, ['a', 'b'], options)!;
    const expected = evaluateAnomalies(ref, filled, ['a', 'b'], options)!;
    expect(result.topRows.map((r) => [r.row, r.score])).toEqual(expected.topRows.map((r) => [r.row, r.score]));
    expect(result.currentShareAbove).toBe(expected.currentShareAbove);
    expect(result.topRows.find((r) => r.row === 1)!.values).toEqual({ a: null, b: 5 });
    expect(result.topRows.find((r) => r.row === 2)!.values).toEqual({ a: 6, b: null });
  });

  it('lists the scored columns first, then the others as labels, at most 20', () => {
    const spec = (n: number, seed: number): Record<string, ColumnSpec> => {
      const out: Record<string, ColumnSpec> = {
        city: { type: 'categorical', values: Array.from({ length: n }, (_, i) => (i % 3 === 0 ? null : `c${i % 4}`)) },
        flag: { type: 'boolean', values: Array.from({ length: n }, (_, i) => i % 2 === 0) },
        vec: { type: 'embedding', values: Array.from({ length: n }, () => [0, 1]) },
      };
      for (let j = 0; j < 25; j++) out[`x${j}`] = { type: 'numerical', values: normals(n, seed + j) };
      return out;
    };
    const result = evaluateAnomalies(makeDataset('ref', spec(40, 100)), makeDataset('cur', spec(30, 200)), ['x3', 'x1'], { seed: 2, topRows: 2 })!;
    const keys = Object.keys(result.topRows[0]!.values);
    expect(keys).toEqual(['x3', 'x1', 'city', 'flag', 'x0', 'x2', ...Array.from({ length: 14 }, (_, j) => `x${j + 4}`)]);
    for (const row of result.topRows) {
      const i = row.row - 1;
      expect(row.values['city']).toBe(i % 3 === 0 ? null : `c${i % 4}`);
      expect(row.values['flag']).toBe(i % 2 === 0 ? 'true' : 'false');
    }
  });

  it('fits and thresholds on a seeded subset of a large reference', () => {
    const n = ANOMALY_FIT_MAX_ROWS + 500;
    const big = makeDataset('big', { a: { type: 'numerical', values: normals(n, 9) } });
    const current = makeDataset('cur', { a: { type: 'numerical', values: normals(100, 10) } });
    const result = evaluateAnomalies(big, current, ['a'], { seed: 1, nEstimators: 10 })!;
    expect(result.referenceShareAbove).toBeLessThanOrEqual(0.05);
    expect(result.referenceShareAbove).toBeGreaterThan(0.04);
    expect(evaluateAnomalies(big, current, ['a'], { seed: 1, nEstimators: 10 })).toEqual(result);
  });

  it('returns null without a usable column or with fewer than 10 rows on a side', () => {
    const current = makeDataset('cur.csv', { a: { type: 'numerical', values: normals(20, 5) }, b: { type: 'numerical', values: normals(20, 6) } });
    expect(evaluateAnomalies(reference, current, [], { seed: 1 })).toBeNull();
    const short = makeDataset('cur.csv', { a: { type: 'numerical', values: normals(9, 5) }, b: { type: 'numerical', values: normals(9, 6) } });
    expect(evaluateAnomalies(reference, short, ['a', 'b'], { seed: 1 })).toBeNull();
    const empty = makeDataset('ref.csv', { a: { type: 'numerical', values: Array<null>(20).fill(null) } });
    expect(evaluateAnomalies(empty, current, ['a'], { seed: 1 })).toBeNull();
    const partly = makeDataset('ref.csv', { a: { type: 'numerical', values: Array<null>(20).fill(null) }, b: { type: 'numerical', values: normals(20, 8) } });
    expect(evaluateAnomalies(partly, current, ['a', 'b'], { seed: 1 })!.columns).toEqual(['b']);
  });

  it('rejects an absent or non-numeric column and invalid options, naming the problem', () => {
    const current = makeDataset('cur.csv', { a: { type: 'numerical', values: normals(20, 5) }, c: { type: 'categorical', values: Array<string>(20).fill('x') } });
    expect(() => evaluateAnomalies(reference, current, ['b'], { seed: 1 })).toThrow('evaluateAnomalies: column "b" is not in cur.csv');
    const ref = makeDataset('ref.csv', { a: { type: 'numerical', values: normals(20, 5) }, c: { type: 'categorical', values: Array<string>(20).fill('x') } });
    expect(() => evaluateAnomalies(ref, current, ['a', 'c'], { seed: 1 })).toThrow('column "c" is categorical; the Isolation Forest takes only columns stored as numbers');
    expect(() => evaluateAnomalies(ref, current, ['a'], { seed: 1, percentile: 101 })).toThrow(/percentile must be in \[0, 100\]/);
    expect(() => evaluateAnomalies(ref, current, ['a'], { seed: 1, topRows: -1 })).toThrow(/topRows must be an integer/);
    expect(() => evaluateAnomalies(ref, current, ['a'], { seed: 1, confidence: 1 })).toThrow(/confidence must be in \(0, 1\)/);
  });
});
