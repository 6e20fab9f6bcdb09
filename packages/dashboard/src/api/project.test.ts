import { describe, expect, it } from 'vitest';
import { modelPath } from './project.js';

describe('modelPath', () => {
  it('carries a project other than the default', () => {
    expect(modelPath('credit', 'risk', '/windows/w1')).toBe('/models/credit/windows/w1?project=risk');
    expect(modelPath('credit', undefined)).toBe('/models/credit');
    expect(modelPath('credit', 'default', '', '/registry')).toBe('/registry/credit');
    expect(modelPath('a b', undefined, '/features/x%2Fy')).toBe('/models/a%20b/features/x%2Fy');
  });
});
