import { describe, expect, it } from 'vitest';
import { ReferenceMemo, remember } from './reference-memo.js';

describe('ReferenceMemo', () => {
  it('computes once per (sources, key) and tells sources apart by identity, not content', () => {
    const memo = new ReferenceMemo();
    const a = new Float64Array([1, 2]);
    const twin = new Float64Array([1, 2]);
    let calls = 0;
    const compute = () => ++calls;
    expect(memo.get([a], 'k', compute)).toBe(1);
    expect(memo.get([a], 'k', compute)).toBe(1);
    expect(memo.get([twin], 'k', compute)).toBe(2);
    expect(memo.get([a], 'other', compute)).toBe(3);
    expect(memo.get([a, twin], 'k', compute)).toBe(4);
    expect(memo.get([twin, a], 'k', compute)).toBe(5);
  });

  it('remembers null results too, and computes every time without a memo', () => {
    const memo = new ReferenceMemo();
    const source = {};
    let calls = 0;
    const compute = () => {
      calls++;
      return null;
    };
    remember(memo, [source], 'k', compute);
    remember(memo, [source], 'k', compute);
    expect(calls).toBe(1);
    remember(undefined, [source], 'k', compute);
    remember(undefined, [source], 'k', compute);
    expect(calls).toBe(3);
  });
});
