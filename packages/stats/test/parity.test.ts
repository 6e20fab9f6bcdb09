/**
 * The parity suite: every case of the reference file (values returned by scipy 1.10.1, scikit-learn 1.2.1 and numpy 1.24)
 * against our statistics, at the tolerances. `BOTHUB_STATS_REFERENCE=/path/other.json npm run test:parity` runs it
 * on any file of the same form; a missing section fails, and a per-section count of passing cases is printed at the end.
 */
import { afterAll, describe, expect, it } from 'vitest';
import {
  averagePathLength,
  binaryClassificationMetrics,
  chiSquaredTest,
  cramerVonMisesTest,
  createRandom,
  fairnessMetrics,
  fitIsolationForest,
  jensenShannonDistance,
  ksTest,
  mmdGaussian,
  multiclassClassificationMetrics,
  populationStabilityIndex,
  regressionMetrics,
  rocAuc,
  scoreIsolationForest,
  wassersteinDistance,
} from '../src/index.js';
import { METRIC_TOLERANCE, mismatch, P_VALUE_TOLERANCE } from './close-to.js';
import { loadReferenceFile, referenceFilePath } from './reference-file.js';

type Case = Record<string, unknown>;
type Check = readonly [field: string, actual: unknown, expected: unknown, tolerance: typeof METRIC_TOLERANCE | typeof P_VALUE_TOLERANCE];

const num = (value: unknown): number => value as number;
const nums = (value: unknown): number[] => value as number[];
const strs = (value: unknown): (string | number)[] => value as (string | number)[];
const M = METRIC_TOLERANCE;
const P = P_VALUE_TOLERANCE;

/** A fairness metric is either a number or `{ status: 'ok', value }`; anything else is no number to compare. */
function fairnessValue(metric: unknown): unknown {
  if (typeof metric === 'object' && metric !== null && 'value' in metric) return metric.value;
  return metric;
}

const SECTIONS: Readonly<Record<string, (c: Case) => Check[]>> = {
  ks_2samp: (c) => {
    const r = ksTest(nums(c.reference), nums(c.current), { method: c.method as 'auto' | 'exact' | 'asymp' });
    return [
      ['statistic', r.statistic, c.statistic, M],
      ['pValue', r.pValue, c.pValue, P],
    ];
  },
  chi2_homogeneity: (c) => {
    const r = chiSquaredTest(nums(c.referenceCounts), nums(c.currentCounts));
    return [
      ['statistic', r.statistic, c.statistic, M],
      ['pValue', r.pValue, c.pValue, P],
      ['dof', r.dof, c.dof, M],
    ];
  },
  wasserstein: (c) => [['distance', wassersteinDistance(nums(c.reference), nums(c.current)).distance, c.distance, M]],
  jensenshannon: (c) => [['distance', jensenShannonDistance(nums(c.p), nums(c.q)).distance, c.distance, M]],
  cramervonmises_2samp: (c) => {
    const r = cramerVonMisesTest(nums(c.reference), nums(c.current));
    return [
      ['statistic', r.statistic, c.statistic, M],
      ['pValue', r.pValue, c.pValue, P],
    ];
  },
  psi: (c) => [['psi', populationStabilityIndex(nums(c.reference), nums(c.current), { bins: num(c.bins) }).psi, c.psi, M]],
  mmd2_gaussian: (c) => {
    const r = mmdGaussian(c.reference as number[][], c.current as number[][], { sigma: num(c.sigma) });
    return [
      ['mmd2Biased', r.mmd2Biased, c.mmd2Biased, M],
      ['mmd2Unbiased', r.mmd2Unbiased, c.mmd2Unbiased, M],
    ];
  },
  binary_classification: (c) => {
    const r = binaryClassificationMetrics(nums(c.labels), nums(c.scores), { threshold: num(c.threshold) });
    const fields = ['rocAuc', 'averagePrecision', 'logLoss', 'brier', 'accuracy', 'precision', 'recall', 'f1'] as const;
    const cm = c.confusionMatrix as number[][];
    return [
      ...fields.map((f): Check => [f, r[f], c[f], M]),
      ...[0, 1].flatMap((i) => [0, 1].map((j): Check => [`confusionMatrix[${i}][${j}]`, r.confusionMatrix[i]![j], cm[i]![j], M])),
    ];
  },
  multiclass_classification: (c) => {
    const r = multiclassClassificationMetrics(strs(c.labels), strs(c.predictions));
    const checks: Check[] = [['accuracy', r.accuracy, c.accuracy, M]];
    for (const metric of ['precision', 'recall', 'f1'] as const) {
      for (const average of ['macro', 'micro', 'weighted'] as const) {
        checks.push([`${metric}_${average}`, r[metric][average], c[`${metric}_${average}`], M]);
      }
    }
    return checks;
  },
  regression: (c) => {
    const r = regressionMetrics(nums(c.labels), nums(c.predictions));
    return [
      ['mae', r.mae, c.mae, M],
      ['rmse', r.rmse, c.rmse, M],
      ['r2', r.r2, c.r2, M],
      ['mape', r.mape, c.mape, M],
      ['pearsonR', r.pearson.r, c.pearsonR, M],
      ['pearsonPValue', r.pearson.pValue, c.pearsonPValue, P],
      ['spearmanRho', r.spearman.rho, c.spearmanRho, M],
      ['spearmanPValue', r.spearman.pValue, c.spearmanPValue, P],
    ];
  },
  fairness: (c) => {
    const r = fairnessMetrics({ groups: strs(c.groups), labels: nums(c.labels), predictions: nums(c.predictions), privileged: c.privileged as string, minGroupSize: 1 });
    const fields = ['disparateImpact', 'statisticalParityDifference', 'equalOpportunityDifference', 'averageOddsDifference'] as const;
    return fields.map((f): Check => [f, fairnessValue(r[f]), c[f], M]);
  },
  isolation_forest_c: (c) => [['c', averagePathLength(num(c.n)), c.c, M]],
};

