import { describe, expect, it } from 'vitest';
import { seriesKeyOf } from './series-key-of.js';

describe('seriesKeyOf', () => {
  it('joins version (or * for all versions), segment and feature with |, empty for none', () => {
    expect(seriesKeyOf({ versionId: null, segment: null, feature: null })).toBe('*||');
    expect(seriesKeyOf({ versionId: 'v2', segment: 'eu', feature: 'income' })).toBe('v2|eu|income');
    expect(seriesKeyOf({ versionId: null, segment: null, feature: 'age' })).toBe('*||age');
  });
});
