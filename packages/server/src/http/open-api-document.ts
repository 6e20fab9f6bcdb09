/**
 * The application's OpenAPI document, built without a running service: the source of docs/api.md and of the client's
 * generated types.
 */
import { createApp } from '../app.js';
import type { Store } from '../storage/store.js';

/** Declaring routes calls no store method; any call would be a bug in a generator. */
const idleStore = new Proxy({} as Store, {
  get: (_target, method) => () => Promise.reject(new Error(`openApiDocument: the store is not used (${String(method)})`)),
});

/**
 * Builds the application over an idle store (routes only declare; nothing is called) and returns its document.
 *
 * @example
 * const document = await openApiDocument();
 * console.log(Object.keys(document.paths));
 */
export async function openApiDocument(): Promise<Record<string, unknown>> {
  const app = createApp({ store: idleStore, clock: () => 0, limits: { bodyBytes: 1, batchRecords: 1 } });
  try {
    await app.ready();
    return app.swagger() as unknown as Record<string, unknown>;
  } finally {
    await app.close();
  }
}
