import type { ColumnReport, ColumnType, Distribution, MetricValue, Report } from '@bothub/core';

/** What `makeSampleReport` varies. */
export interface SampleReportOptions {
  /** Extra numeric feature columns beyond the dozen built in, to exercise wide reports. */
  extraColumns?: number;
}

const gaussianShares = (edges: number[], mean: number, sd: number): number[] => {
  const density = edges.slice(0, -1).map((lo, i) => {
    const mid = (lo + (edges[i + 1] ?? lo)) / 2;
    return Math.exp(-0.5 * ((mid - mean) / sd) ** 2);
  });
  const total = density.reduce((a, b) => a + b, 0);
  return density.map((d) => d / total);
};

const metric = (value: number, halfWidth: number | null, interval: string | null = 'wilson'): MetricValue => ({
  value,
  lower: halfWidth === null ? null : value - halfWidth,
  upper: halfWidth === null ? null : value + halfWidth,
  interval: halfWidth === null ? null : interval,
});

function numericColumn(options: { mean: number; sd: number; shift: number; pValue: number; missing?: number; role?: string | null }): ColumnReport {
  const edges = Array.from({ length: 21 }, (_, i) => options.mean - 3 * options.sd + (i * 6 * options.sd) / 20);
  const distribution: Distribution = {
    kind: 'histogram',
    edges,
    reference: gaussianShares(edges, options.mean, options.sd),
    current: gaussianShares(edges, options.mean + options.shift * options.sd, options.sd * (1 + options.shift / 4)),
  };
  const drifted = options.pValue < 0.05;
  const missing = options.missing ?? 0;
  return {
    type: 'numerical',
    role: options.role ?? null,
    drift: {
      test: 'ks',
      statistic: Math.min(1, Math.abs(options.shift) * 0.38),
      pValue: options.pValue,
      threshold: { on: 'pValue', value: 0.05, description: 'drift when the KS p-value < 0.05' },
      drifted,
      effectSize: { name: "Cohen's d", value: options.shift },
    },
    tests: {
      ks: { statistic: Math.min(1, Math.abs(options.shift) * 0.38), pValue: options.pValue },
      wasserstein: { statistic: Math.abs(options.shift) * options.sd, pValue: null, normalized: Math.abs(options.shift) },
      psi: { statistic: options.shift ** 2 * 0.5, pValue: null },
    },
    distribution,
    quality: {
      reference: { rows: 5000, missing: 0, missingShare: 0, typeMismatches: 0, distinct: 4800, constant: false, nearConstant: false, min: edges[0] ?? 0, max: edges[20] ?? 0, mean: options.mean, std: options.sd },
      current: {
        rows: 4000,
        missing: Math.round(missing * 4000),
        missingShare: missing,
        typeMismatches: 0,
        distinct: 3900,
        constant: false,
        nearConstant: false,
        min: (edges[0] ?? 0) + options.shift * options.sd,
        max: (edges[20] ?? 0) + options.shift * options.sd,
        mean: options.mean + options.shift * options.sd,
        std: options.sd,
      },
      outOfRangeShare: Math.abs(options.shift) * 0.05,
      unseenCategoryShare: null,
      unseenCategories: [],
      missingShareChange: missing,
    },
  };
}

function categoricalColumn(options: { type?: ColumnType; categories: string[]; reference: number[]; current: number[]; pValue: number; role?: string | null; unseen?: string[] }): ColumnReport {
  const drifted = options.pValue < 0.05;
  const unseen = options.unseen ?? [];
  return {
    type: options.type ?? 'categorical',
    role: options.role ?? null,
    drift: {
      test: 'chi2',
      statistic: -Math.log(options.pValue) * 3,
      pValue: options.pValue,
      threshold: { on: 'pValue', value: 0.05, description: 'drift when the chi-squared p-value < 0.05' },
      drifted,
      effectSize: { name: "Cramér's V", value: Math.min(1, -Math.log(options.pValue) / 40) },
    },
    tests: { chi2: { statistic: -Math.log(options.pValue) * 3, pValue: options.pValue }, jensenshannon: { statistic: 0.04, pValue: null } },
    distribution: { kind: 'categories', categories: options.categories, reference: options.reference, current: options.current },
    quality: {
      reference: { rows: 5000, missing: 0, missingShare: 0, typeMismatches: 0, distinct: options.categories.length, constant: false, nearConstant: false },
      current: { rows: 4000, missing: 0, missingShare: 0, typeMismatches: 0, distinct: options.categories.length + unseen.length, constant: false, nearConstant: false },
      outOfRangeShare: null,
      unseenCategoryShare: unseen.length === 0 ? 0 : 0.012,
      unseenCategories: unseen,
      missingShareChange: 0,
    },
  };
}

