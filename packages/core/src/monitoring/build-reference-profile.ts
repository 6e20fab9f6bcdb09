import { createRandom } from '@bothub/stats';
import type { ColumnType } from '../column-type.js';
import type { ColumnValues, Dataset, DatasetColumn } from '../dataset.js';
import type { Model } from '../registry/model-schema.js';
import { selectRows } from '../select-rows.js';
import { ROLE_COLUMNS } from './records-to-dataset.js';

/** Version of the serialized layout (serializeReferenceProfile); bump on any incompatible change. */
export const REFERENCE_PROFILE_FORMAT_VERSION = 1;
/** Reference rows kept by default: enough for every test's power, small enough to evaluate a window in milliseconds. */
export const REFERENCE_PROFILE_MAX_ROWS = 10_000;

/** What every monitor needs of a version's reference data, built once and stored. */
export interface ReferenceProfile {
  readonly formatVersion: number;
  /** Rows of the reference data set the profile was built from. */
  readonly rows: number;
  /** Seed the sample was drawn with. */
  readonly seed: number;
  /**
   * A seeded sample of at most `maxRows` reference rows, with the model's columns (features, prediction, score,
   * label) stored as the window datasets store them; its counts (missing, min, max) cover every reference row.
   */
  readonly reference: Dataset;
}

export interface ReferenceProfileOptions {
  readonly seed: number;
  readonly maxRows?: number;
}

/** The columns the service's windows have (see recordsToDataset), in order, with their types. */
function expectedColumns(model: Model): { name: string; type: ColumnType }[] {
  const columns: { name: string; type: ColumnType }[] = model.features.map((f) => ({ name: f.name, type: f.type }));
  columns.push({ name: ROLE_COLUMNS.prediction, type: model.prediction.type });
  if (model.score) columns.push({ name: ROLE_COLUMNS.score, type: 'numerical' });
  if (model.label) columns.push({ name: ROLE_COLUMNS.label, type: model.label.type });
  return columns;
}

function storageOf(type: ColumnType): ColumnValues['storage'] {
  if (type === 'embedding') return 'embedding';
  return type === 'numerical' || type === 'boolean' || type === 'datetime' ? 'numeric' : 'categorical';
}

const TRUE_SPELLINGS = new Set(['true', '1', 'yes', 't', 'y']);
const FALSE_SPELLINGS = new Set(['false', '0', 'no', 'f', 'n']);

/** Reads a category label as the number a window would hold, NaN when it has none. */
function labelToNumber(label: string, type: ColumnType): number {
  if (type === 'boolean') {
    const lower = label.trim().toLowerCase();
    return TRUE_SPELLINGS.has(lower) ? 1 : FALSE_SPELLINGS.has(lower) ? 0 : Number.NaN;
  }
  const n = label.trim() === '' ? Number.NaN : Number(label);
  return Number.isFinite(n) ? n : Number.NaN;
}

/**
 * The column as a window would store it under the model's type: a reader may have inferred another type from a
 * file (numbers for a categorical feature of numeric codes, text for booleans). Null when it cannot be converted.
 */
function conformColumn(column: DatasetColumn, type: ColumnType): DatasetColumn | null {
  const target = storageOf(type);
  const { values } = column;
  if (values.storage === target) return column.type === type ? column : { ...column, type };
  if (values.storage === 'embedding' || target === 'embedding') return null;
  if (values.storage === 'numeric') {
    // Numbers to categories spelled as validateRecord stores them: String(3) = "3", booleans "true"/"false".
    const dictionary: string[] = [];
    const index = new Map<string, number>();
    const codes = Int32Array.from(values.values, (v) => {
      if (Number.isNaN(v)) return -1;
      const label = column.type === 'boolean' ? (v === 1 ? 'true' : v === 0 ? 'false' : String(v)) : String(v);
      let code = index.get(label);
      if (code === undefined) {
        code = dictionary.length;
        dictionary.push(label);
        index.set(label, code);
      }
      return code;
    });
    return { name: column.name, type, values: { storage: 'categorical', codes, dictionary }, counts: { rows: column.counts.rows, missing: column.counts.missing, typeMismatches: column.counts.typeMismatches } };
  }
  const lookup = values.dictionary.map((label) => labelToNumber(label, type));
  const numbers = Float64Array.from(values.codes, (code) => (code < 0 ? Number.NaN : lookup[code]!));
  let missing = 0;
  let mismatches = 0;
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < numbers.length; i++) {
    const v = numbers[i]!;
    if (Number.isNaN(v)) {
      missing++;
      if (values.codes[i]! >= 0) mismatches++;
    } else {
      if (v < min) min = v;
      if (v > max) max = v;
    }
  }
  // The counts of a sampled reader cover more rows than the sample: scale what the sample shows to them.
  const scale = numbers.length > 0 ? column.counts.rows / numbers.length : 1;
  return {
    name: column.name,
    type,
    values: { storage: 'numeric', values: numbers },
    counts: {
      rows: column.counts.rows,
      missing: Math.round(column.counts.missing + (missing - countCategoricalMissing(values.codes)) * scale),
      typeMismatches: column.counts.typeMismatches + Math.round(mismatches * scale),
      ...(min <= max ? { min, max } : {}),
    },
  };
}

