import { varianceInflationFactors } from '@bothub/stats';
import type { Dataset, DatasetColumn } from '../../dataset.js';
import type { ReferenceMemo } from '../../reference-memo.js';
import { remember } from '../../reference-memo.js';
import type { ColumnRoles } from '../../report-options.js';
import type { ColumnQuality, DataQuality, Finding } from '../../report/report-schema.js';
import { countDistinctValues } from './count-distinct-values.js';
import { pearsonCorrelationMatrix } from './pearson-correlation-matrix.js';
import { QUALITY_THRESHOLDS as T } from './quality-thresholds.js';

/** At most this many numerical features enter the variance inflation factors (the first ones in column order). */
export const VIF_MAX_COLUMNS = 20;
/** Complete rows the variance inflation factors read at most (evenly spaced when there are more). */
export const VIF_MAX_ROWS = 50_000;
/** At most this many numerical columns enter the correlation matrices (the first ones in column order). */
export const CORRELATION_MAX_COLUMNS = 30;

const SEVERITY_ORDER = { critical: 0, warning: 1, info: 2 } as const;

/**
 * Dataset-level data quality: rows and duplicates per side, the findings (severity, stable code, column, message
 * with the threshold crossed; thresholds in {@link QUALITY_THRESHOLDS}), variance inflation factors and correlation
 * matrices.
 *
 * - `duplicateRows` comes from the readers (exact over all rows). `duplicateIds` sums, over the columns of type id,
 *   the non-missing values that repeat an earlier one in the sampled rows; null when there is no id column.
 * - Variance inflation factors: the numerical feature columns (type numerical, no role) that vary on both sides, at
 *   most {@link VIF_MAX_COLUMNS} in column order; per side on the rows complete in all of them, at most
 *   {@link VIF_MAX_ROWS} evenly spaced ones (varianceInflationFactors of @bothub/stats). Infinity (an exact linear
 *   dependency) and undefined values are written null; a side with fewer complete rows than columns + 2 is all null.
 * - Correlations: Pearson matrices over the numerical columns (roles included, so the target's correlations show)
 *   that vary on at least one side, at most {@link CORRELATION_MAX_COLUMNS}, on pairwise complete rows; null where r is
 *   undefined.
 * - Findings are ordered critical, warning, info, then by column order.
 *
 * @param columnQuality per column, from {@link evaluateColumnQuality}; columns without an entry get no column finding.
 * With a `memo`, the reference's VIF and correlations are remembered across calls.
 * @throws RangeError when a reference column is absent from the current dataset.
 * @example
 * const quality = evaluateDataQuality(reference, current, columnQuality, { target: 'default' });
 * quality.findings.filter((f) => f.severity === 'critical');
 */
