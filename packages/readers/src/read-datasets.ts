import type { ColumnType, Dataset, DatasetColumn } from '@bothub/core';
import { COLUMN_TYPES } from '@bothub/core';
import { createRandom } from '@bothub/stats';
import { createColumnBuilder } from './column-builder.js';
import type { ColumnBuilder, ColumnPlan } from './column-builder.js';
import { createDistinctHashSet } from './distinct-hash-set.js';
import { hashRow } from './hash-row.js';
import { inferColumnType } from './infer-column-type.js';
import { isMissingCell, parseLabelCell } from './parse-cell.js';
import { openRowSource } from './open-row-source.js';
import type { RawCell, RowBatch, RowSource } from './row-source.js';
import { createRowSampler } from './row-sampler.js';
import { UserInputError } from './user-input-error.js';

/** Rows kept per dataset by default; above it rows are sampled. */
export const DEFAULT_SAMPLE_SIZE = 1_000_000;
/** Rows of the reference the types are inferred from, and rows of each file checked for mixed types. */
export const INFERENCE_ROWS = 10_000;

/** Progress of one file being read. */
export interface ReadProgress {
  readonly file: string;
  readonly rows: number;
  readonly bytes: number;
  readonly totalBytes: number;
}

/** How to read the reference and current files. */
export interface ReadOptions {
  /** Column types that override inference, by column (or embedding prefix) name. */
  readonly columnTypes?: Readonly<Record<string, ColumnType>>;
  /** Columns left out. */
  readonly ignore?: readonly string[];
  /** CSV delimiter; detected from the first line among , ; tab | when absent. */
  readonly delimiter?: string;
  /** Prefixes whose numbered columns (emb_0, emb_1 …) form one embedding column, named by the prefix without a trailing _ - or . */
  readonly embeddingPrefixes?: readonly string[];
  /** Rows kept per dataset (default {@link DEFAULT_SAMPLE_SIZE}); above it rows are sampled. */
  readonly sampleSize?: number;
  /** Sample per class of this column (the target) so class shares are kept; uniform otherwise. */
  readonly stratifyBy?: string;
  readonly seed: number;
  /** Columns the roles name (target, prediction, score …): absent from a file → error. */
  readonly requiredColumns?: readonly string[];
  readonly onProgress?: (progress: ReadProgress) => void;
}

/** The two datasets read with one schema, and each file's format. */
export interface ReadDatasetsResult {
  readonly reference: Dataset;
  readonly current: Dataset;
  readonly formats: { readonly reference: string; readonly current: string };
}

/**
 * Reads the reference and current files (CSV/TSV, JSON Lines, Parquet; see `openRowSource`) as streams into columnar
 * datasets with one schema: types are inferred from the reference's first {@link INFERENCE_ROWS} rows (rules in
 * `inferColumnType`) unless overridden, and the current file is read with the reference's types. Counts (rows,
 * missing, type mismatches, min, max, duplicate rows) are exact over all rows; values are kept for at most
 * `sampleSize` rows per file (see `createRowSampler`). Every problem with the input is a {@link UserInputError}.
 * @example
 * const { reference, current } = await readDatasets('train.csv', 'prod.parquet', { seed: 42, stratifyBy: 'churned' });
 */
