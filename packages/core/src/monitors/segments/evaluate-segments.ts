import type { Dataset, DatasetColumn } from '../../dataset.js';
import type { ColumnDrift, SegmentReport, Segments } from '../../report/report-schema.js';
import { selectRows } from '../../select-rows.js';

/** Segments smaller than this on either side get no drift verdict (too few rows for a fair test). */
export const SEGMENT_MIN_ROWS = 30;
/** At most this many segments (the largest by current rows) are analysed; the rest are summed in no report. */
export const SEGMENT_MAX_COUNT = 20;

export interface SegmentEvaluators {
  /** The default drift verdict of one column between two (segment) datasets. */
  columnDrift(reference: DatasetColumn, current: DatasetColumn): ColumnDrift | null;
  /** Headline current performance metrics of a segment, or null without labels. */
  performance?(reference: Dataset, current: Dataset): Record<string, number | null> | null;
}

function labelOf(column: DatasetColumn, row: number): string | null {
  const v = column.values;
  if (v.storage === 'categorical') {
    const code = v.codes[row]!;
    return code < 0 ? null : v.dictionary[code]!;
  }
  if (v.storage === 'numeric') {
    const x = v.values[row]!;
    return Number.isNaN(x) ? null : String(x);
  }
  return null;
}

function rowsBySegment(dataset: Dataset, column: string): Map<string, number[]> {
  const segmentColumn = dataset.columns.get(column);
  if (!segmentColumn) throw new RangeError(`evaluateSegments: segment column ${column} is not in ${dataset.source}`);
  const groups = new Map<string, number[]>();
  for (let r = 0; r < dataset.sampledRows; r++) {
    const label = labelOf(segmentColumn, r) ?? '(missing)';
    let rows = groups.get(label);
    if (!rows) groups.set(label, (rows = []));
    rows.push(r);
  }
  return groups;
}

/**
 * Every result broken down by the segment column: for each of the largest segments, the drift verdict of each
 * feature column within the segment, the segment's drifted share and its headline performance; the worst
 * segments (highest drifted share) are named first.
 * @example evaluateSegments(reference, current, 'region', ['age', 'income'], evaluators);
 */
export function evaluateSegments(
  reference: Dataset,
  current: Dataset,
  column: string,
  featureColumns: readonly string[],
  evaluators: SegmentEvaluators,
): Segments {
  const referenceGroups = rowsBySegment(reference, column);
  const currentGroups = rowsBySegment(current, column);
  const labels = [...new Set([...referenceGroups.keys(), ...currentGroups.keys()])]
    .sort((a, b) => (currentGroups.get(b)?.length ?? 0) - (currentGroups.get(a)?.length ?? 0) || a.localeCompare(b))
    .slice(0, SEGMENT_MAX_COUNT);
  const features = featureColumns.filter((c) => c !== column);

  const segments: SegmentReport[] = labels.map((value) => {
    const refRows = Int32Array.from(referenceGroups.get(value) ?? []);
    const curRows = Int32Array.from(currentGroups.get(value) ?? []);
    const rows = { reference: refRows.length, current: curRows.length };
    if (refRows.length < SEGMENT_MIN_ROWS || curRows.length < SEGMENT_MIN_ROWS) {
      return { value, rows, columnsTested: 0, driftedColumns: [], driftedShare: null, performance: null, anomalyShare: null };
    }
    const ref = selectRows(reference, refRows, `${reference.source} [${column}=${value}]`);
    const cur = selectRows(current, curRows, `${current.source} [${column}=${value}]`);
    const verdicts = features.map((name) => [name, evaluators.columnDrift(ref.columns.get(name)!, cur.columns.get(name)!)] as const);
    const tested = verdicts.filter(([, d]) => d !== null && d.drifted !== null);
    const driftedColumns = tested.filter(([, d]) => d!.drifted === true).map(([name]) => name);
    return {
      value,
      rows,
      columnsTested: tested.length,
      driftedColumns,
      driftedShare: tested.length ? driftedColumns.length / tested.length : null,
      performance: evaluators.performance ? evaluators.performance(ref, cur) : null,
      anomalyShare: null,
    };
  });
  const worst = segments
    .filter((s) => s.driftedShare !== null && s.driftedShare > 0)
    .sort((a, b) => b.driftedShare! - a.driftedShare! || b.rows.current - a.rows.current)
    .slice(0, 5)
    .map((s) => s.value);
  return { column, minRows: SEGMENT_MIN_ROWS, segments, worst };
}
