import type { Alert } from './alert-schema.js';

/** How many of a rule's alerts people judged, and how many of those were real. */
export interface RulePrecision {
  readonly labelled: number;
  readonly real: number;
  readonly false: number;
  /** real / labelled; null before any feedback. */
  readonly precision: number | null;
}

/**
 * A rule's precision from feedback: the share of its judged alerts marked real. Alerts without feedback are not
 * counted.
 * @example rulePrecision(alertsOfRule); // { labelled: 10, real: 7, false: 3, precision: 0.7 }
 */
export function rulePrecision(alerts: readonly Alert[]): RulePrecision {
  let real = 0;
  let falseCount = 0;
  for (const alert of alerts) {
    if (alert.feedback?.verdict === 'real') real++;
    else if (alert.feedback?.verdict === 'false') falseCount++;
  }
  const labelled = real + falseCount;
  return { labelled, real, false: falseCount, precision: labelled === 0 ? null : real / labelled };
}
