/**
 * Bad input on every route of the OpenAPI document (a route added later is covered without editing this file, once
 * its body has an example below): malformed JSON, wrong types, unknown fields, huge strings, deep nesting,
 * `__proto__`/`constructor` keys, non-finite numbers in every spelling, unknown models and versions, wrong content
 * types and encodings, oversized bodies and batches, bad path and query parameters.
 *
 * Properties: the answer is never 5xx; every 4xx has the error shape with the catalogue status of its code; a request
 * whose body fails its schema answers 400 naming the field; a batch answers per record; the process keeps serving;
 * and every record ever answered `accepted` is stored once (queried back at the end).
 */
import { gzipSync } from 'node:zlib';
import fc from 'fast-check';
import type { LightMyRequestResponse } from 'fastify';
import { Compile } from 'typebox/compile';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listApiOperations, operationUrl } from '../testing/list-api-operations.js';
import type { ApiOperation, ApiParameter, JsonSchema } from '../testing/list-api-operations.js';
import { makeAlert } from '@bothub/testkit';
import { startHttpReceiver } from '../testing/start-http-receiver.js';
import type { HttpReceiver } from '../testing/start-http-receiver.js';
import { createTestApp, TEST_ALERTING, TEST_NOW } from '../testing/test-app.js';
import type { TestApp } from '../testing/test-app.js';
import { ERROR_CATALOGUE } from './errors.js';
import type { ErrorCode } from './errors.js';

/** Seeded, so a failure replays; BOTHUB_FUZZ_SEED and BOTHUB_FUZZ_SCALE (a multiple of the runs) explore further. */
const SEED = Number(process.env.BOTHUB_FUZZ_SEED ?? 20_260_101);
const SCALE = Number(process.env.BOTHUB_FUZZ_SCALE ?? 1);
const LIMITS = { bodyBytes: 16 * 1024, batchRecords: 20, referenceBodyBytes: 32 * 1024 };

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Path = readonly (string | number)[];

const MODEL: Json = {
  name: 'churn',
  task: 'binary_classification',
  features: [
    { name: 'age', type: 'numerical', range: { min: 0, max: 120 } },
    { name: 'plan', type: 'categorical', categories: ['basic', 'pro'] },
    { name: 'vec', type: 'embedding', dimension: 2 },
  ],
  prediction: { type: 'boolean' },
  label: { type: 'boolean' },
  score: true,
  segmentFields: ['plan'],
  // One window per record: every accepted record can be read back through its window.
  window: { kind: 'count', size: 1 },
  retention: { recordsDays: 30, metricsDays: 365 },
};

function record(id: string, i = 0): { [key: string]: Json } {
  return { id, timestamp: TEST_NOW - 60_000 + i, features: { age: 20 + (i % 50), plan: i % 3 === 0 ? 'pro' : 'basic', vec: [i % 7, 1] }, prediction: i % 2 === 0, score: (i % 10) / 10 };
}

/**
 * How a route answers a body that passes its schema: `per-record` (a batch: 200 with one outcome per item, limited to
 * `batchRecords` items), or one of the `ok` statuses unless the content breaks a rule named by `errors`.
 */
type Answer = 'per-record' | { readonly ok: readonly number[]; readonly errors: readonly ErrorCode[] };

/**
 * A valid body per operation that takes one, built around a fresh record id, and how the route answers it. The
 * registry examples name things that exist, so they answer 409; a mutation that renames them may create one (201).
 * Rules the schema cannot state (e.g. a window's slide must divide its size) answer 400 `validation_failed`.
 */
