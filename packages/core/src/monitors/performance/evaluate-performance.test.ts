import {
  averagePrecision,
  binaryClassificationMetrics,
  bootstrapInterval,
  brierScore,
  createRandom,
  delongInterval,
  logLoss,
  multiclassClassificationMetrics,
  regressionMetrics,
  wilsonInterval,
} from '@bothub/stats';
import { makeDataset } from '@bothub/testkit';
import { describe, expect, it } from 'vitest';
import { describeTargetProblem, evaluatePerformance, isDegraded } from './evaluate-performance.js';

const options = { confidence: 0.95, seed: 42 };

// 12 rows, 5 positive: hand-checkable confusion counts at threshold 0.5 → tp 4, fp 2, fn 1, tn 5.
const labels = [1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0];
const scores = [0.9, 0.8, 0.7, 0.6, 0.3, 0.55, 0.65, 0.2, 0.1, 0.4, 0.35, 0.05];

function binary(source: string, y: (string | number | null)[], s: (number | null)[], type: 'categorical' | 'numerical' = 'numerical') {
  return makeDataset(source, { y: { type, values: y }, s: { type: 'numerical', values: s } });
}

describe('evaluatePerformance: binary classification', () => {
  const reference = binary('ref.csv', labels, scores);
  const shifted = scores.map((p) => Math.min(1, p + 0.1));
  const current = binary('cur.csv', labels, shifted);
  const result = evaluatePerformance(reference, current, { target: 'y', score: 's' }, options)!;

  it('reports the statistics core values with Wilson and DeLong intervals', () => {
    expect(result.task).toBe('binary_classification');
    expect(result.rows).toEqual({ reference: 12, current: 12 });
    const core = binaryClassificationMetrics(labels, scores);
    const ref = result.reference;
    expect(ref.accuracy!.value).toBe(9 / 12);
    expect(ref.precision!.value).toBe(4 / 6);
    expect(ref.recall!.value).toBe(4 / 5);
    for (const name of ['accuracy', 'precision', 'recall', 'f1', 'rocAuc', 'averagePrecision', 'logLoss', 'brier'] as const) {
      expect(ref[name]!.value).toBeCloseTo(core[name], 14);
    }
    const wilson = wilsonInterval(4, 6);
    expect(ref.precision).toEqual({ value: 4 / 6, lower: wilson.lower, upper: wilson.upper, interval: 'wilson' });
    const delong = delongInterval(labels, scores);
    expect(ref.rocAuc).toEqual({ value: delong.auc, lower: delong.lower, upper: delong.upper, interval: 'delong' });
    for (const name of ['f1', 'averagePrecision', 'logLoss', 'brier']) {
      const m = ref[name]!;
      expect(m.interval).toBe('bootstrap');
      expect(m.lower!).toBeLessThanOrEqual(m.upper!);
    }
  });

  it('bootstraps f1 as bootstrapInterval does on the same seed', () => {
    const f1Of = (idx: Int32Array) => {
      let tp = 0, fp = 0, fn = 0;
      for (const i of idx) {
        const p = scores[i]! >= 0.5 ? 1 : 0;
        if (p === 1 && labels[i] === 1) tp++;
        else if (p === 1) fp++;
        else if (labels[i] === 1) fn++;
      }
      const precision = tp + fp === 0 ? 0 : tp / (tp + fp);
      const recall = tp + fn === 0 ? 0 : tp / (tp + fn);
      return precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
    };
    const expected = bootstrapInterval({ sampleSize: 12, statistic: f1Of, rng: createRandom(42), replicates: 200 });
    expect(result.reference.f1!.lower).toBeCloseTo(expected.lower, 12);
    expect(result.reference.f1!.upper).toBeCloseTo(expected.upper, 12);
  });

  it('computes change = current − reference and leaves metrics unflagged when intervals overlap', () => {
    expect(result.change.brier).toBeCloseTo(brierScore(labels, shifted).brier - brierScore(labels, scores).brier, 14);
    expect(result.change.rocAuc).toBe(0);
    expect(result.degraded).toEqual([]);
  });

  it('is reproducible for a seed and differs for another', () => {
    const again = evaluatePerformance(reference, current, { target: 'y', score: 's' }, options)!;
    expect(again).toEqual(result);
    const other = evaluatePerformance(reference, current, { target: 'y', score: 's' }, { ...options, seed: 7 })!;
    expect(other.reference.f1!.value).toBe(result.reference.f1!.value);
    expect(other.reference.brier).not.toEqual(result.reference.brier);
  });

  it('maps yes/no labels with yes positive, and takes predictions from the prediction column', () => {
    const yn = labels.map((l) => (l === 1 ? 'yes' : 'no'));
    const predictions = yn.map((_, i) => (i % 3 === 0 ? 'yes' : 'no'));
    const d = makeDataset('d.csv', { y: { type: 'categorical', values: yn }, p: { type: 'categorical', values: predictions }, s: { type: 'numerical', values: scores } });
    const r = evaluatePerformance(d, d, { target: 'y', prediction: 'p', score: 's' }, options)!;
    const hard = predictions.map((p) => (p === 'yes' ? 1 : 0));
    expect(r.current.accuracy!.value).toBe(binaryClassificationMetrics(labels, hard).accuracy);
    expect(r.current.rocAuc!.value).toBe(delongInterval(labels, scores).auc);
    expect(r.change.accuracy).toBe(0);
  });

  it('without a score reports the threshold metrics only', () => {
    const d = makeDataset('d.csv', { y: { type: 'boolean', values: labels.map(Boolean) }, p: { type: 'boolean', values: scores.map((s) => s >= 0.5) } });
    const r = evaluatePerformance(d, d, { target: 'y', prediction: 'p' }, options)!;
    expect(Object.keys(r.current)).toEqual(['accuracy', 'precision', 'recall', 'f1']);
    expect(r.current.accuracy!.value).toBe(9 / 12);
  });

  it('drops and counts rows missing the target or the score', () => {
    const d = binary('d.csv', [...labels, null, 1], [...scores, 0.5, null]);
    const r = evaluatePerformance(d, reference, { target: 'y', score: 's' }, options)!;
    expect(r.rows).toEqual({ reference: 12, current: 12 });
    expect(r.droppedRows).toEqual({ reference: 2, current: 0 });
    expect(r.notes).toContain('reference: 2 rows without a target or prediction/score were left out');
    expect(r.reference.logLoss!.value).toBe(logLoss(labels, scores).logLoss);
  });

  it('leaves rocAuc and averagePrecision null on a single-class side, with a note', () => {
    const onlyNegatives = binary('cur.csv', [0, 0, 0, 0], [0.1, 0.6, 0.2, 0.3]);
    const r = evaluatePerformance(reference, onlyNegatives, { target: 'y', score: 's' }, options)!;
    expect(r.current.rocAuc).toEqual({ value: null, lower: null, upper: null, interval: null });
    expect(r.current.averagePrecision!.value).toBeNull();
    expect(r.current.accuracy!.value).toBe(0.75);
    expect(r.current.recall!.value).toBe(0);
    expect(r.change.rocAuc).toBeNull();
    expect(r.notes!.some((n) => n.startsWith('current: the target holds a single class'))).toBe(true);
    expect(r.reference.averagePrecision!.value).toBe(averagePrecision(labels, scores).averagePrecision);
  });

  it('flags a metric whose current interval lies on the worse side of the reference value', () => {
    const rng = createRandom(1);
    const n = 2000;
    const y = Array.from({ length: n }, (_, i) => i % 2);
    const good = y.map((l) => Math.min(1, Math.max(0, 0.25 + 0.5 * l + 0.3 * (rng.nextFloat() - 0.5))));
    const bad = y.map(() => rng.nextFloat());
    const r = evaluatePerformance(binary('r', y, good), binary('c', y, bad), { target: 'y', score: 's' }, { ...options, bootstrapReplicates: 50 })!;
    expect(r.degraded).toEqual(expect.arrayContaining(['accuracy', 'f1', 'rocAuc', 'averagePrecision', 'logLoss', 'brier']));
    expect(r.change.rocAuc!).toBeLessThan(-0.4);
  });

  it('bootstraps on a subsample above 20,000 rows and says so', () => {
    const rng = createRandom(3);
    const n = 25_000;
    const y = Array.from({ length: n }, () => (rng.nextFloat() < 0.3 ? 1 : 0));
    const s = y.map((l) => Math.min(1, Math.max(0, 0.3 * l + 0.7 * rng.nextFloat())));
    const d = binary('big', y, s);
    const r = evaluatePerformance(d, d, { target: 'y', score: 's' }, { ...options, bootstrapReplicates: 50 })!;
    expect(r.notes!.filter((note) => note.includes('20000-row subsample of 25000 rows'))).toHaveLength(2);
    const brier = r.current.brier!;
    expect(brier.value).toBeCloseTo(brierScore(y, s).brier, 14);
    expect(brier.lower!).toBeLessThan(brier.value!);
    expect(brier.upper!).toBeGreaterThan(brier.value!);
  });
});

