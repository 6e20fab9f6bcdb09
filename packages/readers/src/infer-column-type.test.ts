import { describe, expect, it } from 'vitest';
import { inferColumnType } from './infer-column-type.js';

const repeat = <T>(values: T[], times: number): T[] => Array.from({ length: times }, () => values).flat();

describe('inferColumnType', () => {
  it('numbers → numerical; 0/1 → boolean; few integer codes stay numerical', () => {
    expect(inferColumnType('x', ['1.5', '2', '-3e2', 'NA'])).toEqual({ type: 'numerical' });
    expect(inferColumnType('churned', ['0', '1', '1', ''])).toEqual({ type: 'boolean' });
    expect(inferColumnType('code', repeat(['1', '2', '3'], 10))).toEqual({ type: 'numerical' });
    expect(inferColumnType('x', [1, 2.5, null])).toEqual({ type: 'numerical' });
  });

  it('boolean words, ISO dates, JSON arrays', () => {
    expect(inferColumnType('b', ['yes', 'No', 'TRUE', 'false'])).toEqual({ type: 'boolean' });
    expect(inferColumnType('b', [true, false, null])).toEqual({ type: 'boolean' });
    expect(inferColumnType('when', ['2024-01-01', '2024-01-02T10:00:00Z', 'N/A'])).toEqual({ type: 'datetime' });
    expect(inferColumnType('when', [new Date(0)])).toEqual({ type: 'datetime' });
    expect(inferColumnType('emb', ['[1, 2]', '[3, 4]', ''])).toEqual({ type: 'embedding' });
    expect(inferColumnType('emb', [[1, 2], [3, 4]])).toEqual({ type: 'embedding' });
  });

  it('ids: unique values with an id-like name, numeric or not; or all unique short strings', () => {
    const unique = Array.from({ length: 30 }, (_, i) => `k${i}`);
    expect(inferColumnType('user_id', unique)).toEqual({ type: 'id' });
    expect(inferColumnType('customerId', unique)).toEqual({ type: 'id' });
    expect(inferColumnType('uuid', unique)).toEqual({ type: 'id' });
    expect(inferColumnType('id', Array.from({ length: 30 }, (_, i) => String(i + 100)))).toEqual({ type: 'id' });
    expect(inferColumnType('name', unique)).toEqual({ type: 'id' });
    // Too few rows to call all-unique values an id without an id-like name.
    expect(inferColumnType('name', unique.slice(0, 10))).toEqual({ type: 'categorical' });
    // "paid" ends in "id" but is not an id-like name.
    expect(inferColumnType('paid', unique.slice(0, 10))).toEqual({ type: 'categorical' });
    expect(inferColumnType('ID', unique.slice(0, 10))).toEqual({ type: 'id' });
  });

  it('text: long strings, or very high cardinality; else categorical', () => {
    const long = Array.from({ length: 5 }, (_, i) => `${'a long review sentence '.repeat(3)}${i % 2}`);
    expect(inferColumnType('review', long)).toEqual({ type: 'text' });
    const many = Array.from({ length: 300 }, (_, i) => `w${i % 200}`);
    expect(inferColumnType('word', many)).toEqual({ type: 'text' });
    expect(inferColumnType('city', repeat(['Paris', 'Lyon', 'Nice'], 20))).toEqual({ type: 'categorical' });
    expect(inferColumnType('tags', [{ a: 1 }, { a: 2 }, { a: 1 }])).toEqual({ type: 'categorical' });
  });

  it('all missing → categorical; mixed kinds between 50 % and 90 % → mixed', () => {
    expect(inferColumnType('empty', ['', 'NA', null])).toEqual({ type: 'categorical' });
    expect(inferColumnType('age', ['1', '2', '3', 'x'])).toEqual({ mixed: '75 % of the values in the first rows are numbers and 25 % are not' });
    expect(inferColumnType('age', repeat(['1', '2', '3', '4', '5', '6', '7', '8', '9', 'x'], 3))).toEqual({ type: 'numerical' });
    expect(inferColumnType('code', ['1', 'a', 'b', 'c'])).toEqual({ type: 'categorical' });
  });
});
