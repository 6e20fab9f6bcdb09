import type { Alert, Condition } from '@bothub/core';
import { makeAlert, makeAlertRule } from '@bothub/testkit';
import { describe, expect, it } from 'vitest';
import { suggestThreshold } from './suggest-threshold.js';

const REAL = [0.35, 0.4, 0.45, 0.5, 0.3, 0.38, 0.42, 0.6, 0.28, 0.55];
const FALSE = [0.21, 0.22, 0.25, 0.24, 0.23, 0.33, 0.26, 0.22];

function judged(value: number, verdict: 'real' | 'false' | null, i: number): Alert {
  const base = makeAlert();
  return makeAlert({ id: `a${i}`, evidence: { ...base.evidence, value }, feedback: verdict === null ? null : { verdict, by: 'ana', at: 0, note: null } });
}
const alerts = [...REAL.map((v, i) => judged(v, 'real', i)), ...FALSE.map((v, i) => judged(v, 'false', 100 + i))];
const rule = (condition: Condition = { kind: 'threshold', direction: 'above', value: 0.2 }) => makeAlertRule({ feature: 'income', condition });

describe('suggestThreshold', () => {
  it('fits a logistic regression of the verdict on the value and suggests where P(real) = 0.5', () => {
    // scikit-learn 1.2.1 (/usr/bin/python3), the same fit on the standardized values (population σ):
    //   z = (x - x.mean()) / x.std(); m = LogisticRegression(C=1.0, solver='lbfgs', tol=1e-12, max_iter=100000).fit(z[:, None], y)
    //   slope = m.coef_[0][0] / x.std() == 14.623049289765223; intercept = m.intercept_[0] - m.coef_[0][0] * x.mean() / x.std() == -4.5136965302127035
    //   threshold = -intercept / slope == 0.30866999356774866 → 0.3087; kept 8 real, dropped 7 false
    const suggestion = suggestThreshold(rule(), alerts)!;
    expect(suggestion.threshold).toBe(0.3087);
    expect(suggestion.coefficients.slope).toBeCloseTo(14.623049289765223, 4);
    expect(suggestion.coefficients.intercept).toBeCloseTo(-4.5136965302127035, 4);
    expect(suggestion).toMatchObject({ keptReal: 8, droppedFalse: 7, labelled: 18 });
    expect(suggestion.explanation).toBe('raising the threshold from 0.2 to 0.3087 would have kept 8 of 10 real alerts and dropped 7 of 8 false ones');
  });

  it('works for n_of_m rules and says "lowering" when the threshold comes down', () => {
    const suggestion = suggestThreshold(rule({ kind: 'n_of_m', direction: 'above', value: 0.5, n: 2, m: 3 }), alerts)!;
    expect(suggestion.threshold).toBe(0.3087);
    expect(suggestion.explanation.startsWith('lowering the threshold from 0.5 to 0.3087')).toBe(true);
  });

  it('mirrors for a "below" rule: real alerts lower down', () => {
    const mirrored = alerts.map((a) => ({ ...a, evidence: { ...a.evidence, value: 1 - a.evidence.value! } }));
    const suggestion = suggestThreshold(rule({ kind: 'threshold', direction: 'below', value: 0.8 }), mirrored)!;
    expect(suggestion.threshold).toBeCloseTo(1 - 0.3087, 3);
    expect(suggestion).toMatchObject({ keptReal: 8, droppedFalse: 7 });
    expect(suggestion.coefficients.slope).toBeLessThan(0);
  });

  it('says nothing with too little feedback, a single verdict, another condition or alerts of another rule', () => {
    // 9 judged alerts, both verdicts: fewer than the default 10.
    expect(suggestThreshold(rule(), alerts.slice(5, 14))).toBeNull();
    // Only real ones.
    expect(suggestThreshold(rule(), alerts.slice(0, 10))).toBeNull();
    expect(suggestThreshold(rule(), alerts, { minLabelled: 20 })).toBeNull();
    expect(suggestThreshold(rule({ kind: 'relative_to_reference', direction: 'above', change: 0.1 }), alerts)).toBeNull();
    expect(suggestThreshold(makeAlertRule({ id: 'r2' }), alerts)).toBeNull();
    const unjudged = alerts.map((a) => ({ ...a, feedback: null }));
    expect(suggestThreshold(rule(), unjudged)).toBeNull();
  });

  it('says nothing when real alerts sit on the wrong side (moving the threshold cannot separate them)', () => {
    const swapped = alerts.map((a) => ({ ...a, feedback: { ...a.feedback!, verdict: a.feedback!.verdict === 'real' ? ('false' as const) : ('real' as const) } }));
    expect(suggestThreshold(rule(), swapped)).toBeNull();
    expect(() => suggestThreshold(rule(), alerts, { minLabelled: 1 })).toThrow(RangeError);
  });
});