describe('evaluatePerformance: multiclass and regression', () => {
  it('reports accuracy and macro/weighted averages as multiclassClassificationMetrics', () => {
    const y = ['a', 'b', 'c', 'a', 'b', 'c', 'a', 'b', 'c', 'a'];
    const p = ['a', 'b', 'b', 'a', 'c', 'c', 'a', 'b', 'a', 'a'];
    const d = makeDataset('d.csv', { y: { type: 'categorical', values: y }, p: { type: 'categorical', values: p } });
    const r = evaluatePerformance(d, d, { target: 'y', prediction: 'p' }, options)!;
    const core = multiclassClassificationMetrics(y, p);
    expect(r.task).toBe('multiclass_classification');
    expect(r.current.accuracy!.value).toBe(core.accuracy);
    expect(r.current.accuracy!.interval).toBe('wilson');
    expect(r.current.f1Macro!.value).toBe(core.f1.macro);
    expect(r.current.f1Weighted!.value).toBe(core.f1.weighted);
    expect(r.current.precisionMacro!.value).toBe(core.precision.macro);
    expect(r.current.recallWeighted!.value).toBe(core.recall.weighted);
    expect(r.current.f1Macro!.interval).toBe('bootstrap');
  });

  it('predicts the class of the largest per-class score', () => {
    const d = makeDataset('d.csv', {
      y: { type: 'categorical', values: ['x', 'y', 'z', 'x'] },
      p_x: { type: 'numerical', values: [0.7, 0.1, 0.2, 0.2] },
      p_y: { type: 'numerical', values: [0.2, 0.8, 0.3, 0.5] },
      p_z: { type: 'numerical', values: [0.1, 0.1, 0.5, 0.3] },
    });
    const r = evaluatePerformance(d, d, { target: 'y', scoreColumns: ['p_x', 'p_y', 'p_z'] }, options)!;
    expect(r.current.accuracy!.value).toBe(0.75);
  });

  it('reports regression metrics as regressionMetrics', () => {
    const y = [3, -0.5, 2, 7, 4.2, 1.1, 5.5, 6.3, 2.2, 0.4, 8.8, 3.3];
    const p = [2.5, 0, 2, 8, 4, 1.5, 5, 6.9, 2.1, 0.2, 8.1, 3.9];
    const d = makeDataset('d.csv', { y: { type: 'numerical', values: y }, p: { type: 'numerical', values: p } });
    const r = evaluatePerformance(d, d, { target: 'y', prediction: 'p' }, options)!;
    const core = regressionMetrics(y, p);
    expect(r.task).toBe('regression');
    expect(r.current.mae!.value).toBeCloseTo(core.mae, 14);
    expect(r.current.rmse!.value).toBeCloseTo(core.rmse, 14);
    expect(r.current.mape!.value).toBeCloseTo(core.mape, 14);
    expect(r.current.r2!.value).toBeCloseTo(core.r2, 14);
    expect(r.current.pearson!.value).toBeCloseTo(core.pearson.r, 14);
    expect(r.current.spearman!.value).toBeCloseTo(core.spearman.rho, 14);
    for (const name of ['mae', 'rmse', 'mape', 'r2', 'pearson', 'spearman']) expect(r.current[name]!.interval).toBe('bootstrap');
    expect(r.current.r2!.upper!).toBeLessThanOrEqual(1);
  });
});