export function evaluateDataQuality(
  reference: Dataset,
  current: Dataset,
  columnQuality: Readonly<Record<string, ColumnQuality>>,
  roles: ColumnRoles,
  memo?: ReferenceMemo,
): DataQuality {
  const names = [...reference.columns.keys()];
  for (const name of names) {
    if (!current.columns.has(name)) {
      throw new RangeError(`evaluateDataQuality: column "${name}" is in the reference (${reference.source}) but not in the current data (${current.source})`);
    }
  }
  const roleColumns = roleColumnNames(roles);
  const findings: Finding[] = [];

  let refIds: number | null = null;
  let curIds: number | null = null;
  for (const name of names) {
    const refColumn = reference.columns.get(name)!;
    if (refColumn.type !== 'id') continue;
    const refCount = countRepeats(refColumn);
    const curCount = countRepeats(current.columns.get(name)!);
    refIds = (refIds ?? 0) + refCount.repeats;
    curIds = (curIds ?? 0) + curCount.repeats;
    if (curCount.repeats > 0) {
      const share = curCount.repeats / curCount.present;
      findings.push({
        severity: atLeast(share, T.duplicateIdsCritical) ? 'critical' : 'warning',
        code: 'duplicate_ids',
        column: name,
        message: `Id column "${name}" repeats ${curCount.repeats} value${curCount.repeats === 1 ? '' : 's'} (${pct(share)} of its non-missing values${sampledNote(current)}); ids should be unique (critical at ${pct(T.duplicateIdsCritical)}).`,
      });
    }
  }

  for (const name of names) {
    const quality = columnQuality[name];
    if (quality !== undefined) findings.push(...columnFindings(name, reference.columns.get(name)!.type, quality));
  }
  findings.push(...duplicateRowFindings(reference, current));

  const numerical = names.filter((name) => reference.columns.get(name)!.type === 'numerical' && reference.columns.get(name)!.values.storage === 'numeric');
  const vifColumns = numerical
    .filter((name) => !roleColumns.has(name) && variesOnBothSides(columnQuality[name]))
    .slice(0, VIF_MAX_COLUMNS);
  const columnsOf = (dataset: Dataset, selected: readonly string[]) => selected.map((name) => numericValuesOf(dataset.columns.get(name)!));
  const refVifColumns = columnsOf(reference, vifColumns);
  const refVif = remember(memo, refVifColumns, 'variance-inflation', () => sideVarianceInflation(refVifColumns, reference.sampledRows));
  const curVif = sideVarianceInflation(columnsOf(current, vifColumns), current.sampledRows);
  vifColumns.forEach((name, j) => {
    const v = curVif?.[j] ?? Number.NaN;
    if (!(v > T.vifWarning)) return;
    const refV = refVif?.[j] ?? Number.NaN;
    const refText = Number.isNaN(refV) ? 'not computed' : formatVif(refV);
    findings.push({
      severity: 'warning',
      code: 'high_vif',
      column: name,
      message:
        v === Number.POSITIVE_INFINITY
          ? `"${name}" is an exact linear combination of other numerical features in the current data (VIF infinite; reference ${refText}; warning above ${T.vifWarning}).`
          : `"${name}" is strongly collinear with other numerical features in the current data: VIF ${formatVif(v)} (reference ${refText}; warning above ${T.vifWarning}).`,
    });
  });

  const correlationColumns = numerical.filter((name) => variesOnEitherSide(columnQuality[name])).slice(0, CORRELATION_MAX_COLUMNS);

  const order = new Map(names.map((name, i) => [name, i]));
  findings.sort(
    (a, b) =>
      SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] ||
      (a.column === null ? names.length : order.get(a.column)!) - (b.column === null ? names.length : order.get(b.column)!),
  );

  return {
    reference: { rows: reference.totalRows, duplicateRows: reference.duplicateRows, duplicateIds: refIds },
    current: { rows: current.totalRows, duplicateRows: current.duplicateRows, duplicateIds: curIds },
    findings,
    varianceInflation: {
      columns: vifColumns,
      reference: vifColumns.map((_, j) => finiteOrNull(refVif?.[j] ?? Number.NaN)),
      current: vifColumns.map((_, j) => finiteOrNull(curVif?.[j] ?? Number.NaN)),
    },
    correlations: {
      columns: correlationColumns,
      reference: remember(memo, columnsOf(reference, correlationColumns), 'pearson-correlations', () => pearsonCorrelationMatrix(columnsOf(reference, correlationColumns))),
      current: pearsonCorrelationMatrix(columnsOf(current, correlationColumns)),
    },
  };
}

function roleColumnNames(roles: ColumnRoles): Set<string> {
  const names = new Set<string>();
  for (const name of [roles.target, roles.prediction, roles.score, roles.timestamp, roles.segment, roles.protected?.column]) {
    if (name !== undefined) names.add(name);
  }
  for (const name of roles.scoreColumns ?? []) names.add(name);
  return names;
}

function variesOnBothSides(quality: ColumnQuality | undefined): boolean {
  return quality !== undefined && !quality.reference.constant && !quality.current.constant;
}

function variesOnEitherSide(quality: ColumnQuality | undefined): boolean {
  return quality !== undefined && (!quality.reference.constant || !quality.current.constant);
}

function numericValuesOf(column: DatasetColumn): Float64Array {
  if (column.values.storage !== 'numeric') throw new RangeError(`evaluateDataQuality: column "${column.name}" is not stored as numbers`);
  return column.values.values;
}

