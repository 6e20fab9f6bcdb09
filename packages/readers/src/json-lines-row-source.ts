import { readTextChunks } from './read-text-chunks.js';
import type { RawCell, RowBatch, RowSource } from './row-source.js';
import { UserInputError } from './user-input-error.js';

/** Lines read before the columns are fixed: the keys of these objects, in order of first appearance, are the columns. */
export const JSON_LINES_PROBE_ROWS = 10_000;

/**
 * Opens a JSON Lines file (one JSON object per line) as a stream of rows. The columns are the keys met in the first
 * {@link JSON_LINES_PROBE_ROWS} objects; a key that first appears later is ignored. A key absent from a line is a missing cell.
 * @example const source = await openJsonLinesRows('scores.jsonl', size);
 */
export async function openJsonLinesRows(file: string, totalBytes: number): Promise<RowSource> {
  const chunks = readTextChunks(file);
  let rest = '';
  let lineNumber = 0;
  let bytesRead = 0;
  let ended = false;

  const parseLines = (text: string, final: boolean, out: Record<string, unknown>[]): void => {
    const s = rest.length > 0 ? rest + text : text;
    let start = 0;
    for (;;) {
      let newline = s.indexOf('\n', start);
      if (newline === -1) {
        if (!final || start >= s.length) break;
        newline = s.length;
      }
      lineNumber++;
      const line = s.slice(start, newline).trim();
      start = newline + 1;
      if (line.length === 0) continue;
      let value: unknown;
      try {
        value = JSON.parse(line);
      } catch {
        throw new UserInputError(`line ${lineNumber} is not valid JSON`, { file });
      }
      if (typeof value !== 'object' || value === null || Array.isArray(value)) {
        throw new UserInputError(`line ${lineNumber} is not a JSON object; JSON Lines files hold one object per line`, { file });
      }
      out.push(value as Record<string, unknown>);
    }
    rest = start >= s.length ? '' : s.slice(start);
  };

  const probe: Record<string, unknown>[] = [];
  try {
    while (probe.length < JSON_LINES_PROBE_ROWS && !ended) {
      const next = await chunks.next();
      if (next.done === true) {
        ended = true;
        parseLines('', true, probe);
      } else {
        bytesRead = next.value.bytesRead;
        parseLines(next.value.text, false, probe);
      }
    }
  } catch (error) {
    await chunks.return(undefined);
    throw error;
  }
  const keys = new Map<string, number>();
  for (const object of probe) for (const key of Object.keys(object)) if (!keys.has(key)) keys.set(key, keys.size);
  const columns = [...keys.keys()];
  if (probe.length === 0) {
    await chunks.return(undefined);
    throw new UserInputError('the file is empty (no rows)', { file });
  }

  const toRows = (objects: Record<string, unknown>[]): RawCell[][] =>
    objects.map((object) => {
      const row: RawCell[] = new Array<RawCell>(columns.length);
      for (let c = 0; c < columns.length; c++) row[c] = object[columns[c]!] ?? null;
      return row;
    });

  async function* batches(): AsyncGenerator<RowBatch> {
    try {
      yield { rows: toRows(probe), bytesRead };
      probe.length = 0;
      while (!ended) {
        const next = await chunks.next();
        const objects: Record<string, unknown>[] = [];
        if (next.done === true) {
          ended = true;
          parseLines('', true, objects);
        } else {
          bytesRead = next.value.bytesRead;
          parseLines(next.value.text, false, objects);
        }
        yield { rows: toRows(objects), bytesRead };
      }
    } finally {
      await chunks.return(undefined);
    }
  }

  return {
    file,
    format: 'jsonl',
    description: 'JSON Lines',
    columns,
    totalBytes,
    batches,
    close: async () => {
      await chunks.return(undefined);
    },
  };
}
