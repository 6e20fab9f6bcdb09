import type Database from 'better-sqlite3';

/**
 * Every better-sqlite3 handle this process ever opened, and every statement prepared on them, kept reachable for
 * the life of the process. better-sqlite3 12 on Node 24 aborts the process when a statement is garbage-collected
 * while no JavaScript context is entered (Statement::~Statement → RemoveEnvironmentCleanupHook with no
 * environment: "Assertion failed: (env) != nullptr"), which a GC at any time after a close can do. Statements that
 * are never unreachable are never finalized by the GC; the process releases them at exit. The cost is the memory
 * of the statements themselves: the store prepares a fixed set per database, so this does not grow with traffic.
 */
const retained: unknown[] = [];

/**
 * Makes `db` and every statement prepared through it permanent. (The statements behind `transaction()` live as long
 * as the database object does; those behind `pragma()` do not pass through here: use `exec` or `prepare` instead.)
 * @example const db = retainNativeHandles(new Database(file));
 */
export function retainNativeHandles(db: Database.Database): Database.Database {
  retained.push(db);
  const prepare = db.prepare.bind(db);
  db.prepare = ((...args: Parameters<typeof prepare>) => {
    const statement = prepare(...args);
    retained.push(statement);
    return statement;
  }) as typeof db.prepare;
  return db;
}
