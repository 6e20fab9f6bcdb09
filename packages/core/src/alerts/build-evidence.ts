import type { MetricPoint } from '../monitoring/window.js';
import type { AlertRule, Evidence } from './alert-schema.js';
import type { ConditionResult } from './evaluate-condition.js';

/** What buildEvidence needs: the rule, its verdict, the window it was decided on and that window's points. */
export interface EvidenceInput {
  readonly rule: AlertRule;
  readonly result: ConditionResult;
  /** The window of the latest point, null for absence rules. */
  readonly windowId: string | null;
  /** Epoch ms of the window (its end time), or of the check for absence rules. */
  readonly time: number;
  /** The series' feature, null when the metric has none. */
  readonly feature: string | null;
  /** Every metric point of that window (all metrics), for the top drifting features. */
  readonly windowPoints: readonly MetricPoint[];
  readonly modelName: string;
}

const TOP_FEATURES = 10;

/**
 * An alert's evidence: the value and threshold of the verdict, its reason, the window's most drifting features and
 * the dashboard link. topFeatures come from the window's `drift.effect_size` points (largest |effect size| first, at
 * most 10, ties by name); a feature is `drifted` when its `drift.statistic` point has status warning or critical.
 * The link is `/models/<name>/windows/<window>`, or `/models/<name>` without a window.
 * @example
 * const evidence = buildEvidence({ rule, result, windowId: 'w9', time: 1_700_000_000_000, feature: 'income', windowPoints, modelName: 'credit' });
 * evidence.link; // '/models/credit/windows/w9'
 */
export function buildEvidence(input: EvidenceInput): Evidence {
  const { rule, result, windowId, time, feature, windowPoints, modelName } = input;
  const drifted = new Set<string>();
  for (const p of windowPoints) {
    if (p.metric === 'drift.statistic' && p.feature !== null && (p.status === 'warning' || p.status === 'critical')) drifted.add(p.feature);
  }
  const topFeatures = windowPoints
    .filter((p): p is MetricPoint & { feature: string; value: number } => p.metric === 'drift.effect_size' && p.feature !== null && p.value !== null)
    .map((p) => ({ feature: p.feature, effectSize: p.value, drifted: drifted.has(p.feature) }))
    .sort((a, b) => Math.abs(b.effectSize) - Math.abs(a.effectSize) || (a.feature < b.feature ? -1 : a.feature > b.feature ? 1 : 0))
    .slice(0, TOP_FEATURES);
  const model = `/models/${encodeURIComponent(modelName)}`;
  return {
    windowId,
    time,
    metric: rule.metric,
    feature,
    value: result.value,
    threshold: result.threshold,
    reason: result.reason,
    topFeatures,
    link: windowId === null ? model : `${model}/windows/${encodeURIComponent(windowId)}`,
  };
}
