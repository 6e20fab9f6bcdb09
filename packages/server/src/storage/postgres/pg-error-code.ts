/** SQLSTATE of a unique violation. */
export const UNIQUE_VIOLATION = '23505';
/** SQLSTATE of a foreign key violation. */
export const FOREIGN_KEY_VIOLATION = '23503';

/**
 * The SQLSTATE code of an error `pg` raised, if it is one.
 *
 * @example
 * if (pgErrorCode(error) === UNIQUE_VIOLATION) throw new StoreConflictError('model', '…');
 */
export function pgErrorCode(error: unknown): string | undefined {
  return typeof error === 'object' && error !== null && 'code' in error && typeof error.code === 'string' ? error.code : undefined;
}
