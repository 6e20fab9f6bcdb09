import { describe, expect, it } from 'vitest';
import { formFromModel, modelPatchFromForm } from './model-settings-form.js';

const model = { description: null, window: { kind: 'count' as const, size: 500 }, monitors: { anomalies: false } };

describe('modelPatchFromForm', () => {
  it('round-trips a model with defaults filled in', () => {
    const form = formFromModel(model);
    expect(form).toMatchObject({ anomalies: false, multivariateDrift: true, anomalyPercentile: '95', datasetDriftShare: '0.5', windowSize: '500', windowSlide: '' });
    const { patch, errors } = modelPatchFromForm(form);
    expect(errors).toEqual({});
    expect(patch).toEqual({
      description: null,
      window: { kind: 'count', size: 500 },
      monitors: { multivariateDrift: true, dataQuality: true, performance: true, anomalies: false, fairness: true, anomalyPercentile: 95, datasetDriftShare: 0.5 },
    });
  });

  it('names the bad fields', () => {
    const form = { ...formFromModel(model), windowSize: '0', anomalyPercentile: '20', datasetDriftShare: 'half' };
    const { errors } = modelPatchFromForm(form);
    expect(errors.windowSize).toBe('must be >= 1');
    expect(errors.anomalyPercentile).toBe('must be >= 50');
    expect(errors.datasetDriftShare).toBe('must be number');
  });

  it('checks what the schema cannot: lateness of count windows, size a multiple of the slide', () => {
    expect(modelPatchFromForm({ ...formFromModel(model), windowLateness: '10' }).errors).toEqual({ windowLateness: 'only time windows take a lateness' });
    const time = { ...formFromModel(model), windowKind: 'time' as const, windowSize: '3600', windowSlide: '700' };
    expect(modelPatchFromForm(time).errors).toEqual({ windowSlide: 'the size must be a multiple of the slide' });
    expect(modelPatchFromForm({ ...time, windowSlide: '600' }).errors).toEqual({});
  });
});
