/**
 * Evaluated windows with chosen metric points, for tests of what reads the metric history (rule previews, alert
 * evaluation): one record per window through the store (the model must have count windows of size 1), each window
 * completed with the points `pointsOf` gives it.
 */
import type { MetricPoint, Model, Window } from '@bothub/core';
import type { Store } from '../storage/store.js';

/**
 * A point of a window, with the window's ids and time filled in (status insufficient_data for a null value).
 *
 * @example
 * pointOf(window, 'drift.statistic', 'age', 0.3, { status: 'warning' });
 */
export function pointOf(window: Window, metric: string, feature: string | null, value: number | null, extra: Partial<MetricPoint> = {}): MetricPoint {
  return { modelId: window.modelId, versionId: window.versionId, segment: window.segment, windowId: window.id, time: window.endTime, metric, feature, value, pValue: null, threshold: null, status: value === null ? 'insufficient_data' : 'ok', ...extra };
}

/**
 * @example
 * const windows = await seedWindows(store, model, versionId, 5, (w, i) => [pointOf(w, 'drift.share', null, i / 10)]);
 */
export async function seedWindows(store: Store, model: Model, versionId: string, count: number, pointsOf: (window: Window, index: number) => MetricPoint[], options: { start?: number; stepMs?: number } = {}): Promise<Window[]> {
  if (model.window.kind !== 'count' || model.window.size !== 1) throw new RangeError('seedWindows: the model needs count windows of size 1');
  const { start = Date.UTC(2026, 0, 1), stepMs = 3_600_000 } = options;
  const prefix = `seed-${Math.random().toString(36).slice(2)}`;
  const records = Array.from({ length: count }, (_, i) => ({ id: `${prefix}-${i}`, versionId, timestamp: start + i * stepMs, features: {}, prediction: 0, score: null, label: null, segment: null }));
  await store.ingestPredictions(model, records);
  const windows = await store.claimPendingWindows(count, 'seed', 60_000);
  const seeded = windows.filter((w) => w.modelId === model.id && w.segment === null).sort((a, b) => a.endTime - b.endTime);
  for (const [i, window] of seeded.entries()) await store.completeWindow(window.id, 'seed', { points: pointsOf(window, i), results: null, labelled: 0 });
  return seeded;
}
