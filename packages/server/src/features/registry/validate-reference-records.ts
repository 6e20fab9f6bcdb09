import { validateRecord } from '@bothub/core';
import type { Model, RecordOutcome, ValidRecord, Version } from '@bothub/core';
import { ApiError } from '../../http/errors.js';

/** A rejected reference record: its position in the upload, with the validator's field and reason. */
export interface ReferenceRejection {
  readonly index: number;
  readonly id: string | null;
  readonly field: string;
  readonly reason: string;
}

/** Rejections reported in one error: enough to fix a schema mismatch, bounded so the answer stays small. */
const MAX_REPORTED_REJECTIONS = 50;

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function rejectionOf(outcome: RecordOutcome): Omit<ReferenceRejection, 'index'> {
  return outcome.status === 'rejected' ? { id: outcome.id, field: outcome.field, reason: outcome.reason } : { id: outcome.id, field: '', reason: outcome.status };
}

/**
 * Validates uploaded reference records (the prediction record shape, `id` optional) against the model as they
 * stream, yielding the valid ones in pages of `pageSize`. Any invalid record fails the whole upload: once one is
 * met nothing more is yielded, the rest are still checked, and the end throws one `invalid_reference` error listing
 * the first 50 rejections with their positions and fields.
 *
 * @example
 * const pages = validReferencePages(model, version, readJsonLinesFile(file), Date.now());
 */
export async function* validReferencePages(
  model: Model,
  version: Version,
  records: Iterable<unknown> | AsyncIterable<unknown>,
  now: number,
  pageSize = 1000,
): AsyncGenerator<ValidRecord[]> {
  const rejections: ReferenceRejection[] = [];
  let rejected = 0;
  let index = 0;
  let page: ValidRecord[] = [];
  for await (const raw of records) {
    // Reference records belong to the version in the URL whatever they carry, and need no id of their own.
    const record = isPlainObject(raw) && !Object.hasOwn(raw, 'id') ? { ...raw, id: `reference-${index}` } : raw;
    const result = validateRecord(model, record, () => version.id, now);
    if (!result.ok) {
      rejected += 1;
      if (rejections.length < MAX_REPORTED_REJECTIONS) rejections.push({ index, ...rejectionOf(result.outcome) });
    } else if (rejected === 0) {
      page.push(result.record);
      if (page.length >= pageSize) {
        yield page;
        page = [];
      }
    }
    index += 1;
  }
  if (rejected > 0) {
    const first = rejections[0]!;
    throw new ApiError(
      'invalid_reference',
      { rejected, records: rejections },
      `${rejected} of ${index} reference records do not match the model's schema; the first: record ${first.index}, ${first.field}: ${first.reason}.`,
    );
  }
  if (page.length > 0) yield page;
}
