import {
  chiSquaredTest,
  cramerVonMisesTest,
  createRandom,
  hellingerDistance,
  jensenShannonDistance,
  klDivergence,
  ksTest,
  populationStabilityIndex,
  populationStabilityIndexFromCounts,
  wassersteinDistance,
} from '@bothub/stats';
import type { PopulationStabilityIndexResult } from '@bothub/stats';
import type { ColumnType } from '../../column-type.js';
import type { ColumnValues } from '../../dataset.js';
import type { DriftTestName, TestResult } from '../../report/report-schema.js';
import { DRIFT_DEFAULTS } from './drift-defaults.js';
import { isDriftTestApplicable } from './is-drift-test-applicable.js';
import { prepareDriftSides, sideSizes } from './prepare-drift-sides.js';
import type { DriftSides, NumberSidesCache } from './prepare-drift-sides.js';
import { sampleEmbeddingRows } from './sample-embedding-rows.js';
import { runMmdTest } from './run-mmd-test.js';
import { standardDeviation } from './standard-deviation.js';

type NumberSides = Extract<DriftSides, { kind: 'numbers' }>;

/**
 * Reference deciles (PSI's bins: numpy.quantile linear levels 0, 0.1, …, 1, outer edges ±∞) and both samples'
 * counts in them, computed once per column: PSI and the binned chi², Jensen–Shannon, Hellinger and KL share them.
 * @example
 * binnedNumbers(sides).referenceCounts; // 10 counts, a tenth of the reference each (without ties)
 */
export function binnedNumbers(sides: NumberSides): PopulationStabilityIndexResult {
  sides.cache.binned ??= populationStabilityIndex(sides.reference, sides.current, { bins: DRIFT_DEFAULTS.quantileBins, floor: DRIFT_DEFAULTS.shareFloor });
  return sides.cache.binned;
}

/**
 * Reference standard deviation (ddof 1), cached.
 * @example
 * referenceStd(sides); // ≈ 1 for a standard normal reference
 */
export function referenceStd(sides: { readonly reference: Float64Array; readonly cache: NumberSidesCache }): number {
  sides.cache.referenceStd ??= standardDeviation(sides.reference);
  return sides.cache.referenceStd;
}

/**
 * W₁ / reference std; null when the reference is constant (the scale is 0).
 * @example
 * normalizeWasserstein(0.5, 2); // 0.25
 */
export function normalizeWasserstein(distance: number, std: number): number | null {
  return std > 0 ? distance / std : null;
}

function counts(sides: Exclude<DriftSides, { kind: 'vectors' }>): readonly [Float64Array, Float64Array] {
  if (sides.kind === 'categories') return [sides.table.reference, sides.table.current];
  const binned = binnedNumbers(sides);
  return [binned.referenceCounts, binned.currentCounts];
}

function wrongSides(name: DriftTestName, kind: DriftSides['kind']): never {
  throw new RangeError(`runDriftTest: ${name} does not apply to ${kind}`);
}

/**
 * Runs one named test on prepared sides (see prepareDriftSides); the sides must suit the test (isDriftTestApplicable).
 * @example
 * runPreparedDriftTest('psi', prepareDriftSides('age', 'numerical', ref, cur)!, 42);
 */
