/**
 * The model registry: projects' models, their versions and aliases, and each version's reference profile.
 */
import { checkWindowSpec, DEFAULT_MONITORS, DEFAULT_PROJECT, DEFAULT_RETENTION, DEFAULT_WINDOW, defaultLateness, ROLE_COLUMNS } from '@bothub/core';
import type { Model, ModelPatch, ModelSpec, Version, VersionSpec, WindowSpec } from '@bothub/core';
import { ApiError } from '../../http/errors.js';
import type { Store } from '../../storage/store.js';
import { createReferenceProfiles } from './reference-profiles.js';
import type { ReferenceProfiles } from './reference-profiles.js';

export interface RegistryDeps {
  readonly store: Store;
  readonly clock: () => number;
  /** Seeds the reference profile's row sample, so a profile is reproducible. */
  readonly seed: number;
  /** Told of every new model once it is stored (the default alert rules are created here). */
  readonly onModelCreated?: (model: Model) => Promise<void>;
}

export interface RegistryService extends ReferenceProfiles {
  createModel(spec: ModelSpec): Promise<Model>;
  listModels(project?: string): Promise<Model[]>;
  /**
   * Applies a patch of the model's settings, checked as at registration: `retention` and `monitors` merge over the
   * current values, the other fields replace theirs. Ingestion and the window job read it from the next batch and window.
   */
  updateModel(model: Model, patch: ModelPatch): Promise<Model>;
  /** The model or a `model_not_found` error. */
  requireModel(project: string | undefined, name: string): Promise<Model>;
  createVersion(model: Model, spec: VersionSpec): Promise<Version>;
  listVersions(model: Model): Promise<Version[]>;
  /** A version by name, else by alias, or a `version_not_found` error. */
  requireVersion(model: Model, versionOrAlias: string): Promise<Version>;
  setAlias(model: Model, alias: string, version: string): Promise<Version>;
}

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
  const windowProblem = spec.window === undefined ? null : checkWindowSpec(spec.window);
  if (windowProblem) throw invalid(`window.${windowProblem.field}`, windowProblem.reason);
}

/** The window as stored: a time window's lateness is written out, so the model shows when its windows close. */
function storedWindow(window: WindowSpec = DEFAULT_WINDOW): WindowSpec {
  return window.kind === 'time' && window.lateness === undefined ? { ...window, lateness: defaultLateness(window.size) } : window;
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
      const model = await store.createModel({
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
        window: storedWindow(spec.window),
        retention: { ...DEFAULT_RETENTION, ...spec.retention },
        monitors: { ...DEFAULT_MONITORS, ...spec.monitors },
      });
      await deps.onModelCreated?.(model);
      return model;
    },

    listModels: (project) => store.listModels(project),

    async updateModel(model, patch) {
      const updated: Model = {
        ...model,
        ...(patch.description === undefined ? {} : { description: patch.description }),
        ...(patch.segmentFields === undefined ? {} : { segmentFields: patch.segmentFields }),
        ...(patch.protected === undefined ? {} : { protected: patch.protected }),
        ...(patch.window === undefined ? {} : { window: storedWindow(patch.window) }),
        retention: { ...model.retention, ...patch.retention },
        monitors: { ...DEFAULT_MONITORS, ...model.monitors, ...patch.monitors },
      };
      checkModelSpec({ ...updated, description: updated.description ?? undefined, label: updated.label ?? undefined, protected: updated.protected ?? undefined });
      return store.updateModel(updated);
    },

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

    ...createReferenceProfiles({ ...deps, requireVersion }),
  };
}
