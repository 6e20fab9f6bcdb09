import { describe, expect, it } from 'vitest';
import { countCategories } from './count-categories.js';

describe('countCategories', () => {
  it('aligns categories by label across the two dictionaries and skips missing codes', () => {
    const table = countCategories(
      'colour',
      'categorical',
      { storage: 'categorical', codes: Int32Array.of(0, 1, 0, -1, 2), dictionary: ['red', 'blue', 'green', 'unused'] },
      { storage: 'categorical', codes: Int32Array.of(0, 1, 2, 2, -1), dictionary: ['green', 'red', 'pink'] },
    );
    expect(table.labels).toEqual(['red', 'blue', 'green', 'pink']);
    expect([...table.reference]).toEqual([2, 1, 1, 0]);
    expect([...table.current]).toEqual([1, 0, 1, 2]);
    expect(table.referenceTotal).toBe(4);
    expect(table.currentTotal).toBe(4);
  });

  it('counts booleans as false/true and ignores NaN', () => {
    const table = countCategories(
      'flag',
      'boolean',
      { storage: 'numeric', values: Float64Array.of(0, 1, 1, Number.NaN) },
      { storage: 'numeric', values: Float64Array.of(0, 0, 0, 1) },
    );
    expect(table.labels).toEqual(['false', 'true']);
    expect([...table.reference]).toEqual([1, 2]);
    expect([...table.current]).toEqual([3, 1]);
    expect(table.referenceTotal).toBe(3);
  });

  it('names the column when a boolean is not 0/1 or a code is outside the dictionary', () => {
    expect(() =>
      countCategories('flag', 'boolean', { storage: 'numeric', values: Float64Array.of(0, 2) }, { storage: 'numeric', values: Float64Array.of(1) }),
    ).toThrow(/column flag: reference boolean value 2 at row 1/);
    expect(() =>
      countCategories(
        'c',
        'categorical',
        { storage: 'categorical', codes: Int32Array.of(0), dictionary: ['a'] },
        { storage: 'categorical', codes: Int32Array.of(3), dictionary: ['a'] },
      ),
    ).toThrow(/column c: current code 3/);
    expect(() =>
      countCategories('c', 'categorical', { storage: 'numeric', values: Float64Array.of(1) }, { storage: 'numeric', values: Float64Array.of(1) }),
    ).toThrow(RangeError);
  });
});
