import type { Options } from 'csv-parse';
import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createCsvTokenizer } from './csv-tokenizer.js';

function tokenize(text: string, delimiter: string, chunkSizes: readonly number[] = [text.length]): string[][] {
  const tokenizer = createCsvTokenizer(delimiter);
  const out: string[][] = [];
  let offset = 0;
  for (const size of chunkSizes) {
    tokenizer.push(text.slice(offset, offset + size), out, false);
    offset += size;
  }
  tokenizer.push(text.slice(offset), out, true);
  return out;
}

describe('createCsvTokenizer', () => {
  it('splits records and fields, with quotes, doubled quotes, delimiters and newlines inside quotes', () => {
    expect(tokenize('a,b\n1,"x,y"\n2,"say ""hi"""\n3,"two\nlines"', ',')).toEqual([
      ['a', 'b'],
      ['1', 'x,y'],
      ['2', 'say "hi"'],
      ['3', 'two\nlines'],
    ]);
  });

  it('handles CRLF, a missing final newline, blank lines and empty fields', () => {
    expect(tokenize('a;b\r\n\r\n;2\r\n"";\r\n3;4', ';')).toEqual([
      ['a', 'b'],
      ['', '2'],
      ['', ''],
      ['3', '4'],
    ]);
  });

  it('keeps a quote inside an unquoted field as text and appends text after a closing quote', () => {
    expect(tokenize('h\n5\'11"\n"ab"cd\n', ',')).toEqual([['h'], ['5\'11"'], ['abcd']]);
  });

  it('gives the same records however the text is cut into chunks (a record split anywhere, even between "")', () => {
    const text = 'a,b\n"x ""q"" y",2\r\n"multi\nline",3\n4,5\n';
    const whole = tokenize(text, ',');
    for (let cut = 0; cut <= text.length; cut++) expect(tokenize(text, ',', [cut])).toEqual(whole);
    expect(tokenize(text, ',', Array.from({ length: text.length }, () => 1))).toEqual(whole);
  });

  it('throws on a quote never closed, naming the record', () => {
    expect(() => tokenize('a\n"open\n', ',')).toThrow('record 2 has a quoted field that is never closed');
  });

  it('rejects a delimiter that is not one character', () => {
    expect(() => createCsvTokenizer(';;')).toThrow(RangeError);
    expect(() => createCsvTokenizer('"')).toThrow(RangeError);
  });

  it('agrees with csv-parse on random well-formed CSV cut into random chunks', () => {
    const field = fc.oneof(
      fc.stringMatching(/^[a-z0-9 .-]{0,6}$/),
      fc.string({ unit: fc.constantFrom('a', ',', ';', '"', '\n', '\r\n', ' ', 'é'), maxLength: 8 }),
    );
    const quote = (value: string): string =>
      /[",;\n\r]/.test(value) || value.length === 0 ? `"${value.replaceAll('"', '""')}"` : value;
    fc.assert(
      fc.property(
        fc.constantFrom(',', ';', '\t', '|'),
        fc.integer({ min: 1, max: 4 }).chain((width) => fc.array(fc.array(field, { minLength: width, maxLength: width }), { minLength: 1, maxLength: 8 })),
        fc.array(fc.integer({ min: 0, max: 12 }), { maxLength: 10 }),
        fc.boolean(),
        (delimiter, records, cuts, crlf) => {
          const text = records.map((r) => r.map((v) => quote(v)).join(delimiter)).join(crlf ? '\r\n' : '\n');
          const options: Options = { delimiter, relax_column_count: true, skip_empty_lines: true };
          const expected = parse(text, options);
          expect(tokenize(text, delimiter, cuts)).toEqual(expected);
        },
      ),
      { seed: 42, numRuns: 500 },
    );
  });
});
