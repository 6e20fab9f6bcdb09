/**
 * Building a version's reference profile, once, from its reference data set: uploaded records (JSON, JSON Lines), an
 * uploaded file (CSV, Parquet), or records already ingested over a time range.
 */
import { buildReferenceProfile, formatIsoTime, parseRecordTimestamp, REFERENCE_PROFILE_MAX_ROWS, serializeReferenceProfile } from '@bothub/core';
import type { Dataset, Model, Version } from '@bothub/core';
import { ApiError } from '../../http/errors.js';
import { readRecordPages } from '../../storage/read-record-pages.js';
import type { RecordRange, Store } from '../../storage/store.js';
import { readReferenceFile } from './read-reference-file.js';
import type { ReferenceFileFormat } from './read-reference-file.js';
import { sampleReferenceRecords } from './sample-reference-records.js';
import { validReferencePages } from './validate-reference-records.js';

/** Records read from the store per query while sampling a time range. */
const RECORD_PAGE_SIZE = 1000;

/** An uploaded reference: records in the prediction record shape, or a data file on disk. */
export type ReferenceSource =
  | { readonly kind: 'records'; readonly records: Iterable<unknown> | AsyncIterable<unknown> }
  | { readonly kind: 'file'; readonly file: string; readonly format: ReferenceFileFormat };

/** Stored records to build a reference from: a time range (ISO 8601 or epoch ms, inclusive) of a version, maybe of one segment. */
export interface ReferenceRange {
  readonly from: string | number;
  readonly to: string | number;
  /** Records of this version or alias; default the version the reference is for. */
  readonly version?: string;
  readonly segment?: string;
}

export interface ReferenceProfilesDeps {
  readonly store: Store;
  readonly clock: () => number;
  readonly seed: number;
  readonly requireVersion: (model: Model, versionOrAlias: string) => Promise<Version>;
}

export interface ReferenceProfiles {
  /** Reads the upload, builds the version's reference profile and stores it in place of any earlier one. */
  putReference(model: Model, version: Version, source: ReferenceSource): Promise<Version>;
  /** Samples the stored records of the range, builds the version's reference profile from them and stores it. */
  putReferenceFromRecords(model: Model, version: Version, range: ReferenceRange): Promise<Version>;
}

function parseBound(value: string | number, field: 'from' | 'to'): number {
  // Any instant bounds a range (0 included, which a record's timestamp rejects as probable epoch seconds), and no
  // bound on the future: a range may end after its last record.
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  const parsed = parseRecordTimestamp(value, Number.POSITIVE_INFINITY);
  if (!parsed.ok) throw new ApiError('validation_failed', { in: 'body', field, reason: parsed.reason }, `body.${field}: ${parsed.reason}`);
  return parsed.timestamp;
}

/**
 * Every path keeps at most {@link REFERENCE_PROFILE_MAX_ROWS} rows, sampled (seeded) while the data streams, so memory
 * stays bounded whatever the size of the reference; counts (rows, missing, min, max, duplicates) cover every row.
 *
 * @example
 * const references = createReferenceProfiles({ store, clock: Date.now, seed: 42, requireVersion });
 * await references.putReference(model, version, { kind: 'file', file: '/tmp/reference.csv', format: 'csv' });
 */
export function createReferenceProfiles(deps: ReferenceProfilesDeps): ReferenceProfiles {
  const { store } = deps;
  const sampling = { seed: deps.seed, maxRows: REFERENCE_PROFILE_MAX_ROWS };

  async function storeProfile(model: Model, version: Version, dataset: Dataset): Promise<Version> {
    const profile = buildReferenceProfile(model, dataset, { seed: deps.seed });
    await store.putReferenceProfile(version.id, serializeReferenceProfile(profile), profile.rows);
    return (await store.getVersionById(version.id)) ?? version;
  }

  return {
    async putReference(model, version, source) {
      const name = `reference ${model.name}@${version.version}`;
      const dataset =
        source.kind === 'file'
          ? { ...(await readReferenceFile(model, source.file, source.format, sampling)), source: `${name} (${source.format === 'csv' ? 'CSV' : 'Parquet'})` }
          : await sampleReferenceRecords(model, validReferencePages(model, version, source.records, deps.clock()), { ...sampling, source: name });
      if (dataset === null) throw new ApiError('invalid_reference', { rejected: 0, records: [] }, 'The reference holds no records.');
      return storeProfile(model, version, dataset);
    },

    async putReferenceFromRecords(model, version, range) {
      const from = parseBound(range.from, 'from');
      const to = parseBound(range.to, 'to');
      if (from > to) throw new ApiError('validation_failed', { in: 'body', field: 'to', reason: 'before from' }, 'body.to: before from');
      const of = range.version === undefined ? version : await deps.requireVersion(model, range.version);
      const span = `${formatIsoTime(from)} to ${formatIsoTime(to)}${range.segment === undefined ? '' : `, segment ${JSON.stringify(range.segment)}`}`;
      const records: RecordRange = { versionId: of.id, from, to, ...(range.segment === undefined ? {} : { segment: range.segment }) };
      const dataset = await sampleReferenceRecords(model, readRecordPages(store, records, RECORD_PAGE_SIZE), { ...sampling, source: `records of ${model.name}@${of.version} from ${span}` });
      if (dataset === null) {
        throw new ApiError(
          'no_records',
          { version: of.version, from, to, ...(range.segment === undefined ? {} : { segment: range.segment }) },
          `No stored records of ${model.name}@${of.version} from ${span}: there is nothing to build a reference from.`,
        );
      }
      return storeProfile(model, version, dataset);
    },
  };
}
