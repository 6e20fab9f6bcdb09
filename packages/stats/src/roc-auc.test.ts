import { describe, expect, it } from 'vitest';
import { expectClose } from '../test/close-to.js';
import type { BinaryClassificationCase } from '../test/reference-file.js';
import { loadReferenceSection } from '../test/reference-file.js';
import { createRandom } from './random.js';
import { rocAuc } from './roc-auc.js';

const binaryCases = loadReferenceSection<BinaryClassificationCase[]>('binary_classification');

// P(s⁺ > s⁻) + ½ P(s⁺ = s⁻) over all pairs, counted directly.
function pairwiseAuc(labels: readonly number[], scores: readonly number[]): number {
  let wins = 0;
  let pairs = 0;
  for (let i = 0; i < labels.length; i++) {
    if (labels[i] !== 1) continue;
    for (let j = 0; j < labels.length; j++) {
      if (labels[j] !== 0) continue;
      pairs++;
      if (scores[i]! > scores[j]!) wins += 1;
      else if (scores[i] === scores[j]) wins += 0.5;
    }
  }
  return wins / pairs;
}

function randomCase(seed: number, n: number, round: number): { labels: number[]; scores: number[] } {
  const rng = createRandom(seed);
  const labels: number[] = [];
  const scores: number[] = [];
  for (let i = 0; i < n; i++) {
    const label = rng.nextFloat() < 0.4 ? 1 : 0;
    labels.push(label);
    scores.push(Math.round((0.3 * label + rng.nextFloat()) * round) / round);
  }
  return { labels, scores };
}

describe('rocAuc', () => {
  it('matches sklearn.metrics.roc_auc_score on the reference cases (ties included)', () => {
    expect(binaryCases.length).toBeGreaterThan(0);
    for (const c of binaryCases) {
      expectClose(rocAuc(c.labels, c.scores).auc, c.rocAuc, { rel: 1e-9, abs: 0 });
    }
  });

  it('matches hand-checkable cases', () => {
    // sklearn docs: roc_auc_score([0, 0, 1, 1], [0.1, 0.4, 0.35, 0.8]) = 0.75
    expect(rocAuc([0, 0, 1, 1], [0.1, 0.4, 0.35, 0.8]).auc).toBe(0.75);
    // roc_auc_score([1,0,1,0,1,1], [0.5,0.5,0.5,0.2,0.9,0.2]) = 0.6875 (ties count ½)
    expect(rocAuc([1, 0, 1, 0, 1, 1], [0.5, 0.5, 0.5, 0.2, 0.9, 0.2]).auc).toBe(0.6875);
    expect(rocAuc([0, 1], [0, 1]).auc).toBe(1);
    expect(rocAuc([1, 0], [0, 1]).auc).toBe(0);
    expect(rocAuc([1, 0, 0, 1], [3, 3, 3, 3]).auc).toBe(0.5);
  });

  it('equals the pairwise Mann–Whitney count on larger tied data (radix-sort path)', () => {
    const { labels, scores } = randomCase(5, 3000, 100);
    expect(rocAuc(labels, scores).auc).toBeCloseTo(pairwiseAuc(labels, scores), 14);
  });

  it('satisfies AUC(−s) = AUC(1 − s) = 1 − AUC(s), and flipping labels gives 1 − AUC', () => {
    const { labels, scores } = randomCase(9, 500, 20);
    const auc = rocAuc(labels, scores).auc;
    expect(rocAuc(labels, scores.map((s) => 1 - s)).auc).toBeCloseTo(1 - auc, 14);
    expect(rocAuc(labels, scores.map((s) => -s)).auc).toBeCloseTo(1 - auc, 14);
    expect(rocAuc(labels.map((l) => 1 - l), scores).auc).toBeCloseTo(1 - auc, 14);
  });

  it('is invariant to strictly increasing transforms of the scores and to the order of samples', () => {
    const { labels, scores } = randomCase(13, 400, 10);
    const auc = rocAuc(labels, scores).auc;
    expect(rocAuc(labels, scores.map((s) => Math.exp(5 * s) - 7)).auc).toBe(auc);
    expect(rocAuc([...labels].reverse(), [...scores].reverse()).auc).toBe(auc);
    expect(rocAuc(new Float64Array(labels), new Float64Array(scores)).auc).toBe(auc);
    expect(auc).toBeGreaterThanOrEqual(0);
    expect(auc).toBeLessThanOrEqual(1);
  });

  it('accepts scores outside [0, 1] and treats −0 and 0 as tied', () => {
    expect(rocAuc([0, 1, 0, 1], [-5, 12, 40, 100]).auc).toBe(0.75);
    expect(rocAuc([0, 1], [0, -0]).auc).toBe(0.5);
  });

  it('rejects a single class, labels other than 0/1, non-finite scores and bad shapes', () => {
    expect(() => rocAuc([1, 1], [0.1, 0.2])).toThrow(/rocAuc: labels hold only class 1; both classes 0 and 1 are needed/);
    expect(() => rocAuc([0, 0], [0.1, 0.2])).toThrow(/only class 0/);
    expect(() => rocAuc([0, 2], [0.1, 0.2])).toThrow(/rocAuc: labels\[1\] is 2; labels must be 0 or 1/);
    expect(() => rocAuc([0, 1], [0.1, Number.NaN])).toThrow(/rocAuc: scores\[1\] is NaN/);
    expect(() => rocAuc([0, 1], [Infinity, 0.2])).toThrow(/scores\[0\] is Infinity/);
    expect(() => rocAuc([0, 1], [0.1])).toThrow(/rocAuc: labels has 2 values but scores has 1/);
    expect(() => rocAuc([], [])).toThrow(/rocAuc: labels must not be empty/);
  });
});
