import type { PostgresMigration } from '../postgres-migration.js';

/**
 * Indexes for the retention job, which deletes old rows in chunks: each chunk finds its rows by time instead of
 * scanning every record, label, point or window of the model. Built inside the migration transaction (not
 * CONCURRENTLY): writes to these tables wait while a large existing table is indexed, once, at upgrade.
 */
export const retentionIndexesMigration: PostgresMigration = {
  version: 4,
  name: 'retention-indexes',
  sql: `
CREATE INDEX records_ts ON records (model_id, ts);
CREATE INDEX labels_ts ON labels (model_id, ts);
CREATE INDEX metric_points_time ON metric_points (model_id, time);
CREATE INDEX windows_end_time ON windows (model_id, end_time);
`,
};
