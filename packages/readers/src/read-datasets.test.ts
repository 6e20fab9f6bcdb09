import type * as FsModule from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import type * as FsPromisesModule from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { DatasetColumn } from '@bothub/core';
import { parquetWriteBuffer } from 'hyparquet-writer';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

// The readers must stream: spy on every whole-file read so a test can assert none happened.
vi.mock('node:fs', async (importOriginal) => {
  const actual = await importOriginal<typeof FsModule>();
  return { ...actual, readFileSync: vi.fn(actual.readFileSync), readFile: vi.fn(actual.readFile) };
});
vi.mock('node:fs/promises', async (importOriginal) => {
  const actual = await importOriginal<typeof FsPromisesModule>();
  return { ...actual, readFile: vi.fn(actual.readFile) };
});

const fs = await import('node:fs');
const fsPromises = await import('node:fs/promises');
const { readDataset, readDatasets } = await import('./read-datasets.js');
const { openRowSource } = await import('./open-row-source.js');
const { UserInputError } = await import('./user-input-error.js');

const fixture = (name: string): string => fileURLToPath(new URL(`./fixtures/${name}`, import.meta.url));
let dir: string;
const file = async (name: string, content: string | Uint8Array): Promise<string> => {
  const path = join(dir, name);
  await writeFile(path, content);
  return path;
};

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'bothub-readers-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

function numeric(column: DatasetColumn | undefined): number[] {
  if (column?.values.storage !== 'numeric') throw new Error('not numeric');
  return [...column.values.values];
}
function labels(column: DatasetColumn | undefined): (string | null)[] {
  if (column?.values.storage !== 'categorical') throw new Error('not categorical');
  const { codes, dictionary } = column.values;
  return [...codes].map((code) => (code < 0 ? null : dictionary[code]!));
}

async function expectUserError(promise: Promise<unknown>, message: RegExp): Promise<InstanceType<typeof UserInputError>> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(UserInputError);
  expect((error as Error).message).toMatch(message);
  return error as InstanceType<typeof UserInputError>;
}

