import { describe, expect, it } from 'vitest';
import { parseConditionsDocument, parseFailOn, parseMetricBound, parseShare } from './parse-conditions.js';

describe('parse-conditions', () => {
  it('reads --fail-on values', () => {
    expect(parseFailOn('dataset-drift')).toEqual({ kind: 'dataset-drift' });
    expect(parseFailOn('column-drift:income')).toEqual({ kind: 'column-drift', column: 'income' });
    expect(parseFailOn('four-fifths')).toEqual({ kind: 'four-fifths' });
    expect(() => parseFailOn('drift')).toThrow('--fail-on: unknown condition "drift"');
  });

  it('reads metric bounds and shares, naming the flag on bad values', () => {
    expect(parseMetricBound('min', 'rocAuc=0.8')).toEqual({ kind: 'min', metric: 'rocAuc', value: 0.8 });
    expect(() => parseMetricBound('max', 'rmse')).toThrow('--max: expected METRIC=NUMBER');
    expect(() => parseMetricBound('min', 'rocAuc=high')).toThrow('--min: expected METRIC=NUMBER');
    expect(parseShare('--max-drifted-share', '0.3')).toBe(0.3);
    expect(() => parseShare('--max-drifted-share', '1.5')).toThrow('--max-drifted-share: expected a share between 0 and 1, got "1.5"');
  });

  it('reads a conditions document and refuses unknown keys', () => {
    expect(parseConditionsDocument({ failOn: ['dataset-drift'], maxDriftedShare: 0.3, min: { rocAuc: 0.8 }, max: { logLoss: 0.6 }, maxMissingShare: 0.1 })).toEqual([
      { kind: 'dataset-drift' },
      { kind: 'max-drifted-share', value: 0.3 },
      { kind: 'min', metric: 'rocAuc', value: 0.8 },
      { kind: 'max', metric: 'logLoss', value: 0.6 },
      { kind: 'max-missing-share', value: 0.1 },
    ]);
    expect(parseConditionsDocument({ failOn: 'four-fifths' })).toEqual([{ kind: 'four-fifths' }]);
    expect(() => parseConditionsDocument({ maxDriftShare: 0.3 }, 'gate.yaml')).toThrow('gate.yaml: unknown key "maxDriftShare"');
    expect(() => parseConditionsDocument({ min: { rocAuc: '0.8' } }, 'gate.yaml')).toThrow('gate.yaml: min.rocAuc must be a number');
    expect(() => parseConditionsDocument([1], 'gate.yaml')).toThrow('gate.yaml: expected a mapping');
  });
});
