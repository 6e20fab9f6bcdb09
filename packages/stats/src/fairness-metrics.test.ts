import { describe, expect, it } from 'vitest';
import { expectClose } from '../test/close-to.js';
import { loadReferenceSection } from '../test/reference-file.js';
import type { FairnessValue } from './fairness-metrics.js';
import { fairnessMetrics } from './fairness-metrics.js';

interface FairnessCase {
  readonly groups: string[];
  readonly labels: number[];
  readonly predictions: number[];
  readonly privileged: string;
  readonly disparateImpact: number;
  readonly statisticalParityDifference: number;
  readonly equalOpportunityDifference: number;
  readonly averageOddsDifference: number;
}

const fairnessCases = loadReferenceSection<FairnessCase[]>('fairness');

function valueOf(metric: FairnessValue): number {
  if (metric.status !== 'ok') throw new Error(`expected a value, got insufficient data: ${metric.reason}`);
  return metric.value;
}

describe('fairnessMetrics', () => {
  it('matches the AIF360 definitions on the reference cases', () => {
    expect(fairnessCases.length).toBeGreaterThanOrEqual(2);
    for (const c of fairnessCases) {
      const result = fairnessMetrics(c);
      expectClose(valueOf(result.disparateImpact), c.disparateImpact);
      expectClose(valueOf(result.statisticalParityDifference), c.statisticalParityDifference);
      expectClose(valueOf(result.equalOpportunityDifference), c.equalOpportunityDifference);
      expectClose(valueOf(result.averageOddsDifference), c.averageOddsDifference);
    }
  });

  it('by hand: two groups of 4 with minGroupSize 1', () => {
    // Privileged a: labels 1 1 0 0, predictions 1 1 1 0 → selection 3/4, TPR 2/2, FPR 1/2.
    // Unprivileged b: labels 1 1 0 0, predictions 1 0 0 0 → selection 1/4, TPR 1/2, FPR 0/2.
    const result = fairnessMetrics({
      groups: ['a', 'a', 'a', 'a', 'b', 'b', 'b', 'b'],
      labels: [1, 1, 0, 0, 1, 1, 0, 0],
      predictions: [1, 1, 1, 0, 1, 0, 0, 0],
      privileged: 'a',
      minGroupSize: 1,
    });
    expect(valueOf(result.disparateImpact)).toBeCloseTo(1 / 3, 15);
    expect(valueOf(result.statisticalParityDifference)).toBeCloseTo(-0.5, 15);
    expect(valueOf(result.equalOpportunityDifference)).toBeCloseTo(-0.5, 15);
    expect(valueOf(result.averageOddsDifference)).toBeCloseTo(-0.5, 15);
    expect(result.privileged).toMatchObject({
      group: 'a',
      count: 4,
      actualPositives: 2,
      actualNegatives: 2,
      predictedPositives: 3,
      truePositives: 2,
      falsePositives: 1,
      selectionRate: { status: 'ok', value: 0.75 },
      truePositiveRate: { status: 'ok', value: 1 },
      falsePositiveRate: { status: 'ok', value: 0.5 },
    });
    expect(result.unprivilegedGroups).toEqual(['b']);
    expect(result.groups.map((g) => g.group)).toEqual(['a', 'b']);
  });

  it('pools every non-privileged group and reports each group separately', () => {
    const groups: number[] = [];
    const labels: number[] = [];
    const predictions: number[] = [];
    for (let i = 0; i < 300; i++) {
      groups.push(i % 3);
      labels.push((i * 7) % 5 < 2 ? 1 : 0);
      predictions.push((i * 11) % 7 < 3 + (i % 3) ? 1 : 0);
    }
    const result = fairnessMetrics({ groups, labels, predictions, privileged: 0 });
    expect(result.unprivilegedGroups).toEqual([1, 2]);
    const [, g1, g2] = result.groups;
    expect(result.unprivileged.count).toBe(g1!.count + g2!.count);
    expect(result.unprivileged.predictedPositives).toBe(g1!.predictedPositives + g2!.predictedPositives);
    expect(result.unprivileged.truePositives).toBe(g1!.truePositives + g2!.truePositives);
    const pooledSelection = (g1!.predictedPositives + g2!.predictedPositives) / 200;
    expect(valueOf(result.unprivileged.selectionRate)).toBeCloseTo(pooledSelection, 15);
    expect(valueOf(result.statisticalParityDifference)).toBeCloseTo(pooledSelection - valueOf(result.privileged.selectionRate), 15);
    // Same rates for both sides ⇒ parity.
    const parity = fairnessMetrics({ groups, labels, predictions: labels, privileged: 0 });
    expect(valueOf(parity.equalOpportunityDifference)).toBe(0);
    expect(valueOf(parity.averageOddsDifference)).toBe(0);
  });

  it('swapping which group is privileged inverts disparate impact and negates the differences', () => {
    const c = fairnessCases[0]!;
    const other = c.groups.find((g) => g !== c.privileged)!;
    const a = fairnessMetrics(c);
    const b = fairnessMetrics({ ...c, privileged: other });
    expect(valueOf(b.disparateImpact)).toBeCloseTo(1 / valueOf(a.disparateImpact), 14);
    expect(valueOf(b.statisticalParityDifference)).toBeCloseTo(-valueOf(a.statisticalParityDifference), 15);
    expect(valueOf(b.equalOpportunityDifference)).toBeCloseTo(-valueOf(a.equalOpportunityDifference), 15);
    expect(valueOf(b.averageOddsDifference)).toBeCloseTo(-valueOf(a.averageOddsDifference), 15);
  });

  it('says insufficient data for groups below minGroupSize instead of a number', () => {
    const groups = [...Array<string>(40).fill('a'), ...Array<string>(10).fill('b')];
    const labels = groups.map((_, i) => i % 2);
    const predictions = groups.map((_, i) => (i % 3 === 0 ? 1 : 0));
    const result = fairnessMetrics({ groups, labels, predictions, privileged: 'a' });
    expect(result.minGroupSize).toBe(30);
    for (const metric of [result.disparateImpact, result.statisticalParityDifference, result.equalOpportunityDifference, result.averageOddsDifference]) {
      expect(metric.status).toBe('insufficient_data');
      expect(metric.value).toBeNull();
      if (metric.status === 'insufficient_data') expect(metric.reason).toMatch(/unprivileged group has 10 rows; at least 30/);
    }
    expect(result.privileged.selectionRate.status).toBe('ok');
    expect(result.groups[1]!.truePositiveRate).toMatchObject({ status: 'insufficient_data', value: null });
    // A lower threshold lets the same data through.
    expect(fairnessMetrics({ groups, labels, predictions, privileged: 'a', minGroupSize: 10 }).disparateImpact.status).toBe('ok');
  });

  it('says insufficient data when a rate has no denominator', () => {
    // Regression guard: no actual positives in the unprivileged group would give TPR 0/0 = NaN.
    const groups = ['a', 'a', 'a', 'a', 'b', 'b', 'b'];
    const result = fairnessMetrics({
      groups,
      labels: [1, 0, 1, 0, 0, 0, 0],
      predictions: [1, 1, 0, 0, 1, 0, 0],
      privileged: 'a',
      minGroupSize: 1,
    });
    expect(result.statisticalParityDifference.status).toBe('ok');
    expect(result.unprivileged.truePositiveRate).toMatchObject({ status: 'insufficient_data', value: null });
    expect(result.equalOpportunityDifference).toMatchObject({ status: 'insufficient_data', value: null });
    expect(result.averageOddsDifference.status).toBe('insufficient_data');
    if (result.equalOpportunityDifference.status === 'insufficient_data') {
      expect(result.equalOpportunityDifference.reason).toMatch(/no actual positives/);
    }
  });

  it('disparate impact is insufficient data, not Infinity, when the privileged group is never selected', () => {
    const result = fairnessMetrics({
      groups: ['a', 'a', 'b', 'b'],
      labels: [1, 0, 1, 0],
      predictions: [0, 0, 1, 0],
      privileged: 'a',
      minGroupSize: 1,
    });
    expect(result.disparateImpact).toMatchObject({ status: 'insufficient_data', value: null });
    expect(valueOf(result.statisticalParityDifference)).toBe(0.5);
  });

  it('with only the privileged group present, the comparisons are insufficient data', () => {
    const result = fairnessMetrics({ groups: ['a', 'a'], labels: [1, 0], predictions: [1, 0], privileged: 'a', minGroupSize: 1 });
    expect(result.unprivileged.count).toBe(0);
    expect(result.unprivilegedGroups).toEqual([]);
    expect(result.disparateImpact.status).toBe('insufficient_data');
    expect(result.averageOddsDifference.status).toBe('insufficient_data');
  });

  it('rejects bad input', () => {
    const base = { groups: ['a', 'b'], labels: [1, 0], predictions: [1, 1], privileged: 'a' };
    expect(() => fairnessMetrics({ ...base, labels: [1] })).toThrow(/^fairnessMetrics: groups has 2 values but labels has 1/);
    expect(() => fairnessMetrics({ ...base, predictions: [1, 0, 1] })).toThrow(/^fairnessMetrics: groups has 2 values but predictions has 3/);
    expect(() => fairnessMetrics({ ...base, labels: [1, 2] })).toThrow(/^fairnessMetrics: labels\[1\] is 2; labels must be 0 or 1/);
    expect(() => fairnessMetrics({ ...base, labels: [1, Number.NaN] })).toThrow(/^fairnessMetrics: labels\[1\] is NaN/);
    expect(() => fairnessMetrics({ ...base, predictions: [0.5, 1] })).toThrow(/^fairnessMetrics: predictions\[0\] is 0.5/);
    expect(() => fairnessMetrics({ ...base, privileged: 'c' })).toThrow(/^fairnessMetrics: privileged group "c" does not occur/);
    expect(() => fairnessMetrics({ ...base, groups: [1, 2], privileged: '1' })).toThrow(/privileged group "1" does not occur/);
    expect(() => fairnessMetrics({ groups: [], labels: [], predictions: [], privileged: 'a' })).toThrow(/^fairnessMetrics: groups must not be empty/);
    expect(() => fairnessMetrics({ ...base, groups: ['a', Number.NaN] })).toThrow(/^fairnessMetrics: groups\[1\] is NaN/);
    expect(() => fairnessMetrics({ ...base, minGroupSize: 0 })).toThrow(/^fairnessMetrics: minGroupSize must be an integer ≥ 1/);
    expect(() => fairnessMetrics({ ...base, minGroupSize: 2.5 })).toThrow(/^fairnessMetrics: minGroupSize/);
  });
});
