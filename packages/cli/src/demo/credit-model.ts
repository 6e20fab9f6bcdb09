import type { ApiBody } from '@bothub/client';
import type { CreditApplicant } from './credit-applicant.js';

type ModelSpec = ApiBody<'/api/v1/models', 'post'>;

/** Records per count window: at the demo's 100 records per demo-minute, a window closes every 5 demo-minutes. */
export const DEMO_WINDOW_SIZE = 500;

/**
 * The demo's credit-default model as `POST /api/v1/models` takes it: seven features, a boolean prediction and label,
 * a score, segments by region, gender as the protected attribute (men privileged), count windows.
 * @example await bothub.post('/api/v1/models', { body: creditModelSpec('credit-demo') });
 */
export function creditModelSpec(name: string): ModelSpec {
  return {
    name,
    task: 'binary_classification',
    description: 'bothub demo: a credit-default model (probability of repayment) on generated applications.',
    features: [
      { name: 'age', type: 'numerical', range: { min: 18, max: 80 } },
      { name: 'income', type: 'numerical' },
      { name: 'credit_score', type: 'numerical', range: { min: 300, max: 850 } },
      { name: 'loan_amount', type: 'numerical' },
      { name: 'employment', type: 'categorical' },
      { name: 'region', type: 'categorical' },
      { name: 'gender', type: 'categorical' },
    ],
    prediction: { type: 'boolean' },
    label: { type: 'boolean' },
    score: true,
    segmentFields: ['region'],
    protected: { field: 'gender', privileged: 'male' },
    window: { kind: 'count', size: DEMO_WINDOW_SIZE },
  };
}

/** A prediction record of the public API: the applicant's features, the model's decision (repay when score ≥ 0.5) and score. */
export interface DemoPredictionRecord {
  readonly id: string;
  readonly timestamp: number;
  readonly features: Readonly<Record<string, number | string>>;
  readonly prediction: boolean;
  readonly score: number;
}

/** The features of an applicant, as the model declares them. */
function featuresOf(a: CreditApplicant): Record<string, number | string> {
  return { age: a.age, income: a.income, credit_score: a.credit_score, loan_amount: a.loan_amount, employment: a.employment, region: a.region, gender: a.gender };
}

const roundScore = (score: number): number => Math.round(score * 1e4) / 1e4;

/**
 * @example toPredictionRecord(applicant, 'p-1', Date.now()); // { id: 'p-1', features: { age: 47, … }, prediction: true, score: 0.8123, … }
 */
export function toPredictionRecord(applicant: CreditApplicant, id: string, timestamp: number): DemoPredictionRecord {
  const score = roundScore(applicant.score);
  return { id, timestamp, features: featuresOf(applicant), prediction: score >= 0.5, score };
}

/** A reference row: a prediction record with its label and without id or timestamp, as the reference upload takes it. */
export interface DemoReferenceRecord extends Omit<DemoPredictionRecord, 'id' | 'timestamp'> {
  readonly label: boolean;
}

/**
 * @example toReferenceRecord(applicant); // { features: { age: 47, … }, prediction: true, score: 0.8123, label: true }
 */
export function toReferenceRecord(applicant: CreditApplicant): DemoReferenceRecord {
  const score = roundScore(applicant.score);
  return { features: featuresOf(applicant), prediction: score >= 0.5, score, label: applicant.repaid };
}