describe('readDatasets: CSV', () => {
  it('reads a ;-delimited CSV with quotes, doubled quotes and a quoted newline, inferring every type', async () => {
    const path = fixture('quoted-semicolon.csv');
    const { reference, current, formats } = await readDatasets(path, path, { seed: 1, columnTypes: { age: 'numerical' } });
    expect(formats.reference).toBe("CSV (delimiter ';')");
    expect(reference.totalRows).toBe(5);
    expect(reference.sampledRows).toBe(5);
    expect(reference.sampling).toBeUndefined();
    expect(reference.duplicateRows).toBe(0);
    const types = Object.fromEntries([...reference.columns.values()].map((c) => [c.name, c.type]));
    expect(types).toEqual({ id: 'id', age: 'numerical', city: 'categorical', note: 'categorical', churned: 'boolean', signup: 'datetime', vec: 'embedding' });
    expect(labels(reference.columns.get('note'))).toEqual(['said "hi"; left', 'two\nlines', 'plain', 'x', 'y']);
    expect(labels(reference.columns.get('city'))).toEqual(['Paris', 'Lyon', null, 'Paris', 'Nice']);
    expect(numeric(reference.columns.get('churned'))).toEqual([1, 0, 1, 0, 1]);
    expect(numeric(reference.columns.get('signup'))).toEqual([
      Date.UTC(2024, 0, 5),
      Date.UTC(2024, 0, 6, 10, 30),
      Date.UTC(2024, 0, 7),
      Date.UTC(2024, 0, 8, 8),
      NaN,
    ]);
    // "abc" is a type mismatch, stored missing; NA is missing.
    expect(numeric(reference.columns.get('age'))).toEqual([34, NaN, 29, 41, NaN]);
    expect(reference.columns.get('age')!.counts).toEqual({ rows: 5, missing: 1, typeMismatches: 1, min: 29, max: 41 });
    const vec = reference.columns.get('vec')!;
    expect(vec.values.storage).toBe('embedding');
    if (vec.values.storage === 'embedding') {
      expect(vec.values.vectors.cols).toBe(2);
      expect([...vec.values.vectors.data]).toEqual([0.1, 0.2, 0.3, 0.4, 0, 0, 0.5, 0.6, 0.7, 0.8]);
      expect([...vec.values.missing]).toEqual([0, 0, 1, 0, 0]);
    }
    expect(vec.counts).toEqual({ rows: 5, missing: 1, typeMismatches: 0 });
    expect(current.columns.get('age')!.counts.typeMismatches).toBe(1);
  });

  it('reads a TSV with CRLF line ends, a blank line, a quoted tab, and counts the duplicate row', async () => {
    const path = fixture('crlf-tab.tsv');
    const { reference } = await readDatasets(path, path, { seed: 1 });
    expect(reference.totalRows).toBe(4);
    expect(reference.duplicateRows).toBe(1);
    expect(numeric(reference.columns.get('a'))).toEqual([1.5, 2.5, 1.5, 3.5]);
    expect(labels(reference.columns.get('b'))).toEqual(['x', 'y', 'x', 'z\tq']);
    expect(reference.columns.get('label')!.type).toBe('boolean');
    expect(reference.columns.get('a')!.counts).toEqual({ rows: 4, missing: 0, typeMismatches: 0, min: 1.5, max: 3.5 });
  });

  it('treats every missing spelling as missing, in any case', async () => {
    const path = await file('missing.csv', 'x,y\n1,a\n,NA\nna,N/A\nNaN,nan\nNULL,null\nNone,none\n 2 ,b\n');
    const { reference } = await readDatasets(path, path, { seed: 1 });
    expect(numeric(reference.columns.get('x'))).toEqual([1, NaN, NaN, NaN, NaN, NaN, 2]);
    expect(reference.columns.get('x')!.counts).toMatchObject({ missing: 5, typeMismatches: 0 });
    expect(labels(reference.columns.get('y'))).toEqual(['a', null, null, null, null, null, 'b']);
    expect(reference.columns.get('y')!.counts.missing).toBe(5);
  });

  it('applies overrides and ignore, and uses the given delimiter', async () => {
    const path = await file('codes.csv', 'code|skip|v\n1|a|0.5\n2|b|1.5\n3|c|2.5\n2|d|3.5\n');
    const { reference } = await readDatasets(path, path, { seed: 1, delimiter: '|', ignore: ['skip'], columnTypes: { code: 'categorical' } });
    expect([...reference.columns.keys()]).toEqual(['code', 'v']);
    expect(reference.columns.get('code')!.type).toBe('categorical');
    expect(labels(reference.columns.get('code'))).toEqual(['1', '2', '3', '2']);
    const inferred = await readDatasets(path, path, { seed: 1 });
    // Few distinct integer codes stay numerical unless overridden.
    expect(inferred.reference.columns.get('code')!.type).toBe('numerical');
  });

  it('forms one embedding column from numbered columns sharing a prefix', async () => {
    const path = await file('prefix.csv', 'emb_1,emb_0,emb_10,other\n1,0,5,a\n,,,b\n3,2,x,c\n');
    const { reference } = await readDatasets(path, path, { seed: 1, embeddingPrefixes: ['emb_'] });
    expect([...reference.columns.keys()]).toEqual(['emb', 'other']);
    const emb = reference.columns.get('emb')!;
    if (emb.values.storage !== 'embedding') throw new Error('not embedding');
    // Components ordered by number: emb_0, emb_1, emb_10.
    expect(emb.values.vectors.cols).toBe(3);
    expect([...emb.values.vectors.data.subarray(0, 3)]).toEqual([0, 1, 5]);
    expect([...emb.values.missing]).toEqual([0, 1, 1]);
    expect(emb.counts).toEqual({ rows: 3, missing: 1, typeMismatches: 1 });
  });

  it('holds the current file to the reference embedding length', async () => {
    const reference = await file('emb-ref.csv', 'v\n"[1, 2]"\n"[3, 4]"\n');
    const current = await file('emb-cur.csv', 'v\n"[1, 2, 3]"\n"[5, 6]"\n"[7, 8]"\n');
    const result = await readDatasets(reference, current, { seed: 1 });
    const v = result.current.columns.get('v')!;
    if (v.values.storage !== 'embedding') throw new Error('not embedding');
    expect(v.values.vectors.cols).toBe(2);
    expect([...v.values.missing]).toEqual([1, 0, 0]);
    expect(v.counts).toEqual({ rows: 3, missing: 0, typeMismatches: 1 });
  });

  it('counts duplicates over the columns read, so an ignored id does not hide them', async () => {
    const path = await file('dups.csv', 'id,x,y\n1,a,1\n2,a,1\n3,b,1\n4,a,1\n');
    expect((await readDatasets(path, path, { seed: 1 })).reference.duplicateRows).toBe(0);
    expect((await readDatasets(path, path, { seed: 1, ignore: ['id'] })).reference.duplicateRows).toBe(2);
  });

  it('reads gzipped CSV', async () => {
    const { gzipSync } = await import('node:zlib');
    const path = await file('small.csv.gz', gzipSync('a,b\n1,x\n2,y\n'));
    const { reference } = await readDatasets(path, path, { seed: 1 });
    expect(numeric(reference.columns.get('a'))).toEqual([1, 2]);
  });

  it('reads the current file by the reference types, in its own column order, counting mismatches', async () => {
    const reference = await file('ref-order.csv', 'a,b\n1,x\n2,y\n3,z\n');
    const current = await file('cur-order.csv', 'b,a\nx,1\ny,oops\nz,2\nw,3\n');
    const result = await readDatasets(reference, current, { seed: 1 });
    expect(numeric(result.current.columns.get('a'))).toEqual([1, NaN, 2, 3]);
    expect(result.current.columns.get('a')!.counts).toEqual({ rows: 4, missing: 0, typeMismatches: 1, min: 1, max: 3 });
    expect(labels(result.current.columns.get('b'))).toEqual(['x', 'y', 'z', 'w']);
  });
});