const BODIES: Record<string, { make: (id: string) => Json; answer: Answer; items?: string }> = {
  'POST /api/v1/models': { make: () => MODEL, answer: { ok: [409, 201], errors: ['validation_failed'] } },
  'POST /api/v1/models/{model}/versions': {
    make: () => ({ version: '1', aliases: ['staging'], metadata: { trainingDataHash: 'abc', parameters: { depth: 3 }, metrics: { auc: 0.8 }, artifactUri: 's3://models/1' } }),
    answer: { ok: [409, 201], errors: ['validation_failed'] },
  },
  // No window here: the count windows of one record must stay (a mutation that adds one is an unknown field or 400).
  'PATCH /api/v1/models/{model}': { make: () => ({ description: 'fuzzed', monitors: { anomalyPercentile: 97 }, retention: { metricsDays: 365 } }), answer: { ok: [200], errors: ['validation_failed'] } },
  'PUT /api/v1/models/{model}/aliases/{alias}': { make: () => ({ version: '1' }), answer: { ok: [200], errors: ['version_not_found'] } },
  'POST /api/v1/models/{model}/versions/{version}/reference': {
    make: () => ({ records: Array.from({ length: 30 }, (_, i) => record(`ref-${i}`, i)) }),
    answer: { ok: [200], errors: ['invalid_reference'] },
    items: 'records',
  },
  'POST /api/v1/models/{model}/versions/{version}/reference/from-records': {
    make: () => ({ from: TEST_NOW - 3_600_000, to: new Date(TEST_NOW).toISOString(), version: 'production', segment: 'plan=pro' }),
    answer: { ok: [200], errors: ['validation_failed', 'no_records', 'version_not_found'] },
  },
  'POST /api/v1/models/{model}/predictions': { make: (id) => ({ records: [record(id), record(`${id}-b`, 1)] }), answer: 'per-record', items: 'records' },
  'POST /api/v1/models/{model}/labels': { make: (id) => ({ labels: [{ id, label: true, timestamp: TEST_NOW - 1000 }] }), answer: 'per-record', items: 'labels' },
  'POST /api/v1/alert-rules': { make: () => RULE, answer: { ok: [201, 409], errors: ['validation_failed'] } },
  'PUT /api/v1/alert-rules/{rule}': { make: () => RULE, answer: { ok: [200, 409], errors: ['validation_failed'] } },
  'POST /api/v1/alert-rules/{rule}/preview': { make: () => ({ condition: { kind: 'n_of_m', direction: 'above', value: 0.1, n: 2, m: 3 }, feature: 'plan' }), answer: { ok: [200], errors: ['validation_failed'] } },
  'POST /api/v1/alerts/{alert}/acknowledge': { make: () => ({ by: 'ana', note: 'on it' }), answer: { ok: [200, 409], errors: ['validation_failed'] } },
  'POST /api/v1/alerts/{alert}/resolve': { make: () => ({ by: 'ana', note: 'fixed' }), answer: { ok: [200, 409], errors: ['validation_failed'] } },
  'POST /api/v1/alerts/{alert}/feedback': { make: () => ({ verdict: 'real', by: 'ana' }), answer: { ok: [200], errors: ['validation_failed'] } },
  'POST /api/v1/channels': { make: () => channel('hooks'), answer: { ok: [201, 409], errors: ['validation_failed'] } },
  'PUT /api/v1/channels/{channel}': { make: () => channel('ops'), answer: { ok: [200], errors: ['validation_failed'] } },
  'POST /api/v1/keys': { make: () => ({ name: 'ci', roles: { default: 'ingest' }, expiresInDays: 30 }), answer: { ok: [201], errors: ['validation_failed'] } },
};

const RULE: Json = { name: 'Plan drift', model: 'churn', metric: 'drift.statistic', feature: 'plan', condition: { kind: 'threshold', direction: 'above', value: 0.2 }, severity: 'warning' };

/** A webhook channel to the local receiver (the app allows loopback here; test sends reach the receiver). */
function channel(name: string): Json {
  return { name, kind: 'webhook', severities: ['warning', 'critical'], url: `${receiver.origin}/hook`, secret: 'a-signing-secret-0123' };
}

/** Values of path parameters that name existing things; `window` is filled in once a window exists. */
const PATH_VALUES: Record<string, string> = { model: 'churn', version: '1', alias: 'staging', sha256: '0'.repeat(64) };

let t: TestApp;
let receiver: HttpReceiver;
let operations: ApiOperation[];
let bodyOperations: ApiOperation[];
let serial = 0;
/** Every prediction id answered `accepted`; a second `accepted` for an id fails the test. */
const acceptedPredictions = new Set<string>();
const acceptedLabels = new Set<string>();
const validators = new Map<string, ReturnType<typeof Compile>>();
const INITIAL = Array.from({ length: 30 }, (_, i) => record(`initial-${i}`, i));

function nextId(): string {
  serial += 1;
  return `fuzz-${serial}`;
}

function example(operation: ApiOperation): (typeof BODIES)[string] {
  const found = BODIES[operation.key];
  if (found === undefined) throw new Error(`${operation.key} takes a body: add a valid example of it to BODIES in bad-input.test.ts`);
  return found;
}

function pathValues(operation: ApiOperation, overrides: Readonly<Record<string, string>> = {}): Record<string, string> {
  const values: Record<string, string> = {};
  for (const { name } of operation.pathParameters) {
    const value = overrides[name] ?? PATH_VALUES[name];
    if (value === undefined) throw new Error(`${operation.key}: add an existing value of the path parameter ${name} to PATH_VALUES`);
    values[name] = value;
  }
  return values;
}

interface Sent {
  readonly path?: Readonly<Record<string, string>>;
  readonly query?: Readonly<Record<string, string | readonly string[]>>;
  readonly url?: string;
  readonly payload?: string | Buffer;
  readonly headers?: Readonly<Record<string, string>>;
}

async function send(operation: ApiOperation, sent: Sent = {}): Promise<LightMyRequestResponse> {
  const url = sent.url ?? operationUrl(operation, pathValues(operation, sent.path), sent.query);
  return t.app.inject({ method: operation.method as 'GET', url, ...(sent.payload === undefined ? {} : { payload: sent.payload }), headers: { ...sent.headers } });
}