const DETECTION_SEEDS = [1, 2, 3, 4, 5];
const reference = loadReferenceFile();
const passed = new Map<string, { passed: number; total: number }>();

function record(section: string, ok: boolean): void {
  const entry = passed.get(section) ?? { passed: 0, total: 0 };
  entry.total++;
  if (ok) entry.passed++;
  passed.set(section, entry);
}

describe(`parity with ${referenceFilePath()}`, () => {
  for (const [section, check] of Object.entries(SECTIONS)) {
    describe(section, () => {
      const cases = reference[section];
      it('is present in the reference file', () => {
        expect(Array.isArray(cases), `section ${section} is missing or not a list`).toBe(true);
        expect((cases as unknown[]).length).toBeGreaterThan(0);
      });
      if (!Array.isArray(cases)) return;
      (cases as Case[]).forEach((c, index) => {
        it(`case ${index}`, () => {
          let failures: string[];
          try {
            failures = check(c).flatMap(([field, actual, expected, tolerance]) => mismatch(field, actual, expected as number, tolerance) ?? []);
          } catch (error) {
            failures = [`threw ${String(error)}`];
          }
          record(section, failures.length === 0);
          expect(failures).toEqual([]);
        });
      });
    });
  }

  describe('isolation_forest_detection', () => {
    const detection = reference.isolation_forest_detection as Case | undefined;
    it('is present in the reference file', () => {
      expect(detection, 'section isolation_forest_detection is missing').toBeTypeOf('object');
    });
    if (!detection) return;
    it(`ROC AUC of our scores is within 0.01 of scikit-learn's mean over seeds ${DETECTION_SEEDS.join(', ')}`, () => {
      const labels = (detection.testIsOutlier as (number | boolean)[]).map(Number);
      const aucs = DETECTION_SEEDS.map((seed) => {
        const model = fitIsolationForest(detection.train as number[][], {
          nEstimators: num(detection.nEstimators),
          maxSamples: num(detection.maxSamples),
          rng: createRandom(seed),
        });
        return rocAuc(labels, scoreIsolationForest(model, detection.test as number[][])).auc;
      });
      const mean = aucs.reduce((a, b) => a + b, 0) / aucs.length;
      const ok = Math.abs(mean - num(detection.sklearnRocAucMean)) <= 0.01;
      record('isolation_forest_detection', ok);
      expect(Math.abs(mean - num(detection.sklearnRocAucMean)), `our mean ROC AUC ${mean} vs scikit-learn ${num(detection.sklearnRocAucMean)}`).toBeLessThanOrEqual(0.01);
    });
  });
});

afterAll(() => {
  const lines = [...passed.entries()].map(([section, { passed: p, total }]) => `  ${section}: ${p}/${total} cases passed`);
  console.log(`Parity with ${referenceFilePath()}:\n${lines.join('\n')}`);
});
