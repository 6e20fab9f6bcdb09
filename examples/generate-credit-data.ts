/**
 * Writes the bundled credit-default example (examples/data/credit-{reference,current}.csv), deterministically:
 * `npx tsx examples/generate-credit-data.ts`. The applicants come from the same generator as `bothub demo`. The
 * current set has drift injected on purpose: incomes fall, the west grows, and the model's scores lose some of their
 * separation. The model also scores women as riskier than their outcomes justify (in both sets), for the fairness section.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createRandom } from '../packages/stats/src/random.js';
import type { RandomGenerator } from '../packages/stats/src/random.js';
import { generateCreditApplicant, REFERENCE_CONDITIONS } from '../packages/cli/src/demo/credit-applicant.js';
import type { CreditConditions } from '../packages/cli/src/demo/credit-applicant.js';

function makeRows(rng: RandomGenerator, n: number, conditions: CreditConditions): string[] {
  const rows = ['age,income,credit_score,loan_amount,employment,region,gender,repaid,score'];
  for (let i = 0; i < n; i++) {
    const a = generateCreditApplicant(rng, conditions);
    // The favourable outcome is label 1: `repaid`, and `score` is the model's probability of repayment.
    rows.push([a.age, a.income, a.credit_score, a.loan_amount, a.employment, a.region, a.gender, a.repaid ? 1 : 0, a.score.toFixed(4)].join(','));
  }
  return rows;
}

const rng = createRandom(20261122);
const dir = join(import.meta.dirname, 'data');
const current: CreditConditions = { ...REFERENCE_CONDITIONS, incomeShift: -0.25, regionWeights: [0.2, 0.25, 0.2, 0.35, 0], scoreNoise: 1.4 };
writeFileSync(join(dir, 'credit-reference.csv'), `${makeRows(rng, 3000, REFERENCE_CONDITIONS).join('\n')}\n`);
writeFileSync(join(dir, 'credit-current.csv'), `${makeRows(rng, 2000, current).join('\n')}\n`);
console.log(`Wrote ${dir}/credit-reference.csv and credit-current.csv`);
