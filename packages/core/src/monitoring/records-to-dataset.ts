import type { ColumnType } from '../column-type.js';
import type { ColumnValues, Dataset, DatasetColumn } from '../dataset.js';
import type { ValidRecord } from '../ingest/record-schema.js';
import type { FeatureSpec, Model } from '../registry/model-schema.js';

/** What {@link recordsToDataset} reads of a stored record. */
export type StoredRecordLike = Pick<ValidRecord, 'features' | 'prediction' | 'score' | 'label'>;

/** Names of the columns that hold the prediction, the score and the label; a feature must not take one of them. */
export const ROLE_COLUMNS = { prediction: 'prediction', score: 'score', label: 'label' } as const;

type Cell = ValidRecord['features'][string] | undefined;
interface Built {
  readonly values: ColumnValues;
  readonly missing: number;
  readonly min?: number;
  readonly max?: number;
}

function numericValues(cells: readonly Cell[]): Built {
  const values = new Float64Array(cells.length);
  let missing = 0;
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < cells.length; i++) {
    const cell = cells[i];
    const v = typeof cell === 'number' ? cell : typeof cell === 'boolean' ? (cell ? 1 : 0) : Number.NaN;
    if (Number.isFinite(v)) {
      values[i] = v;
      if (v < min) min = v;
      if (v > max) max = v;
    } else {
      values[i] = Number.NaN;
      missing++;
    }
  }
  return { values: { storage: 'numeric', values }, missing, ...(min <= max ? { min, max } : {}) };
}

function categoricalValues(cells: readonly Cell[]): Built {
  const codes = new Int32Array(cells.length);
  const dictionary: string[] = [];
  const index = new Map<string, number>();
  let missing = 0;
  for (let i = 0; i < cells.length; i++) {
    const cell = cells[i];
    if (cell === null || cell === undefined || typeof cell === 'object' || cell === '') {
      codes[i] = -1;
      missing++;
      continue;
    }
    const label = String(cell);
    let code = index.get(label);
    if (code === undefined) {
      code = dictionary.length;
      dictionary.push(label);
      index.set(label, code);
    }
    codes[i] = code;
  }
  return { values: { storage: 'categorical', codes, dictionary }, missing };
}

function embeddingValues(cells: readonly Cell[], dimension: number | undefined): Built {
  let cols = dimension;
  if (cols === undefined) for (const cell of cells) if (Array.isArray(cell) && cell.length > 0) { cols = cell.length; break; }
  cols ??= 1;
  const data = new Float64Array(cells.length * cols);
  const missingFlags = new Uint8Array(cells.length);
  let missing = 0;
  for (let i = 0; i < cells.length; i++) {
    const cell = cells[i];
    if (Array.isArray(cell) && cell.length === cols) data.set(cell as readonly number[], i * cols);
    else {
      missingFlags[i] = 1;
      missing++;
    }
  }
  return { values: { storage: 'embedding', vectors: { rows: cells.length, cols, data }, missing: missingFlags }, missing };
}

function buildColumn(name: string, type: ColumnType, cells: readonly Cell[], dimension?: number): DatasetColumn {
  const { values, missing, min, max }: Built =
    type === 'embedding' ? embeddingValues(cells, dimension) : type === 'numerical' || type === 'boolean' ? numericValues(cells) : categoricalValues(cells);
  const range = min !== undefined && max !== undefined ? { min, max } : {};
  return { name, type, values, counts: { rows: cells.length, missing, typeMismatches: 0, ...range } };
}

function rowKey(record: StoredRecordLike, features: readonly FeatureSpec[]): string {
  const parts: unknown[] = features.map((f) => (Object.hasOwn(record.features, f.name) ? record.features[f.name] : null));
  parts.push(record.prediction, record.score, record.label);
  return JSON.stringify(parts);
}

/**
 * The records of a window (or of a reference time range) as a columnar Dataset the monitors read: one column per
 * feature of the model (numerical and boolean stored as numbers, boolean as 0/1; categorical and text as codes;
 * embedding as vectors of the declared dimension), then `prediction` (typed as the model's prediction), `score`
 * (when the model has scores) and `label` (when the model declares a label; missing until one arrives). No sampling:
 * counts are exact and `duplicateRows` counts records equal in every column to an earlier one.
 *
 * @throws RangeError when a feature is named like a role column (prediction, score, label).
 * @example recordsToDataset(model, await store.loadWindowRecords(window), `window ${window.id}`);
 */
export function recordsToDataset(model: Model, records: readonly StoredRecordLike[], source: string): Dataset {
  const roleNames = new Set<string>(Object.values(ROLE_COLUMNS));
  for (const feature of model.features) {
    if (roleNames.has(feature.name)) throw new RangeError(`recordsToDataset: feature "${feature.name}" has the name of a role column; rename it`);
  }
  const columns = new Map<string, DatasetColumn>();
  for (const feature of model.features) {
    const cells = records.map((r) => (Object.hasOwn(r.features, feature.name) ? r.features[feature.name] : null));
    columns.set(feature.name, buildColumn(feature.name, feature.type, cells, feature.dimension));
  }
  columns.set(ROLE_COLUMNS.prediction, buildColumn(ROLE_COLUMNS.prediction, model.prediction.type, records.map((r) => r.prediction)));
  if (model.score) columns.set(ROLE_COLUMNS.score, buildColumn(ROLE_COLUMNS.score, 'numerical', records.map((r) => r.score)));
  if (model.label) columns.set(ROLE_COLUMNS.label, buildColumn(ROLE_COLUMNS.label, model.label.type, records.map((r) => r.label)));

  const seen = new Set<string>();
  let duplicateRows = 0;
  for (const record of records) {
    const key = rowKey(record, model.features);
    if (seen.has(key)) duplicateRows++;
    else seen.add(key);
  }
  return { source, totalRows: records.length, sampledRows: records.length, duplicateRows, columns };
}
