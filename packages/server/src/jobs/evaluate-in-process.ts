/**
 * The CPU-bound part of a window's evaluation (records → dataset → monitors), shared by the in-process default of
 * the window job and by the evaluation worker thread, so both give the same points.
 */
import { deserializeReferenceProfile, evaluateWindow, recordsToDataset } from '@bothub/core';
import type { Model, ReferenceProfile, StoredRecordLike, WindowEvaluationOptions, WindowEvaluationResult } from '@bothub/core';

/** What one window's evaluation needs; plain data, so it can cross to a worker thread by structured clone. */
export interface WindowEvaluationInput {
  readonly model: Model;
  /** The version the window belongs to: the key of the deserialized-profile cache. */
  readonly versionId: string;
  /**
   * The version's serialized reference profile; null when the evaluator already holds this version's profile
   * (the worker pool sends the bytes once per worker and version).
   */
  readonly profileBytes: Uint8Array | null;
  readonly records: readonly StoredRecordLike[];
  /** Names the data in error messages, e.g. "window <id>". */
  readonly source: string;
  readonly options: WindowEvaluationOptions;
}

export type EvaluateWindowFn = (input: WindowEvaluationInput) => Promise<WindowEvaluationResult>;

/**
 * An evaluate function running on the calling thread, with its own cache of deserialized profiles per version.
 * @example const evaluate = createInProcessEvaluate(); const { points } = await evaluate({ model, versionId, profileBytes, records, source: 'window w1', options });
 */
export function createInProcessEvaluate(): EvaluateWindowFn {
  const profiles = new Map<string, ReferenceProfile>();
  return (input) => {
    try {
      let profile = profiles.get(input.versionId);
      if (profile === undefined) {
        if (input.profileBytes === null) throw new Error(`${input.source}: no reference profile cached for version ${input.versionId} and none sent`);
        profile = deserializeReferenceProfile(input.profileBytes);
        profiles.set(input.versionId, profile);
      }
      const dataset = recordsToDataset(input.model, input.records, input.source);
      return Promise.resolve(evaluateWindow(input.model, profile, dataset, input.options));
    } catch (error) {
      return Promise.reject(error instanceof Error ? error : new Error(String(error)));
    }
  };
}
