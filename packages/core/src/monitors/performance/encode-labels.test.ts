import { makeDataset } from '@bothub/testkit';
import { describe, expect, it } from 'vitest';
import { encodeLabels, presentKeys } from './encode-labels.js';

const columnOf = (type: 'numerical' | 'categorical' | 'boolean', values: (number | string | boolean | null)[]) =>
  makeDataset('d', { c: { type, values } }).columns.get('c')!;

describe('encodeLabels', () => {
  it('spells numbers as String(value), booleans as true/false, and keeps categories', () => {
    const numbers = encodeLabels(columnOf('numerical', [2, 0.5, null, 2, 5000, -3]));
    expect(Array.from(numbers.codes)).toEqual([0, 1, -1, 0, 2, 3]);
    expect(numbers.keys).toEqual(['2', '0.5', '5000', '-3']);
    const booleans = encodeLabels(columnOf('boolean', [true, false, null]));
    expect(booleans.keys).toEqual(['true', 'false']);
    const categories = encodeLabels(columnOf('categorical', ['b', 'a', null, 'b']));
    expect(Array.from(categories.codes)).toEqual([0, 1, -1, 0]);
    expect(categories.keys).toEqual(['b', 'a']);
  });
  it('refuses embeddings, naming the column', () => {
    const embedding = makeDataset('d', { e: { type: 'embedding', values: [[1, 2]] } }).columns.get('e')!;
    expect(() => encodeLabels(embedding)).toThrow(/column "e" is an embedding column/);
  });
});

describe('presentKeys', () => {
  it('lists only the keys that occur', () => {
    expect(presentKeys({ codes: Int32Array.of(1, -1, 1), keys: ['a', 'b', 'c'] })).toEqual(['b']);
  });
});
