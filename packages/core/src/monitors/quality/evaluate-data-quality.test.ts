import { pearsonCorrelation, varianceInflationFactors } from '@bothub/stats';
import { makeDataset } from '@bothub/testkit';
import type { ColumnSpec } from '@bothub/testkit';
import { Value } from 'typebox/value';
import { describe, expect, it } from 'vitest';
import type { Dataset } from '../../dataset.js';
import type { ColumnRoles } from '../../report-options.js';
import { ColumnQualitySchema, DataQualitySchema } from '../../report/report-schema.js';
import type { ColumnQuality, DataQuality, Finding } from '../../report/report-schema.js';
import { evaluateColumnQuality } from './evaluate-column-quality.js';
import { evaluateDataQuality } from './evaluate-data-quality.js';

function evaluate(reference: Dataset, current: Dataset, roles: ColumnRoles = {}): DataQuality {
  const quality: Record<string, ColumnQuality> = {};
  for (const [name, column] of reference.columns) quality[name] = evaluateColumnQuality(column, current.columns.get(name)!);
  return evaluateDataQuality(reference, current, quality, roles);
}

function pair(ref: Record<string, ColumnSpec>, cur: Record<string, ColumnSpec>, roles: ColumnRoles = {}): DataQuality {
  return evaluate(makeDataset('ref.csv', ref), makeDataset('cur.csv', cur), roles);
}

/** The column findings (small single-column datasets repeat rows, which is not what these tests look at). */
function columnFindings(result: DataQuality): Finding[] {
  return result.findings.filter((f) => f.column !== null);
}

const range = (n: number, f: (i: number) => number = (i) => i): number[] => Array.from({ length: n }, (_, i) => f(i));
const nulls = (n: number): null[] => Array<null>(n).fill(null);