/** Non-missing sampled values that repeat an earlier value, and the non-missing count. */
function countRepeats(column: DatasetColumn): { repeats: number; present: number } {
  const { values } = column;
  if (values.storage === 'categorical') {
    const seen = new Uint8Array(values.dictionary.length);
    let present = 0;
    let repeats = 0;
    for (let i = 0; i < values.codes.length; i++) {
      const code = values.codes[i]!;
      if (code < 0) continue;
      present++;
      if (seen[code] === 1) repeats++;
      else seen[code] = 1;
    }
    return { repeats, present };
  }
  if (values.storage === 'numeric') {
    const { present, distinct } = countDistinctValues(values.values);
    return { repeats: present - distinct, present };
  }
  return { repeats: 0, present: 0 };
}

/** VIF per column on one side (NaN where undefined), or null when too few complete rows. */
function sideVarianceInflation(columns: readonly Float64Array[], rows: number): Float64Array | null {
  const p = columns.length;
  if (p === 0) return null;
  const incomplete = new Uint8Array(rows);
  for (const column of columns) {
    for (let i = 0; i < rows; i++) if (!Number.isFinite(column[i]!)) incomplete[i] = 1;
  }
  const complete = new Int32Array(rows);
  let count = 0;
  for (let i = 0; i < rows; i++) if (incomplete[i] === 0) complete[count++] = i;
  if (count < p + 2) return null;
  const n = Math.min(count, VIF_MAX_ROWS);
  const samples = columns.map((column) => {
    const out = new Float64Array(n);
    for (let k = 0; k < n; k++) out[k] = column[complete[n === count ? k : Math.floor((k * count) / n)]!]!;
    return out;
  });
  return varianceInflationFactors(samples).vif;
}

function columnFindings(name: string, type: DatasetColumn['type'], q: ColumnQuality): Finding[] {
  const out: Finding[] = [];
  const { reference: ref, current: cur } = q;

  const rise = q.missingShareChange;
  if (atLeast(rise, T.missingShareWarning)) {
    out.push({
      severity: atLeast(rise, T.missingShareCritical) ? 'critical' : 'warning',
      code: 'missing_share_increase',
      column: name,
      message: `Missing values in "${name}" rose from ${pct(ref.missingShare)} to ${pct(cur.missingShare)} (+${points(rise)}; warning at +${points(T.missingShareWarning)}, critical at +${points(T.missingShareCritical)}).`,
    });
  } else if (ref.missing === 0 && cur.missing > 0) {
    out.push({
      severity: 'info',
      code: 'missing_values_appeared',
      column: name,
      message: `"${name}" has ${cur.missing} missing value${cur.missing === 1 ? '' : 's'} (${pct(cur.missingShare)}) where the reference had none (warning at +${points(T.missingShareWarning)}).`,
    });
  }

  if (cur.typeMismatches > 0) {
    const share = cur.rows > 0 ? cur.typeMismatches / cur.rows : 0;
    out.push({
      severity: atLeast(share, T.typeMismatchCritical) ? 'critical' : 'warning',
      code: 'type_mismatches',
      column: name,
      message: `${cur.typeMismatches} value${cur.typeMismatches === 1 ? '' : 's'} of "${name}" (${pct(share)} of the current rows) do not parse as ${type} and were read as missing (reference: ${ref.typeMismatches}; critical at ${pct(T.typeMismatchCritical)}).`,
    });
  } else if (ref.typeMismatches > 0) {
    out.push({
      severity: 'info',
      code: 'type_mismatches',
      column: name,
      message: `${ref.typeMismatches} reference value${ref.typeMismatches === 1 ? '' : 's'} of "${name}" do not parse as ${type} and were read as missing; the current data has none.`,
    });
  }

  if (q.unseenCategoryShare !== null && q.unseenCategoryShare > 0) {
    const share = q.unseenCategoryShare;
    const shown = q.unseenCategories.slice(0, 5).map((c) => JSON.stringify(c)).join(', ');
    out.push({
      severity: atLeast(share, T.unseenCritical) ? 'critical' : atLeast(share, T.unseenWarning) ? 'warning' : 'info',
      code: 'unseen_categories',
      column: name,
      message: `${pct(share)} of the current values of "${name}" are categories the reference never shows (${shown}${q.unseenCategories.length > 5 ? ', …' : ''}; warning at ${pct(T.unseenWarning)}, critical at ${pct(T.unseenCritical)}).`,
    });
  }

  if (q.outOfRangeShare !== null && q.outOfRangeShare > 0) {
    const share = q.outOfRangeShare;
    // 2/(n + 1): chance that one more draw of the same distribution lands outside the range of n draws.
    const chance = 2 / (ref.rows - ref.missing + 1);
    const warning = Math.max(T.outOfRangeWarning, 2 * chance);
    const critical = Math.max(T.outOfRangeCritical, 10 * chance);
    out.push({
      severity: atLeast(share, critical) ? 'critical' : atLeast(share, warning) ? 'warning' : 'info',
      code: 'out_of_range',
      column: name,
      message: `${pct(share)} of the current values of "${name}" lie outside the reference range [${formatNumber(ref.min)}, ${formatNumber(ref.max)}] (warning at ${pct(warning)}, critical at ${pct(critical)}).`,
    });
  }

  const curDistinct = cur.distinct ?? 0;
  const refDistinct = ref.distinct ?? 0;
  if (cur.constant && curDistinct === 0 && refDistinct === 0 && ref.constant) {
    out.push({ severity: 'info', code: 'empty_column', column: name, message: `"${name}" has no value in either dataset.` });
  } else if (cur.constant && curDistinct === 1) {
    out.push(
      ref.constant
        ? { severity: 'info', code: 'constant_column', column: name, message: `"${name}" holds a single value in both datasets; it carries no information.` }
        : {
            severity: 'critical',
            code: 'constant_column',
            column: name,
            message: `"${name}" holds a single value in the current data but ${refDistinct} distinct values in the reference.`,
          },
    );
  } else if (ref.constant && refDistinct === 1 && !cur.constant) {
    out.push({ severity: 'info', code: 'constant_column', column: name, message: `"${name}" held a single value in the reference; it now takes ${curDistinct}.` });
  } else if (cur.nearConstant && !cur.constant) {
    out.push({
      severity: ref.nearConstant ? 'info' : 'warning',
      code: 'near_constant_column',
      column: name,
      message: ref.nearConstant
        ? `"${name}" is almost constant in both datasets (one value covers ≥ 95 % of the non-missing rows).`
        : `"${name}" became almost constant: one value covers ≥ 95 % of its non-missing current rows, not so in the reference.`,
    });
  }
  return out;
}

