import { bootstrapInterval, createRandom, fairnessMetrics, wilsonInterval } from '@bothub/stats';
import { makeDataset } from '@bothub/testkit';
import { describe, expect, it } from 'vitest';
import { evaluateFairness } from './evaluate-fairness.js';

const options = { confidence: 0.95, seed: 42, minGroupSize: 5 };
const roles = { target: 'y', prediction: 'p', protected: { column: 'g', privileged: 'm' } };

// Group m: 10 rows, 6 selected; group f: 10 rows, 3 selected; group x: 3 rows (below minGroupSize 5).
const g = [...Array<string>(10).fill('m'), ...Array<string>(10).fill('f'), 'x', 'x', 'x'];
const y = [1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 1, 0, 1];
const p = [1, 1, 1, 1, 0, 1, 1, 0, 0, 0, 1, 1, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0, 0];
const dataset = (source: string, target: (number | null)[] = y) =>
  makeDataset(source, { g: { type: 'categorical', values: g }, y: { type: 'numerical', values: target }, p: { type: 'numerical', values: p } });

describe('evaluateFairness', () => {
  const result = evaluateFairness(dataset('ref.csv'), dataset('cur.csv'), roles, options)!;
  const core = fairnessMetrics({ groups: g, labels: y, predictions: p, privileged: 'm', minGroupSize: 5 });

  it('reports the four AIF360 metrics of fairnessMetrics with bootstrap intervals', () => {
    expect(result.column).toBe('g');
    expect(result.privileged).toBe('m');
    expect(result.minGroupSize).toBe(5);
    const side = result.current;
    // Unprivileged pooled (f + x): 4 of 13 selected; privileged 6 of 10.
    expect(side.disparateImpact.value).toBeCloseTo(4 / 13 / (6 / 10), 14);
    for (const name of ['disparateImpact', 'statisticalParityDifference', 'equalOpportunityDifference', 'averageOddsDifference'] as const) {
      expect(side[name].value).toBe(core[name].value);
      expect(side[name].interval).toBe('bootstrap');
      expect(side[name].lower!).toBeLessThanOrEqual(side[name].upper!);
    }
  });

  it('bootstraps statistical parity as bootstrapInterval does with the side seed', () => {
    const spd = (idx: Int32Array) => {
      const c = [0, 0, 0, 0]; // [privileged rows, privileged selected, others, others selected]
      for (const i of idx) {
        const k = g[i] === 'm' ? 0 : 2;
        c[k]!++;
        c[k + 1]! += p[i]!;
      }
      return c[3]! / c[2]! - c[1]! / c[0]!;
    };
    const expected = bootstrapInterval({ sampleSize: g.length, statistic: spd, rng: createRandom(43), replicates: 200 });
    expect(result.current.statisticalParityDifference.lower).toBeCloseTo(expected.lower, 12);
    expect(result.current.statisticalParityDifference.upper).toBeCloseTo(expected.upper, 12);
  });

  it('lists every group, privileged first, with Wilson intervals; small groups are empty and listed', () => {
    const groups = result.current.groups;
    expect(groups.map((x) => [x.group, x.count])).toEqual([['m', 10], ['f', 10], ['x', 3]]);
    const f = groups[1]!;
    const selection = wilsonInterval(3, 10);
    expect(f.selectionRate).toEqual({ value: 0.3, lower: selection.lower, upper: selection.upper, interval: 'wilson' });
    expect(f.truePositiveRate.value).toBe(2 / 5);
    expect(f.falsePositiveRate.value).toBe(1 / 5);
    expect(groups[2]!.selectionRate).toEqual({ value: null, lower: null, upper: null, interval: null });
    expect(result.current.insufficient).toContain('group "x": 3 rows, fewer than minGroupSize (5)');
  });

  it('applies the four-fifths rule both ways', () => {
    expect(result.current.fourFifthsRule.passed).toBe(false);
    expect(result.current.fourFifthsRule.message).toMatch(/^Fails: disparate impact 0\.513 < 0\.8/);
    const fair = evaluateFairness(dataset('r'), dataset('c'), { ...roles, protected: { column: 'g', privileged: 'f' } }, options)!;
    // Privileged f selects 3 of 10; the others 7 of 13: ratio 1.79 > 1.25.
    expect(fair.current.fourFifthsRule.passed).toBe(false);
    expect(fair.current.fourFifthsRule.message).toMatch(/^Fails in reverse: disparate impact 1\.795 > 1\.25/);
    const even = makeDataset('e', {
      g: { type: 'categorical', values: ['a', 'a', 'a', 'a', 'b', 'b', 'b', 'b'] },
      y: { type: 'numerical', values: [1, 0, 1, 0, 1, 0, 1, 0] },
      p: { type: 'numerical', values: [1, 0, 1, 0, 1, 0, 0, 1] },
    });
    const passed = evaluateFairness(even, even, { ...roles, protected: { column: 'g', privileged: 'a' } }, { ...options, minGroupSize: 2 })!;
    expect(passed.current.fourFifthsRule.passed).toBe(true);
    expect(passed.current.fourFifthsRule.message).toMatch(/^Passes: disparate impact 1\.000/);
  });

  it('takes predictions from score ≥ 0.5 and drops rows missing a group, label or prediction', () => {
    const d = makeDataset('d', {
      g: { type: 'categorical', values: [...g, null, 'm'] },
      y: { type: 'numerical', values: [...y, 1, null] },
      s: { type: 'numerical', values: [...p.map((v) => (v === 1 ? 0.5 : 0.49)), 0.9, 0.9] },
    });
    const r = evaluateFairness(d, d, { target: 'y', score: 's', protected: { column: 'g', privileged: 'm' } }, options)!;
    expect(r.current.disparateImpact.value).toBe(core.disparateImpact.value);
    expect(r.current.groups[0]!.count).toBe(10);
  });

  it('has a null reference side when the reference has no labels, and only label-free metrics without a target', () => {
    const r = evaluateFairness(dataset('ref.csv', y.map(() => null)), dataset('cur.csv'), roles, options)!;
    expect(r.reference).toBeNull();
    expect(r.current.disparateImpact.value).toBe(core.disparateImpact.value);
    const noTarget = evaluateFairness(dataset('r'), dataset('c'), { prediction: 'p', protected: { column: 'g', privileged: 'm' } }, options)!;
    expect(noTarget.reference).toBeNull();
    expect(noTarget.current.statisticalParityDifference.value).toBe(core.statisticalParityDifference.value);
    expect(noTarget.current.equalOpportunityDifference.value).toBeNull();
    expect(noTarget.current.groups[0]!.truePositiveRate.value).toBeNull();
    expect(noTarget.current.insufficient[0]).toMatch(/no target values/);
  });

  it('reports why a metric is empty', () => {
    const none = makeDataset('n', {
      g: { type: 'categorical', values: ['a', 'a', 'b', 'b'] },
      y: { type: 'numerical', values: [1, 0, 1, 0] },
      p: { type: 'numerical', values: [0, 0, 1, 0] },
    });
    const r = evaluateFairness(none, none, { ...roles, protected: { column: 'g', privileged: 'a' } }, { ...options, minGroupSize: 1 })!;
    expect(r.current.disparateImpact.value).toBeNull();
    expect(r.current.fourFifthsRule.passed).toBeNull();
    expect(r.current.insufficient.some((s) => s.startsWith('disparateImpact: the privileged group has no favourable predictions'))).toBe(true);
    expect(r.current.statisticalParityDifference.value).toBe(0.5);
  });

  it('is null without a protected column and names the column for bad input', () => {
    expect(evaluateFairness(dataset('r'), dataset('c'), { target: 'y', prediction: 'p' }, options)).toBeNull();
    expect(() => evaluateFairness(dataset('r'), dataset('c'), { target: 'y', protected: { column: 'g', privileged: 'm' } }, options)).toThrow(
      /fairness on column "g" \(--protected\) needs a prediction column/,
    );
    expect(() => evaluateFairness(dataset('r'), dataset('c'), { ...roles, protected: { column: 'g', privileged: 'z' } }, options)).toThrow(
      /protected column "g" never holds the privileged value "z" \(values: m, f, x\)/,
    );
  });
});
