import type { Model } from '@bothub/core';

/**
 * A registered Model for tests: a binary classifier with a boolean prediction and label, a score and count windows
 * of 1,000, with `features` and any other field given by the caller.
 * @example makeModel({ features: [{ name: 'age', type: 'numerical' }] });
 */
export function makeModel(overrides: Partial<Model> & Pick<Model, 'features'>): Model {
  return {
    id: 'm1',
    project: 'default',
    name: 'credit',
    task: 'binary_classification',
    description: null,
    prediction: { type: 'boolean' },
    label: { type: 'boolean' },
    score: true,
    segmentFields: [],
    protected: null,
    window: { kind: 'count', size: 1000 },
    retention: { recordsDays: 30, metricsDays: 365 },
    createdAt: '2026-11-22T00:00:00.000Z',
    ...overrides,
  };
}
