import { fitLogisticRegression } from '@bothub/stats';
import type { Alert, AlertRule } from './alert-schema.js';
import { formatAlertNumber as f } from './format-alert-number.js';

/** A threshold learned from feedback, with what it would have done to the judged alerts. */
export interface ThresholdSuggestion {
  /** The value where the fitted P(real) = 0.5, to four significant digits. */
  readonly threshold: number;
  /** Real alerts whose value still crosses the suggested threshold. */
  readonly keptReal: number;
  /** False alerts whose value no longer crosses it. */
  readonly droppedFalse: number;
  /** Judged alerts the model was fitted on. */
  readonly labelled: number;
  /** P(real | value) = 1 / (1 + exp(−(intercept + slope · value))), in the metric's units. */
  readonly coefficients: { readonly intercept: number; readonly slope: number };
  /** Plain words, e.g. "raising the threshold from 0.2 to 0.34 would have kept 9 of 10 real alerts and dropped 7 of 8 false ones". */
  readonly explanation: string;
}

export interface SuggestThresholdOptions {
  /** Judged alerts needed before suggesting anything. Default 10. */
  readonly minLabelled?: number;
}

/**
 * Suggests a new threshold for a threshold or n_of_m rule from the feedback on its alerts: a logistic regression of
 * the verdict (real = 1) on the alert's value (evidence.value, standardized for the fit, L2 penalty 1 as
 * scikit-learn's default C = 1), and the value where P(real) = 0.5. Returns null when the rule has another condition,
 * when fewer than minLabelled alerts are judged, when only one verdict occurs, when the fit does not converge, or when
 * real alerts do not lie further along the rule's direction than false ones (a slope of the wrong sign: moving the
 * threshold cannot separate them).
 * @throws RangeError when minLabelled is not an integer ≥ 2.
 * @example
 * suggestThreshold(rule, alerts)?.explanation;
 * // 'raising the threshold from 0.2 to 0.34 would have kept 9 of 10 real alerts and dropped 7 of 8 false ones'
 */
export function suggestThreshold(rule: AlertRule, alerts: readonly Alert[], options: SuggestThresholdOptions = {}): ThresholdSuggestion | null {
  const minLabelled = options.minLabelled ?? 10;
  if (!(Number.isInteger(minLabelled) && minLabelled >= 2)) throw new RangeError(`suggestThreshold: minLabelled must be an integer ≥ 2, got ${String(minLabelled)}`);
  const condition = rule.condition;
  if (condition.kind !== 'threshold' && condition.kind !== 'n_of_m') return null;
  const judged = alerts.flatMap((a) => (a.ruleId === rule.id && a.feedback !== null && a.evidence.value !== null && Number.isFinite(a.evidence.value) ? [{ value: a.evidence.value, real: a.feedback.verdict === 'real' }] : []));
  const realCount = judged.filter((j) => j.real).length;
  const falseCount = judged.length - realCount;
  if (judged.length < minLabelled || realCount === 0 || falseCount === 0) return null;

  // Standardizing makes the penalty independent of the metric's units (a drift statistic of 0.2 and a count of 2,000).
  const mean = judged.reduce((s, j) => s + j.value, 0) / judged.length;
  const sd = Math.sqrt(judged.reduce((s, j) => s + (j.value - mean) ** 2, 0) / judged.length);
  if (!(sd > 0)) return null;
  const fit = fitLogisticRegression(
    judged.map((j) => [(j.value - mean) / sd]),
    judged.map((j) => (j.real ? 1 : 0)),
  );
  const beta = fit.coefficients[0]!;
  const slope = beta / sd;
  const intercept = fit.intercept - (beta * mean) / sd;
  const above = condition.direction === 'above';
  if (!fit.converged || (above ? !(slope > 0) : !(slope < 0))) return null;

  const threshold = Number((-intercept / slope).toPrecision(4));
  const crosses = (v: number): boolean => (above ? v > threshold : v < threshold);
  const keptReal = judged.filter((j) => j.real && crosses(j.value)).length;
  const droppedFalse = judged.filter((j) => !j.real && !crosses(j.value)).length;
  const change = threshold === condition.value ? `keeping the threshold at ${f(threshold)}` : `${threshold > condition.value ? 'raising' : 'lowering'} the threshold from ${f(condition.value)} to ${f(threshold)}`;
  const explanation = `${change} would have kept ${keptReal} of ${realCount} real alerts and dropped ${droppedFalse} of ${falseCount} false ones`;
  return { threshold, keptReal, droppedFalse, labelled: judged.length, coefficients: { intercept, slope }, explanation };
}