/** A column name that would inject markup if the page did not escape it. */
export const MALICIOUS_COLUMN = '<img src=x onerror="window.__xss=1">';

/**
 * A realistic report with every section present — a dozen numeric and categorical columns (one with a hostile
 * name), binary-classification performance, anomalies, fairness and segments — for rendering tests.
 *
 * @example
 * const html = renderHtmlReport(makeSampleReport());
 */
export function makeSampleReport(options: SampleReportOptions = {}): Report {
  const columns: Record<string, ColumnReport> = {
    age: numericColumn({ mean: 41, sd: 12, shift: 0.05, pValue: 0.62 }),
    income: numericColumn({ mean: 52000, sd: 18000, shift: 0.9, pValue: 1e-12, missing: 0.04 }),
    tenure_months: numericColumn({ mean: 30, sd: 14, shift: 0.3, pValue: 0.004 }),
    balance: numericColumn({ mean: 1200, sd: 600, shift: 0.02, pValue: 0.91 }),
    credit_limit: numericColumn({ mean: 8000, sd: 2500, shift: -0.4, pValue: 0.0004 }),
    num_products: numericColumn({ mean: 2, sd: 0.8, shift: 0.1, pValue: 0.21 }),
    country: categoricalColumn({ categories: ['DE', 'FR', 'ES', 'IT', '(other)'], reference: [0.4, 0.25, 0.15, 0.12, 0.08], current: [0.3, 0.24, 0.2, 0.14, 0.12], pValue: 0.0008, unseen: ['PL', 'CZ'] }),
    plan: categoricalColumn({ categories: ['basic', 'plus', 'pro'], reference: [0.6, 0.3, 0.1], current: [0.58, 0.31, 0.11], pValue: 0.48 }),
    [MALICIOUS_COLUMN]: categoricalColumn({ categories: ['<b>bold</b>', '</script><script>window.__xss=2</script>'], reference: [0.5, 0.5], current: [0.45, 0.55], pValue: 0.12 }),
    is_active: categoricalColumn({ type: 'boolean', categories: ['false', 'true'], reference: [0.3, 0.7], current: [0.32, 0.68], pValue: 0.33 }),
    region: categoricalColumn({ categories: ['EU', 'US', 'APAC', 'LATAM'], reference: [0.4, 0.35, 0.2, 0.05], current: [0.38, 0.36, 0.21, 0.05], pValue: 0.7, role: 'segment' }),
    customer_id: {
      type: 'id',
      role: null,
      drift: null,
      tests: {},
      distribution: { kind: 'none' },
      quality: {
        reference: { rows: 5000, missing: 0, missingShare: 0, typeMismatches: 0, distinct: 5000, constant: false, nearConstant: false },
        current: { rows: 4000, missing: 0, missingShare: 0, typeMismatches: 0, distinct: 3998, constant: false, nearConstant: false },
        outOfRangeShare: null,
        unseenCategoryShare: null,
        unseenCategories: [],
        missingShareChange: 0,
      },
    },
  };
  for (let i = 0; i < (options.extraColumns ?? 0); i++) {
    columns[`feature_${String(i).padStart(3, '0')}`] = numericColumn({ mean: i, sd: 1 + (i % 5), shift: ((i * 37) % 11) / 10 - 0.5, pValue: ((i * 53) % 97) / 100 + 0.0001 });
  }
  const numeric = Object.entries(columns).filter(([, c]) => c.type === 'numerical').map(([n]) => n);
  const correlation = (shift: number) =>
    numeric.map((_, i) => numeric.map((__, j) => (i === j ? 1 : Number((Math.cos(i * 1.7 + j * 1.7 + shift) * 0.6 * (i + j === 3 ? 0 : 1)).toFixed(3)))));
  const tested = Object.values(columns).filter((c) => c.drift !== null);
  const driftedColumns = Object.entries(columns).flatMap(([n, c]) => (c.drift?.drifted === true ? [n] : []));
  const group = (name: string, count: number, sel: number, tpr: number, fpr: number) => ({
    group: name,
    count,
    selectionRate: metric(sel, 0.03),
    truePositiveRate: metric(tpr, 0.04),
    falsePositiveRate: metric(fpr, 0.02),
  });
  return {
    schemaVersion: '1.0',
    generatedAt: '2026-11-22T03:00:00.000Z',
    tool: { name: 'bothub', version: '0.1.0' },
    inputs: {
      reference: { source: 'data/train.parquet', format: 'parquet', rows: 5000, sampledRows: 5000, sampling: null },
      current: { source: 'data/prod-2026-11.csv', format: 'csv', rows: 120000, sampledRows: 4000, sampling: 'uniform random sample of 4,000 rows (seed 42)' },
    },
    roles: { target: 'churned', prediction: 'predicted', score: 'churn_score', scoreColumns: [], timestamp: null, segment: 'region', protected: { column: 'gender', privileged: 'male' } },
    summary: {
      verdict: 'drift',
      headline: `Dataset drift: ${driftedColumns.length} of ${tested.length} columns drifted; accuracy fell by 0.06`,
      messages: ['income drifted (KS p < 0.0001, Cohen\'s d 0.9)', 'country has 2 unseen categories in the current data', 'Four-fifths rule failed for gender'],
    },
    columns,
    datasetDrift: {
      columnsTested: tested.length,
      driftedColumns,
      driftedShare: driftedColumns.length / tested.length,
      threshold: 0.5,
      drifted: true,
      multivariate: { test: 'mmd', columns: numeric.slice(0, 6), sampleSize: { reference: 1000, current: 1000 }, mmd2: 0.0421, pValue: 0.001, sigma: 1.84, permutations: 1000, threshold: 0.05, drifted: true },
      embeddings: {
        text_embedding: { dimension: 384, sampleSize: { reference: 1000, current: 1000 }, mmd: { mmd2: 0.012, pValue: 0.03, sigma: 0.9 }, meanCosineSimilarity: 0.81, nearNeighbourShare: 0.74, nearNeighbourThreshold: 0.9, drifted: true },
      },
    },
    dataQuality: {
      reference: { rows: 5000, duplicateRows: 3, duplicateIds: 0 },
      current: { rows: 4000, duplicateRows: 41, duplicateIds: 2 },
      findings: [
        { severity: 'warning', code: 'missing_share_increase', column: 'income', message: 'Missing values rose from 0.0 % to 4.0 %.' },
        { severity: 'critical', code: 'duplicate_ids', column: 'customer_id', message: '2 repeated ids in the current data.' },
        { severity: 'warning', code: 'unseen_categories', column: 'country', message: '2 categories never seen in the reference: PL, CZ.' },
        { severity: 'info', code: 'duplicate_rows', column: null, message: '41 duplicate rows in the current data (1.0 %).' },
        { severity: 'info', code: 'near_constant', column: MALICIOUS_COLUMN, message: `Column ${MALICIOUS_COLUMN} is nearly constant.` },
      ],
      varianceInflation: { columns: numeric, reference: numeric.map((_, i) => (i === 2 ? null : 1.2 + i * 0.7)), current: numeric.map((_, i) => (i === 2 ? null : 1.4 + i * 2.1)) },
      correlations: { columns: numeric, reference: correlation(0), current: correlation(0.5) },
    },
    performance: {
      task: 'binary_classification',
      confidence: 0.95,
      rows: { reference: 5000, current: 3200 },
      reference: {
        accuracy: metric(0.89, 0.009),
        precision: metric(0.81, 0.02),
        recall: metric(0.74, 0.025),
        f1: metric(0.773, 0.02, 'bootstrap'),
        rocAuc: metric(0.93, 0.008, 'delong'),
        logLoss: metric(0.28, null),
        brier: metric(0.085, null),
      },
      current: {
        accuracy: metric(0.83, 0.013),
        precision: metric(0.72, 0.03),
        recall: metric(0.7, 0.03),
        f1: metric(0.71, 0.025, 'bootstrap'),
        rocAuc: metric(0.9, 0.011, 'delong'),
        logLoss: metric(0.39, null),
        brier: metric(0.118, null),
      },
      change: { accuracy: -0.06, precision: -0.09, recall: -0.04, f1: -0.063, rocAuc: -0.03, logLoss: 0.11, brier: 0.033 },
      degraded: ['accuracy', 'precision', 'rocAuc'],
      droppedRows: { reference: 0, current: 800 },
      notes: ['F1 intervals are bootstrap percentiles over 1,000 resamples.'],
    },
    anomalies: {
      columns: numeric,
      percentile: 99,
      threshold: 0.612,
      referenceShareAbove: 0.01,
      currentShareAbove: 0.034,
      currentShareInterval: metric(0.034, 0.0056),
      topRows: [
        { row: 1722, score: 0.741, values: { age: 97, income: 910000, tenure_months: 2, balance: -40, credit_limit: 50000, num_products: 9 } },
        { row: 88, score: 0.702, values: { age: 19, income: null, tenure_months: 140, balance: 98000, credit_limit: 100, num_products: 1 } },
        { row: 3051, score: 0.688, values: { age: 64, income: 12000, tenure_months: 0, balance: 3, credit_limit: 42000, num_products: 7 } },
      ],
    },
    fairness: {
      column: 'gender',
      privileged: 'male',
      minGroupSize: 30,
      reference: {
        disparateImpact: metric(0.91, 0.05, 'bootstrap'),
        statisticalParityDifference: metric(-0.03, 0.02, 'bootstrap'),
        equalOpportunityDifference: metric(-0.02, 0.03, 'bootstrap'),
        averageOddsDifference: metric(-0.015, 0.02, 'bootstrap'),
        groups: [group('male', 2600, 0.33, 0.76, 0.08), group('female', 2350, 0.3, 0.74, 0.07), group('non-binary', 50, 0.28, 0.7, 0.09)],
        fourFifthsRule: { passed: true, message: 'Disparate impact 0.91 is within [0.8, 1.25].' },
        insufficient: [],
      },
      current: {
        disparateImpact: metric(0.72, 0.06, 'bootstrap'),
        statisticalParityDifference: metric(-0.1, 0.03, 'bootstrap'),
        equalOpportunityDifference: metric(-0.12, 0.04, 'bootstrap'),
        averageOddsDifference: metric(-0.08, 0.03, 'bootstrap'),
        groups: [group('male', 1700, 0.36, 0.78, 0.1), group('female', 1480, 0.26, 0.66, 0.06), group('non-binary', 20, 0.2, 0.5, 0.1)],
        fourFifthsRule: { passed: false, message: 'Disparate impact 0.72 is below 0.8.' },
        insufficient: ['non-binary: 20 rows, fewer than the minimum of 30'],
      },
    },
    segments: {
      column: 'region',
      minRows: 100,
      segments: [
        { value: 'EU', rows: { reference: 2000, current: 1520 }, columnsTested: 11, driftedColumns: ['income', 'country', 'credit_limit', 'tenure_months', 'age', 'plan'], driftedShare: 6 / 11, performance: { accuracy: 0.8, rocAuc: 0.88 }, anomalyShare: 0.041 },
        { value: 'US', rows: { reference: 1750, current: 1440 }, columnsTested: 11, driftedColumns: ['income'], driftedShare: 1 / 11, performance: { accuracy: 0.86, rocAuc: 0.92 }, anomalyShare: 0.022 },
        { value: 'APAC', rows: { reference: 1000, current: 840 }, columnsTested: 11, driftedColumns: ['income', 'credit_limit', 'country'], driftedShare: 3 / 11, performance: { accuracy: 0.84, rocAuc: 0.9 }, anomalyShare: 0.03 },
        { value: 'LATAM', rows: { reference: 250, current: 60 }, columnsTested: 0, driftedColumns: [], driftedShare: null, performance: null, anomalyShare: null },
      ],
      worst: ['EU', 'APAC', 'US'],
    },
  };
}
