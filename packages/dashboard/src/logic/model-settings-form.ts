import type { ModelPatch } from '@bothub/core';
import { ModelPatchSchema } from '@bothub/core';
import { numberOrText, schemaErrors } from './schema-errors.js';

/** A model's editable monitor and window settings as a form holds them. */
export interface ModelSettingsForm {
  description: string;
  multivariateDrift: boolean;
  dataQuality: boolean;
  performance: boolean;
  anomalies: boolean;
  fairness: boolean;
  anomalyPercentile: string;
  datasetDriftShare: string;
  windowKind: 'count' | 'time';
  windowSize: string;
  windowSlide: string;
  windowLateness: string;
}

/** What the form reads of a stored model. */
export interface ModelSettingsSource {
  readonly description: string | null;
  readonly window: { readonly kind: 'count' | 'time'; readonly size: number; readonly slide?: number | null; readonly lateness?: number | null };
  readonly monitors?: {
    readonly multivariateDrift?: boolean;
    readonly dataQuality?: boolean;
    readonly performance?: boolean;
    readonly anomalies?: boolean;
    readonly fairness?: boolean;
    readonly anomalyPercentile?: number;
    readonly datasetDriftShare?: number;
  };
}

const text = (v: number | null | undefined): string => (v === null || v === undefined ? '' : String(v));

/**
 * The form of a stored model's settings (documented defaults where the model leaves one out).
 *
 * @example
 * setForm(formFromModel(model));
 */
export function formFromModel(model: ModelSettingsSource): ModelSettingsForm {
  const m = model.monitors ?? {};
  return {
    description: model.description ?? '',
    multivariateDrift: m.multivariateDrift ?? true,
    dataQuality: m.dataQuality ?? true,
    performance: m.performance ?? true,
    anomalies: m.anomalies ?? true,
    fairness: m.fairness ?? true,
    anomalyPercentile: text(m.anomalyPercentile ?? 95),
    datasetDriftShare: text(m.datasetDriftShare ?? 0.5),
    windowKind: model.window.kind,
    windowSize: text(model.window.size),
    windowSlide: text(model.window.slide),
    windowLateness: text(model.window.lateness),
  };
}

const FIELD_OF_PATH: Record<string, string> = {
  'monitors/anomalyPercentile': 'anomalyPercentile',
  'monitors/datasetDriftShare': 'datasetDriftShare',
  'window/kind': 'windowKind',
  'window/size': 'windowSize',
  'window/slide': 'windowSlide',
  'window/lateness': 'windowLateness',
};

/**
 * The `PATCH /api/v1/models/{model}` body a form describes and the first error per form field, checked against core's
 * ModelPatchSchema (what the service checks) plus the rules the schema cannot say: lateness only for time windows,
 * a time window's size a multiple of its slide. Save only when `errors` is empty.
 *
 * @example
 * const { patch, errors } = modelPatchFromForm({ ...form, windowSize: '500' });
 */
export function modelPatchFromForm(form: ModelSettingsForm): { patch: ModelPatch; errors: Record<string, string> } {
  const size = numberOrText(form.windowSize);
  const slide = numberOrText(form.windowSlide);
  const lateness = numberOrText(form.windowLateness);
  const percentile = numberOrText(form.anomalyPercentile);
  const share = numberOrText(form.datasetDriftShare);
  const patch = {
    description: form.description.trim() === '' ? null : form.description.trim(),
    window: { kind: form.windowKind, size, ...(slide === undefined ? {} : { slide }), ...(lateness === undefined ? {} : { lateness }) },
    monitors: {
      multivariateDrift: form.multivariateDrift,
      dataQuality: form.dataQuality,
      performance: form.performance,
      anomalies: form.anomalies,
      fairness: form.fairness,
      ...(percentile === undefined ? {} : { anomalyPercentile: percentile }),
      ...(share === undefined ? {} : { datasetDriftShare: share }),
    },
  } as ModelPatch;
  const errors: Record<string, string> = {};
  for (const [path, message] of Object.entries(schemaErrors(ModelPatchSchema, patch))) errors[FIELD_OF_PATH[path] ?? path] ??= message;
  if (form.windowKind === 'count' && lateness !== undefined && !('windowLateness' in errors)) errors.windowLateness = 'only time windows take a lateness';
  if (form.windowKind === 'time' && typeof size === 'number' && typeof slide === 'number' && size % slide !== 0 && !('windowSlide' in errors)) errors.windowSlide = 'the size must be a multiple of the slide';
  return { patch, errors };
}