/** 4xx, the error shape, the catalogue status of the code; optionally one of `codes`. */
function expectError(response: LightMyRequestResponse, codes?: readonly ErrorCode[], field?: string): void {
  const context = `${response.statusCode} ${response.body.slice(0, 300)}`;
  expect(response.statusCode, context).toBeGreaterThanOrEqual(400);
  expect(response.statusCode, context).toBeLessThan(500);
  expect(response.headers['content-type'], context).toMatch(/^application\/json/);
  const body = response.json<{ error: { code: ErrorCode; message: string; details?: { field?: string; errors?: { field: string }[] } } }>();
  expect(Object.keys(body), context).toEqual(['error']);
  expect(Object.keys(body.error).filter((key) => !['code', 'message', 'details'].includes(key)), context).toEqual([]);
  expect(typeof body.error.message, context).toBe('string');
  expect((ERROR_CATALOGUE as Record<string, { status: number } | undefined>)[body.error.code]?.status, context).toBe(response.statusCode);
  if (codes !== undefined) expect(codes, context).toContain(body.error.code);
  if (field !== undefined) {
    // The answer names the field (or, for a value inside a field that must be of another type, that field).
    const named = (body.error.details?.errors ?? [{ field: body.error.details?.field ?? '' }]).map((e) => e.field);
    expect(
      named.some((name) => name === field || field.startsWith(`${name}.`) || field.startsWith(`${name}[`) || name.startsWith(`${field}.`) || name.startsWith(`${field}[`)),
      `${context} should name ${field}`,
    ).toBe(true);
  }
}

function expectNoServerError(response: LightMyRequestResponse): void {
  expect(response.statusCode, response.body.slice(0, 300)).toBeLessThan(500);
  if (response.statusCode >= 400) expectError(response);
}

/** Never 5xx; a batch that went through (a bad header or parameter may still be a valid request) answers per record. */
function expectAnswered(operation: ApiOperation, response: LightMyRequestResponse, body: Json | undefined): void {
  const spec = operation.body === undefined ? undefined : example(operation);
  if (response.statusCode === 200 && spec?.answer === 'per-record') expectBatchAnswer(operation, response, (body as Record<string, Json[]>)[spec.items!]!);
  else expectNoServerError(response);
}

/** The example body of an operation (with a fresh id) as a JSON request, or nothing for an operation without a body. */
function exampleRequest(operation: ApiOperation): { body: Json | undefined; sent: Sent } {
  if (operation.body === undefined) return { body: undefined, sent: {} };
  const body = example(operation).make(nextId());
  return { body, sent: { payload: JSON.stringify(body), headers: { 'content-type': 'application/json' } } };
}

/** A batch answer: one outcome per item; `accepted` only for an id never accepted before, `duplicate` only for one that was. */
function expectBatchAnswer(operation: ApiOperation, response: LightMyRequestResponse, items: readonly unknown[]): void {
  const context = `${response.statusCode} ${response.body.slice(0, 300)}`;
  expect(response.statusCode, context).toBe(200);
  const answer = response.json<{ results: { id: string | null; status: string; field?: string; reason?: string }[]; accepted: number; duplicates: number; rejected: number }>();
  expect(answer.results, context).toHaveLength(items.length);
  expect(answer.accepted + answer.duplicates + answer.rejected, context).toBe(items.length);
  const predictions = operation.path.endsWith('/predictions');
  answer.results.forEach((result, i) => {
    const item = items[i] as { id?: unknown } | null;
    if (result.status === 'rejected') {
      expect(typeof result.field, context).toBe('string');
      expect(typeof result.reason, context).toBe('string');
      return;
    }
    expect(result.id, context).toBe(item?.id);
    const seen = predictions ? acceptedPredictions.has(result.id!) : acceptedLabels.has(result.id!);
    expect(result.status, context).toBe(seen ? 'duplicate' : 'accepted');
    if (result.status === 'accepted') {
      (predictions ? acceptedPredictions : acceptedLabels).add(result.id!);
    }
  });
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Fastify refuses these keys in JSON bodies (prototype poisoning); the JSON Lines parser does the same. */
function poisoned(root: unknown): boolean {
  const pending = [root];
  while (pending.length > 0) {
    const value = pending.pop();
    if (isObject(value)) {
      if (Object.hasOwn(value, '__proto__')) return true;
      if (Object.hasOwn(value, 'constructor') && isObject(value.constructor) && Object.hasOwn(value.constructor, 'prototype')) return true;
    }
    if (typeof value === 'object' && value !== null) for (const child of Object.values(value)) pending.push(child);
  }
  return false;
}

function validator(operation: ApiOperation): ReturnType<typeof Compile> {
  let compiled = validators.get(operation.key);
  if (compiled === undefined) {
    compiled = Compile(operation.body as never);
    validators.set(operation.key, compiled);
  }
  return compiled;
}

/** Reference uploads other than JSON stream to a file under their own limit. */
function bodyLimit(operation: ApiOperation, ndjson = false): number {
  return ndjson && operation.path.endsWith('/reference') ? LIMITS.referenceBodyBytes : LIMITS.bodyBytes;
}

/** `features[0].range.min`, as the error catalogue names fields. */
function fieldName(path: Path): string {
  let name = '';
  for (const part of path) name += typeof part === 'number' ? `[${part}]` : name === '' ? part : `.${part}`;
  return name;
}

/** What a body deserves, worked out from the body alone. */
type Verdict =
  | { readonly kind: 'error'; readonly codes: readonly ErrorCode[]; readonly field?: string }
  | { readonly kind: 'batch'; readonly items: readonly unknown[] }
  | { readonly kind: 'answer'; readonly ok: readonly number[]; readonly errors: readonly ErrorCode[] };

/**
 * 413 over the limit, 400 invalid_json when it does not parse or is poisoned, 400 validation_failed naming `field`
 * when it fails its schema, 413 over the batch limit, and otherwise the example's kind of answer.
 */
function judge(operation: ApiOperation, text: string, ndjson: boolean, field: string | undefined): Verdict {
  const spec = example(operation);
  if (Buffer.byteLength(text) > bodyLimit(operation, ndjson)) return { kind: 'error', codes: ['body_too_large'] };
  let body: unknown;
  try {
    body = ndjson ? { [spec.items!]: text.split('\n').map((line) => line.trim()).filter((line) => line !== '').map((line) => JSON.parse(line) as unknown) } : JSON.parse(text);
  } catch {
    return { kind: 'error', codes: ['invalid_json'] };
  }
  if (poisoned(body)) return { kind: 'error', codes: ['invalid_json'] };
  if (!validator(operation).Check(body)) return { kind: 'error', codes: ['validation_failed'], ...(field === undefined ? {} : { field }) };
  if (spec.answer !== 'per-record') return { kind: 'answer', ...spec.answer };
  const items = (body as Record<string, unknown[]>)[spec.items!] ?? [];
  return items.length > LIMITS.batchRecords ? { kind: 'error', codes: ['batch_too_large'] } : { kind: 'batch', items };
}

/** Sends a body as JSON or JSON Lines (optionally gzip-encoded) and checks the answer against what the body deserves. */
async function checkBody(operation: ApiOperation, text: string, options: { ndjson?: boolean; gzip?: boolean; field?: string } = {}): Promise<void> {
  const payload = options.gzip ? gzipSync(text) : text;
  const headers: Record<string, string> = { 'content-type': options.ndjson ? 'application/x-ndjson' : 'application/json', ...(options.gzip ? { 'content-encoding': 'gzip' } : {}) };
  const response = await send(operation, { payload, headers });
  const verdict = judge(operation, text, options.ndjson ?? false, options.field);
  if (verdict.kind === 'error') expectError(response, verdict.codes, verdict.field);
  else if (verdict.kind === 'batch') expectBatchAnswer(operation, response, verdict.items);
  else if (!verdict.ok.includes(response.statusCode)) expectError(response, verdict.errors);
}

function jsonType(value: unknown): string {
  return value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value;
}

const smallJson: fc.Arbitrary<Json> = fc.oneof(
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.string({ maxLength: 20 }),
  fc.boolean(),
  fc.constant(null),
  fc.constant(''),
  fc.array(fc.integer(), { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 5 }), fc.integer(), { maxKeys: 3 }),
);