describe('evaluatePerformance: absent roles and bad input', () => {
  const d = binary('d.csv', labels, scores);
  it('is null without a target, or without a prediction or score', () => {
    expect(evaluatePerformance(d, d, { score: 's' }, options)).toBeNull();
    expect(evaluatePerformance(d, d, { target: 'y' }, options)).toBeNull();
  });
  it('names the column for a missing column, a score outside [0, 1] and a prediction outside the classes', () => {
    expect(() => evaluatePerformance(d, d, { target: 'y', score: 'nope' }, options)).toThrow(/column "nope" \(--score\) is not in d.csv/);
    const wide = binary('w.csv', labels, scores.map((s) => s * 2));
    expect(() => evaluatePerformance(wide, wide, { target: 'y', score: 's' }, options)).toThrow(/score column "s" in w.csv holds 1.8 \(row 1\)/);
    const odd = makeDataset('o.csv', { y: { type: 'numerical', values: [0, 1, 0] }, p: { type: 'categorical', values: ['0', 'x', '1'] } });
    expect(() => evaluatePerformance(odd, odd, { target: 'y', prediction: 'p' }, options)).toThrow(/prediction column "p" in o.csv holds "x"/);
  });
  it('refuses a single score column for a multiclass target', () => {
    const m = makeDataset('m.csv', { y: { type: 'categorical', values: ['a', 'b', 'c'] }, s: { type: 'numerical', values: [0.1, 0.2, 0.3] } });
    expect(() => evaluatePerformance(m, m, { target: 'y', score: 's' }, options)).toThrow(/single --score column is for binary classification/);
  });
});

