/**
 * The flag rates behind docs/drift-defaults.md: seeded simulations of the default rule on identical distributions,
 * trivial shifts and meaningful shifts, at small and large n. The repetitions are kept small so the suite stays fast;
 * BOTHUB_DRIFT_SIMULATION_SCALE=10 multiplies them and prints the table quoted in the doc.
 */
import { cramerVonMisesTest, createRandom, ksTest, sampleStandardNormal } from '@bothub/stats';
import type { RandomGenerator } from '@bothub/stats';
import { describe, expect, it } from 'vitest';
import type { DatasetColumn } from '../../dataset.js';
import { evaluateColumnDrift } from './evaluate-column-drift.js';

const SCALE = Number(process.env.BOTHUB_DRIFT_SIMULATION_SCALE ?? '1');
const rows: string[] = [];
// Generous, since the simulations are CPU-bound and CI machines are shared; a timeout, not a timed assertion.
const TIMEOUT = 120_000 * SCALE;

function numeric(n: number, shift: number, rng: RandomGenerator): DatasetColumn {
  const values = new Float64Array(n);
  for (let i = 0; i < n; i++) values[i] = shift + sampleStandardNormal(rng);
  return { name: 'x', type: 'numerical', values: { storage: 'numeric', values }, counts: { rows: n, missing: 0, typeMismatches: 0 } };
}

function categorical(n: number, shares: readonly number[], rng: RandomGenerator, type: 'categorical' | 'boolean'): DatasetColumn {
  const cumulative = shares.map((_, i) => shares.slice(0, i + 1).reduce((a, b) => a + b, 0));
  const codes = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const u = rng.nextFloat();
    let k = 0;
    while (k < cumulative.length - 1 && u >= cumulative[k]!) k++;
    codes[i] = k;
  }
  const counts = { rows: n, missing: 0, typeMismatches: 0 };
  if (type === 'boolean') return { name: 'b', type, values: { storage: 'numeric', values: Float64Array.from(codes) }, counts };
  return { name: 'c', type, values: { storage: 'categorical', codes, dictionary: shares.map((_, i) => `c${i}`) }, counts };
}

/** Share of repetitions flagged by the default rule, and by its p-value alone. */
function flagRate(label: string, n: number, baseReps: number, make: (rng: RandomGenerator) => [DatasetColumn, DatasetColumn]): { rule: number; pOnly: number } {
  const reps = Math.max(1, Math.round(baseReps * SCALE));
  const rng = createRandom(n + baseReps + label.length);
  let rule = 0;
  let pOnly = 0;
  for (let r = 0; r < reps; r++) {
    const [reference, current] = make(rng);
    const { drift } = evaluateColumnDrift(reference, current, { seed: r, extraTests: [] });
    if (drift?.drifted === true) rule++;
    if ((drift?.pValue ?? 1) < 0.05) pOnly++;
  }
  rows.push(`| ${label} | ${n.toLocaleString('en')} | ${reps} | ${((100 * rule) / reps).toFixed(1)} % | ${((100 * pOnly) / reps).toFixed(1)} % |`);
  return { rule: rule / reps, pOnly: pOnly / reps };
}

const CATEGORIES = [0.4, 0.25, 0.15, 0.12, 0.08];

