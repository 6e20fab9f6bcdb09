import { makeModel } from '@bothub/testkit';
import { buildReferenceProfile, evaluateWindow, recordsToDataset, serializeReferenceProfile } from '@bothub/core';
import type { Model, StoredRecordLike } from '@bothub/core';
import { createRandom, sampleStandardNormal } from '@bothub/stats';
import { afterEach, describe, expect, it } from 'vitest';
import { createEvaluationWorkerPool } from './evaluation-worker-pool.js';
import type { EvaluationWorkerPool } from './evaluation-worker-pool.js';
import type { WindowEvaluationInput } from './evaluate-in-process.js';

const model: Model = makeModel({
  features: [
    { name: 'a', type: 'numerical', range: { min: -3, max: 3 } },
    { name: 'b', type: 'numerical' },
    { name: 'region', type: 'categorical', categories: ['north', 'south'] },
  ],
  window: { kind: 'count', size: 200 },
});

function records(n: number, seed: number, shift = 0): StoredRecordLike[] {
  const rng = createRandom(seed);
  return Array.from({ length: n }, (_, i) => {
    const a = sampleStandardNormal(rng) + shift;
    const score = 1 / (1 + Math.exp(-a));
    return {
      features: { a, b: sampleStandardNormal(rng) + shift, region: i % 3 === 0 ? 'north' : 'south' },
      prediction: score >= 0.5,
      score,
      label: i % 2 === 0 ? rng.nextFloat() < score : null,
    };
  });
}

const profile = buildReferenceProfile(model, recordsToDataset(model, records(500, 1), 'reference'), { seed: 42 });
const profileBytes = serializeReferenceProfile(profile);
const options = { seed: 42, windowId: 'w1', versionId: 'v1', segment: null, time: Date.UTC(2026, 10, 22) };

function input(windowRecords: readonly StoredRecordLike[], overrides: Partial<WindowEvaluationInput> = {}): WindowEvaluationInput {
  return { model, versionId: 'v1', profileBytes, records: windowRecords, source: 'window w1', options, ...overrides };
}

/** A worker that dies on a window of the version "crash" and evaluates the others with the real worker. */
const crashingWorkerUrl = new URL(
  `data:text/javascript,${encodeURIComponent(`
    import { parentPort } from 'node:worker_threads';
    await import(${JSON.stringify(new URL('./window-evaluation-worker.ts', import.meta.url).href)});
    // Attached after the real listener (earlier, it would take the messages queued meanwhile); it runs before the real
    // listener's reply, which waits for a microtask.
    parentPort.on('message', (request) => { if (request.input.versionId === 'crash') process.exit(3); });
  `)}`,
);

describe('createEvaluationWorkerPool', () => {
  let pool: EvaluationWorkerPool | undefined;
  afterEach(async () => {
    await pool?.close();
    pool = undefined;
  });

  it('gives the points of the in-process evaluation, sending the profile once per version', async () => {
    pool = createEvaluationWorkerPool();
    const windowRecords = records(200, 7, 0.5);
    const expected = evaluateWindow(model, profile, recordsToDataset(model, windowRecords, 'window w1'), options);
    const first = await pool.evaluate(input(windowRecords));
    expect(first.points).toEqual(expected.points);
    expect(first.labelled).toBe(expected.labelled);
    expect(first.results.notes).toEqual(expected.results.notes);
    // The second window of the version is evaluated with the worker's cached profile.
    const second = await pool.evaluate(input(windowRecords));
    expect(second.points).toEqual(expected.points);
  });

  it('evaluates windows queued together, in any number', async () => {
    pool = createEvaluationWorkerPool({ size: 2 });
    const windows = [records(100, 11), records(100, 12), records(100, 13)];
    const results = await Promise.all(windows.map((w) => pool!.evaluate(input(w))));
    for (const [i, w] of windows.entries()) {
      expect(results[i]!.points).toEqual(evaluateWindow(model, profile, recordsToDataset(model, w, 'window w1'), options).points);
    }
  });

  it('rejects a job whose evaluation throws and keeps the worker', async () => {
    pool = createEvaluationWorkerPool();
    await expect(pool.evaluate(input(records(50, 3), { versionId: 'v2', profileBytes: null }))).rejects.toThrow(/no reference profile cached for version v2/);
    await expect(pool.evaluate(input(records(50, 3), { profileBytes: new Uint8Array([1, 2, 3]) }))).rejects.toThrow();
    const ok = await pool.evaluate(input(records(50, 3)));
    expect(ok.points.length).toBeGreaterThan(0);
  });

  it('rejects the job of a worker that dies with a clear error, and restarts the worker', async () => {
    pool = createEvaluationWorkerPool({ workerUrl: crashingWorkerUrl });
    await expect(pool.evaluate(input(records(50, 4), { versionId: 'crash', profileBytes: null }))).rejects.toThrow(/window w1: the evaluation worker stopped \(exit code 3\)/);
    const windowRecords = records(100, 5);
    const result = await pool.evaluate(input(windowRecords));
    expect(result.points).toEqual(evaluateWindow(model, profile, recordsToDataset(model, windowRecords, 'window w1'), options).points);
  });

  it('rejects jobs after close', async () => {
    pool = createEvaluationWorkerPool();
    await pool.close();
    await expect(pool.evaluate(input(records(10, 6)))).rejects.toThrow(/closed/);
  });
});
