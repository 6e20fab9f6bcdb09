/**
 * The window job: claims closed windows from the store, evaluates them with the same monitors as the reports, and
 * writes their metric points. It runs off the request path (ingestion only wakes it) and, through the store's
 * claims and leases, several nodes can run it against one database without evaluating a window twice.
 */
import { performance } from 'node:perf_hooks';
import type { MetricPoint, Model, Window } from '@bothub/core';
import type { EvaluationOutcome, ServiceMetrics } from '../features/metrics/index.js';
import type { Store } from '../storage/store.js';
import { createInProcessEvaluate } from './evaluate-in-process.js';
import type { EvaluateWindowFn } from './evaluate-in-process.js';
import { createWakeableJob } from './wakeable-job.js';
import type { WakeableJob } from './wakeable-job.js';

export interface WindowEvaluatorDeps {
  readonly store: Store;
  readonly clock: () => number;
  /** Identifies this node in claims. */
  readonly workerId: string;
  readonly seed: number;
  /** Windows claimed per round. */
  readonly concurrency: number;
  readonly leaseMs: number;
  /** How often to look for windows when not woken (other nodes' windows, expired leases). */
  readonly pollMs: number;
  readonly log: { error(obj: object, msg: string): void; debug?(obj: object, msg: string): void };
  /** Runs the monitors on a window; default: on this thread. The service passes a worker pool's, to keep requests flowing. */
  readonly evaluate?: EvaluateWindowFn;
  /**
   * Told after a window's evaluation is stored, with its points (the alert rules run here). A failure is logged and
   * does not fail the window.
   */
  readonly onEvaluated?: (window: Window, points: readonly MetricPoint[]) => Promise<void>;
  /** Times each evaluation by outcome (bothub_window_evaluation_duration_seconds, bothub_window_evaluations_total). */
  readonly metrics?: Pick<ServiceMetrics, 'observeEvaluation'>;
}

/** `wake` after an ingestion commit (windows may have closed); `runOnce` claims and evaluates what is pending and resolves with how many windows it evaluated. */
export type WindowEvaluator = WakeableJob<number>;

/**
 * @example const evaluator = createWindowEvaluator({ store, clock: Date.now, workerId: 'node-1', seed: 42, concurrency: 1, leaseMs: 60_000, pollMs: 1000, log });
 */
export function createWindowEvaluator(deps: WindowEvaluatorDeps): WindowEvaluator {
  const evaluate = deps.evaluate ?? createInProcessEvaluate();
  let models = new Map<string, Model>();
  const profiles = new Map<string, Uint8Array>();

  /** Reads every model's settings again: one short query per batch of windows, so an edit applies from the next window. */
  async function loadModels(): Promise<void> {
    models = new Map((await deps.store.listModels()).map((model) => [model.id, model]));
  }

  /** The serialized profile; `evaluate` deserializes it (once per version) where it runs. */
  async function profileOf(versionId: string): Promise<Uint8Array | null> {
    const cached = profiles.get(versionId);
    if (cached) return cached;
    const bytes = await deps.store.getReferenceProfile(versionId);
    // A missing profile is not cached: the reference may be uploaded at any time.
    if (bytes) profiles.set(versionId, bytes);
    return bytes;
  }

  /** Stores the evaluation and runs the alert rules on it; false when another node took the window over. */
  async function complete(window: Window, evaluation: Parameters<Store['completeWindow']>[2]): Promise<boolean> {
    // A window reclaimed by another node after our lease ran out is theirs to report.
    if (!(await deps.store.completeWindow(window.id, deps.workerId, evaluation))) return false;
    if (!deps.onEvaluated) return true;
    try {
      await deps.onEvaluated(window, evaluation.points);
    } catch (error) {
      deps.log.error({ err: error, window: window.id }, 'alert evaluation failed');
    }
    return true;
  }

  async function evaluateOne(window: Window): Promise<EvaluationOutcome> {
    const model = models.get(window.modelId);
    if (!model) throw new Error(`window ${window.id}: model ${window.modelId} not found`);
    const started = deps.clock();
    const records = await deps.store.loadWindowRecords(window);
    const loaded = deps.clock();
    const labelled = records.filter((r) => r.label !== null).length;
    const profile = await profileOf(window.versionId);
    if (!profile) {
      const point = {
        modelId: window.modelId, versionId: window.versionId, segment: window.segment, windowId: window.id, time: window.endTime,
        metric: 'volume.count', feature: null, value: records.length, pValue: null, threshold: null, status: 'ok' as const,
      };
      const stored = await complete(window, { points: [point], results: { reason: 'no reference profile for this version yet: upload one to get drift and quality monitors' }, labelled });
      return stored ? 'no_reference' : 'superseded';
    }
    const evaluation = await evaluate({
      model, versionId: window.versionId, profileBytes: profile, records, source: `window ${window.id}`,
      options: { seed: deps.seed, windowId: window.id, versionId: window.versionId, segment: window.segment, time: window.endTime },
    });
    const evaluatedAt = deps.clock();
    const stored = await complete(window, evaluation);
    deps.log.debug?.({ window: window.id, records: records.length, loadMs: loaded - started, evaluateMs: evaluatedAt - loaded, storeMs: deps.clock() - evaluatedAt }, 'window evaluated');
    return stored ? 'evaluated' : 'superseded';
  }

  async function round(stopping: () => boolean): Promise<number> {
    let evaluated = 0;
    for (;;) {
      const windows = await deps.store.claimPendingWindows(deps.concurrency, deps.workerId, deps.leaseMs);
      if (windows.length === 0) break;
      await loadModels();
      // The claimed windows (at most `concurrency`) are evaluated at once: the pool has a worker for each.
      await Promise.all(
        windows.map(async (window) => {
          // Durations are measured on the monotonic clock: the injected one is the records' clock, fixed in tests.
          const started = performance.now();
          let outcome: EvaluationOutcome = 'failed';
          try {
            outcome = await evaluateOne(window);
            evaluated++;
          } catch (error) {
            // The claim lapses after its lease and the window is retried; one bad window must not stop the others.
            deps.log.error({ err: error, window: window.id }, 'window evaluation failed');
          }
          deps.metrics?.observeEvaluation(outcome, (performance.now() - started) / 1000);
        }),
      );
      // Yield between rounds of windows so request handling is not starved while a backlog drains.
      await new Promise((resolve) => setImmediate(resolve));
      if (stopping()) break;
    }
    return evaluated;
  }

  return createWakeableJob({ run: round, pollMs: deps.pollMs, onError: (error) => deps.log.error({ err: error }, 'window round failed') });
}
