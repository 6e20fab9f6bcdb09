/**
 * Writes the bundled credit-default example (examples/data/credit-{reference,current}.csv), deterministically:
 * `npx tsx examples/generate-credit-data.ts`. The current set has drift injected on purpose: incomes fall,
 * a new region grows, and the model's scores lose some of their separation. The model also scores women as
 * riskier than their outcomes justify (in both sets), for the fairness section.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createRandom, sampleStandardNormal } from '../packages/stats/src/random.js';
import type { RandomGenerator } from '../packages/stats/src/random.js';

interface Drift {
  incomeShift: number;
  regionWeights: readonly number[];
  scoreNoise: number;
}

const REGIONS = ['north', 'south', 'east', 'west'];
const EMPLOYMENT = ['salaried', 'self-employed', 'unemployed'];
const GENDERS = ['female', 'male'];

function pick(rng: RandomGenerator, options: readonly string[], weights: readonly number[]): string {
  let u = rng.nextFloat() * weights.reduce((a, b) => a + b, 0);
  for (let i = 0; i < options.length; i++) {
    u -= weights[i]!;
    if (u < 0) return options[i]!;
  }
  return options[options.length - 1]!;
}

function makeRows(rng: RandomGenerator, n: number, drift: Drift): string[] {
  const rows = ['age,income,credit_score,loan_amount,employment,region,gender,repaid,score'];
  for (let i = 0; i < n; i++) {
    const age = Math.round(Math.min(80, Math.max(18, 42 + 12 * sampleStandardNormal(rng))));
    const income = Math.round(Math.exp(10.6 + drift.incomeShift + 0.45 * sampleStandardNormal(rng)));
    const creditScore = Math.round(Math.min(850, Math.max(300, 660 + 70 * sampleStandardNormal(rng))));
    const loanAmount = Math.round(Math.exp(9.4 + 0.6 * sampleStandardNormal(rng)) / 100) * 100;
    const employment = pick(rng, EMPLOYMENT, [0.7, 0.22, 0.08]);
    const region = pick(rng, REGIONS, drift.regionWeights);
    const gender = pick(rng, GENDERS, [0.48, 0.52]);
    const logit =
      -1.2 - 0.012 * (creditScore - 660) - 0.9 * (Math.log(income) - 10.6) + 0.35 * (Math.log(loanAmount) - 9.4) + (employment === 'unemployed' ? 1.1 : 0);
    const pDefault = 1 / (1 + Math.exp(-logit));
    const defaulted = rng.nextFloat() < pDefault ? 1 : 0;
    // The model saw the pre-drift world: its score is the true logit plus noise that grows after the drift, and it
    // over-predicts default for women, so it approves them less often (a bias the fairness section should surface).
    const bias = gender === 'female' ? 1.0 : 0;
    const pDefaultPredicted = 1 / (1 + Math.exp(-(logit + bias + drift.scoreNoise * sampleStandardNormal(rng))));
    // The favourable outcome is label 1: `repaid`, and `score` is the model's probability of repayment.
    rows.push([age, income, creditScore, loanAmount, employment, region, gender, 1 - defaulted, (1 - pDefaultPredicted).toFixed(4)].join(','));
  }
  return rows;
}

const rng = createRandom(20261122);
const dir = join(import.meta.dirname, 'data');
writeFileSync(join(dir, 'credit-reference.csv'), `${makeRows(rng, 3000, { incomeShift: 0, regionWeights: [0.3, 0.3, 0.2, 0.2], scoreNoise: 0.5 }).join('\n')}\n`);
writeFileSync(join(dir, 'credit-current.csv'), `${makeRows(rng, 2000, { incomeShift: -0.25, regionWeights: [0.2, 0.25, 0.2, 0.35], scoreNoise: 1.4 }).join('\n')}\n`);
console.log(`Wrote ${dir}/credit-reference.csv and credit-current.csv`);
