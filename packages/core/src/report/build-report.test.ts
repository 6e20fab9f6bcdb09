import { createRandom, sampleStandardNormal } from '@bothub/stats';
import { makeDataset } from '@bothub/testkit';
import { describe, expect, it } from 'vitest';
import type { Dataset } from '../dataset.js';
import { ReferenceMemo } from '../reference-memo.js';
import { DEFAULT_REPORT_OPTIONS } from '../report-options.js';
import type { ReportOptions } from '../report-options.js';
import { buildReport } from './build-report.js';

function credit(source: string, rows: number, seed: number, shift: number): Dataset {
  const rng = createRandom(seed);
  const income: number[] = [];
  const age: number[] = [];
  const debt: (number | null)[] = [];
  const region: string[] = [];
  const repaid: boolean[] = [];
  const score: number[] = [];
  const predicted: boolean[] = [];
  for (let i = 0; i < rows; i++) {
    const x = sampleStandardNormal(rng) + shift;
    income.push(x);
    age.push(40 + 10 * sampleStandardNormal(rng));
    debt.push(i % 17 === 0 ? null : x * 0.5 + sampleStandardNormal(rng));
    region.push(['north', 'south', 'east'][rng.nextInt(3)]!);
    const p = 1 / (1 + Math.exp(-x));
    score.push(p);
    predicted.push(p >= 0.5);
    repaid.push(rng.nextFloat() < p);
  }
  return makeDataset(source, {
    income: { type: 'numerical', values: income },
    age: { type: 'numerical', values: age },
    debt: { type: 'numerical', values: debt },
    region: { type: 'categorical', values: region },
    repaid: { type: 'boolean', values: repaid },
    score: { type: 'numerical', values: score },
    predicted: { type: 'boolean', values: predicted },
  });
}

const context = { generatedAt: '2026-11-22T00:00:00.000Z', toolVersion: 'test', formats: { reference: 'test', current: 'test' } };
const options: ReportOptions = { ...DEFAULT_REPORT_OPTIONS, roles: { target: 'repaid', score: 'score', prediction: 'predicted' } };

describe('buildReport with a reference memo', () => {
  it('gives, from remembered reference-side work, exactly the report a fresh build gives', () => {
    const reference = credit('reference', 3000, 1, 0);
    const first = credit('first', 800, 2, 0);
    const second = credit('second', 800, 3, 0.4);
    const memo = new ReferenceMemo();
    buildReport(reference, first, { ...options, memo }, context);
    const remembered = buildReport(reference, second, { ...options, memo }, context);
    const fresh = buildReport(reference, second, options, context);
    expect(remembered).toEqual(fresh);
    expect(remembered.datasetDrift.driftedColumns).toContain('income');
    expect(remembered.performance).not.toBeNull();
    expect(remembered.anomalies).not.toBeNull();
  });
});