describe('evaluateDataQuality findings', () => {
  it('raises a warning at +5 points of missing values and a critical at +20, with unchanged non-missing values', () => {
    const values = range(100);
    const warning = pair({ x: { type: 'numerical', values } }, { x: { type: 'numerical', values: [...values.slice(0, 90), ...nulls(10)] } });
    expect(columnFindings(warning)).toEqual([
      {
        severity: 'warning',
        code: 'missing_share_increase',
        column: 'x',
        message: 'Missing values in "x" rose from 0.0 % to 10.0 % (+10.0 points; warning at +5.0 points, critical at +20.0 points).',
      },
    ]);
    const critical = pair({ x: { type: 'numerical', values } }, { x: { type: 'numerical', values: [...values.slice(0, 75), ...nulls(25)] } });
    expect(columnFindings(critical).map((f) => [f.severity, f.code])).toEqual([['critical', 'missing_share_increase']]);
    const small = pair({ x: { type: 'numerical', values } }, { x: { type: 'numerical', values: [...values.slice(0, 98), ...nulls(2)] } });
    expect(columnFindings(small).map((f) => [f.severity, f.code])).toEqual([['info', 'missing_values_appeared']]);
  });

  it('counts a rise of exactly 5 points as a warning despite rounding', () => {
    // Regression: 0.25 − 0.2 is 0.04999… in doubles and slipped under the 5-point threshold.
    const result = pair(
      { x: { type: 'numerical', values: [...range(16), ...nulls(4)] } },
      { x: { type: 'numerical', values: [...range(15), ...nulls(5)] } },
    );
    expect(columnFindings(result).map((f) => [f.severity, f.code])).toEqual([['warning', 'missing_share_increase']]);
  });

  it('grades unseen categories by their share of the current values', () => {
    const ref = { c: { type: 'categorical', values: range(200, (i) => i % 2) .map((v) => (v ? 'a' : 'b')) } } satisfies Record<string, ColumnSpec>;
    const withNew = (k: number) => pair(ref, { c: { type: 'categorical', values: range(200, (i) => (i < k ? 2 : i % 2)).map((v) => ['b', 'a', 'new'][v]!) } });
    expect(columnFindings(withNew(1)).map((f) => f.severity)).toEqual(['info']); // 0.5 %
    expect(columnFindings(withNew(4)).map((f) => f.severity)).toEqual(['warning']); // 2 %
    const critical = columnFindings(withNew(40)); // 20 %
    expect(critical).toHaveLength(1);
    expect(critical[0]).toMatchObject({ severity: 'critical', code: 'unseen_categories', column: 'c' });
    expect(critical[0]!.message).toContain('20.0 % of the current values of "c" are categories the reference never shows ("new"; warning at 1.0 %, critical at 10.0 %)');
  });

  it('grades values out of the reference range, with a floor for small references', () => {
    const ref = { x: { type: 'numerical', values: range(1000) } } satisfies Record<string, ColumnSpec>;
    const shifted = (k: number) => pair(ref, { x: { type: 'numerical', values: range(1000, (i) => (i < k ? 5000 : i)) } });
    expect(columnFindings(shifted(0))).toEqual([]);
    expect(columnFindings(shifted(5)).map((f) => f.severity)).toEqual(['info']);
    expect(columnFindings(shifted(50)).map((f) => f.severity)).toEqual(['warning']);
    const critical = columnFindings(shifted(200));
    expect(critical[0]).toMatchObject({ severity: 'critical', code: 'out_of_range', column: 'x' });
    expect(critical[0]!.message).toBe('20.0 % of the current values of "x" lie outside the reference range [0, 999] (warning at 1.0 %, critical at 10.0 %).');
    // 10 reference values: 2/(n + 1) ≈ 18 % of new values fall outside by chance, so 1 in 10 is only info.
    const small = pair({ x: { type: 'numerical', values: range(10) } }, { x: { type: 'numerical', values: [...range(9), 10] } });
    expect(columnFindings(small)[0]).toMatchObject({ severity: 'info', code: 'out_of_range' });
    expect(columnFindings(small)[0]!.message).toContain('warning at 36.4 %');
  });

  it('flags a column that became constant as critical and one constant in both as info', () => {
    const result = pair(
      { became: { type: 'numerical', values: [1, 2, 3, 4] }, always: { type: 'categorical', values: ['k', 'k', 'k', 'k'] } },
      { became: { type: 'numerical', values: [2, 2, 2, 2] }, always: { type: 'categorical', values: ['k', 'k', 'k', 'k'] } },
    );
    expect(columnFindings(result)).toEqual([
      { severity: 'critical', code: 'constant_column', column: 'became', message: '"became" holds a single value in the current data but 4 distinct values in the reference.' },
      { severity: 'info', code: 'constant_column', column: 'always', message: '"always" holds a single value in both datasets; it carries no information.' },
    ]);
  });

  it('warns when a column becomes near-constant', () => {
    const result = pair(
      { c: { type: 'categorical', values: range(40, (i) => i % 4).map(String) } },
      { c: { type: 'categorical', values: [...Array<string>(39).fill('0'), '1'] } },
    );
    expect(columnFindings(result).map((f) => [f.severity, f.code, f.column])).toEqual([['warning', 'near_constant_column', 'c']]);
  });

  it('reports type mismatches from the counts', () => {
    const ref = makeDataset('ref.csv', { x: { type: 'numerical', values: range(100) } });
    const cur = makeDataset('cur.csv', { x: { type: 'numerical', values: [...range(94), ...nulls(6)] } });
    const column = cur.columns.get('x')!;
    const columns = new Map(cur.columns);
    columns.set('x', { ...column, counts: { ...column.counts, typeMismatches: 6 } });
    const result = evaluate(ref, { ...cur, columns });
    const mismatch = columnFindings(result).find((f) => f.code === 'type_mismatches');
    expect(mismatch).toEqual({
      severity: 'critical',
      code: 'type_mismatches',
      column: 'x',
      message: '6 values of "x" (6.0 % of the current rows) do not parse as numerical and were read as missing (reference: 0; critical at 5.0 %).',
    });
    expect(columnFindings(result).map((f) => f.code)).toEqual(['type_mismatches', 'missing_share_increase']);
  });

  it('counts duplicate ids per side and null when there is no id column', () => {
    const result = pair(
      { id: { type: 'id', values: ['a', 'b', 'c', 'd'] }, x: { type: 'numerical', values: [1, 2, 3, 4] } },
      { id: { type: 'id', values: ['a', 'b', 'a', 'a', null] }, x: { type: 'numerical', values: [1, 2, 3, 4, 5] } },
    );
    expect(result.reference).toEqual({ rows: 4, duplicateRows: 0, duplicateIds: 0 });
    expect(result.current).toEqual({ rows: 5, duplicateRows: 0, duplicateIds: 2 });
    expect(result.findings[0]).toEqual({
      severity: 'critical',
      code: 'duplicate_ids',
      column: 'id',
      message: 'Id column "id" repeats 2 values (50.0 % of its non-missing values); ids should be unique (critical at 1.0 %).',
    });
    const none = pair({ x: { type: 'numerical', values: [1, 2] } }, { x: { type: 'numerical', values: [1, 2] } });
    expect(none.reference.duplicateIds).toBeNull();
    expect(none.current.duplicateIds).toBeNull();
  });

  it('reports duplicate rows from the datasets and warns when their share rises', () => {
    const result = pair(
      { x: { type: 'numerical', values: [1, 2, 3, 4] } },
      { x: { type: 'numerical', values: [1, 1, 1, 4] } },
    );
    expect(result.current.duplicateRows).toBe(2);
    expect(result.findings.find((f) => f.code === 'duplicate_rows')).toEqual({
      severity: 'warning',
      code: 'duplicate_rows',
      column: null,
      message: '2 current rows repeat an earlier row exactly (50.0 %; reference 0.0 %; warning when 1.0 points above the reference).',
    });
  });

  it('orders findings critical, warning, info, then by column', () => {
    const a = range(20);
    const b = range(20, (i) => (i * 7) % 20);
    const c = range(20, (i) => (i * i) % 20);
    const result = pair(
      { a: { type: 'numerical', values: a }, b: { type: 'numerical', values: b }, c: { type: 'numerical', values: c } },
      {
        a: { type: 'numerical', values: [...a.slice(0, 19), null] },
        b: { type: 'numerical', values: [...b.slice(0, 10), ...nulls(10)] },
        c: { type: 'numerical', values: [...c.slice(0, 18), null, null] },
      },
    );
    expect(result.findings.map((f) => [f.severity, f.code, f.column])).toEqual([
      ['critical', 'missing_share_increase', 'b'],
      ['warning', 'missing_share_increase', 'a'],
      ['warning', 'missing_share_increase', 'c'],
    ]);
  });
});

