import { describe, expect, it } from 'vitest';
import { expectClose } from '../test/close-to.js';
import type { BinaryClassificationCase } from '../test/reference-file.js';
import { loadReferenceSection } from '../test/reference-file.js';
import { logLoss } from './log-loss.js';

const binaryCases = loadReferenceSection<BinaryClassificationCase[]>('binary_classification');

describe('logLoss', () => {
  it('matches sklearn.metrics.log_loss on the reference cases', () => {
    expect(binaryCases.length).toBeGreaterThan(0);
    for (const c of binaryCases) {
      expectClose(logLoss(c.labels, c.scores).logLoss, c.logLoss, { rel: 1e-9, abs: 0 });
    }
  });

  it('matches hand-checkable cases', () => {
    // sklearn docs: log_loss(["spam","ham","ham","spam"], [[.1,.9],[.9,.1],[.8,.2],[.35,.65]]) = 0.21616187468057912
    expect(logLoss([1, 0, 0, 1], [0.9, 0.1, 0.2, 0.65]).logLoss).toBeCloseTo(0.21616187468057912, 15);
    expect(logLoss([0, 1, 1], [0.1, 0.8, 0.6]).logLoss).toBeCloseTo(-(Math.log(0.9) + Math.log(0.8) + Math.log(0.6)) / 3, 15);
    expect(logLoss([1, 0], [0.5, 0.5]).logLoss).toBeCloseTo(Math.LN2, 15);
  });

  it('clips probabilities to [ε, 1 − ε] with ε = 2⁻⁵² as scikit-learn 1.2.1 (eps="auto")', () => {
    // log_loss([1, 0], [0.0, 1.0]) = 36.04365338911715 = −ln(2.220446049250313e-16)
    expect(logLoss([1, 0], [0, 1]).logLoss).toBeCloseTo(36.04365338911715, 12);
    // log_loss([1, 0], [1.0, 0.0]) = 2.2204460492503136e-16
    expect(logLoss([1, 0], [1, 0]).logLoss).toBeCloseTo(2.2204460492503136e-16, 28);
  });

  it('accepts a single class (the classes are fixed to {0, 1}) and is lower for better probabilities', () => {
    expect(logLoss([1, 1], [0.5, 0.5]).logLoss).toBeCloseTo(Math.LN2, 15);
    expect(logLoss([1, 0], [0.9, 0.1]).logLoss).toBeLessThan(logLoss([1, 0], [0.6, 0.4]).logLoss);
  });

  it('rejects scores outside [0, 1], bad labels and bad shapes', () => {
    expect(() => logLoss([1, 0], [1.2, 0.1])).toThrow(/logLoss: scores\[0\] must be in \[0, 1\], got 1.2/);
    expect(() => logLoss([1, 0], [0.5, -0.1])).toThrow(/scores\[1\] must be in \[0, 1\]/);
    expect(() => logLoss([1, 0], [0.5, Number.NaN])).toThrow(/logLoss: scores\[1\] is NaN/);
    expect(() => logLoss([1, 3], [0.5, 0.5])).toThrow(/logLoss: labels\[1\] is 3/);
    expect(() => logLoss([1], [0.5, 0.5])).toThrow(/labels has 1 values but scores has 2/);
    expect(() => logLoss([], [])).toThrow(/logLoss: scores must not be empty/);
  });
});
