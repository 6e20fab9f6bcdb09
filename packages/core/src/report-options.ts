import type { DriftTestName } from './report/report-schema.js';
import type { ReferenceMemo } from './reference-memo.js';

/** Which columns play which part. Every name must exist in both datasets (readers check before monitors run). */
export interface ColumnRoles {
  readonly target?: string;
  readonly prediction?: string;
  /** Probability of the positive class (binary classification). */
  readonly score?: string;
  /** One probability column per class (multiclass); the class is the column name minus the prefix. */
  readonly scoreColumns?: readonly string[];
  readonly timestamp?: string;
  readonly segment?: string;
  readonly protected?: { readonly column: string; readonly privileged: string };
}

/** Settings of one report; every field has a documented default (docs/drift-defaults.md, docs/reports.md). */
export interface ReportOptions {
  readonly roles: ColumnRoles;
  /** Tests to run on every applicable column besides the default one (--tests). */
  readonly extraTests: readonly DriftTestName[];
  /** Seed of every randomized step (sampling, permutations, Isolation Forest, bootstrap). */
  readonly seed: number;
  /** Confidence level of every interval. Default 0.95. */
  readonly confidence: number;
  /** Share of drifted columns at which the dataset counts as drifted. Default 0.5. */
  readonly datasetDriftShare: number;
  /** Sections left out (null in the report): the service's per-model monitor settings. Default none. */
  readonly skip?: readonly ('multivariateDrift' | 'anomalies')[];
  /** Reference score percentile of the anomaly threshold. Default 95. */
  readonly anomalyPercentile?: number;
  /**
   * Remembers reference-side work across reports on the same reference dataset (the service evaluates every window
   * against one reference profile); leave it out for a one-off report.
   */
  readonly memo?: ReferenceMemo;
}

export const DEFAULT_REPORT_OPTIONS: Omit<ReportOptions, 'roles'> = {
  extraTests: [],
  seed: 42,
  confidence: 0.95,
  datasetDriftShare: 0.5,
};
