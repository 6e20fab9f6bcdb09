import { ROLE_COLUMNS } from '@bothub/core';
import type { ColumnType, Dataset, Model } from '@bothub/core';
import { openRowSource, readDataset, UserInputError } from '@bothub/readers';
import type { RowSource } from '@bothub/readers';
import { ApiError } from '../../http/errors.js';

/** The file formats a reference may be uploaded in besides records. */
export type ReferenceFileFormat = 'csv' | 'parquet';

const FORMAT_NAMES: Readonly<Record<ReferenceFileFormat, string>> = { csv: 'the uploaded CSV', parquet: 'the uploaded Parquet file' };

/** How the readers read a file's columns as the model's. */
interface ColumnPlan {
  readonly columnTypes: Record<string, ColumnType>;
  readonly embeddingPrefixes: string[];
  readonly ignore: string[];
}

/** The message as a sentence: its first letter upper-case ("the uploaded CSV: …" → "The uploaded CSV: …"). */
function sentence(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The model's columns (see recordsToDataset) with the type each is read as. */
function modelColumns(model: Model): { name: string; type: ColumnType }[] {
  const columns: { name: string; type: ColumnType }[] = model.features.map((feature) => ({ name: feature.name, type: feature.type }));
  columns.push({ name: ROLE_COLUMNS.prediction, type: model.prediction.type });
  if (model.score) columns.push({ name: ROLE_COLUMNS.score, type: 'numerical' });
  if (model.label !== null) columns.push({ name: ROLE_COLUMNS.label, type: model.label.type });
  return columns;
}

/**
 * The rule for files: a column named like a feature is that feature, and `prediction`, `score` and `label` are the
 * record's own fields (the names windows give them); an embedding feature is one column of vectors or numbered
 * columns `<name>_0`, `<name>_1` … (also `<name>0`, `<name>-0`, `<name>.0`). Each is read with the model's type,
 * never an inferred one; other columns are left out. A file with none of the model's columns is an error.
 */
function planColumns(model: Model, source: RowSource, label: string): ColumnPlan {
  const present = new Set(source.columns);
  const used = new Set<string>();
  const columnTypes: Record<string, ColumnType> = {};
  const embeddingPrefixes: string[] = [];
  for (const { name, type } of modelColumns(model)) {
    if (present.has(name)) {
      columnTypes[name] = type;
      used.add(name);
    } else if (type === 'embedding') {
      const pattern = new RegExp(`^${escapeRegExp(name)}[_\\-.]?\\d+$`);
      const parts = source.columns.filter((column) => pattern.test(column));
      if (parts.length === 0) continue;
      embeddingPrefixes.push(name);
      for (const part of parts) used.add(part);
    }
  }
  if (used.size === 0) {
    const expected = modelColumns(model).map((column) => column.name);
    throw new ApiError(
      'invalid_reference',
      { expected, found: source.columns.slice(0, 100) },
      `${sentence(label)} has none of the model's columns (expected some of: ${expected.join(', ')}; found: ${source.columns.slice(0, 20).join(', ')}${source.columns.length > 20 ? ' …' : ''}).`,
    );
  }
  return { columnTypes, embeddingPrefixes, ignore: source.columns.filter((column) => !used.has(column)) };
}

/** Embedding vectors must have the length windows will hold. */
function checkDimensions(model: Model, dataset: Dataset, label: string): void {
  for (const feature of model.features) {
    const values = dataset.columns.get(feature.name)?.values;
    if (feature.dimension === undefined || values?.storage !== 'embedding' || values.vectors.cols === feature.dimension) continue;
    throw new ApiError(
      'invalid_reference',
      { column: feature.name, reason: `vectors of length ${values.vectors.cols}, the model declares ${feature.dimension}` },
      `${sentence(label)}: column ${feature.name} holds vectors of length ${values.vectors.cols}; the model declares ${feature.dimension}.`,
    );
  }
}

/** A reader's complaint about the file, as the API's error; the temporary path becomes a name the client knows. */
function asApiError(error: unknown, file: string, label: string): unknown {
  if (!(error instanceof UserInputError)) return error;
  const message = error.message.replaceAll(file, label);
  return new ApiError('invalid_reference', { ...(error.column === undefined ? {} : { column: error.column }), reason: message }, sentence(message));
}

/**
 * Reads an uploaded CSV or Parquet file as the model's reference dataset with the file readers (streamed; at most
 * `maxRows` rows kept, a seeded reservoir sample, while counts cover every row). Columns follow the rule of
 * `planColumns`; every problem with the file (unreadable, empty, none of the model's columns, values that do not
 * parse as the model's type) is an `invalid_reference` error naming the column and the problem.
 *
 * @example
 * const dataset = await readReferenceFile(model, '/tmp/bothub-upload-x/reference.csv', 'csv', { seed: 42, maxRows: 10_000 });
 */
export async function readReferenceFile(model: Model, file: string, format: ReferenceFileFormat, options: { seed: number; maxRows: number }): Promise<Dataset> {
  const label = FORMAT_NAMES[format];
  let source: RowSource;
  try {
    source = await openRowSource(file);
  } catch (error) {
    throw asApiError(error, file, label);
  }
  try {
    const plan = planColumns(model, source, label);
    const dataset = await readDataset(source, { seed: options.seed, sampleSize: options.maxRows, ...plan });
    checkDimensions(model, dataset, label);
    return dataset;
  } catch (error) {
    throw asApiError(error, file, label);
  } finally {
    await source.close();
  }
}
