/**
 * Entry of the evaluation worker thread (started by evaluation-worker-pool.ts): evaluates one window per message off
 * the main thread, keeping deserialized reference profiles per version between messages.
 * Message in: `{ id, input: WindowEvaluationInput }`; message out: `{ id, ok: true, result }` or `{ id, ok: false, error }`.
 */
import { parentPort } from 'node:worker_threads';
import type { WindowEvaluationResult } from '@bothub/core';
import { createInProcessEvaluate } from './evaluate-in-process.js';
import { lowerThreadPriority } from './lower-thread-priority.js';
import type { WindowEvaluationInput } from './evaluate-in-process.js';

export interface EvaluationRequest {
  readonly id: number;
  readonly input: WindowEvaluationInput;
}

export type EvaluationReply =
  | { readonly id: number; readonly ok: true; readonly result: WindowEvaluationResult }
  | { readonly id: number; readonly ok: false; readonly error: { readonly message: string; readonly stack?: string } };

const port = parentPort;
if (port) {
  // Ingestion answers first: evaluation takes the CPU time requests leave (see lower-thread-priority.ts).
  lowerThreadPriority(10);
  const evaluate = createInProcessEvaluate();
  port.on('message', (request: EvaluationRequest) => {
    evaluate(request.input).then(
      (result) => {
        port.postMessage({ id: request.id, ok: true, result } satisfies EvaluationReply);
      },
      (error: unknown) => {
        const err = error instanceof Error ? error : new Error(String(error));
        port.postMessage({ id: request.id, ok: false, error: { message: err.message, ...(err.stack === undefined ? {} : { stack: err.stack }) } } satisfies EvaluationReply);
      },
    );
  });
}
