import Database from 'better-sqlite3';

/**
 * Whether a better-sqlite3 error is a unique or primary key violation.
 *
 * @example
 * try { insert.run(...); } catch (error) { if (isUniqueViolation(error)) throw new StoreConflictError('model', '…'); throw error; }
 */
export function isUniqueViolation(error: unknown): boolean {
  return error instanceof Database.SqliteError && (error.code === 'SQLITE_CONSTRAINT_UNIQUE' || error.code === 'SQLITE_CONSTRAINT_PRIMARYKEY');
}
