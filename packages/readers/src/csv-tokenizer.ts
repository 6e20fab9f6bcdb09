/** An incremental RFC 4180 parser: feed text as it arrives, get the complete records so far. */
export interface CsvTokenizer {
  /** Parses every complete record of the text fed so far and appends it to `out`; `final` flushes the last record. */
  push(text: string, out: string[][], final: boolean): void;
  /** Records emitted so far (for messages). */
  readonly records: number;
}

/**
 * A streaming CSV tokenizer: fields separated by a one-character delimiter, records by LF or CRLF; fields in double
 * quotes may hold delimiters, newlines and doubled quotes (""). A quote inside an unquoted field is kept as text, and
 * text after a closing quote is appended to the field (csv-parse's relax_quotes). Blank lines are skipped.
 * Lines without a quote take a fast path (String.split), which is why this exists: on a 1e6 × 22 file it parses
 * about 8× faster than csv-parse's streaming API (see the reader's report), and csv-parse is the test oracle.
 * @example
 * const t = createCsvTokenizer(',');
 * const out: string[][] = [];
 * t.push('a,"b,c"\n1,2', out, true); // out = [['a', 'b,c'], ['1', '2']]
 */
export function createCsvTokenizer(delimiter: string): CsvTokenizer {
  if (delimiter.length !== 1 || delimiter === '"' || delimiter === '\n' || delimiter === '\r') {
    throw new RangeError(`createCsvTokenizer: the delimiter must be one character other than a quote or a newline, got ${JSON.stringify(delimiter)}`);
  }
  const delimiterCode = delimiter.charCodeAt(0);
  let rest = '';
  let records = 0;

  /** Parses one record that holds a quote, from `start`; returns the index after it, or −1 when the text ends first. */
  const parseQuotedRecord = (s: string, start: number, final: boolean, out: string[][]): number => {
    const n = s.length;
    const cells: string[] = [];
    let i = start;
    for (;;) {
      let field = '';
      if (s.charCodeAt(i) === 34) {
        i++;
        for (;;) {
          const close = s.indexOf('"', i);
          if (close === -1) {
            if (final) throw new RangeError(`record ${records + 1} has a quoted field that is never closed`);
            return -1;
          }
          field += s.slice(i, close);
          if (close + 1 === n && !final) return -1;
          if (s.charCodeAt(close + 1) === 34) {
            field += '"';
            i = close + 2;
          } else {
            i = close + 1;
            break;
          }
        }
      }
      // Unquoted text, or text after a closing quote, runs to the next delimiter or line end.
      let j = i;
      while (j < n) {
        const c = s.charCodeAt(j);
        if (c === delimiterCode || c === 10) break;
        j++;
      }
      if (j === n && !final) return -1;
      let end = j;
      if ((j === n || s.charCodeAt(j) === 10) && end > i && s.charCodeAt(end - 1) === 13) end--;
      field += s.slice(i, end);
      cells.push(field);
      if (j < n && s.charCodeAt(j) === delimiterCode) {
        i = j + 1;
        continue;
      }
      out.push(cells);
      records++;
      return j + 1;
    }
  };

  return {
    push(text: string, out: string[][], final: boolean): void {
      const s = rest.length > 0 ? rest + text : text;
      const n = s.length;
      let start = 0;
      let quote = s.indexOf('"');
      while (start < n) {
        let newline = s.indexOf('\n', start);
        if (newline === -1) {
          if (!final) break;
          newline = n;
        }
        if (quote !== -1 && quote < start) quote = s.indexOf('"', start);
        if (quote === -1 || quote > newline) {
          let end = newline;
          if (end > start && s.charCodeAt(end - 1) === 13) end--;
          if (end > start) {
            out.push(s.slice(start, end).split(delimiter));
            records++;
          }
          start = newline + 1;
          continue;
        }
        const next = parseQuotedRecord(s, start, final, out);
        if (next === -1) break;
        start = next;
      }
      rest = start >= n ? '' : s.slice(start);
    },
    get records(): number {
      return records;
    },
  };
}