function countCategoricalMissing(codes: Int32Array): number {
  let n = 0;
  for (const c of codes) if (c < 0) n++;
  return n;
}

/** A sorted seeded sample of `k` of `n` row indices (partial Fisher–Yates). */
function sampleIndices(n: number, k: number, seed: number): Int32Array {
  const all = new Int32Array(n);
  for (let i = 0; i < n; i++) all[i] = i;
  const rng = createRandom(seed);
  for (let i = 0; i < k; i++) {
    const j = i + rng.nextInt(n - i);
    const t = all[i]!;
    all[i] = all[j]!;
    all[j] = t;
  }
  return all.slice(0, k).sort();
}

/**
 * Builds a version's reference profile from its reference data set (an uploaded file read by a reader, or ingested
 * records through recordsToDataset): the model's columns, conformed to the types a window stores (a numeric column
 * read from a file becomes categorical when the model says so, and back), and a seeded sample of at most
 * `maxRows` (default 10,000) rows. Columns the reference lacks are left out (their monitors then skip them), and
 * reference columns the model does not declare are dropped. Counts (rows, missing, min, max) keep covering every
 * reference row, so out-of-range and missing-share findings compare with the full reference.
 *
 * The report's monitors then run unchanged on (profile.reference, window): see evaluateWindow.
 * @throws RangeError when maxRows is not a positive integer, or when the reference has none of the model's columns.
 * @example
 * const profile = buildReferenceProfile(model, readCsv('train.csv'), { seed: 42 });
 * await store.putReferenceProfile(version.id, serializeReferenceProfile(profile), profile.rows);
 */
export function buildReferenceProfile(model: Model, reference: Dataset, options: ReferenceProfileOptions): ReferenceProfile {
  const maxRows = options.maxRows ?? REFERENCE_PROFILE_MAX_ROWS;
  if (!Number.isInteger(maxRows) || maxRows < 1) throw new RangeError(`buildReferenceProfile: maxRows must be a positive integer, got ${String(maxRows)}`);
  const columns = new Map<string, DatasetColumn>();
  for (const { name, type } of expectedColumns(model)) {
    const column = reference.columns.get(name);
    if (column === undefined) continue;
    const conformed = conformColumn(column, type);
    if (conformed !== null) columns.set(name, conformed);
  }
  if (columns.size === 0) throw new RangeError(`buildReferenceProfile: ${reference.source} has none of the columns of model ${model.name}`);
  const conformed: Dataset = { ...reference, columns };
  if (reference.sampledRows <= maxRows) return { formatVersion: REFERENCE_PROFILE_FORMAT_VERSION, rows: reference.totalRows, seed: options.seed, reference: conformed };

  const sampled = selectRows(conformed, sampleIndices(reference.sampledRows, maxRows, options.seed));
  const sampledColumns = new Map<string, DatasetColumn>();
  for (const [name, column] of sampled.columns) sampledColumns.set(name, { ...column, counts: conformed.columns.get(name)!.counts });
  return {
    formatVersion: REFERENCE_PROFILE_FORMAT_VERSION,
    rows: reference.totalRows,
    seed: options.seed,
    reference: {
      source: reference.source,
      totalRows: reference.totalRows,
      sampledRows: maxRows,
      sampling: `seeded random sample, ${maxRows} of ${reference.totalRows} rows${reference.sampling ? ` (${reference.sampling})` : ''}`,
      duplicateRows: reference.duplicateRows,
      columns: sampledColumns,
    },
  };
}
