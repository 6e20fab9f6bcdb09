import { REFERENCE_CONDITIONS } from './credit-applicant.js';
import type { CreditConditions } from './credit-applicant.js';

/** One stretch of the demo's story, from `startMinute` (demo-minutes since the start) to the next phase. */
export interface DemoPhase {
  readonly name: 'healthy' | 'feature-shift' | 'performance-decay' | 'recovery';
  readonly startMinute: number;
  /** What a person watching sees, one line. */
  readonly description: string;
  readonly conditions: CreditConditions;
}

/**
 * A new market: smaller loans to applicants with lower incomes, many self-employed, from a region the model never saw.
 * The true risk barely changes (lower income and smaller loans offset), so the model stays as accurate: data drift alone.
 */
const SHIFTED: CreditConditions = {
  ...REFERENCE_CONDITIONS,
  incomeShift: -0.3,
  loanShift: -0.7,
  employmentWeights: [0.6, 0.34, 0.06],
  regionWeights: [0.22, 0.22, 0.16, 0.15, 0.25],
};

/**
 * The demo's story in demo time (at the default speed of 60, one demo-minute per wall-clock second). Labels arrive
 * 30 demo-minutes after their prediction, so a phase's effect on performance shows 30 demo-minutes after it starts.
 * After the recovery the traffic stays healthy. docs/service.md#the-demo-bothub-demo repeats this table.
 */
export const DEMO_TIMELINE: readonly DemoPhase[] = Object.freeze([
  { name: 'healthy', startMinute: 0, description: 'healthy traffic, like the reference', conditions: REFERENCE_CONDITIONS },
  {
    name: 'feature-shift',
    startMinute: 45,
    description: 'feature shift: a new market — incomes 26 % lower, loans half as large, more self-employed, a new region "central"',
    conditions: SHIFTED,
  },
  {
    name: 'performance-decay',
    startMinute: 90,
    description: 'performance decay: applicants default far more often than the model predicts, its scores get noisier',
    conditions: { ...SHIFTED, riskShift: 2, scoreNoise: 1.5 },
  },
  { name: 'recovery', startMinute: 180, description: 'recovery: traffic back to the reference world', conditions: REFERENCE_CONDITIONS },
]);

/**
 * The phase in force `minute` demo-minutes after the start.
 * @example demoPhaseAt(50).name; // 'feature-shift'
 */
export function demoPhaseAt(minute: number): DemoPhase {
  let current = DEMO_TIMELINE[0]!;
  for (const phase of DEMO_TIMELINE) if (phase.startMinute <= minute) current = phase;
  return current;
}
