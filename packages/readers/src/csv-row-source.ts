import { createCsvTokenizer } from './csv-tokenizer.js';
import { readTextChunks } from './read-text-chunks.js';
import type { RowBatch, RowSource } from './row-source.js';
import { UserInputError } from './user-input-error.js';

/** The delimiters tried, in order of preference when counts tie. */
export const CSV_DELIMITERS = [',', ';', '\t', '|'] as const;

/**
 * The delimiter of a CSV file from its first line: the candidate among , ; tab | that occurs most often outside quotes
 * (ties go to the earlier candidate; a line with none of them is one column, read with ',').
 * @example detectCsvDelimiter('a;b;"c,d"'); // ';'
 */
export function detectCsvDelimiter(firstLine: string): string {
  const counts = new Map<string, number>(CSV_DELIMITERS.map((d) => [d, 0]));
  let quoted = false;
  for (const ch of firstLine) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && counts.has(ch)) counts.set(ch, counts.get(ch)! + 1);
  }
  let best: string = ',';
  let bestCount = 0;
  for (const d of CSV_DELIMITERS) {
    const count = counts.get(d)!;
    if (count > bestCount) {
      best = d;
      bestCount = count;
    }
  }
  return best;
}

/**
 * Opens a CSV (or TSV) file as a stream of rows: the first record is the header (required), the delimiter is
 * `options.delimiter` or detected from the first line. Records with more fields than the header are an error;
 * records with fewer are padded with missing cells.
 * @example const source = await openCsvRows('train.csv'); for await (const batch of source.batches()) use(batch.rows);
 */
export async function openCsvRows(file: string, totalBytes: number, options: { delimiter?: string } = {}): Promise<RowSource> {
  const chunks = readTextChunks(file);
  let pendingText = '';
  let bytesRead = 0;
  let ended = false;
  // Read until the first non-blank line is complete so the delimiter can be detected from it.
  let firstLine = firstNonBlankLine(pendingText, ended);
  while (firstLine === undefined && !ended) {
    const next = await chunks.next();
    if (next.done === true) ended = true;
    else {
      pendingText += next.value.text;
      bytesRead = next.value.bytesRead;
    }
    firstLine = firstNonBlankLine(pendingText, ended);
  }
  if (firstLine === undefined) {
    await chunks.return(undefined);
    throw new UserInputError('the file is empty (no header row and no rows)', { file });
  }
  const delimiter = normalizeDelimiter(options.delimiter ?? detectCsvDelimiter(firstLine), file);
  const tokenizer = createCsvTokenizer(delimiter);
  const firstRows: string[][] = [];
  try {
    tokenizer.push(pendingText, firstRows, ended);
    while (firstRows.length === 0 && !ended) {
      const next = await chunks.next();
      if (next.done === true) {
        ended = true;
        tokenizer.push('', firstRows, true);
      } else {
        bytesRead = next.value.bytesRead;
        tokenizer.push(next.value.text, firstRows, false);
      }
    }
  } catch (error) {
    await chunks.return(undefined);
    throw csvError(error, file);
  }
  const header = firstRows.shift();
  if (header === undefined) throw new UserInputError('the file is empty (no header row and no rows)', { file });
  const columns = checkHeader(header, file);
  const width = columns.length;

  const fitRows = (rows: string[][], firstRecord: number): void => {
    for (let r = 0; r < rows.length; r++) {
      const row = rows[r]!;
      if (row.length === width) continue;
      if (row.length > width) {
        throw new UserInputError(
          `record ${firstRecord + r} has ${row.length} fields but the header has ${width}; check the delimiter (${describeDelimiter(delimiter)}) and the quoting`,
          { file },
        );
      }
      while (row.length < width) row.push('');
    }
  };

  async function* batches(): AsyncGenerator<RowBatch> {
    // Record numbers count the header as record 1.
    let recordNumber = 2;
    try {
      if (firstRows.length > 0 || ended) {
        fitRows(firstRows, recordNumber);
        recordNumber += firstRows.length;
        yield { rows: firstRows, bytesRead };
      }
      while (!ended) {
        const next = await chunks.next();
        const rows: string[][] = [];
        if (next.done === true) {
          ended = true;
          tokenizer.push('', rows, true);
        } else {
          bytesRead = next.value.bytesRead;
          tokenizer.push(next.value.text, rows, false);
        }
        fitRows(rows, recordNumber);
        recordNumber += rows.length;
        yield { rows, bytesRead };
      }
    } catch (error) {
      throw csvError(error, file);
    } finally {
      await chunks.return(undefined);
    }
  }

  return {
    file,
    format: 'csv',
    description: `CSV (delimiter ${describeDelimiter(delimiter)})`,
    columns,
    totalBytes,
    batches,
    close: async () => {
      await chunks.return(undefined);
    },
  };
}

function firstNonBlankLine(text: string, ended: boolean): string | undefined {
  const lines = text.split('\n');
  // The last piece is a complete line only once the file has ended.
  if (!ended) lines.pop();
  return lines.find((line) => line.trim().length > 0)?.replace(/\r$/, '');
}

function normalizeDelimiter(delimiter: string, file: string): string {
  const d = delimiter === '\\t' || delimiter.toLowerCase() === 'tab' ? '\t' : delimiter;
  if (d.length !== 1 || d === '"' || d === '\n' || d === '\r') {
    throw new UserInputError(`the delimiter must be a single character other than a quote or a newline, got ${JSON.stringify(delimiter)}`, { file });
  }
  return d;
}

function describeDelimiter(delimiter: string): string {
  return delimiter === '\t' ? 'tab' : `'${delimiter}'`;
}

function checkHeader(header: string[], file: string): string[] {
  const names = header.map((name, i) => {
    const trimmed = name.trim();
    return trimmed.length === 0 ? `column_${i + 1}` : trimmed;
  });
  if (names.length > 1 && names.every((name) => name !== '' && Number.isFinite(Number(name)))) {
    throw new UserInputError('no header row: the first line holds only numbers; the first line must name the columns', { file });
  }
  const seen = new Set<string>();
  for (const name of names) {
    if (seen.has(name)) throw new UserInputError(`the header names column "${name}" twice`, { file, column: name });
    seen.add(name);
  }
  return names;
}

function csvError(error: unknown, file: string): unknown {
  if (error instanceof RangeError) return new UserInputError(error.message, { file });
  return error;
}
