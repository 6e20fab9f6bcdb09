import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isMissingText } from './is-missing-text.js';
import { isMissingCell, parseBooleanCell, parseDatetimeCell, parseLabelCell, parseNumberCell, parseVectorCell } from './parse-cell.js';

describe('isMissingText', () => {
  it('knows the missing spellings in any case, blank text too, and nothing else', () => {
    for (const text of ['', ' ', 'NA', 'na', 'N/A', 'n/a', 'NaN', 'nan', 'NULL', 'null', 'None', 'NONE', ' NA ', '          ']) expect(isMissingText(text)).toBe(true);
    for (const text of ['0', 'n', 'no', 'nana', 'Nancy', 'none of them', 'x', '-']) expect(isMissingText(text)).toBe(false);
  });
});

describe('parseNumberCell', () => {
  it('parses numbers, marks missing as NaN and the rest as null', () => {
    expect(parseNumberCell('-12.5')).toBe(-12.5);
    expect(parseNumberCell(' 3 ')).toBe(3);
    expect(parseNumberCell('1e3')).toBe(1000);
    expect(parseNumberCell('')).toBeNaN();
    expect(parseNumberCell('  ')).toBeNaN();
    expect(parseNumberCell('NaN')).toBeNaN();
    expect(parseNumberCell(null)).toBeNaN();
    expect(parseNumberCell('abc')).toBeNull();
    expect(parseNumberCell('Infinity')).toBeNull();
    expect(parseNumberCell('1,5')).toBeNull();
    expect(parseNumberCell(7n)).toBe(7);
    expect(parseNumberCell(true)).toBe(1);
    expect(parseNumberCell({})).toBeNull();
  });

  it('equals Number(text) on plain decimals (the fast path) and on everything else', () => {
    fc.assert(
      fc.property(fc.oneof(fc.double({ noNaN: true, noDefaultInfinity: true }).map(String), fc.stringMatching(/^-?\d{0,18}(\.\d{0,18})?$/)), (text) => {
        const expected = text.trim() === '' ? NaN : Number(text);
        const value = parseNumberCell(text);
        if (Number.isFinite(expected)) expect(Object.is(value, expected)).toBe(true);
        else expect(value === null || Number.isNaN(value)).toBe(true);
      }),
      { seed: 7, numRuns: 2000 },
    );
  });
});

describe('parseBooleanCell', () => {
  it('reads the usual spellings', () => {
    expect(['true', 'Yes', 'T', 'y', '1', '1.0', true, 1].map(parseBooleanCell)).toEqual([1, 1, 1, 1, 1, 1, 1, 1]);
    expect(['FALSE', 'no', 'f', 'N', '0', false, 0].map(parseBooleanCell)).toEqual([0, 0, 0, 0, 0, 0, 0]);
    expect(parseBooleanCell('NA')).toBeNaN();
    expect(parseBooleanCell('maybe')).toBeNull();
    expect(parseBooleanCell(2)).toBeNull();
  });
});

describe('parseDatetimeCell', () => {
  it('reads ISO 8601 dates and times as UTC epoch milliseconds, with zones', () => {
    expect(parseDatetimeCell('2024-03-01')).toBe(Date.UTC(2024, 2, 1));
    expect(parseDatetimeCell('2024-03-01 12:00')).toBe(Date.UTC(2024, 2, 1, 12));
    expect(parseDatetimeCell('2024-03-01T12:00:30.25Z')).toBe(Date.UTC(2024, 2, 1, 12, 0, 30, 250));
    expect(parseDatetimeCell('2024-03-01T12:00:00+02:00')).toBe(Date.UTC(2024, 2, 1, 10));
    expect(parseDatetimeCell('2024-03-01T12:00:00-0130')).toBe(Date.UTC(2024, 2, 1, 13, 30));
    expect(parseDatetimeCell(new Date(5))).toBe(5);
    expect(parseDatetimeCell(1700000000000)).toBe(1700000000000);
    expect(parseDatetimeCell('')).toBeNaN();
    expect(parseDatetimeCell('2024-02-30')).toBeNull();
    expect(parseDatetimeCell('2024-13-01')).toBeNull();
    expect(parseDatetimeCell('01/02/2024')).toBeNull();
  });
});

describe('parseLabelCell, parseVectorCell, isMissingCell', () => {
  it('labels: text as is, typed values by their text, missing as null', () => {
    expect(parseLabelCell('Paris')).toBe('Paris');
    expect(parseLabelCell(3)).toBe('3');
    expect(parseLabelCell(false)).toBe('false');
    expect(parseLabelCell({ a: 1n })).toBe('{"a":"1"}');
    expect(parseLabelCell('N/A')).toBeNull();
    expect(parseLabelCell(null)).toBeNull();
  });

  it('vectors: JSON arrays of finite numbers, from text, arrays or typed arrays', () => {
    expect(parseVectorCell('[1, 2.5]')).toEqual([1, 2.5]);
    expect(parseVectorCell([3, 4])).toEqual([3, 4]);
    expect(parseVectorCell(Float32Array.of(0.5))).toEqual([0.5]);
    expect(parseVectorCell('')).toBe('missing');
    expect(parseVectorCell(null)).toBe('missing');
    expect(parseVectorCell('[1, "a"]')).toBeNull();
    expect(parseVectorCell('[1, 2')).toBeNull();
    expect(parseVectorCell('[]')).toBeNull();
    expect(parseVectorCell('hello')).toBeNull();
  });

  it('missing cells', () => {
    expect([null, undefined, NaN, 'na', ''].every(isMissingCell)).toBe(true);
    expect([0, 'x', false].some(isMissingCell)).toBe(false);
  });
});