describe('readDatasets: JSON Lines and Parquet', () => {
  it('reads JSON Lines: typed values, arrays as embeddings, objects as labels, absent keys as missing', async () => {
    const path = fixture('events.jsonl');
    const { reference, formats } = await readDatasets(path, path, { seed: 1 });
    expect(formats.reference).toBe('JSON Lines');
    expect(reference.totalRows).toBe(4);
    expect(reference.duplicateRows).toBe(1);
    const types = Object.fromEntries([...reference.columns.values()].map((c) => [c.name, c.type]));
    expect(types).toEqual({ user: 'categorical', amount: 'numerical', flag: 'boolean', emb: 'embedding', tags: 'categorical' });
    expect(numeric(reference.columns.get('amount'))).toEqual([10.5, NaN, 7, 10.5]);
    expect(labels(reference.columns.get('tags'))).toEqual(['{"a":1}', null, '{"a":2}', '{"a":1}']);
    const emb = reference.columns.get('emb')!;
    if (emb.values.storage !== 'embedding') throw new Error('not embedding');
    expect([...emb.values.missing]).toEqual([0, 0, 1, 0]);
  });

  it('reads Parquet row group by row group (INT64, strings, booleans, doubles with nulls, lists as embeddings)', async () => {
    const buffer = parquetWriteBuffer({
      columnData: [
        { name: 'n', data: [1n, 2n, 3n, 4n, 5n, 6n, 7n], type: 'INT64' },
        { name: 'city', data: ['a', 'b', null, 'a', 'c', 'b', 'a'], type: 'STRING' },
        { name: 'ok', data: [true, false, true, true, false, true, null], type: 'BOOLEAN' },
        { name: 'x', data: [0.5, null, 1.5, 2.5, 3.5, 4.5, 5.5], type: 'DOUBLE' },
        { name: 'vec', data: ['[1,2]', '[3,4]', '[5,6]', '[7,8]', '[9,10]', '[11,12]', '[13,14]'], type: 'STRING' },
      ],
      rowGroupSize: 3,
    });
    const path = await file('data.parquet', new Uint8Array(buffer));
    const progress: number[] = [];
    const { reference, formats } = await readDatasets(path, path, { seed: 1, onProgress: (p) => progress.push(p.rows) });
    expect(formats.reference).toBe('Parquet');
    expect(progress.slice(0, 3)).toEqual([3, 6, 7]);
    expect(reference.totalRows).toBe(7);
    expect(numeric(reference.columns.get('n'))).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(labels(reference.columns.get('city'))).toEqual(['a', 'b', null, 'a', 'c', 'b', 'a']);
    expect(numeric(reference.columns.get('ok'))).toEqual([1, 0, 1, 1, 0, 1, NaN]);
    expect(reference.columns.get('x')!.counts).toEqual({ rows: 7, missing: 1, typeMismatches: 0, min: 0.5, max: 5.5 });
    expect(reference.columns.get('vec')!.type).toBe('embedding');
  });

  it('detects the format of a file with an unknown extension from its content', async () => {
    const json = await file('data.log', '{"a": 1}\n{"a": 2}\n');
    expect((await readDatasets(json, json, { seed: 1 })).formats.reference).toBe('JSON Lines');
    const csv = await file('data.dat', 'a;b\n1;2\n');
    expect((await readDatasets(csv, csv, { seed: 1 })).formats.reference).toBe("CSV (delimiter ';')");
  });
});