export async function readDatasets(referencePath: string, currentPath: string, options: ReadOptions): Promise<ReadDatasetsResult> {
  const sampleSize = checkReadOptions(options);

  // Both files are opened (headers read) first, so a missing file or a schema mismatch is reported before a long read.
  const referenceSource = await openRowSource(referencePath, withDelimiter(options));
  let currentSource: RowSource | undefined;
  let reference: Dataset;
  let current: Dataset;
  try {
    currentSource = await openRowSource(currentPath, withDelimiter(options));
    const referenceProbe = await probeRows(referenceSource);
    const plans = planColumns(referenceSource, referenceProbe.rows, options);
    const currentPlans = matchSchema(plans, referenceSource, currentSource, options);
    reference = await buildDataset(referenceSource, plans, referenceProbe, options, sampleSize, options.seed);
    await referenceSource.close();
    // The current file's vectors must have the reference's length; others are type mismatches.
    const currentPlansWithDimensions = currentPlans.map((plan): ColumnPlan => {
      const values = reference.columns.get(plan.name)?.values;
      return values?.storage === 'embedding' && values.vectors.cols > 0 ? { ...plan, dimension: values.vectors.cols } : plan;
    });
    const currentProbe = await probeRows(currentSource);
    // A different stream of random numbers for the current file, so the two samples are independent.
    current = await buildDataset(currentSource, currentPlansWithDimensions, currentProbe, options, sampleSize, options.seed + 0x9e3779b9);
  } finally {
    await referenceSource.close();
    await currentSource?.close();
  }
  return { reference, current, formats: { reference: referenceSource.description, current: currentSource.description } };
}

/**
 * Reads one opened file (see `openRowSource`) into a columnar dataset, its types inferred from its first
 * {@link INFERENCE_ROWS} rows unless `columnTypes` gives them: the single-file form of {@link readDatasets}, with the
 * same exact counts, sampling and errors. The caller closes the source.
 * @example
 * const source = await openRowSource('reference.parquet');
 * try {
 *   const dataset = await readDataset(source, { seed: 42, sampleSize: 10_000, columnTypes: { region: 'categorical' } });
 * } finally {
 *   await source.close();
 * }
 */
export async function readDataset(source: RowSource, options: ReadOptions): Promise<Dataset> {
  const sampleSize = checkReadOptions(options);
  const probe = await probeRows(source);
  const plans = planColumns(source, probe.rows, options);
  return buildDataset(source, plans, probe, options, sampleSize, options.seed);
}

/** The sample size, after checking it and the column types. */
function checkReadOptions(options: ReadOptions): number {
  const sampleSize = options.sampleSize ?? DEFAULT_SAMPLE_SIZE;
  if (!Number.isInteger(sampleSize) || sampleSize < 1) throw new UserInputError(`the sample size must be a whole number ≥ 1, got ${sampleSize}`);
  for (const [column, type] of Object.entries(options.columnTypes ?? {})) {
    if (!(COLUMN_TYPES as readonly string[]).includes(type)) {
      throw new UserInputError(`unknown column type "${type}" for column ${column}; use one of ${COLUMN_TYPES.join(', ')}`, { column });
    }
  }
  return sampleSize;
}

function withDelimiter(options: ReadOptions): { delimiter?: string } {
  return options.delimiter === undefined ? {} : { delimiter: options.delimiter };
}

/** The first rows of a file (for inference and to size the buffers) and every batch of the file, those first ones again included. */
interface Probe {
  readonly rows: readonly (readonly RawCell[])[];
  /** Rows the file probably holds: exact when the probe reached its end, else extrapolated from the bytes read. */
  readonly estimatedRows: number;
  readonly batches: AsyncIterable<RowBatch>;
}

async function probeRows(source: RowSource): Promise<Probe> {
  const iterator = source.batches()[Symbol.asyncIterator]();
  const batches: RowBatch[] = [];
  const rows: (readonly RawCell[])[] = [];
  let count = 0;
  let bytes = 0;
  let ended = false;
  while (count < INFERENCE_ROWS) {
    const next = await iterator.next();
    if (next.done === true) {
      ended = true;
      break;
    }
    batches.push(next.value);
    count += next.value.rows.length;
    bytes = next.value.bytesRead;
    for (const row of next.value.rows) if (rows.length < INFERENCE_ROWS) rows.push(row);
  }
  if (count === 0) throw new UserInputError('the file has a header but no rows', { file: source.file });
  const estimatedRows = ended || bytes === 0 ? count : Math.ceil((count / bytes) * source.totalBytes);
  async function* replay(): AsyncGenerator<RowBatch> {
    yield* batches;
    batches.length = 0;
    for (;;) {
      const next = await iterator.next();
      if (next.done === true) return;
      yield next.value;
    }
  }
  return { rows, estimatedRows, batches: replay() };
}

