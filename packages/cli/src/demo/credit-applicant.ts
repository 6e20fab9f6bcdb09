import { sampleStandardNormal } from '@bothub/stats';
import type { RandomGenerator } from '@bothub/stats';

export const CREDIT_REGIONS = ['north', 'south', 'east', 'west', 'central'] as const;
export const CREDIT_EMPLOYMENT = ['salaried', 'self-employed', 'unemployed'] as const;
export const CREDIT_GENDERS = ['female', 'male'] as const;

/** The world a batch of applicants comes from: the reference world, or one that drifted away from it. */
export interface CreditConditions {
  /** Added to the log of income (−0.25: incomes about 22 % lower). */
  readonly incomeShift: number;
  /** Added to the log of the loan amount. */
  readonly loanShift: number;
  /** Weights of CREDIT_EMPLOYMENT, in its order. */
  readonly employmentWeights: readonly number[];
  /** Weights of CREDIT_REGIONS, in its order (0 for a region that does not exist yet). */
  readonly regionWeights: readonly number[];
  /** Standard deviation of the noise on the model's logit: its separation falls as this grows. */
  readonly scoreNoise: number;
  /** Added to the true default logit but not to the model's: defaults become more frequent than the model predicts. */
  readonly riskShift: number;
}

/** The conditions of the reference data (examples/data/credit-reference.csv). */
export const REFERENCE_CONDITIONS: CreditConditions = Object.freeze({
  incomeShift: 0,
  loanShift: 0,
  employmentWeights: [0.7, 0.22, 0.08],
  regionWeights: [0.3, 0.3, 0.2, 0.2, 0],
  scoreNoise: 0.5,
  riskShift: 0,
});

/** One loan application, its outcome and the model's score. */
export interface CreditApplicant {
  readonly age: number;
  readonly income: number;
  readonly credit_score: number;
  readonly loan_amount: number;
  readonly employment: string;
  readonly region: string;
  readonly gender: string;
  /** The ground truth, known only later: the loan was repaid (the favourable outcome). */
  readonly repaid: boolean;
  /** The model's probability of repayment. */
  readonly score: number;
}

function pick(rng: RandomGenerator, options: readonly string[], weights: readonly number[]): string {
  if (weights.length !== options.length) throw new RangeError(`generateCreditApplicant: ${weights.length} weights for ${options.length} options`);
  let u = rng.nextFloat() * weights.reduce((a, b) => a + b, 0);
  for (let i = 0; i < options.length; i++) {
    u -= weights[i]!;
    if (u < 0) return options[i]!;
  }
  return options[options.length - 1]!;
}

/**
 * Draws one applicant of a credit-default model's traffic. The true default risk is a logistic function of credit
 * score, income, loan amount and employment; the model saw the reference world: its score is that logit plus noise,
 * and it over-predicts default for women (a bias the fairness monitor should surface). Draws from `rng` in a fixed
 * order, so a seed gives the same applicants whatever the conditions.
 * @example const applicant = generateCreditApplicant(createRandom(42), REFERENCE_CONDITIONS); // { age: 47, income: 38123, … }
 */
export function generateCreditApplicant(rng: RandomGenerator, conditions: CreditConditions): CreditApplicant {
  const age = Math.round(Math.min(80, Math.max(18, 42 + 12 * sampleStandardNormal(rng))));
  const income = Math.round(Math.exp(10.6 + conditions.incomeShift + 0.45 * sampleStandardNormal(rng)));
  const creditScore = Math.round(Math.min(850, Math.max(300, 660 + 70 * sampleStandardNormal(rng))));
  const loanAmount = Math.round(Math.exp(9.4 + conditions.loanShift + 0.6 * sampleStandardNormal(rng)) / 100) * 100;
  const employment = pick(rng, CREDIT_EMPLOYMENT, conditions.employmentWeights);
  const region = pick(rng, CREDIT_REGIONS, conditions.regionWeights);
  const gender = pick(rng, CREDIT_GENDERS, [0.48, 0.52]);
  const logit =
    -1.2 - 0.012 * (creditScore - 660) - 0.9 * (Math.log(income) - 10.6) + 0.35 * (Math.log(loanAmount) - 9.4) + (employment === 'unemployed' ? 1.1 : 0);
  const defaulted = rng.nextFloat() < 1 / (1 + Math.exp(-(logit + conditions.riskShift)));
  const bias = gender === 'female' ? 1.0 : 0;
  const pDefaultPredicted = 1 / (1 + Math.exp(-(logit + bias + conditions.scoreNoise * sampleStandardNormal(rng))));
  return {
    age,
    income,
    credit_score: creditScore,
    loan_amount: loanAmount,
    employment,
    region,
    gender,
    repaid: !defaulted,
    score: 1 - pDefaultPredicted,
  };
}
