/**
 * Errors every Store adapter throws for the same conditions, so the HTTP layer maps them to one answer whatever the
 * database (409 for a conflict, 404 for a missing entity).
 */

/** What a conflict or a missing entity is about. */
export type StoreEntity = 'model' | 'version' | 'alias' | 'window' | 'rule' | 'alert' | 'channel';

/**
 * A unique key is already taken: a model name within its project, a version name within its model, a rule name within
 * its model, a channel name; or (entity 'alert') an alert changed since it was read, or already has an open alert.
 *
 * @example
 * try { await store.createModel(spec); } catch (error) { if (error instanceof StoreConflictError) reply.code(409); }
 */
export class StoreConflictError extends Error {
  override readonly name = 'StoreConflictError';

  constructor(
    readonly entity: StoreEntity,
    message: string,
  ) {
    super(message);
  }
}

/**
 * A write names an entity that does not exist, or does not belong where the call says (e.g. `setAlias` with a
 * version of another model).
 *
 * @example
 * await store.setAlias(model.id, 'production', 'no-such-version'); // throws StoreNotFoundError
 */
export class StoreNotFoundError extends Error {
  override readonly name = 'StoreNotFoundError';

  constructor(
    readonly entity: StoreEntity,
    message: string,
  ) {
    super(message);
  }
}
