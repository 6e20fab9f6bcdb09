/**
 * The event stream (GET /api/v1/events) tells a caller only of the projects it may read.
 */
import { expect, it } from 'vitest';
import { createEventService } from '../events/index.js';
import { pollUntil } from '../../testing/poll-until.js';
import { startTestApps, TEST_NOW } from '../../testing/test-app.js';
import type { Store } from '../../storage/store.js';
import { createFirstAdminKey } from '../keys/index.js';

const start = startTestApps();
const MODEL = { name: 'churn', task: 'binary_classification', features: [{ name: 'age', type: 'numerical' }], prediction: { type: 'boolean' } };

it('streams the events of the caller\'s projects only', async () => {
  // An event service this test holds, to tell it of records (its store is the app's, known once the app exists).
  const holder: { store?: Store } = {};
  const events = createEventService({ store: { listModels: (project) => holder.store!.listModels(project) }, maxStreams: 10 });
  const t = await start({ auth: { mode: 'on' }, events });
  holder.store = t.store;
  const admin = (await createFirstAdminKey(t.store.auth, () => TEST_NOW))!;
  const headers = { authorization: `Bearer ${admin}` };
  for (const project of ['a', 'b']) expect((await t.app.inject({ method: 'POST', url: '/api/v1/models', headers, payload: { ...MODEL, project } })).statusCode).toBe(201);
  const viewer = (await t.app.inject({ method: 'POST', url: '/api/v1/keys', headers, payload: { name: 'v', roles: { a: 'viewer' } } })).json<{ secret: string }>().secret;
  const url = await t.app.listen({ host: '127.0.0.1', port: 0 });
  const controller = new AbortController();
  const response = await fetch(`${url}/api/v1/events`, { headers: { accept: 'text/event-stream', authorization: `Bearer ${viewer}` }, signal: controller.signal });
  expect(response.status).toBe(200);
  let text = '';
  const modelB = (await t.store.getModel('b', 'churn'))!;
  const modelA = (await t.store.getModel('a', 'churn'))!;
  await pollUntil('stream attached', 5000, () => Promise.resolve(events.openStreams === 1 ? true : undefined));
  // b first: were it sent, it would arrive before a's.
  events.recordsIngested(modelB, 5);
  events.recordsIngested(modelA, 7);
  const decoder = new TextDecoder();
  for await (const chunk of response.body! as AsyncIterable<Uint8Array>) {
    text += decoder.decode(chunk, { stream: true });
    if (text.includes('"accepted":7')) break;
  }
  controller.abort();
  expect(text).toContain('"project":"a"');
  expect(text).not.toContain('"project":"b"');
  // Without credentials: 401, no stream.
  expect((await fetch(`${url}/api/v1/events`, { headers: { accept: 'text/event-stream' } })).status).toBe(401);
  events.close();
});