describe('evaluateDataQuality variance inflation and correlations', () => {
  const x1 = [1, 2, 3, 4, 5];
  const x2 = [2, 1, 4, 3, 5];
  const x3 = [1, 3, 2, 5, 4];

  it('computes the VIF of the numerical features as the statistics core does, leaving roles out', () => {
    const spec = {
      x1: { type: 'numerical', values: x1 },
      x2: { type: 'numerical', values: x2 },
      x3: { type: 'numerical', values: x3 },
      y: { type: 'numerical', values: [3, 1, 4, 1, 5] },
      c: { type: 'categorical', values: ['a', 'b', 'a', 'b', 'a'] },
    } satisfies Record<string, ColumnSpec>;
    const result = pair(spec, spec, { target: 'y' });
    const expected = Array.from(varianceInflationFactors([x1, x2, x3]).vif);
    expect(result.varianceInflation.columns).toEqual(['x1', 'x2', 'x3']);
    expect(result.varianceInflation.reference).toEqual(expected);
    expect(result.varianceInflation.current).toEqual(expected);
    expect(expected[0]).toBeCloseTo(65, 8);
    expect(result.findings.filter((f) => f.code === 'high_vif').map((f) => [f.severity, f.column])).toEqual([
      ['warning', 'x1'],
      ['warning', 'x2'],
      ['warning', 'x3'],
    ]);
    expect(result.findings[0]!.message).toBe('"x1" is strongly collinear with other numerical features in the current data: VIF 65.0 (reference 65.0; warning above 10).');
  });

  it('uses complete rows only, and writes an exact dependency as null with a warning', () => {
    const ref = { a: { type: 'numerical', values: [...x1, null] }, b: { type: 'numerical', values: [...x2, 7] } } satisfies Record<string, ColumnSpec>;
    const cur = {
      a: { type: 'numerical', values: [1, 2, 3, 4, 5, 6] },
      b: { type: 'numerical', values: [2, 4, 6, 8, 10, 12] },
    } satisfies Record<string, ColumnSpec>;
    const result = pair(ref, cur);
    const r = pearsonCorrelation(x1, x2).r;
    expect(result.varianceInflation.reference[0]).toBeCloseTo(1 / (1 - r * r), 12);
    expect(result.varianceInflation.current).toEqual([null, null]);
    expect(result.findings.filter((f) => f.code === 'high_vif')[0]!.message).toBe(
      '"a" is an exact linear combination of other numerical features in the current data (VIF infinite; reference 2.8; warning above 10).',
    );
  });

  it('leaves constant columns out of the VIF and gives null with too few complete rows', () => {
    const result = pair(
      { a: { type: 'numerical', values: [1, 2, 3] }, b: { type: 'numerical', values: [3, 1, 2] }, k: { type: 'numerical', values: [1, 1, 1] } },
      { a: { type: 'numerical', values: [1, 2, 3, 4] }, b: { type: 'numerical', values: [3, 1, 2, 5] }, k: { type: 'numerical', values: [1, 1, 1, 1] } },
    );
    expect(result.varianceInflation.columns).toEqual(['a', 'b']);
    expect(result.varianceInflation.reference).toEqual([null, null]); // 3 rows < 2 columns + 2
    expect(result.varianceInflation.current[0]).toBeCloseTo(1 / (1 - pearsonCorrelation([1, 2, 3, 4], [3, 1, 2, 5]).r ** 2), 12);
  });

  it('takes at most 20 columns for the VIF and 30 for the correlations', () => {
    const spec: Record<string, ColumnSpec> = {};
    for (let j = 0; j < 35; j++) spec[`f${j}`] = { type: 'numerical', values: range(60, (i) => Math.sin(i * (j + 1)) + ((i * 7 + j) % 11)) };
    const result = pair(spec, spec);
    expect(result.varianceInflation.columns).toEqual(range(20).map((j) => `f${j}`));
    expect(result.correlations.columns).toEqual(range(30).map((j) => `f${j}`));
    expect(result.correlations.reference).toHaveLength(30);
    expect(result.correlations.reference[0]).toHaveLength(30);
  });

  it('computes Pearson matrices on pairwise complete rows, null where r is undefined', () => {
    const ref = {
      a: { type: 'numerical', values: [1, 2, 3, 4, null, 6] },
      b: { type: 'numerical', values: [2, 1, 4, null, 5, 7] },
      k: { type: 'numerical', values: [5, 5, 5, 5, 5, 5] },
      t: { type: 'numerical', values: [0.5, 0.1, 0.9, 0.4, 0.3, 0.8] },
    } satisfies Record<string, ColumnSpec>;
    const cur = { ...ref, k: { type: 'numerical', values: [5, 6, 5, 6, 5, 7] } } satisfies Record<string, ColumnSpec>;
    const result = pair(ref, cur, { score: 't' });
    expect(result.correlations.columns).toEqual(['a', 'b', 'k', 't']);
    const m = result.correlations.reference;
    expect(m[0]![0]).toBe(1);
    expect(m[0]![1]).toBeCloseTo(pearsonCorrelation([1, 2, 3, 6], [2, 1, 4, 7]).r, 12);
    expect(m[1]![0]).toBe(m[0]![1]);
    expect(m[0]![3]).toBeCloseTo(pearsonCorrelation([1, 2, 3, 4, 6], [0.5, 0.1, 0.9, 0.4, 0.8]).r, 12);
    expect(m[2]).toEqual([null, null, null, null]); // k is constant in the reference
    expect(result.correlations.current[2]![2]).toBe(1);
    expect(result.correlations.current[2]![0]).toBeCloseTo(pearsonCorrelation([1, 2, 3, 4, 6], [5, 6, 5, 6, 7]).r, 12);
  });

  it('rejects a reference column absent from the current data', () => {
    const ref = makeDataset('ref.csv', { a: { type: 'numerical', values: [1] }, b: { type: 'numerical', values: [1] } });
    const cur = makeDataset('cur.csv', { a: { type: 'numerical', values: [1] } });
    expect(() => evaluateDataQuality(ref, cur, {}, {})).toThrow('evaluateDataQuality: column "b" is in the reference (ref.csv) but not in the current data (cur.csv)');
  });

  it('returns JSON-safe values that match the report schema', () => {
    const ref = makeDataset('ref.csv', {
      id: { type: 'id', values: ['a', 'b', 'c', 'd', 'e', 'f'] },
      a: { type: 'numerical', values: [1, 2, 3, 4, 5, null] },
      b: { type: 'numerical', values: [2, 4, 6, 8, 10, 12] },
      c: { type: 'categorical', values: ['x', 'y', 'x', null, 'y', 'x'] },
      f: { type: 'boolean', values: [true, false, true, true, false, true] },
      e: { type: 'embedding', values: [[1, 0], [0, 1], null, [1, 1], [0, 0], [1, 2]] },
    });
    const cur = makeDataset('cur.csv', {
      id: { type: 'id', values: ['a', 'a', 'c', 'd', 'e', 'f'] },
      a: { type: 'numerical', values: [1, 2, 3, 4, 50, 6] },
      b: { type: 'numerical', values: [2, 4, 6, 8, 100, 12] },
      c: { type: 'categorical', values: ['x', 'z', 'x', null, null, 'x'] },
      f: { type: 'boolean', values: [true, true, true, true, true, null] },
      e: { type: 'embedding', values: [[1, 0], [0, 1], [2, 2], [1, 1], [0, 0], null] },
    });
    const quality: Record<string, ColumnQuality> = {};
    for (const [name, column] of ref.columns) {
      quality[name] = evaluateColumnQuality(column, cur.columns.get(name)!);
      expect(Value.Check(ColumnQualitySchema, JSON.parse(JSON.stringify(quality[name])))).toBe(true);
    }
    const result = evaluateDataQuality(ref, cur, quality, {});
    expect(JSON.parse(JSON.stringify(result))).toEqual(result);
    expect(Value.Check(DataQualitySchema, result)).toBe(true);
    expect(result.varianceInflation.current).toEqual([null, null]); // b = 2a exactly in the current data
  });
});