describe('readDatasets: streaming', () => {
  it('reads 200,000 rows whose quoted multi-line fields straddle the 1 MiB chunks, with exact counts', async () => {
    const n = 200_000;
    const lines = ['i,note,v'];
    for (let i = 0; i < n; i++) lines.push(`${i},"row ${i}, ""quoted""\nsecond line",${i % 10 === 0 ? 'NA' : i * 0.5}`);
    const path = await file('big.csv', lines.join('\n'));
    const { reference } = await readDatasets(path, path, { seed: 1, sampleSize: 1000, columnTypes: { note: 'text' } });
    expect(reference.totalRows).toBe(n);
    expect(reference.duplicateRows).toBe(0);
    expect(reference.columns.get('v')!.counts).toEqual({ rows: n, missing: n / 10, typeMismatches: 0, min: 0.5, max: 199_999 * 0.5 });
    const ids = numeric(reference.columns.get('i'));
    const notes = labels(reference.columns.get('note'));
    expect(notes).toHaveLength(1000);
    // Every kept row's cells stayed together across chunk boundaries.
    ids.forEach((id, k) => expect(notes[k]).toBe(`row ${id}, "quoted"\nsecond line`));
  });
});

describe('readDatasets: sampling', () => {
  const rows = (n: number, positives: number): string => {
    let text = 'i,target\n';
    for (let i = 0; i < n; i++) text += `${i},${i % (n / positives) === 0 ? 1 : 0}\n`;
    return text;
  };

  it('keeps exactly sampleSize rows, the same ones for a seed, in file order', async () => {
    const path = await file('many.csv', rows(5000, 500));
    const a = await readDatasets(path, path, { seed: 7, sampleSize: 300 });
    const b = await readDatasets(path, path, { seed: 7, sampleSize: 300 });
    const c = await readDatasets(path, path, { seed: 8, sampleSize: 300 });
    expect(a.reference.totalRows).toBe(5000);
    expect(a.reference.sampledRows).toBe(300);
    expect(a.reference.sampling).toBe('uniform reservoir sample, 300 of 5000 rows (seed 7)');
    const ids = numeric(a.reference.columns.get('i'));
    expect(ids).toHaveLength(300);
    expect(ids).toEqual(numeric(b.reference.columns.get('i')));
    expect(ids).not.toEqual(numeric(c.reference.columns.get('i')));
    expect(ids).toEqual([...ids].sort((x, y) => x - y));
    expect(new Set(ids).size).toBe(300);
    // Counts stay exact over every row, not the sample.
    expect(a.reference.columns.get('i')!.counts).toEqual({ rows: 5000, missing: 0, typeMismatches: 0, min: 0, max: 4999 });
    // The current file gets its own random stream.
    expect(numeric(a.current.columns.get('i'))).not.toEqual(ids);
  });

  it('stratified by the target keeps the class shares exactly (10 % positives → 30 of 300)', async () => {
    const path = await file('strata.csv', rows(5000, 500));
    for (const seed of [1, 2, 3]) {
      const { reference } = await readDatasets(path, path, { seed, sampleSize: 300, stratifyBy: 'target' });
      expect(reference.sampledRows).toBe(300);
      expect(reference.sampling).toBe(`stratified by target (2 classes, proportional), 300 of 5000 rows (seed ${seed})`);
      const target = numeric(reference.columns.get('target'));
      expect(target.filter((t) => t === 1)).toHaveLength(30);
    }
  });

  it('a rare class keeps at least one row', async () => {
    const path = await file('rare.csv', rows(4000, 1));
    const { reference } = await readDatasets(path, path, { seed: 3, sampleSize: 50, stratifyBy: 'target' });
    expect(numeric(reference.columns.get('target')).filter((t) => t === 1)).toHaveLength(1);
    expect(reference.sampledRows).toBe(50);
  });
});

