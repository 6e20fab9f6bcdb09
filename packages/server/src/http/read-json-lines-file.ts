import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { parseJsonLine } from './parse-json-line.js';

/**
 * The values of a JSON Lines file, one line at a time (blank lines skipped, a leading byte order mark ignored), so a
 * large file is never held in memory; a line that is not JSON is an `invalid_json` error naming its number.
 *
 * @example
 * for await (const record of readJsonLinesFile('/tmp/upload/reference.jsonl')) check(record);
 */
export async function* readJsonLinesFile(file: string): AsyncGenerator {
  const input = createReadStream(file, { encoding: 'utf8' });
  const lines = createInterface({ input, crlfDelay: Infinity });
  let lineNumber = 0;
  try {
    for await (const text of lines) {
      lineNumber += 1;
      const line = (lineNumber === 1 ? text.replace(/^\uFEFF/, '') : text).trim();
      if (line !== '') yield parseJsonLine(line, lineNumber);
    }
  } finally {
    // Closing the interface leaves its input open: a consumer that stops early must not leak the file handle.
    lines.close();
    input.destroy();
  }
}
