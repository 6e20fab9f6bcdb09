/**
 * Indexes for the retention job, which deletes old rows in chunks: each chunk finds its rows by time instead of
 * scanning every label or window of the model (records already have `records_ts`).
 */
import type { SqliteMigration } from '../sqlite-migration.js';

export const migration004RetentionIndexes: SqliteMigration = {
  version: 4,
  name: 'retention-indexes',
  sql: `
CREATE INDEX labels_ts ON labels (model_key, ts);
CREATE INDEX windows_end_time ON windows (model_key, end_time);
`,
};