/** Every path into a JSON value, the root included. */
function pathsOf(value: unknown, prefix: Path = []): Path[] {
  const paths: Path[] = [prefix];
  if (Array.isArray(value)) value.forEach((item, i) => paths.push(...pathsOf(item, [...prefix, i])));
  else if (isObject(value)) for (const [key, item] of Object.entries(value)) paths.push(...pathsOf(item, [...prefix, key]));
  return paths;
}

function valueAt(root: unknown, path: Path): unknown {
  let value = root;
  for (const part of path) value = (value as Record<string | number, unknown>)[part];
  return value;
}

/** A copy of `root` with the value at `path` replaced (defined as an own property, so `__proto__` is a plain key). */
function withValue(root: Json, path: Path, value: unknown): Json {
  if (path.length === 0) return value as Json;
  const copy = structuredClone(root);
  const parent = valueAt(copy, path.slice(0, -1)) as Record<string | number, unknown>;
  Object.defineProperty(parent, path[path.length - 1]!, { value, enumerable: true, writable: true, configurable: true });
  return copy;
}

/** Nested arrays or objects `depth` levels deep. */
function nested(depth: number, kind: 'array' | 'object'): string {
  return kind === 'array' ? `${'['.repeat(depth)}1${']'.repeat(depth)}` : `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;
}

/** Spellings of non-finite and odd numbers; some are not JSON at all. */
const NUMBER_SPELLINGS = ['NaN', '-NaN', 'Infinity', '-Infinity', '+Infinity', '1e400', '-1e400', '1e-400', '-0', '-0.0', '0e0', '1E+2', '+1', '.5', '1.', '01', '0x10', '1_000', '9007199254740993', '"NaN"', '"Infinity"', '"-Infinity"', '"1e400"', '"-0"', '"1,5"', '""'];

/** Stands for a value spliced into the JSON text where a JavaScript value cannot express it. */
const PLACEHOLDER = '\u0000placeholder\u0000';

type Mutation =
  | { kind: 'type'; path: Path; value: Json }
  | { kind: 'unknown-field'; path: Path; key: string; value: Json }
  | { kind: 'huge-string'; path: Path; length: number }
  | { kind: 'deep'; path: Path; depth: number; nesting: 'array' | 'object' }
  | { kind: 'number'; path: Path; spelling: string }
  | { kind: 'poison'; path: Path; key: '__proto__' | 'constructor' }
  | { kind: 'malformed'; cut: number; junk: string };

/** Mutations of a body, with paths taken from a template of it. */
function mutationOf(template: Json): fc.Arbitrary<Mutation> {
  const paths = pathsOf(template);
  const objectPaths = paths.filter((path) => isObject(valueAt(template, path)));
  const path = fc.constantFrom(...paths);
  const known = new Set(paths.flatMap((p) => p.filter((part): part is string => typeof part === 'string')));
  return fc.oneof(
    path.chain((p) => smallJson.filter((value) => jsonType(value) !== jsonType(valueAt(template, p))).map((value): Mutation => ({ kind: 'type', path: p, value }))),
    fc.record({
      kind: fc.constant('unknown-field' as const),
      path: fc.constantFrom(...objectPaths),
      key: fc.oneof(fc.stringMatching(/^[a-z][a-zA-Z0-9_]{0,15}$/), fc.constantFrom('', ' ', 'Name', 'NAME', 'toString', 'hasOwnProperty', 'valueOf', 'é', '\u0000', 'a.b', '[0]')).filter((key) => !known.has(key)),
      value: smallJson,
    }),
    fc.record({ kind: fc.constant('huge-string' as const), path, length: fc.integer({ min: 1_000, max: 40_000 }) }),
    fc.record({ kind: fc.constant('deep' as const), path, depth: fc.integer({ min: 50, max: 2_500 }), nesting: fc.constantFrom('array' as const, 'object' as const) }),
    fc.record({ kind: fc.constant('number' as const), path, spelling: fc.constantFrom(...NUMBER_SPELLINGS) }),
    fc.record({ kind: fc.constant('poison' as const), path: fc.constantFrom(...objectPaths), key: fc.constantFrom('__proto__' as const, 'constructor' as const) }),
    fc.record({ kind: fc.constant('malformed' as const), cut: fc.nat(), junk: fc.constantFrom('', ',', '}', ']', '{', '"', "'", '/* c */', '\\', 'undefined', '\u0000', '\uFEFF', ',}') }),
  );
}

/** The JSON text of a mutated body and the field the answer should name when it fails its schema. */
function applyMutation(body: Json, mutation: Mutation): { text: string; field?: string } {
  switch (mutation.kind) {
    case 'type':
      return { text: JSON.stringify(withValue(body, mutation.path, mutation.value)), field: fieldName(mutation.path) };
    case 'unknown-field':
      return { text: JSON.stringify(withValue(body, [...mutation.path, mutation.key], mutation.value)), field: fieldName([...mutation.path, mutation.key]) };
    case 'huge-string':
      return { text: JSON.stringify(withValue(body, mutation.path, 'x'.repeat(mutation.length))) };
    case 'deep':
      return { text: JSON.stringify(withValue(body, mutation.path, PLACEHOLDER)).replace(JSON.stringify(PLACEHOLDER), nested(mutation.depth, mutation.nesting)) };
    case 'number':
      return { text: JSON.stringify(withValue(body, mutation.path, PLACEHOLDER)).replace(JSON.stringify(PLACEHOLDER), mutation.spelling), field: fieldName(mutation.path) };
    case 'poison': {
      const value = mutation.key === '__proto__' ? { polluted: true } : { prototype: { polluted: true } };
      return { text: JSON.stringify(withValue(body, [...mutation.path, mutation.key], value)) };
    }
    case 'malformed': {
      const text = JSON.stringify(body);
      const at = mutation.cut % text.length;
      return { text: text.slice(0, at) + mutation.junk + (mutation.junk === '' ? '' : text.slice(at + 1)) };
    }
  }
}

/** A rule, a channel, an alert and an incident for the alerting routes' path parameters. */
async function createAlertingFixtures(): Promise<void> {
  const rule = await t.app.inject({ method: 'POST', url: '/api/v1/alert-rules', payload: { ...(RULE as object), name: `Rule ${nextId()}` } });
  expect(rule.statusCode).toBe(201);
  PATH_VALUES.rule = rule.json<{ id: string }>().id;
  expect((await t.app.inject({ method: 'POST', url: '/api/v1/channels', payload: JSON.stringify(channel('ops')), headers: { 'content-type': 'application/json' } })).statusCode).toBe(201);
  PATH_VALUES.channel = 'ops';
  const alert = makeAlert({ id: nextId(), ruleId: PATH_VALUES.rule, modelId: rule.json<{ modelId: string }>().modelId, incidentId: nextId() });
  await t.store.alerts.applyAlertChanges({
    alerts: [{ alert, revision: null }],
    incidents: [{ id: alert.incidentId!, modelId: alert.modelId, windowId: 'w0', openedAt: TEST_NOW, status: 'open', alertIds: [alert.id], changes: [] }],
    deliveries: [],
  });
  PATH_VALUES.alert = alert.id;
  PATH_VALUES.incident = alert.incidentId!;
}

beforeAll(async () => {
  receiver = await startHttpReceiver();
  t = await createTestApp({ limits: LIMITS, alerting: { ...TEST_ALERTING, policy: { allowPrivate: ['127.0.0.1'] } } });
  operations = listApiOperations(t.app.swagger());
  bodyOperations = operations.filter((operation) => operation.body !== undefined);
  const post = (url: string, payload: Json): Promise<LightMyRequestResponse> => t.app.inject({ method: 'POST', url, payload: JSON.stringify(payload), headers: { 'content-type': 'application/json' } });
  expect((await post('/api/v1/models', MODEL)).statusCode).toBe(201);
  expect((await post('/api/v1/models/churn/versions', { version: '1', aliases: ['production'] })).statusCode).toBe(201);
  expect((await post('/api/v1/models/churn/versions/1/reference', { records: INITIAL })).statusCode).toBe(200);
  // Accepted before any bad request: checked at the end, with their labels.
  const predictions = await t.app.inject({ method: 'POST', url: '/api/v1/models/churn/predictions', payload: { records: INITIAL.slice(0, 20) } });
  expectBatchAnswer(operations.find((o) => o.key === 'POST /api/v1/models/{model}/predictions')!, predictions, INITIAL.slice(0, 20));
  const ndjson = INITIAL.slice(20).map((r) => JSON.stringify(r)).join('\n');
  const lines = await t.app.inject({ method: 'POST', url: '/api/v1/models/churn/predictions', payload: ndjson, headers: { 'content-type': 'application/x-ndjson' } });
  expectBatchAnswer(operations.find((o) => o.key === 'POST /api/v1/models/{model}/predictions')!, lines, INITIAL.slice(20));
  expect((await post('/api/v1/models/churn/labels', { labels: INITIAL.slice(0, 10).map((r) => ({ id: r.id!, label: true })) })).json()).toMatchObject({ accepted: 10 });
  const { windows } = await t.store.listWindows((await t.store.getModel('default', 'churn'))!.id, { limit: 1 });
  PATH_VALUES.window = windows[0]!.id;
  await createAlertingFixtures();
  PATH_VALUES.key = (await post('/api/v1/keys', { name: 'fuzz', roles: { default: 'viewer' } })).json<{ id: string }>().id;
});

afterAll(async () => {
  await t.app.close();
  await receiver.close();
});

describe('bad input on every route', { timeout: 30_000 * SCALE }, () => {
  it('reads every route from the OpenAPI document, with a valid example for each body', async () => {
    expect(operations.map((o) => o.key)).toEqual(expect.arrayContaining(['GET /healthz', 'POST /api/v1/models', 'POST /api/v1/models/{model}/predictions', 'GET /api/v1/models/{model}/metrics']));
    for (const operation of bodyOperations) await checkBody(operation, JSON.stringify(example(operation).make(nextId())));
    // The event stream never ends (and answers 406 without Accept: text/event-stream): events/routes.test.ts reads it over HTTP.
    const endless = new Set(['GET /api/v1/events']);
    // Artifacts take a raw file with a signature header, not JSON, and exist only once one is uploaded:
    // features/artifacts/routes.test.ts sends signed, unsigned and tampered ones and reads them back.
    const rawBody = new Set(['PUT /api/v1/models/{model}/versions/{version}/artifacts', 'GET /api/v1/models/{model}/versions/{version}/artifacts/{sha256}']);
    for (const operation of operations.filter((o) => o.body === undefined && o.method !== 'DELETE' && !endless.has(o.key) && !rawBody.has(o.key))) expect((await send(operation)).statusCode, operation.key).toBe(200);
    // Deletes last, then what they deleted again, for the tests that follow.
    for (const operation of operations.filter((o) => o.method === 'DELETE')) expect((await send(operation)).statusCode, operation.key).toBe(204);
    await createAlertingFixtures();
  });

  it('answers mutated bodies by the rule: 413, invalid_json, validation_failed naming the field, or the route\'s own answer', async () => {
    const arbitrary = fc
      .constantFrom(...bodyOperations)
      .chain((operation) => fc.record({ operation: fc.constant(operation), mutation: mutationOf(example(operation).make('template')), gzip: fc.boolean() }));
    await fc.assert(
      fc.asyncProperty(arbitrary, async ({ operation, mutation, gzip }) => {
        const { text, field } = applyMutation(example(operation).make(nextId()), mutation);
        await checkBody(operation, text, { gzip, ...(field === undefined ? {} : { field }) });
      }),
      { seed: SEED, numRuns: 1000 * SCALE },
    );
  });

  it('answers JSON Lines batches by the same rule, line by line', async () => {
    const batches = bodyOperations.filter((operation) => example(operation).items !== undefined);
    const arbitrary = fc.constantFrom(...batches).chain((operation) => {
      const items = example(operation).items!;
      const template = (example(operation).make('template') as Record<string, Json[]>)[items]!;
      return fc.record({ operation: fc.constant(operation), line: fc.nat({ max: template.length - 1 }), mutation: mutationOf(template[0]!), gzip: fc.boolean() });
    });
    await fc.assert(
      fc.asyncProperty(arbitrary, async ({ operation, line, mutation, gzip }) => {
        const items = (example(operation).make(nextId()) as Record<string, Json[]>)[example(operation).items!]!;
        const mutated = applyMutation(items[line % items.length]!, mutation).text;
        const lines = items.map((item, i) => (i === line % items.length ? mutated.replace(/\n/g, ' ') : JSON.stringify(item)));
        await checkBody(operation, lines.join('\n'), { ndjson: true, gzip });
      }),
      { seed: SEED, numRuns: 300 * SCALE },
    );
  });

  it('answers 413 naming the limit to bodies over it, sent plain or gzip-encoded', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...bodyOperations), fc.integer({ min: 1, max: 3 * LIMITS.referenceBodyBytes }), fc.boolean(), async (operation, extra, gzip) => {
        const text = JSON.stringify({ padding: ' '.repeat(LIMITS.referenceBodyBytes + extra) });
        const response = await send(operation, { payload: gzip ? gzipSync(text) : text, headers: { 'content-type': 'application/json', ...(gzip ? { 'content-encoding': 'gzip' } : {}) } });
        expectError(response, ['body_too_large']);
        expect(response.json<{ error: { details: { limit: number } } }>().error.details.limit).toBe(bodyLimit(operation));
      }),
      { seed: SEED, numRuns: 40 * SCALE },
    );
  });

  it('answers 413 naming the limit to batches of more records than the limit', async () => {
    const batches = bodyOperations.filter((operation) => example(operation).answer === 'per-record');
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...batches), fc.integer({ min: 1, max: 40 }), fc.boolean(), async (operation, extra, ndjson) => {
        const spec = example(operation);
        const one = (spec.make('x') as Record<string, Json[]>)[spec.items!]![0]!;
        const items = Array.from({ length: LIMITS.batchRecords + extra }, () => ({ ...(one as Record<string, Json>), id: nextId() }));
        const payload = ndjson ? items.map((item) => JSON.stringify(item)).join('\n') : JSON.stringify({ [spec.items!]: items });
        const response = await send(operation, { payload, headers: { 'content-type': ndjson ? 'application/x-ndjson' : 'application/json' } });
        expectError(response, ['batch_too_large']);
        expect(response.json()).toMatchObject({ error: { details: { limit: LIMITS.batchRecords, received: items.length } } });
      }),
      { seed: SEED, numRuns: 40 * SCALE },
    );
  });

  it('answers 4xx to bodies of other content types and encodings', async () => {
    const contentTypes = ['text/plain', 'text/html', 'application/xml', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'application/octet-stream', 'image/png', 'application/jsonx', 'json', ';', ' '];
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...bodyOperations), fc.constantFrom(...contentTypes, undefined), fc.constantFrom(undefined, 'br', 'deflate', 'compress', 'gzip, br', 'gzip'), async (operation, contentType, encoding) => {
        const headers: Record<string, string> = { ...(contentType === undefined ? {} : { 'content-type': contentType }), ...(encoding === undefined ? {} : { 'content-encoding': encoding }) };
        // A valid body, so only the type or the encoding is wrong (gzip here: declared, but the bytes are not gzip).
        const body = example(operation).make(nextId());
        const response = await send(operation, { payload: JSON.stringify(body), headers });
        if (contentType === undefined && encoding === undefined) expectAnswered(operation, response, body);
        else expectError(response);
      }),
      { seed: SEED, numRuns: 150 * SCALE },
    );
  });

  it('answers 404 naming the model, version or window that does not exist', async () => {
    const slug = fc.stringMatching(/^[a-z0-9][a-z0-9._-]{0,30}$/).filter((name) => !Object.values(PATH_VALUES).includes(name) && name !== 'production');
    const lookups = operations.filter((operation) => operation.pathParameters.some((p) => ['model', 'version', 'window'].includes(p.name)));
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...lookups), slug, async (operation, name) => {
        const names = operation.pathParameters.map((p) => p.name).filter((n) => ['model', 'version', 'window'].includes(n));
        const missing = names[name.length % names.length]!;
        const response = await send(operation, { ...exampleRequest(operation).sent, path: { [missing]: name } });
        expectError(response, [`${missing}_not_found` as ErrorCode]);
      }),
      { seed: SEED, numRuns: 150 * SCALE },
    );
    // A model of another project, a version named in a body or a record.
    expectError(await t.app.inject({ method: 'GET', url: '/api/v1/models/churn?project=other' }), ['model_not_found']);
    expectError(await t.app.inject({ method: 'PUT', url: '/api/v1/models/churn/aliases/staging', payload: { version: 'nope' } }), ['version_not_found']);
    const response = await t.app.inject({ method: 'POST', url: '/api/v1/models/churn/predictions', payload: { records: [{ ...record(nextId()), version: 'nope' }] } });
    expect(response.json()).toMatchObject({ accepted: 0, results: [{ status: 'rejected', field: 'version' }] });
  });

  it('answers 4xx to path parameters of any spelling', async () => {
    const withParameters = operations.filter((operation) => operation.pathParameters.length > 0);
    const value = fc.oneof(fc.string({ maxLength: 30 }), fc.string({ unit: 'grapheme', maxLength: 10 }), fc.constantFrom('..', '.', '%', '%25', '/', 'a/b', '?', '#', ' ', 'CHURN', 'churn ', 'x'.repeat(101), 'x'.repeat(600), '__proto__', 'constructor'));
    // Raw bytes in the URL as a client may send them, not encoded.
    const raw = fc.constantFrom('%E0%A4%A', '%', '%zz', '%00', '%C0%AF', '%ED%A0%80', 'a%2Fb');
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...withParameters), fc.nat(), fc.oneof(value.map((v) => ({ v, raw: false })), raw.map((v) => ({ v, raw: true }))), async (operation, pick, { v, raw: isRaw }) => {
        const parameter = operation.pathParameters[pick % operation.pathParameters.length]!;
        if (parameter.name === 'alias' && new RegExp(String(parameter.schema.pattern)).test(v)) return; // a new alias is created: valid
        // Existing names are valid; '', '.' and '..' are not values but move along the path to another route.
        if (Object.values(PATH_VALUES).includes(v) || ['production', '', '.', '..'].includes(v)) return;
        const url = isRaw ? operationUrl(operation, pathValues(operation, { [parameter.name]: 'RAW' })).replace('RAW', v) : undefined;
        const response = await send(operation, { ...exampleRequest(operation).sent, ...(url === undefined ? { path: { [parameter.name]: v } } : { url }) });
        expectError(response);
      }),
      { seed: SEED, numRuns: 400 * SCALE },
    );
  });

  it('answers 400 naming the parameter to query values that break its schema, and never 5xx to any', async () => {
    const withQuery = operations.filter((operation) => operation.queryParameters.length > 0);
    const value = fc.oneof(fc.string({ maxLength: 20 }), fc.constantFrom(...NUMBER_SPELLINGS.map((s) => s.replace(/"/g, ''))), fc.constantFrom('0', '1', '-1', '1.5', '10001', '99999999999999999999', 'x'.repeat(300), 'CHURN', '2026-01-01', '2026-13-45T99:00:00Z'));
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...withQuery), fc.nat(), fc.array(value, { minLength: 1, maxLength: 3 }), async (operation, pick, values) => {
        const parameter = operation.queryParameters[pick % operation.queryParameters.length]!;
        const { body, sent } = exampleRequest(operation);
        const response = await send(operation, { ...sent, query: { [parameter.name]: values } });
        if (breaksSchema(parameter, values)) expectError(response, ['validation_failed'], parameter.name);
        else expectAnswered(operation, response, body);
      }),
      { seed: SEED, numRuns: 400 * SCALE },
    );
  });

  it('answers 400 naming an unknown query parameter', async () => {
    const withQuery = operations.filter((operation) => operation.queryParameters.length > 0);
    for (const operation of withQuery) {
      const response = await send(operation, { ...exampleRequest(operation).sent, query: { projcet: 'default' } });
      expectError(response, ['validation_failed'], 'projcet');
    }
  });

  it('keeps serving, pollutes no prototype, and keeps every accepted record once with its label', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/healthz' })).statusCode).toBe(200);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('polluted');

    const model = (await t.store.getModel('default', 'churn'))!;
    const { windows } = await t.store.listWindows(model.id, { limit: 100_000 });
    const stored = (await Promise.all(windows.filter((w) => w.segment === null).map((w) => t.store.loadWindowRecords(w)))).flat();
    expect(stored.map((r) => r.id).sort()).toEqual([...acceptedPredictions.keys()].sort());
    expect(acceptedPredictions.size).toBeGreaterThan(INITIAL.length);
    const labelled = new Map(stored.map((r) => [r.id, r.label]));
    for (const [i, r] of INITIAL.entries()) expect(labelled.get(r.id as string)).toBe(i < 10 ? true : null);

    // Sent again, the records accepted before the bad requests are duplicates.
    const again = await t.app.inject({ method: 'POST', url: '/api/v1/models/churn/predictions', payload: { records: INITIAL.slice(0, 20) } });
    expect(again.json()).toMatchObject({ accepted: 0, duplicates: 20 });
  });
});

/** Whether query values certainly break the parameter's schema (repeated, too long, off the pattern, not an integer in range). */
function breaksSchema(parameter: ApiParameter, values: readonly string[]): boolean {
  const schema: JsonSchema = parameter.schema;
  if (values.length > 1) return true;
  const value = values[0]!;
  if (schema.type === 'integer') {
    // Query strings are converted with Number(): "0x10" is 16 and passes, "1.5", "NaN" and "1e400" cannot.
    const n = Number(value);
    if (value.trim() === '' || !Number.isInteger(n)) return true;
    return (typeof schema.minimum === 'number' && n < schema.minimum) || (typeof schema.maximum === 'number' && n > schema.maximum);
  }
  if (schema.type === 'string') {
    if (typeof schema.maxLength === 'number' && value.length > schema.maxLength) return true;
    if (typeof schema.minLength === 'number' && value.length < schema.minLength) return true;
    if (typeof schema.pattern === 'string' && !new RegExp(schema.pattern).test(value)) return true;
  }
  return false;
}
