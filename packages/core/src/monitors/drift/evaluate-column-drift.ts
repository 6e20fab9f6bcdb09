import { chiSquaredTest, cramerVonMisesTest, createRandom, jensenShannonDistance, wassersteinDistance } from '@bothub/stats';
import type { DatasetColumn } from '../../dataset.js';
import type { ReferenceMemo } from '../../reference-memo.js';
import type { ColumnDrift, DriftTestName, EmbeddingDrift, TestResult } from '../../report/report-schema.js';
import { collapseCategories } from './collapse-categories.js';
import { DRIFT_DEFAULTS } from './drift-defaults.js';
import { evaluateEmbeddingDrift } from './evaluate-embedding-drift.js';
import { isDriftTestApplicable } from './is-drift-test-applicable.js';
import { prepareDriftSides, sideSizes } from './prepare-drift-sides.js';
import type { DriftSides } from './prepare-drift-sides.js';
import { binnedNumbers, normalizeWasserstein, referenceStd, runPreparedDriftTest } from './run-drift-test.js';
import { sampleValues } from './sample-values.js';

export interface ColumnDriftOptions {
  /** Seed of the randomized tests (MMD sampling and permutations). */
  readonly seed: number;
  /** Tests to run besides the default one, where they apply (--tests). */
  readonly extraTests: readonly DriftTestName[];
  /** Remembers reference-side work across calls with the same reference (the service's windows). */
  readonly memo?: ReferenceMemo;
}

export interface ColumnDriftEvaluation {
  /** The default verdict; null for text and id columns (see `reason`). */
  readonly drift: ColumnDrift | null;
  /** The extra tests that apply to the column, by name. */
  readonly tests: Record<string, TestResult>;
  /** Why `drift` is null. */
  readonly reason?: string;
  /** Embedding columns: the full embedding drift, for DatasetDrift.embeddings (computed once here). */
  readonly embedding?: EmbeddingDrift;
}

const P = DRIFT_DEFAULTS.pValue;
const MIN_W = DRIFT_DEFAULTS.minNormalizedWasserstein;
const MIN_JS = DRIFT_DEFAULTS.minJensenShannon;
const MIN_PSI = DRIFT_DEFAULTS.minPsi;

type NumberSides = Extract<DriftSides, { kind: 'numbers' }>;
type CategorySides = Extract<DriftSides, { kind: 'categories' }>;

function insufficient(test: DriftTestName, threshold: ColumnDrift['threshold'], sizes: readonly [number, number]): ColumnDrift {
  return {
    test,
    statistic: null,
    pValue: null,
    threshold,
    drifted: null,
    effectSize: null,
    reason: `insufficient data: ${sizes[0]} reference and ${sizes[1]} current non-missing values (at least ${DRIFT_DEFAULTS.minValues} on each side)`,
  };
}

/**
 * Numerical and datetime: Cramér–von Mises for the p-value (more power than KS, exact size, faster: see
 * docs/drift-defaults.md) and an effect-size floor, W₁ / reference std ≥ 0.1 or PSI ≥ 0.1; both must pass.
 */
function numericDrift(full: NumberSides, judged: boolean, seed: number, cache: Map<DriftTestName, TestResult>): ColumnDrift {
  const cap = DRIFT_DEFAULTS.maxTestValues;
  const sampled = full.reference.length > cap || full.current.length > cap;
  const rng = createRandom(seed);
  const sides: NumberSides = sampled
    ? { kind: 'numbers', reference: sampleValues(full.reference, cap, rng), current: sampleValues(full.current, cap, rng), cache: {} }
    : full;
  const on = sampled
    ? ` (on a seeded sample of ${sides.reference.length} reference and ${sides.current.length} current values of ${full.reference.length} and ${full.current.length})`
    : '';
  const threshold: ColumnDrift['threshold'] = {
    on: 'pValue',
    value: P,
    description: judged
      ? `drift when Cramér–von Mises p < ${P} and (Wasserstein distance / reference std ≥ ${MIN_W} or PSI ≥ ${MIN_PSI})${on}`
      : `datetime values move with time: Cramér–von Mises and Wasserstein distance / reference std are reported, not judged${on}`,
  };
  const sizes = sideSizes(sides);
  if (sizes[0] < DRIFT_DEFAULTS.minValues || sizes[1] < DRIFT_DEFAULTS.minValues) return insufficient('cramervonmises', threshold, sizes);
  const cvm = cramerVonMisesTest(sides.reference, sides.current);
  const distance = wassersteinDistance(sides.reference, sides.current).distance;
  const normalized = normalizeWasserstein(distance, referenceStd(sides));
  const psi = binnedNumbers(sides).psi;
  if (!sampled) {
    cache.set('cramervonmises', { statistic: cvm.statistic, pValue: cvm.pValue });
    cache.set('wasserstein', { statistic: distance, pValue: null, normalized });
    cache.set('psi', { statistic: psi, pValue: null });
  }
  // PSI is rank-based: an outlier that inflates the reference std (and so shrinks W₁ / std) cannot hide a shift from it.
  // A constant reference has no scale: any significant change from a constant is a real one, so p decides alone.
  const wassersteinLarge = normalized === null || normalized >= MIN_W;
  const large = wassersteinLarge || psi >= MIN_PSI;
  const effectSize =
    !wassersteinLarge && psi >= MIN_PSI
      ? { name: 'psi', value: psi }
      : normalized === null
        ? null
        : { name: 'normalizedWasserstein', value: normalized };
  return {
    test: 'cramervonmises',
    statistic: cvm.statistic,
    pValue: cvm.pValue,
    threshold,
    drifted: judged ? cvm.pValue < P && large : null,
    effectSize,
    ...(judged ? {} : { reason: 'datetime column: time moves between reference and current, so no verdict by default (ask --tests to see more tests)' }),
    ...(normalized === null && judged ? { reason: 'constant reference: Wasserstein distance cannot be scaled, the p-value decides alone' } : {}),
  };
}

