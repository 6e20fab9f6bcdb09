/**
 * What the adapters store of a model as its settings document: everything but its identity (id, project, name and
 * creation time, which are columns).
 */
import type { WindowSpec } from '@bothub/core';
import type { NewModel } from './store.js';

export type ModelSpec = Omit<NewModel, 'project' | 'name'>;

/**
 * Whether two window settings cut records into the same windows. When they do not, `updateModel` restarts the model's
 * count windows: their counters are positions in windows of the old size.
 *
 * @example
 * sameWindow({ kind: 'count', size: 10 }, { size: 10, kind: 'count' }); // true
 */
export function sameWindow(a: WindowSpec, b: WindowSpec): boolean {
  return a.kind === b.kind && a.size === b.size && a.slide === b.slide && a.lateness === b.lateness;
}

/**
 * @example
 * db.prepare('UPDATE models SET spec = ? WHERE id = ?').run(JSON.stringify(modelSpec(model)), model.id);
 */
export function modelSpec(model: NewModel): ModelSpec {
  const { task, description, features, prediction, label, score, segmentFields, protected: protectedAttribute, window, retention, monitors } = model;
  return { task, description, features, prediction, label, score, segmentFields, protected: protectedAttribute, window, retention, ...(monitors ? { monitors } : {}) };
}
