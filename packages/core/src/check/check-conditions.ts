import type { Report } from '../report/report-schema.js';

/**
 * One condition of `bothub check`:
 * - `dataset-drift`: fails when the report's dataset drift verdict is true;
 * - `column-drift`: fails when any column (or the named one) drifted;
 * - `max-drifted-share`: fails when the share of drifted columns exceeds `value`;
 * - `min` / `max`: a current performance metric (by its statistics-core name, e.g. rocAuc, f1, rmse) must stay ≥ / ≤ `value`;
 * - `max-missing-share`: no column (or the named one) may have a current missing share above `value`;
 * - `four-fifths`: fails when the fairness four-fifths rule fails on the current data.
 */
export type CheckCondition =
  | { readonly kind: 'dataset-drift' }
  | { readonly kind: 'column-drift'; readonly column?: string }
  | { readonly kind: 'max-drifted-share'; readonly value: number }
  | { readonly kind: 'min'; readonly metric: string; readonly value: number }
  | { readonly kind: 'max'; readonly metric: string; readonly value: number }
  | { readonly kind: 'max-missing-share'; readonly value: number; readonly column?: string }
  | { readonly kind: 'four-fifths' };

export interface ConditionOutcome {
  readonly condition: string;
  readonly passed: boolean;
  readonly detail: string;
}

export interface CheckOutcome {
  readonly passed: boolean;
  readonly outcomes: readonly ConditionOutcome[];
}

/** The condition as a user would write it on the command line. */
export function describeCondition(c: CheckCondition): string {
  switch (c.kind) {
    case 'dataset-drift':
      return '--fail-on dataset-drift';
    case 'column-drift':
      return c.column ? `--fail-on column-drift:${c.column}` : '--fail-on column-drift';
    case 'max-drifted-share':
      return `--max-drifted-share ${c.value}`;
    case 'min':
      return `--min ${c.metric}=${c.value}`;
    case 'max':
      return `--max ${c.metric}=${c.value}`;
    case 'max-missing-share':
      return c.column ? `--max-missing-share ${c.column}=${c.value}` : `--max-missing-share ${c.value}`;
    case 'four-fifths':
      return '--fail-on four-fifths';
  }
}

function evaluateOne(report: Report, c: CheckCondition): ConditionOutcome {
  const condition = describeCondition(c);
  switch (c.kind) {
    case 'dataset-drift': {
      const d = report.datasetDrift;
      return { condition, passed: !d.drifted, detail: `${d.driftedColumns.length} of ${d.columnsTested} columns drifted (share ${fmt(d.driftedShare)}, dataset threshold ${fmt(d.threshold)})${d.multivariate?.drifted ? '; multivariate MMD drifted' : ''}` };
    }
    case 'column-drift': {
      if (c.column !== undefined) {
        const column = report.columns[c.column];
        if (!column) throw new RangeError(`check: column ${c.column} is not in the report`);
        const drifted = column.drift?.drifted === true;
        return { condition, passed: !drifted, detail: drifted ? `${c.column} drifted (${column.drift!.test})` : `${c.column} did not drift` };
      }
      const drifted = report.datasetDrift.driftedColumns;
      return { condition, passed: drifted.length === 0, detail: drifted.length ? `drifted: ${drifted.join(', ')}` : 'no column drifted' };
    }
    case 'max-drifted-share': {
      const share = report.datasetDrift.driftedShare;
      return { condition, passed: share <= c.value, detail: `drifted share ${fmt(share)}` };
    }
    case 'min':
    case 'max': {
      const metric = report.performance?.current[c.metric];
      if (!report.performance) return { condition, passed: false, detail: 'no performance section (give --target and --prediction or --score)' };
      if (!metric || metric.value === null) {
        const known = Object.keys(report.performance.current).join(', ');
        return { condition, passed: false, detail: `metric ${c.metric} is not available (available: ${known})` };
      }
      const ok = c.kind === 'min' ? metric.value >= c.value : metric.value <= c.value;
      return { condition, passed: ok, detail: `current ${c.metric} = ${fmt(metric.value)}` };
    }
    case 'max-missing-share': {
      const entries = Object.entries(report.columns).filter(([name]) => c.column === undefined || name === c.column);
      if (c.column !== undefined && entries.length === 0) throw new RangeError(`check: column ${c.column} is not in the report`);
      const over = entries.filter(([, col]) => col.quality.current.missingShare > c.value);
      return {
        condition,
        passed: over.length === 0,
        detail: over.length ? over.map(([n, col]) => `${n} ${fmt(col.quality.current.missingShare)}`).join(', ') : 'within the limit',
      };
    }
    case 'four-fifths': {
      const rule = report.fairness?.current.fourFifthsRule;
      if (!rule) return { condition, passed: false, detail: 'no fairness section (give --protected COLUMN=privileged)' };
      return { condition, passed: rule.passed !== false, detail: rule.message };
    }
  }
}

/**
 * Evaluates every condition against a report; the check passes when all hold.
 * @example checkConditions(report, [{ kind: 'dataset-drift' }, { kind: 'min', metric: 'rocAuc', value: 0.8 }]);
 */
export function checkConditions(report: Report, conditions: readonly CheckCondition[]): CheckOutcome {
  const outcomes = conditions.map((c) => evaluateOne(report, c));
  return { passed: outcomes.every((o) => o.passed), outcomes };
}

function fmt(value: number): string {
  return Number.isInteger(value) ? String(value) : value.toFixed(4);
}