describe('readDataset: one opened file', () => {
  it('reads it as readDatasets reads a reference: same types, sample, counts and duplicates', async () => {
    const path = await file('single.csv', 'i,group,flag\n' + Array.from({ length: 2000 }, (_, i) => `${i % 1500},g${i % 3},${i % 2 === 0}`).join('\n'));
    const source = await openRowSource(path);
    try {
      const dataset = await readDataset(source, { seed: 5, sampleSize: 100, columnTypes: { group: 'categorical' }, ignore: ['flag'] });
      const { reference } = await readDatasets(path, path, { seed: 5, sampleSize: 100, columnTypes: { group: 'categorical' }, ignore: ['flag'] });
      expect([...dataset.columns.keys()]).toEqual(['i', 'group']);
      expect(dataset.sampledRows).toBe(100);
      expect(dataset.totalRows).toBe(2000);
      expect(numeric(dataset.columns.get('i'))).toEqual(numeric(reference.columns.get('i')));
      expect(dataset.columns.get('i')!.counts).toEqual({ rows: 2000, missing: 0, typeMismatches: 0, min: 0, max: 1499 });
      expect(dataset.duplicateRows).toBe(reference.duplicateRows);
    } finally {
      await source.close();
    }
  });

  it('reports its errors as readDatasets does', async () => {
    const path = await file('single-mixed.csv', 'v\n1\nx\ny\n');
    const source = await openRowSource(path);
    await expectUserError(readDataset(source, { seed: 1, columnTypes: { v: 'numerical' } }), /mixed types in column v of .*single-mixed\.csv/);
    await source.close();
  });
});