describe('default drift rule: flag rates (docs/drift-defaults.md)', () => {
  it('numerical, identical distributions: about 5 % at most, not growing with n', () => {
    expect(flagRate('numerical, identical', 1e3, 200, (g) => [numeric(1e3, 0, g), numeric(1e3, 0, g)]).rule).toBeLessThanOrEqual(0.08);
    expect(flagRate('numerical, identical', 1e4, 40, (g) => [numeric(1e4, 0, g), numeric(1e4, 0, g)]).rule).toBe(0);
    expect(flagRate('numerical, identical', 1e5, 8, (g) => [numeric(1e5, 0, g), numeric(1e5, 0, g)]).rule).toBe(0);
    expect(flagRate('numerical, identical', 1e6, 1, (g) => [numeric(1e6, 0, g), numeric(1e6, 0, g)]).rule).toBe(0);
  }, TIMEOUT);

  it('numerical, trivial 0.02 sd shift: significant at large n, yet not flagged', () => {
    expect(flagRate('numerical, shift 0.02 sd', 1e5, 8, (g) => [numeric(1e5, 0, g), numeric(1e5, 0.02, g)]).rule).toBe(0);
    const large = flagRate('numerical, shift 0.02 sd', 1e6, 2, (g) => [numeric(1e6, 0, g), numeric(1e6, 0.02, g)]);
    expect(large.rule).toBe(0);
    expect(large.pOnly).toBe(1);
  }, TIMEOUT);

  it('numerical, meaningful 0.3 sd shift: flagged at n = 200 (power of the test) and always at 1e5', () => {
    expect(flagRate('numerical, shift 0.3 sd', 200, 200, (g) => [numeric(200, 0, g), numeric(200, 0.3, g)]).rule).toBeGreaterThanOrEqual(0.7);
    expect(flagRate('numerical, shift 0.3 sd', 1e5, 4, (g) => [numeric(1e5, 0, g), numeric(1e5, 0.3, g)]).rule).toBe(1);
  }, TIMEOUT);

  it('categorical (5 categories): identical rarely, a 1-point move never, a 10-point move at n = 200 mostly and at 1e5 always', () => {
    const trivial = [0.39, 0.25, 0.15, 0.12, 0.09];
    const meaningful = [0.3, 0.25, 0.15, 0.12, 0.18];
    const c = (n: number, shares: readonly number[], g: RandomGenerator) => categorical(n, shares, g, 'categorical');
    expect(flagRate('categorical, identical', 1e3, 200, (g) => [c(1e3, CATEGORIES, g), c(1e3, CATEGORIES, g)]).rule).toBeLessThanOrEqual(0.08);
    expect(flagRate('categorical, identical', 1e6, 1, (g) => [c(1e6, CATEGORIES, g), c(1e6, CATEGORIES, g)]).rule).toBe(0);
    const small = flagRate('categorical, 1 point moved', 1e6, 1, (g) => [c(1e6, CATEGORIES, g), c(1e6, trivial, g)]);
    expect(small.rule).toBe(0);
    expect(small.pOnly).toBe(1);
    expect(flagRate('categorical, 10 points moved', 200, 200, (g) => [c(200, CATEGORIES, g), c(200, meaningful, g)]).rule).toBeGreaterThanOrEqual(0.65);
    expect(flagRate('categorical, 10 points moved', 1e5, 4, (g) => [c(1e5, CATEGORIES, g), c(1e5, meaningful, g)]).rule).toBe(1);
  }, TIMEOUT);

  it('boolean: 50 → 51 % not flagged at 1e6; 50 → 60 % and 5 → 8 % flagged at 1e5', () => {
    const b = (n: number, p: number, g: RandomGenerator) => categorical(n, [1 - p, p], g, 'boolean');
    expect(flagRate('boolean, identical', 1e3, 200, (g) => [b(1e3, 0.5, g), b(1e3, 0.5, g)]).rule).toBeLessThanOrEqual(0.08);
    expect(flagRate('boolean, 50 → 51 %', 1e6, 1, (g) => [b(1e6, 0.5, g), b(1e6, 0.51, g)]).rule).toBe(0);
    expect(flagRate('boolean, 50 → 60 %', 200, 200, (g) => [b(200, 0.5, g), b(200, 0.6, g)]).rule).toBeGreaterThanOrEqual(0.4);
    expect(flagRate('boolean, 50 → 60 %', 1e5, 4, (g) => [b(1e5, 0.5, g), b(1e5, 0.6, g)]).rule).toBe(1);
    expect(flagRate('boolean, 5 → 8 %', 1e5, 4, (g) => [b(1e5, 0.05, g), b(1e5, 0.08, g)]).rule).toBe(1);
    if (SCALE !== 1) process.stdout.write(`| scenario | n per side | repetitions | flagged by the rule | p < 0.05 alone |\n|---|---:|---:|---:|---:|\n${rows.join('\n')}\n`);
  }, TIMEOUT);
});

describe('default numeric test: Cramér–von Mises against Kolmogorov–Smirnov', () => {
  it('holds its size where KS is conservative, and has more power on the same samples', () => {
    const compare = (label: string, n: number, baseReps: number, shift: number, scale: number) => {
      const reps = Math.max(1, Math.round(baseReps * SCALE));
      const rng = createRandom(7 + n + label.length);
      let cvm = 0;
      let ks = 0;
      for (let r = 0; r < reps; r++) {
        const a = Float64Array.from({ length: n }, () => sampleStandardNormal(rng));
        const b = Float64Array.from({ length: n }, () => shift + scale * sampleStandardNormal(rng));
        if (cramerVonMisesTest(a, b).pValue < 0.05) cvm++;
        if (ksTest(a, b).pValue < 0.05) ks++;
      }
      const line = `| ${label} | ${n} | ${reps} | ${((100 * cvm) / reps).toFixed(1)} % | ${((100 * ks) / reps).toFixed(1)} % |`;
      comparisons.push(line);
      return { cvm: cvm / reps, ks: ks / reps };
    };
    const comparisons: string[] = [];
    const size = compare('identical', 50, 400, 0, 1);
    expect(size.cvm).toBeLessThanOrEqual(0.08);
    expect(size.ks).toBeLessThan(size.cvm);
    const location = compare('shift 0.3 sd', 200, 400, 0.3, 1);
    expect(location.cvm).toBeGreaterThan(location.ks);
    const spread = compare('std × 1.3', 200, 400, 0, 1.3);
    expect(spread.cvm).toBeGreaterThan(spread.ks);
    if (SCALE !== 1) process.stdout.write(`| scenario | n per side | repetitions | Cramér–von Mises p < 0.05 | KS p < 0.05 |\n|---|---:|---:|---:|---:|\n${comparisons.join('\n')}\n`);
  }, TIMEOUT);
});