function duplicateRowFindings(reference: Dataset, current: Dataset): Finding[] {
  if (current.duplicateRows === 0) return [];
  const curShare = current.totalRows > 0 ? current.duplicateRows / current.totalRows : 0;
  const refShare = reference.totalRows > 0 ? reference.duplicateRows / reference.totalRows : 0;
  const rising = atLeast(curShare - refShare, T.duplicateRowsWarning);
  return [
    {
      severity: rising ? 'warning' : 'info',
      code: 'duplicate_rows',
      column: null,
      message: `${current.duplicateRows} current row${current.duplicateRows === 1 ? ' repeats' : 's repeat'} an earlier row exactly (${pct(curShare)}; reference ${pct(refShare)}; warning when ${points(T.duplicateRowsWarning)} above the reference).`,
    },
  ];
}

/** x ≥ threshold, forgiving the rounding of share differences (0.25 − 0.2 is 0.04999… in doubles). */
function atLeast(x: number, threshold: number): boolean {
  return x >= threshold - 1e-12;
}

function sampledNote(dataset: Dataset): string {
  return dataset.sampledRows < dataset.totalRows ? `, in ${dataset.sampledRows} sampled rows` : '';
}

function pct(share: number): string {
  return `${(share * 100).toFixed(1)} %`;
}

function points(difference: number): string {
  return `${(difference * 100).toFixed(1)} points`;
}

function formatVif(v: number): string {
  return v === Number.POSITIVE_INFINITY ? 'infinite' : v.toFixed(1);
}

function formatNumber(v: number | null | undefined): string {
  return v === null || v === undefined ? '?' : String(Number(v.toPrecision(6)));
}

function finiteOrNull(v: number): number | null {
  return Number.isFinite(v) ? v : null;
}