describe('readDatasets: errors name the file, the column and the problem', () => {
  it('missing file', async () => {
    const error = await expectUserError(readDatasets(join(dir, 'nope.csv'), join(dir, 'nope.csv'), { seed: 1 }), /nope\.csv: file not found/);
    expect(error.file).toBe(join(dir, 'nope.csv'));
    const progress: number[] = [];
    const good = await file('present.csv', 'a\n1\n');
    await expectUserError(readDatasets(good, join(dir, 'gone.csv'), { seed: 1, onProgress: (p) => progress.push(p.rows) }), /gone\.csv: file not found/);
    // Reported before the reference was read.
    expect(progress).toEqual([]);
  });

  it('a directory', async () => {
    await expectUserError(readDatasets(dir, dir, { seed: 1 }), /is a directory/);
  });

  it('empty file, header without rows, header of numbers', async () => {
    const empty = await file('empty.csv', '');
    await expectUserError(readDatasets(empty, empty, { seed: 1 }), /empty\.csv: the file is empty/);
    const blank = await file('blank.csv', '\n\n');
    await expectUserError(readDatasets(blank, blank, { seed: 1 }), /blank\.csv: the file is empty/);
    const header = await file('header.csv', 'a,b\n');
    await expectUserError(readDatasets(header, header, { seed: 1 }), /header\.csv: the file has a header but no rows/);
    const numbers = await file('numbers.csv', '1,2\n3,4\n');
    await expectUserError(readDatasets(numbers, numbers, { seed: 1 }), /numbers\.csv: no header row/);
    const twice = await file('twice.csv', 'a,b,a\n1,2,3\n');
    const error = await expectUserError(readDatasets(twice, twice, { seed: 1 }), /twice\.csv: the header names column "a" twice/);
    expect(error.column).toBe('a');
    const leadingBlank = await file('leading-blank.csv', '\n\r\na;b\n1;2\n');
    expect((await readDatasets(leadingBlank, leadingBlank, { seed: 1 })).formats.reference).toBe("CSV (delimiter ';')");
    const good = await file('good.csv', 'a,b\n1,2\n');
    await expectUserError(readDatasets(good, header, { seed: 1 }), /header\.csv: the file has a header but no rows/);
  });

  it('unknown binary format, malformed JSON Lines, a record with too many fields, an unclosed quote', async () => {
    const binary = await file('blob.bin', new Uint8Array([1, 0, 2, 3]));
    await expectUserError(readDatasets(binary, binary, { seed: 1 }), /blob\.bin: unknown format/);
    const jsonArray = await file('array.json', '[{"a": 1}]');
    await expectUserError(readDatasets(jsonArray, jsonArray, { seed: 1 }), /array\.json: a JSON array is not supported/);
    const badJson = await file('bad.jsonl', '{"a": 1}\n{"a": \n');
    await expectUserError(readDatasets(badJson, badJson, { seed: 1 }), /bad\.jsonl: line 2 is not valid JSON/);
    const arrayLine = await file('array.jsonl', '[1, 2]\n');
    await expectUserError(readDatasets(arrayLine, arrayLine, { seed: 1 }), /line 1 is not a JSON object/);
    const wide = await file('wide.csv', 'a,b\n1,2\n1,2,3\n');
    await expectUserError(readDatasets(wide, wide, { seed: 1 }), /wide\.csv: record 3 has 3 fields but the header has 2/);
    const unclosed = await file('unclosed.csv', 'a,b\n1,"2\n');
    await expectUserError(readDatasets(unclosed, unclosed, { seed: 1 }), /unclosed\.csv: record 2 has a quoted field that is never closed/);
    const notParquet = await file('fake.parquet', 'a,b\n1,2\n');
    await expectUserError(readDatasets(notParquet, notParquet, { seed: 1 }), /fake\.parquet: not a readable Parquet file/);
  });

  it('a role column absent from either file', async () => {
    const reference = await file('roles-ref.csv', 'x,target\n1,0\n2,1\n');
    const current = await file('roles-cur.csv', 'x\n1\n2\n');
    const error = await expectUserError(readDatasets(reference, reference, { seed: 1, requiredColumns: ['score'] }), /roles-ref\.csv: column "score" is not in the file/);
    expect(error.column).toBe('score');
    await expectUserError(readDatasets(reference, current, { seed: 1, requiredColumns: ['target'] }), /roles-cur\.csv: column "target" is not in the file/);
    await expectUserError(readDatasets(reference, reference, { seed: 1, stratifyBy: 'label' }), /column "label" is not in the file/);
    await expectUserError(readDatasets(reference, reference, { seed: 1, ignore: ['nope'] }), /column "nope" \(to ignore\) is in neither .*roles-ref\.csv nor .*roles-ref\.csv/);
    await expectUserError(readDatasets(reference, reference, { seed: 1, columnTypes: { nope: 'numerical' } }), /column "nope" \(given a type\)/);
    await expectUserError(readDatasets(reference, reference, { seed: 1, embeddingPrefixes: ['emb_'] }), /no column is named emb_<number>/);
  });

  it('mismatched schemas name both files and the column', async () => {
    const reference = await file('schema-ref.csv', 'a,b\n1,2\n');
    const fewer = await file('schema-fewer.csv', 'a\n1\n');
    const more = await file('schema-more.csv', 'a,b,c\n1,2,3\n');
    await expectUserError(
      readDatasets(reference, fewer, { seed: 1 }),
      /schema mismatch: column "b" is in the reference .*schema-ref\.csv but not in the current .*schema-fewer\.csv/,
    );
    await expectUserError(
      readDatasets(reference, more, { seed: 1 }),
      /schema mismatch: column "c" is in the current .*schema-more\.csv but not in the reference .*schema-ref\.csv/,
    );
    // An ignored column may be absent from either file.
    const result = await readDatasets(reference, more, { seed: 1, ignore: ['c'] });
    expect([...result.current.columns.keys()]).toEqual(['a', 'b']);
  });

  it('mixed types: inferred in the reference, and in the current against the reference type', async () => {
    const path = fixture('quoted-semicolon.csv');
    await expectUserError(readDatasets(path, path, { seed: 1 }), /mixed types in column age of .*quoted-semicolon\.csv: 75 % of the values in the first rows are numbers/);
    const reference = await file('mixed-ref.csv', 'v\n1\n2\n3\n');
    const current = await file('mixed-cur.csv', 'v\n1\nx\ny\n');
    const error = await expectUserError(readDatasets(reference, current, { seed: 1 }), /mixed types in column v of .*mixed-cur\.csv: 2 of 3 values in the first 3 rows are not numerical \(e\.g\. "x"\)/);
    expect(error.column).toBe('v');
  });

  it('never reads a data file whole', async () => {
    const path = fixture('quoted-semicolon.csv');
    vi.mocked(fs.readFileSync).mockClear();
    vi.mocked(fs.readFile).mockClear();
    vi.mocked(fsPromises.readFile).mockClear();
    await readDatasets(path, fixture('events.jsonl'), { seed: 1, columnTypes: { age: 'numerical' } }).catch(() => undefined);
    await readDatasets(fixture('events.jsonl'), fixture('events.jsonl'), { seed: 1 });
    expect(vi.mocked(fs.readFileSync)).not.toHaveBeenCalled();
    expect(vi.mocked(fs.readFile)).not.toHaveBeenCalled();
    expect(vi.mocked(fsPromises.readFile)).not.toHaveBeenCalled();
  });
});
