/**
 * The model registry: projects' models, their versions and aliases, and each version's reference profile.
 */
import { buildReferenceProfile, DEFAULT_PROJECT, DEFAULT_RETENTION, DEFAULT_WINDOW, recordsToDataset, ROLE_COLUMNS, serializeReferenceProfile, validateRecord } from '@bothub/core';
import type { Model, ModelSpec, RecordOutcome, ValidRecord, Version, VersionSpec } from '@bothub/core';
import { ApiError } from '../../http/errors.js';
import type { Store } from '../../storage/store.js';

export interface RegistryDeps {
  readonly store: Store;
  readonly clock: () => number;
  /** Seeds the reference profile's row sample, so a profile is reproducible. */
  readonly seed: number;
}

/** A rejected reference record: its position in the body, with the validator's field and reason. */
export interface ReferenceRejection {
  readonly index: number;
  readonly id: string | null;
  readonly field: string;
  readonly reason: string;
}

export interface RegistryService {
  createModel(spec: ModelSpec): Promise<Model>;
  listModels(project?: string): Promise<Model[]>;
  /** The model or a `model_not_found` error. */
  requireModel(project: string | undefined, name: string): Promise<Model>;
  createVersion(model: Model, spec: VersionSpec): Promise<Version>;
  listVersions(model: Model): Promise<Version[]>;
  /** A version by name, else by alias, or a `version_not_found` error. */
  requireVersion(model: Model, versionOrAlias: string): Promise<Version>;
  setAlias(model: Model, alias: string, version: string): Promise<Version>;
  /** Validates the records against the model, builds the version's reference profile from them and stores it. */
  putReference(model: Model, version: string, records: readonly unknown[]): Promise<Version>;
}

/** Rejections reported in one error: enough to fix a schema mismatch, bounded so the answer stays small. */
const MAX_REPORTED_REJECTIONS = 50;

function checkModelSpec(spec: ModelSpec): void {
  const invalid = (field: string, reason: string): ApiError => new ApiError('validation_failed', { in: 'body', field, reason }, `body.${field}: ${reason}`);
  const names = new Set<string>();
  for (const [index, feature] of spec.features.entries()) {
    if (names.has(feature.name)) throw invalid(`features[${index}].name`, `duplicate feature name ${JSON.stringify(feature.name)}`);
    // Windows hold the prediction, score and label as columns of these names beside the features.
    if (Object.values(ROLE_COLUMNS).includes(feature.name as never)) throw invalid(`features[${index}].name`, `${JSON.stringify(feature.name)} is reserved for the record's own field`);
    names.add(feature.name);
    if (feature.type === 'embedding' && feature.dimension === undefined) throw invalid(`features[${index}].dimension`, 'required for embedding features');
    if (feature.range?.min !== undefined && feature.range.max !== undefined && feature.range.min > feature.range.max) {
      throw invalid(`features[${index}].range`, 'min is greater than max');
    }
  }
  for (const [index, field] of (spec.segmentFields ?? []).entries()) {
    if (!names.has(field)) throw invalid(`segmentFields[${index}]`, `not a feature of the model: ${JSON.stringify(field)}`);
  }
  if (spec.protected !== undefined && !names.has(spec.protected.field)) {
    throw invalid('protected.field', `not a feature of the model: ${JSON.stringify(spec.protected.field)}`);
  }
}

/**
 * @example
 * const registry = createRegistryService({ store, clock: Date.now, seed: 42 });
 * const model = await registry.createModel({ name: 'churn', task: 'binary_classification', features: [{ name: 'age', type: 'numerical' }], prediction: { type: 'numerical' } });
 */
export function createRegistryService(deps: RegistryDeps): RegistryService {
  const { store } = deps;

  async function requireVersion(model: Model, versionOrAlias: string): Promise<Version> {
    const version = (await store.getVersion(model.id, versionOrAlias)) ?? (await store.resolveAlias(model.id, versionOrAlias));
    if (version === null) throw new ApiError('version_not_found', { model: model.name, version: versionOrAlias });
    return version;
  }

  return {
    async createModel(spec) {
      checkModelSpec(spec);
      const project = spec.project ?? DEFAULT_PROJECT;
      if ((await store.getModel(project, spec.name)) !== null) throw new ApiError('model_exists', { project, model: spec.name });
      return store.createModel({
        project,
        name: spec.name,
        task: spec.task,
        description: spec.description ?? null,
        features: spec.features,
        prediction: spec.prediction,
        label: spec.label ?? null,
        score: spec.score ?? false,
        segmentFields: spec.segmentFields ?? [],
        protected: spec.protected ?? null,
        window: spec.window ?? DEFAULT_WINDOW,
        retention: { ...DEFAULT_RETENTION, ...spec.retention },
      });
    },

    listModels: (project) => store.listModels(project),

    async requireModel(project, name) {
      const model = await store.getModel(project ?? DEFAULT_PROJECT, name);
      if (model === null) throw new ApiError('model_not_found', { project: project ?? DEFAULT_PROJECT, model: name });
      return model;
    },

    async createVersion(model, spec) {
      if ((await store.getVersion(model.id, spec.version)) !== null) throw new ApiError('version_exists', { model: model.name, version: spec.version });
      return store.createVersion({ modelId: model.id, version: spec.version, metadata: spec.metadata ?? {} }, [...new Set(spec.aliases ?? [])]);
    },

    listVersions: (model) => store.listVersions(model.id),

    requireVersion,

    async setAlias(model, alias, version) {
      const target = await store.getVersion(model.id, version);
      if (target === null) throw new ApiError('version_not_found', { model: model.name, version });
      await store.setAlias(model.id, alias, target.id);
      return (await store.getVersionById(target.id)) ?? target;
    },

    async putReference(model, versionName, rawRecords) {
      const version = await requireVersion(model, versionName);
      const now = deps.clock();
      const valid: ValidRecord[] = [];
      const rejections: ReferenceRejection[] = [];
      for (const [index, raw] of rawRecords.entries()) {
        // Reference records belong to the version in the URL whatever they carry, and need no id of their own.
        const record = isPlainObject(raw) && !Object.hasOwn(raw, 'id') ? { ...raw, id: `reference-${index}` } : raw;
        const result = validateRecord(model, record, () => version.id, now);
        if (result.ok) valid.push(result.record);
        else rejections.push({ index, ...rejectionOf(result.outcome) });
      }
      if (rejections.length > 0) {
        throw new ApiError(
          'invalid_reference',
          { rejected: rejections.length, records: rejections.slice(0, MAX_REPORTED_REJECTIONS) },
          `${rejections.length} of ${rawRecords.length} reference records do not match the model's schema; the first: record ${rejections[0]!.index}, ${rejections[0]!.field}: ${rejections[0]!.reason}.`,
        );
      }
      if (valid.length === 0) throw new ApiError('invalid_reference', { rejected: 0, records: [] }, 'The reference holds no records.');
      const dataset = recordsToDataset(model, valid, `reference ${model.name}@${version.version}`);
      const profile = buildReferenceProfile(model, dataset, { seed: deps.seed });
      await store.putReferenceProfile(version.id, serializeReferenceProfile(profile), profile.rows);
      return (await store.getVersionById(version.id)) ?? version;
    },
  };
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function rejectionOf(outcome: RecordOutcome): Omit<ReferenceRejection, 'index'> {
  return outcome.status === 'rejected' ? { id: outcome.id, field: outcome.field, reason: outcome.reason } : { id: outcome.id, field: '', reason: outcome.status };
}
