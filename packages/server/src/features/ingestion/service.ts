/**
 * Ingestion: validates each record of a batch on its own, stores the valid ones durably and answers per record.
 */
import { validateLabel, validateRecord } from '@bothub/core';
import type { Model, RecordOutcome, ValidLabel, ValidRecord } from '@bothub/core';
import { ApiError } from '../../http/errors.js';
import type { IngestStatus, Store } from '../../storage/store.js';
import type { ServiceMetrics } from '../metrics/index.js';

export interface IngestionDeps {
  readonly store: Store;
  readonly clock: () => number;
  /** Most records (or labels) in one batch; longer batches answer 413. */
  readonly batchRecords: number;
  /** Called after a commit that stored something: windows may have closed. */
  readonly wake?: () => void;
  /** Counts each batch's records by outcome (bothub_ingested_records_total). */
  readonly metrics?: Pick<ServiceMetrics, 'countIngested'>;
  /** Told after each prediction batch's commit how many records were new (the live `records.ingested` event). */
  readonly onIngested?: (model: Model, accepted: number) => void;
}

/** The answer to a batch: one outcome per record in the batch's order, and the counts. */
export interface BatchResult {
  readonly results: RecordOutcome[];
  readonly accepted: number;
  readonly duplicates: number;
  readonly rejected: number;
}

export interface IngestionService {
  ingestPredictions(model: Model, records: readonly unknown[]): Promise<BatchResult>;
  ingestLabels(model: Model, labels: readonly unknown[]): Promise<BatchResult>;
}

/** The alias a record without a version goes to. */
export const DEFAULT_VERSION_ALIAS = 'production';

function ownString(raw: unknown, key: string): string | undefined {
  if (typeof raw !== 'object' || raw === null || !Object.hasOwn(raw, key)) return undefined;
  const value = (raw as Record<string, unknown>)[key];
  return typeof value === 'string' ? value : undefined;
}

/** Merges the store's statuses for the valid records into the outcomes, in order, and counts them. */
function assemble(outcomes: (RecordOutcome | undefined)[], validIds: readonly { index: number; id: string }[], statuses: readonly IngestStatus[]): BatchResult {
  for (const [position, { index, id }] of validIds.entries()) outcomes[index] = { id, status: statuses[position] ?? 'accepted' };
  let accepted = 0;
  let duplicates = 0;
  let rejected = 0;
  const results = outcomes as RecordOutcome[];
  for (const outcome of results) {
    if (outcome.status === 'accepted') accepted++;
    else if (outcome.status === 'duplicate') duplicates++;
    else rejected++;
  }
  return { results, accepted, duplicates, rejected };
}

/**
 * @example
 * const ingestion = createIngestionService({ store, clock: Date.now, batchRecords: 10_000, wake: () => evaluator.wake() });
 * const { accepted } = await ingestion.ingestPredictions(model, body.records);
 */
export function createIngestionService(deps: IngestionDeps): IngestionService {
  const { store } = deps;

  function checkLength(length: number, what: string): void {
    if (length > deps.batchRecords) {
      throw new ApiError('batch_too_large', { limit: deps.batchRecords, received: length }, `The batch holds ${length} ${what}, more than the limit of ${deps.batchRecords}.`);
    }
  }

  /** Resolves every version or alias named in the batch (and the default) once, before validating. */
  async function versionResolver(model: Model, raws: readonly unknown[]): Promise<(name: string | undefined) => string | null> {
    const names = new Set<string | undefined>();
    for (const raw of raws) names.add(ownString(raw, 'version'));
    const resolved = new Map<string | undefined, string | null>();
    for (const name of names) {
      const version = name === undefined ? await store.resolveAlias(model.id, DEFAULT_VERSION_ALIAS) : ((await store.getVersion(model.id, name)) ?? (await store.resolveAlias(model.id, name)));
      resolved.set(name, version?.id ?? null);
    }
    return (name) => resolved.get(name) ?? null;
  }

  return {
    async ingestPredictions(model, raws) {
      checkLength(raws.length, 'records');
      const now = deps.clock();
      const resolve = await versionResolver(model, raws);
      const outcomes: (RecordOutcome | undefined)[] = new Array<RecordOutcome | undefined>(raws.length);
      const valid: ValidRecord[] = [];
      const validIds: { index: number; id: string }[] = [];
      for (const [index, raw] of raws.entries()) {
        const result = validateRecord(model, raw, resolve, now);
        if (result.ok) {
          valid.push(result.record);
          validIds.push({ index, id: result.record.id });
        } else {
          outcomes[index] = result.outcome;
        }
      }
      const statuses = valid.length > 0 ? await store.ingestPredictions(model, valid) : [];
      if (statuses.includes('accepted')) deps.wake?.();
      const result = assemble(outcomes, validIds, statuses);
      deps.metrics?.countIngested(model, 'prediction', result);
      deps.onIngested?.(model, result.accepted);
      return result;
    },

    async ingestLabels(model, raws) {
      checkLength(raws.length, 'labels');
      const now = deps.clock();
      const outcomes: (RecordOutcome | undefined)[] = new Array<RecordOutcome | undefined>(raws.length);
      const valid: ValidLabel[] = [];
      const validIds: { index: number; id: string }[] = [];
      for (const [index, raw] of raws.entries()) {
        const result = validateLabel(model, raw, now);
        if (result.ok) {
          valid.push(result.label);
          validIds.push({ index, id: result.label.id });
        } else {
          outcomes[index] = result.outcome;
        }
      }
      const statuses = valid.length > 0 ? await store.ingestLabels(model, valid) : [];
      if (statuses.includes('accepted')) deps.wake?.();
      const result = assemble(outcomes, validIds, statuses);
      deps.metrics?.countIngested(model, 'label', result);
      return result;
    },
  };
}