export function runPreparedDriftTest(name: DriftTestName, sides: DriftSides, seed: number): TestResult {
  const [referenceSize, currentSize] = sideSizes(sides);
  if (referenceSize < DRIFT_DEFAULTS.minValues || currentSize < DRIFT_DEFAULTS.minValues) {
    return {
      statistic: null,
      pValue: null,
      reason: `insufficient data: ${referenceSize} reference and ${currentSize} current non-missing values (at least ${DRIFT_DEFAULTS.minValues} on each side)`,
    };
  }
  switch (name) {
    case 'ks': {
      if (sides.kind !== 'numbers') return wrongSides(name, sides.kind);
      const { statistic, pValue } = ksTest(sides.reference, sides.current);
      return { statistic, pValue };
    }
    case 'cramervonmises': {
      if (sides.kind !== 'numbers') return wrongSides(name, sides.kind);
      const { statistic, pValue } = cramerVonMisesTest(sides.reference, sides.current);
      return { statistic, pValue };
    }
    case 'wasserstein': {
      if (sides.kind !== 'numbers') return wrongSides(name, sides.kind);
      const { distance } = wassersteinDistance(sides.reference, sides.current);
      return { statistic: distance, pValue: null, normalized: normalizeWasserstein(distance, referenceStd(sides)) };
    }
    case 'psi': {
      if (sides.kind === 'vectors') return wrongSides(name, sides.kind);
      if (sides.kind === 'numbers') return { statistic: binnedNumbers(sides).psi, pValue: null };
      const { psi } = populationStabilityIndexFromCounts(sides.table.reference, sides.table.current, { floor: DRIFT_DEFAULTS.shareFloor });
      return { statistic: psi, pValue: null };
    }
    case 'chi2': {
      if (sides.kind === 'vectors') return wrongSides(name, sides.kind);
      const { statistic, pValue } = chiSquaredTest(...counts(sides));
      return { statistic, pValue };
    }
    case 'jensenshannon': {
      if (sides.kind === 'vectors') return wrongSides(name, sides.kind);
      return { statistic: jensenShannonDistance(...counts(sides)).distance, pValue: null };
    }
    case 'hellinger': {
      if (sides.kind === 'vectors') return wrongSides(name, sides.kind);
      return { statistic: hellingerDistance(...counts(sides)).distance, pValue: null };
    }
    case 'kl': {
      if (sides.kind === 'vectors') return wrongSides(name, sides.kind);
      const [p, q] = counts(sides);
      return { statistic: klDivergence(p, q, { floor: DRIFT_DEFAULTS.shareFloor }).divergence, pValue: null };
    }
    case 'mmd': {
      if (sides.kind !== 'vectors') return wrongSides(name, sides.kind);
      const rng = createRandom(seed);
      const reference = sampleEmbeddingRows(sides.reference, DRIFT_DEFAULTS.embeddingSampleSize, rng);
      const current = sampleEmbeddingRows(sides.current, DRIFT_DEFAULTS.embeddingSampleSize, rng);
      const { mmd2, pValue } = runMmdTest(reference, current, { rng, permutations: DRIFT_DEFAULTS.permutations });
      return { statistic: mmd2, pValue };
    }
  }
}

/**
 * Runs one drift test of the statistics core by name on a column's reference and current values, after dropping
 * missing values (NaN/±Infinity, code −1, flagged vectors). `statistic` is the core's value, unscaled; Wasserstein
 * also gives `normalized` = W₁ / reference std. Categories are matched by label across the two dictionaries; numeric
 * columns are binned on reference deciles for chi2, jensenshannon, hellinger and kl (PSI's bins); KL and PSI floor
 * shares at 1e-4; mmd samples ≤ 1,000 vectors per side (seeded) with 200 permutations.
 * Returns null when the test does not apply to the type (see isDriftTestApplicable), and a result with null statistic
 * and a `reason` when a side has fewer than 2 non-missing values.
 * @throws RangeError naming `options.column` when the storage of the values does not fit the type.
 * @example
 * runDriftTest('ks', ref.values, cur.values, 'numerical', { seed: 42 }); // { statistic: 0.12, pValue: 0.003 }
 * runDriftTest('ks', ref.values, cur.values, 'categorical', { seed: 42 }); // null
 */
export function runDriftTest(
  name: DriftTestName,
  reference: ColumnValues,
  current: ColumnValues,
  type: ColumnType,
  options: { readonly seed: number; readonly column?: string },
): TestResult | null {
  if (!isDriftTestApplicable(name, type)) return null;
  const sides = prepareDriftSides(options.column ?? '(unnamed)', type, reference, current);
  if (sides === null) return null;
  return runPreparedDriftTest(name, sides, options.seed);
}
