import { describe, expect, it } from 'vitest';
import { DRIFT_TEST_NAMES } from '../../report/report-schema.js';
import { isDriftTestApplicable } from './is-drift-test-applicable.js';

describe('isDriftTestApplicable', () => {
  it('gives every numerical test but mmd to numerical and datetime columns', () => {
    expect(DRIFT_TEST_NAMES.filter((t) => isDriftTestApplicable(t, 'numerical'))).toEqual(DRIFT_TEST_NAMES.filter((t) => t !== 'mmd'));
    expect(isDriftTestApplicable('ks', 'datetime')).toBe(true);
  });
  it('gives count-based tests to categorical and boolean columns', () => {
    expect(DRIFT_TEST_NAMES.filter((t) => isDriftTestApplicable(t, 'categorical'))).toEqual(['chi2', 'psi', 'jensenshannon', 'hellinger', 'kl']);
    expect(isDriftTestApplicable('ks', 'boolean')).toBe(false);
  });
  it('gives only mmd to embeddings and nothing to text or id', () => {
    expect(DRIFT_TEST_NAMES.filter((t) => isDriftTestApplicable(t, 'embedding'))).toEqual(['mmd']);
    expect(DRIFT_TEST_NAMES.some((t) => isDriftTestApplicable(t, 'text') || isDriftTestApplicable(t, 'id'))).toBe(false);
  });
});