/** Categorical and boolean: chi² on the most frequent categories + "(other)" for the p-value, Jensen–Shannon as the effect size. */
function categoricalDrift(sides: CategorySides): ColumnDrift {
  const table = collapseCategories(sides.table, { maxCategories: DRIFT_DEFAULTS.maxCategories, minExpected: DRIFT_DEFAULTS.minExpectedCount });
  const on =
    table.pooled > 0
      ? ` (on the ${table.labels.length - 1} most frequent categories + "(other)" pooling ${table.pooled} more)`
      : '';
  const threshold: ColumnDrift['threshold'] = {
    on: 'pValue',
    value: P,
    description: `drift when chi² p < ${P} and Jensen–Shannon distance ≥ ${MIN_JS}${on}`,
  };
  const sizes = sideSizes(sides);
  if (sizes[0] < DRIFT_DEFAULTS.minValues || sizes[1] < DRIFT_DEFAULTS.minValues) return insufficient('chi2', threshold, sizes);
  const chi2 = chiSquaredTest(table.reference, table.current);
  const js = jensenShannonDistance(table.reference, table.current).distance;
  return {
    test: 'chi2',
    statistic: chi2.statistic,
    pValue: chi2.pValue,
    threshold,
    drifted: chi2.pValue < P && js >= MIN_JS,
    effectSize: { name: 'jensenshannon', value: js },
  };
}

function embeddingDrift(embedding: EmbeddingDrift | null, sizes: readonly [number, number]): ColumnDrift {
  const threshold: ColumnDrift['threshold'] = {
    on: 'pValue',
    value: P,
    description: `drift when the MMD permutation test gives p < ${P} (≤ ${DRIFT_DEFAULTS.embeddingSampleSize} vectors per side)`,
  };
  if (embedding === null) return insufficient('mmd', threshold, sizes);
  return {
    test: 'mmd',
    statistic: embedding.mmd.mmd2,
    pValue: embedding.mmd.pValue,
    threshold,
    drifted: embedding.drifted,
    effectSize: embedding.meanCosineSimilarity === null ? null : { name: 'meanEmbeddingCosine', value: embedding.meanCosineSimilarity },
  };
}

/**
 * The default drift verdict of one column, chosen from its type, plus the extra tests asked for. The rule
 * (docs/drift-defaults.md): a column drifts only when the change is both significant and large enough to matter, so
 * large samples do not flag trivial shifts while small samples keep the power of the test.
 * - numerical: Cramér–von Mises p < 0.05 and (Wasserstein distance / reference std ≥ 0.1 or PSI ≥ 0.1);
 * - categorical and boolean: chi² p < 0.05 and Jensen–Shannon distance ≥ 0.035, on the 20 most frequent categories
 *   (each with an expected count ≥ 5) + "(other)";
 * - datetime: Cramér–von Mises and normalized Wasserstein reported with `drifted: null` (time moves);
 * - embedding: MMD permutation test p < 0.05 on ≤ 1,000 vectors per side, mean-embedding cosine as effect size;
 * - text, id: no test (`drift: null` with a reason).
 * Missing values are dropped first; with fewer than 2 values on a side the verdict is null with a reason.
 * @throws RangeError naming the column when the two sides differ in type or the storage does not fit the type.
 * @example
 * const { drift, tests } = evaluateColumnDrift(ref.columns.get('age')!, cur.columns.get('age')!, { seed: 42, extraTests: ['psi'] });
 * // drift: { test: 'cramervonmises', statistic, pValue, drifted, effectSize: { name: 'normalizedWasserstein', value } }, tests.psi
 */
export function evaluateColumnDrift(reference: DatasetColumn, current: DatasetColumn, options: ColumnDriftOptions): ColumnDriftEvaluation {
  const column = reference.name;
  if (reference.type !== current.type) {
    throw new RangeError(`column ${column}: type differs between reference (${reference.type}) and current (${current.type})`);
  }
  const type = reference.type;
  const sides = prepareDriftSides(column, type, reference.values, current.values, options.memo);
  if (sides === null) return { drift: null, tests: {}, reason: `${type} column: no drift test applies (values are unique or free text)` };
  const cache = new Map<DriftTestName, TestResult>();
  let drift: ColumnDrift;
  let embedding: EmbeddingDrift | null = null;
  switch (sides.kind) {
    case 'numbers':
      drift = numericDrift(sides, type !== 'datetime', options.seed, cache);
      break;
    case 'categories':
      drift = categoricalDrift(sides);
      break;
    case 'vectors':
      embedding = evaluateEmbeddingDrift(reference, current, { seed: options.seed });
      drift = embeddingDrift(embedding, sideSizes(sides));
      if (embedding !== null) cache.set('mmd', { statistic: embedding.mmd.mmd2, pValue: embedding.mmd.pValue });
      break;
  }
  const tests: Record<string, TestResult> = {};
  for (const name of options.extraTests) {
    if (!isDriftTestApplicable(name, type) || name in tests) continue;
    tests[name] = cache.get(name) ?? runPreparedDriftTest(name, sides, options.seed);
  }
  return { drift, tests, ...(embedding === null ? {} : { embedding }) };
}
