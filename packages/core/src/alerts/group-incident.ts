import type { Alert, Incident } from './alert-schema.js';

type Change = Incident['changes'][number];

/** The size of an alert's change: its feature's effect size in the evidence, else how far the value passed its threshold. */
function changeOf(alert: Alert): Change {
  const { evidence } = alert;
  const top = alert.feature === null ? undefined : evidence.topFeatures.find((t) => t.feature === alert.feature);
  const effectSize = top ? top.effectSize : evidence.value !== null && evidence.threshold !== null ? Math.abs(evidence.value - evidence.threshold) : null;
  return { alertId: alert.id, metric: evidence.metric, feature: alert.feature, value: evidence.value, effectSize };
}

/**
 * Groups the alerts of one model that fired in the same window into one incident: the open incident of that window
 * when `open` is it (same model and window, status open), else a new one. `changes` lists what changed, one entry per
 * alert (a re-fired alert's entry is refreshed), largest |effect size| first — the alert's feature's effect size from
 * its evidence.topFeatures, else |value − threshold| — entries without a size last. The caller sets each alert's
 * incidentId to the incident's id.
 * @throws RangeError when an alert belongs to another model, or when there is nothing to group.
 * @example
 * const incident = groupIncident('m1', 'w9', [driftIncome, driftAge], null, Date.now(), () => crypto.randomUUID());
 * incident.changes[0]!.feature; // the feature with the largest effect size
 */
export function groupIncident(modelId: string, windowId: string | null, fired: readonly Alert[], open: Incident | null, now: number, newId: () => string): Incident {
  const other = fired.find((a) => a.modelId !== modelId);
  if (other) throw new RangeError(`groupIncident: alert ${other.id} belongs to model ${other.modelId}, not ${modelId}`);
  const joins = open !== null && open.status === 'open' && open.modelId === modelId && open.windowId === windowId;
  if (!joins && fired.length === 0) throw new RangeError('groupIncident: no alerts to group');
  const base: Incident = joins ? open : { id: newId(), modelId, windowId, openedAt: now, status: 'open', alertIds: [], changes: [] };
  const latest = new Map(fired.map((a) => [a.id, a]));
  const alertIds = [...new Set([...base.alertIds, ...latest.keys()])];
  const changes = [...base.changes.filter((c) => !latest.has(c.alertId)), ...[...latest.values()].map(changeOf)];
  const size = (c: Change): number => (c.effectSize === null ? -1 : Math.abs(c.effectSize));
  changes.sort((a, b) => size(b) - size(a));
  return { ...base, alertIds, changes };
}