/** The dataset columns of the reference: embedding groups, ignored columns, overrides, inferred types. */
function planColumns(source: RowSource, probeRows: readonly (readonly RawCell[])[], options: ReadOptions): ColumnPlan[] {
  const file = source.file;
  const columns = source.columns;
  const index = new Map(columns.map((name, i) => [name, i]));
  const ignore = new Set(options.ignore ?? []);
  checkRoleColumns(source, options);

  const grouped = new Map<number, { name: string; sources: number[] }>();
  const inGroup = new Set<number>();
  for (const prefix of options.embeddingPrefixes ?? []) {
    const name = prefix.replace(/[_\-.]$/, '');
    const pattern = new RegExp(`^${escapeRegExp(prefix)}[_\\-.]?(\\d+)$`);
    const parts: { position: number; source: number }[] = [];
    columns.forEach((column, i) => {
      const match = pattern.exec(column);
      if (match !== null && !ignore.has(column)) parts.push({ position: Number(match[1]), source: i });
    });
    if (parts.length === 0) {
      throw new UserInputError(`no column is named ${prefix}<number> (embedding prefix "${prefix}")`, { file, column: prefix });
    }
    if (index.has(name) && !parts.some((p) => columns[p.source] === name)) {
      throw new UserInputError(`the embedding prefix "${prefix}" would name a column "${name}" that already exists`, { file, column: name });
    }
    parts.sort((a, b) => a.position - b.position);
    const sources = parts.map((p) => p.source);
    for (const s of sources) inGroup.add(s);
    grouped.set(Math.min(...sources), { name, sources });
  }

  const overrides = options.columnTypes ?? {};
  const known = new Set<string>([...columns, ...[...grouped.values()].map((g) => g.name)]);
  for (const name of Object.keys(overrides)) {
    if (!known.has(name)) throw new UserInputError(`column "${name}" (given a type) is not in the file`, { file, column: name });
  }

  const plans: ColumnPlan[] = [];
  columns.forEach((name, i) => {
    const group = grouped.get(i);
    if (group !== undefined) {
      plans.push({ name: group.name, type: 'embedding', sources: group.sources });
      return;
    }
    if (inGroup.has(i) || ignore.has(name)) return;
    const override = overrides[name];
    if (override !== undefined) {
      plans.push({ name, type: override, sources: [i] });
      return;
    }
    const inferred = inferColumnType(
      name,
      probeRows.map((row) => row[i]),
    );
    if ('mixed' in inferred) {
      throw new UserInputError(
        `mixed types in column ${name} of ${file}: ${inferred.mixed}; give it a type (e.g. --column-type ${name}=categorical) or clean the column`,
        { file, column: name },
      );
    }
    plans.push({ name, type: inferred.type, sources: [i] });
  });
  return plans;
}

function checkRoleColumns(source: RowSource, options: ReadOptions): void {
  const names = new Set(source.columns);
  const ignore = new Set(options.ignore ?? []);
  const roles = [...(options.requiredColumns ?? []), ...(options.stratifyBy === undefined ? [] : [options.stratifyBy])];
  for (const column of roles) {
    if (!names.has(column)) {
      throw new UserInputError(`column "${column}" is not in the file (columns: ${describeColumns(source.columns)})`, { file: source.file, column });
    }
    if (ignore.has(column)) throw new UserInputError(`column "${column}" is both ignored and given a role`, { column });
  }
}

function describeColumns(columns: readonly string[]): string {
  return columns.length <= 12 ? columns.join(', ') : `${columns.slice(0, 12).join(', ')} … ${columns.length} in all`;
}

