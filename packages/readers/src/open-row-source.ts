import { open, stat } from 'node:fs/promises';
import { openCsvRows } from './csv-row-source.js';
import { openJsonLinesRows } from './json-lines-row-source.js';
import { openParquetRows } from './parquet-row-source.js';
import type { DataFormat, RowSource } from './row-source.js';
import { UserInputError } from './user-input-error.js';

const EXTENSIONS: ReadonlyMap<string, DataFormat> = new Map([
  ['csv', 'csv'],
  ['tsv', 'csv'],
  ['txt', 'csv'],
  ['jsonl', 'jsonl'],
  ['ndjson', 'jsonl'],
  ['parquet', 'parquet'],
]);

/**
 * The format of a data file: from its extension (.csv .tsv .txt → CSV, .jsonl .ndjson → JSON Lines, .parquet →
 * Parquet, each optionally .gz for the text formats), otherwise from its first bytes ("PAR1" → Parquet, "{" → JSON
 * Lines, other text → CSV). Binary content or a JSON array with an unknown extension is an error.
 * @example await detectFormat('scores.ndjson'); // 'jsonl'
 */
export async function detectFormat(file: string): Promise<DataFormat> {
  const name = file.toLowerCase().replace(/\.gz$/, '');
  const dot = name.lastIndexOf('.');
  const byExtension = dot === -1 ? undefined : EXTENSIONS.get(name.slice(dot + 1));
  if (byExtension !== undefined) {
    if (byExtension === 'parquet' && file.toLowerCase().endsWith('.gz')) {
      throw new UserInputError('gzipped Parquet is not supported (Parquet compresses its pages itself); gunzip the file first', { file });
    }
    return byExtension;
  }
  if (file.toLowerCase().endsWith('.gz')) {
    throw new UserInputError('unknown format of a gzipped file: name it .csv.gz, .tsv.gz or .jsonl.gz', { file });
  }
  const handle = await open(file, 'r');
  try {
    const head = new Uint8Array(4096);
    const { bytesRead } = await handle.read(head, 0, head.length, 0);
    const bytes = head.subarray(0, bytesRead);
    if (bytesRead >= 4 && bytes[0] === 0x50 && bytes[1] === 0x41 && bytes[2] === 0x52 && bytes[3] === 0x31) return 'parquet';
    if (bytes.includes(0)) {
      throw new UserInputError('unknown format: use a .csv, .tsv, .jsonl, .ndjson or .parquet file', { file });
    }
    const text = new TextDecoder().decode(bytes).replace(/^\uFEFF/, '').trimStart();
    if (text.startsWith('[')) {
      throw new UserInputError('a JSON array is not supported: write one JSON object per line (JSON Lines, .jsonl)', { file });
    }
    return text.startsWith('{') ? 'jsonl' : 'csv';
  } finally {
    await handle.close();
  }
}

/**
 * Opens a data file for streaming after checking that it exists and is readable; the errors name the file.
 * @example const source = await openRowSource('reference.csv', { delimiter: ';' });
 */
export async function openRowSource(file: string, options: { delimiter?: string } = {}): Promise<RowSource> {
  let size: number;
  try {
    const info = await stat(file);
    if (info.isDirectory()) throw new UserInputError('is a directory, not a data file', { file });
    size = info.size;
  } catch (error) {
    if (error instanceof UserInputError) throw error;
    throw new UserInputError(describeFileError(error), { file });
  }
  if (size === 0) throw new UserInputError('the file is empty (no rows)', { file });
  try {
    const format = await detectFormat(file);
    if (format === 'parquet') return await openParquetRows(file, size);
    if (format === 'jsonl') return await openJsonLinesRows(file, size);
    return await openCsvRows(file, size, options);
  } catch (error) {
    if (error instanceof UserInputError) throw error;
    if (isErrnoException(error)) throw new UserInputError(describeFileError(error), { file });
    throw error;
  }
}

function isErrnoException(error: unknown): error is NodeJS.ErrnoException {
  return error instanceof Error && typeof (error as NodeJS.ErrnoException).code === 'string';
}

function describeFileError(error: unknown): string {
  if (!isErrnoException(error)) return `cannot read the file (${String(error)})`;
  if (error.code === 'ENOENT') return 'file not found';
  if (error.code === 'EACCES' || error.code === 'EPERM') return 'cannot read the file (permission denied)';
  return `cannot read the file (${error.code ?? error.message})`;
}