describe('describeTargetProblem', () => {
  it('reports a target with one class over both datasets, naming the column', () => {
    const one = binary('ref.csv', [1, 1, 1], [0.2, 0.4, 0.9]);
    expect(describeTargetProblem(one, one, { target: 'y', score: 's' })).toMatch(/target column "y" has a single class \("1"\) in ref.csv and ref.csv/);
  });
  it('reports a side without target values', () => {
    const empty = binary('cur.csv', [null, null], [0.2, 0.4]);
    expect(describeTargetProblem(binary('ref.csv', [0, 1], [0.1, 0.9]), empty, { target: 'y', score: 's' })).toBe('target column "y" has no values in cur.csv');
  });
  it('accepts one single-class side', () => {
    expect(describeTargetProblem(binary('r', [0, 1], [0.1, 0.9]), binary('c', [1, 1], [0.1, 0.9]), { target: 'y', score: 's' })).toBeNull();
  });
});

describe('isDegraded', () => {
  const m = (value: number, lower: number, upper: number) => ({ value, lower, upper, interval: 'bootstrap' });
  it('uses the direction of each metric', () => {
    expect(isDegraded('rocAuc', m(0.9, 0.85, 0.95), m(0.8, 0.75, 0.84))).toBe(true);
    expect(isDegraded('rocAuc', m(0.9, 0.85, 0.95), m(0.88, 0.8, 0.91))).toBe(false);
    expect(isDegraded('rmse', m(1, 0.9, 1.1), m(1.5, 1.2, 1.8))).toBe(true);
    expect(isDegraded('rmse', m(1.5, 1.2, 1.8), m(1, 0.9, 1.1))).toBe(false);
  });

  // Regression: comparing the current interval with the reference point alone flagged ~8 % of same-distribution pairs.
  it('needs the two intervals to be apart, not only the current interval below the reference value', () => {
    expect(isDegraded('rocAuc', m(0.9, 0.85, 0.95), m(0.86, 0.84, 0.88))).toBe(false);
    expect(isDegraded('rocAuc', { value: 0.9, lower: null, upper: null, interval: null }, m(0.8, 0.75, 0.85))).toBe(true);
  });
});