/** The reference's plans mapped onto the current file's columns (its order may differ); any difference is an error. */
function matchSchema(plans: readonly ColumnPlan[], reference: RowSource, current: RowSource, options: ReadOptions): ColumnPlan[] {
  checkRoleColumns(current, options);
  const index = new Map(current.columns.map((name, i) => [name, i]));
  const used = new Set<string>();
  const result = plans.map((plan) => {
    const sources = plan.sources.map((s) => {
      const name = reference.columns[s]!;
      used.add(name);
      const i = index.get(name);
      if (i === undefined) {
        throw new UserInputError(`schema mismatch: column "${name}" is in the reference ${reference.file} but not in the current ${current.file}`, {
          file: current.file,
          column: name,
        });
      }
      return i;
    });
    return { ...plan, sources };
  });
  const ignore = new Set(options.ignore ?? []);
  for (const name of ignore) {
    // Ignoring a column found in only one file is how a user reconciles the schemas.
    if (!reference.columns.includes(name) && !current.columns.includes(name)) {
      throw new UserInputError(`column "${name}" (to ignore) is in neither ${reference.file} nor ${current.file}`, { column: name });
    }
  }
  for (const name of current.columns) {
    if (!used.has(name) && !ignore.has(name) && !reference.columns.includes(name)) {
      throw new UserInputError(`schema mismatch: column "${name}" is in the current ${current.file} but not in the reference ${reference.file}`, {
        file: current.file,
        column: name,
      });
    }
  }
  return result;
}

async function buildDataset(
  source: RowSource,
  plans: readonly ColumnPlan[],
  probe: Probe,
  options: ReadOptions,
  sampleSize: number,
  seed: number,
): Promise<Dataset> {
  const file = source.file;
  // A little over the estimate, so the buffers rarely grow and the final trim rarely copies.
  const capacity = Math.min(sampleSize, Math.ceil(probe.estimatedRows * 1.03) + 16);
  const builders: ColumnBuilder[] = plans.map((plan) => createColumnBuilder(plan, capacity));
  const hashed = Int32Array.from(new Set(plans.flatMap((plan) => plan.sources))).sort();
  const stratifyIndex = options.stratifyBy === undefined ? -1 : source.columns.indexOf(options.stratifyBy);
  const sampler = createRowSampler({
    sampleSize,
    rng: createRandom(seed),
    ...(options.stratifyBy === undefined ? {} : { stratifyBy: options.stratifyBy }),
    seed: options.seed,
  });
  const seen = createDistinctHashSet(2 * probe.estimatedRows);
  let duplicateRows = 0;
  let rows = 0;
  let checked = false;
  const progress = options.onProgress;

  for await (const batch of probe.batches) {
    for (const row of batch.rows) {
      let slot: number;
      if (stratifyIndex === -1) {
        slot = sampler.offer();
      } else {
        const cell = row[stratifyIndex];
        slot = sampler.offer(isMissingCell(cell) ? '\u0000missing' : (parseLabelCell(cell) ?? ''));
      }
      for (const builder of builders) builder.add(row, slot);
      if (seen.addAndCheck(hashRow(row, hashed))) duplicateRows++;
      rows++;
      if (rows === INFERENCE_ROWS) {
        checkMixedTypes(builders, file, rows);
        checked = true;
      }
    }
    progress?.({ file, rows, bytes: batch.bytesRead, totalBytes: source.totalBytes });
  }
  if (rows === 0) throw new UserInputError('the file has a header but no rows', { file });
  if (!checked) checkMixedTypes(builders, file, rows);

  const { kept, sampledRows, totalRows, sampling } = sampler.finish();
  const columns = new Map<string, DatasetColumn>();
  for (const builder of builders) columns.set(builder.plan.name, builder.finish(kept, sampledRows, totalRows));
  return { source: file, totalRows, sampledRows, ...(sampling === undefined ? {} : { sampling }), duplicateRows, columns };
}

function checkMixedTypes(builders: readonly ColumnBuilder[], file: string, rows: number): void {
  for (const builder of builders) {
    if (builder.mismatches > 0 && builder.mismatches * 2 > builder.present) {
      const { name, type } = builder.plan;
      throw new UserInputError(
        `mixed types in column ${name} of ${file}: ${builder.mismatches} of ${builder.present} values in the first ${rows} rows are not ${type} (e.g. "${builder.firstMismatch ?? ''}")`,
        { file, column: name },
      );
    }
  }
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
