import { initialMigration } from './migrations/0001-initial.js';
import { timeWindowsMigration } from './migrations/0002-time-windows.js';
import { retentionIndexesMigration } from './migrations/0004-retention-indexes.js';
import { alertsMigration } from './migrations/0005-alerts.js';
import { apiKeysMigration } from './migrations/0006-api-keys.js';
import { auditMigration } from './migrations/0007-audit.js';
import { artifactsMigration } from './migrations/0008-artifacts.js';
import type { PostgresMigration } from './postgres-migration.js';

/** Every migration, in version order. A new schema change is a new file in migrations/ appended here; never edit an applied one. */
export const POSTGRES_MIGRATIONS: readonly PostgresMigration[] = [initialMigration, timeWindowsMigration, retentionIndexesMigration, alertsMigration, apiKeysMigration, auditMigration, artifactsMigration];
