import { describe, expect, it } from 'vitest';
import { createDistinctHashSet } from './distinct-hash-set.js';
import { hashRow } from './hash-row.js';

describe('createDistinctHashSet', () => {
  it('answers whether a hash was seen, across growth', () => {
    const set = createDistinctHashSet(16);
    let repeats = 0;
    for (let i = 0; i < 10_000; i++) if (set.addAndCheck((i % 3000) * 2 ** 21 + 0.0)) repeats++;
    expect(repeats).toBe(7000);
    expect(set.size).toBe(3000);
    expect(set.addAndCheck(0)).toBe(true);
    expect(set.addAndCheck(2 ** 53 - 1)).toBe(false);
    expect(set.addAndCheck(2 ** 53 - 1)).toBe(true);
  });
});

describe('hashRow', () => {
  const all = Int32Array.of(0, 1, 2);
  it('is a 53-bit integer that depends on every cell and on the cell boundaries', () => {
    const h = hashRow(['a', 'b', 'c'], all);
    expect(Number.isSafeInteger(h) && h >= 0).toBe(true);
    expect(hashRow(['a', 'b', 'c'], all)).toBe(h);
    expect(hashRow(['a', 'b', 'd'], all)).not.toBe(h);
    expect(hashRow(['ab', '', 'c'], all)).not.toBe(h);
    expect(hashRow(['a', 'b', 'c', 'z'], all)).toBe(h);
    expect(hashRow(['z', 'b', 'c'], Int32Array.of(1, 2))).toBe(hashRow(['q', 'b', 'c'], Int32Array.of(1, 2)));
  });

  it('hashes typed cells through their text, null apart from empty text', () => {
    expect(hashRow([1, true, 'x'], all)).toBe(hashRow(['1', 'true', 'x'], all));
    expect(hashRow([null, 'a', 'b'], all)).not.toBe(hashRow(['', 'a', 'b'], all));
    expect(hashRow([[1, 2], { a: 1n }, new Date(0)], all)).toBe(hashRow(['[1,2]', '{"a":"1"}', '1970-01-01T00:00:00.000Z'], all));
  });

  it('has no collision among 200,000 distinct rows', () => {
    const set = createDistinctHashSet();
    let collisions = 0;
    for (let i = 0; i < 200_000; i++) if (set.addAndCheck(hashRow([String(i), String(i % 7), 'x'], all))) collisions++;
    expect(collisions).toBe(0);
  });
});
