/**
 * What /metrics reads from the store at each scrape: the queue depths and every model's newest metric points.
 */
import type { Store } from '../../storage/store.js';
import { modelSeries } from './model-series.js';
import type { StoreGauges } from './service-metrics.js';

/**
 * One count query per queue, one `latestMetrics` per model and one version lookup per version seen (cached for the
 * scrape): labels carry version names, never internal ids.
 *
 * @example
 * metrics.setStoreGauges(await readStoreGauges(store, metrics.featureCap));
 */
export async function readStoreGauges(store: Pick<Store, 'countPendingWindows' | 'listModels' | 'latestMetrics' | 'getVersionById' | 'alerts'>, featureCap: number): Promise<StoreGauges> {
  const [pendingWindows, pendingDeliveries, models] = await Promise.all([store.countPendingWindows(), store.alerts.countPendingDeliveries(), store.listModels()]);
  const versionNames = new Map<string, string>();
  const samples = [];
  for (const model of models) {
    const points = await store.latestMetrics(model.id);
    for (const id of new Set(points.map((p) => p.versionId))) {
      if (!versionNames.has(id)) versionNames.set(id, (await store.getVersionById(id))?.version ?? id);
    }
    samples.push(...modelSeries(model, points, (id) => versionNames.get(id) ?? id, featureCap));
  }
  return { pendingWindows, pendingDeliveries, models: samples };
}
