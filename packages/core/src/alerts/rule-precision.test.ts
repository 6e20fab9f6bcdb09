import { makeAlert } from '@bothub/testkit';
import { describe, expect, it } from 'vitest';
import { rulePrecision } from './rule-precision.js';

const judged = (verdict: 'real' | 'false' | null) => makeAlert({ feedback: verdict === null ? null : { verdict, by: 'ana', at: 0, note: null } });

describe('rulePrecision', () => {
  it('is the share of judged alerts marked real, ignoring alerts without feedback', () => {
    expect(rulePrecision([judged('real'), judged('real'), judged('false'), judged(null)])).toEqual({ labelled: 3, real: 2, false: 1, precision: 2 / 3 });
  });

  it('is null before any feedback', () => {
    expect(rulePrecision([judged(null)])).toEqual({ labelled: 0, real: 0, false: 0, precision: null });
    expect(rulePrecision([]).precision).toBeNull();
  });
});
