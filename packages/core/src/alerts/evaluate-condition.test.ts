import type { Condition } from '@bothub/core';
import { makeAlertRule, makeMetricPoints } from '@bothub/testkit';
import { describe, expect, it } from 'vitest';
import { evaluateCondition } from './evaluate-condition.js';

const MINUTE = 60_000;
const ctx = { now: 0, lastRecordAt: null };
const rule = (condition: Condition, metric = 'drift.statistic') => makeAlertRule({ condition, metric, feature: 'income' });
const income = (values: (number | null)[]) => makeMetricPoints(values, { feature: 'income' });

describe('evaluateCondition', () => {
  it('threshold: fires when the latest value is strictly above (below) the value', () => {
    const above = rule({ kind: 'threshold', direction: 'above', value: 0.2 });
    expect(evaluateCondition(above, income([0.5, 0.31]), ctx)).toEqual({ state: 'firing', value: 0.31, threshold: 0.2, reason: 'drift.statistic of income 0.31 above 0.2' });
    expect(evaluateCondition(above, income([0.5, 0.2]), ctx)).toMatchObject({ state: 'clear', reason: 'drift.statistic of income 0.2 not above 0.2' });
    const below = rule({ kind: 'threshold', direction: 'below', value: 0.8 }, 'performance.accuracy');
    expect(evaluateCondition(below, makeMetricPoints([0.75], { metric: 'performance.accuracy' }), ctx).state).toBe('firing');
  });

  it('n_of_m: fires when at least n of the last m values cross, skipping windows without a value', () => {
    const r = rule({ kind: 'n_of_m', direction: 'above', value: 0.2, n: 3, m: 5 });
    // The first 0.9 is the sixth from the end once the null is skipped: outside the last five.
    const firing = evaluateCondition(r, income([0.9, 0.25, 0.1, null, 0.3, 0.05, 0.31]), ctx);
    expect(firing).toEqual({ state: 'firing', value: 0.31, threshold: 0.2, reason: 'drift.statistic of income 0.31 above 0.2 in 3 of the last 5 windows' });
    const clear = evaluateCondition(r, income([0.9, 0.25, 0.1, 0.1, 0.05, 0.31]), ctx);
    expect(clear).toMatchObject({ state: 'clear', reason: 'drift.statistic of income above 0.2 in 2 of the last 5 windows (3 needed; latest 0.31)' });
    // Fewer than m windows: decided on those there are; fewer than n: not yet.
    expect(evaluateCondition(r, income([0.3, 0.3, 0.3]), ctx).state).toBe('firing');
    expect(evaluateCondition(r, income([0.3, 0.3]), ctx).state).toBe('insufficient_history');
  });

  it('relative_to_reference: compares the latest value with its reference ± change', () => {
    const drop = rule({ kind: 'relative_to_reference', direction: 'below', change: 0.1 }, 'performance.accuracy');
    const points = (value: number, threshold: number | null) => makeMetricPoints([value], { metric: 'performance.accuracy', threshold });
    const fired = evaluateCondition(drop, points(0.84, 0.95), ctx);
    expect(fired).toMatchObject({ state: 'firing', value: 0.84, reason: 'performance.accuracy 0.84 below 0.855 (reference 0.95 − 10 %)' });
    expect(fired.threshold).toBeCloseTo(0.855, 12);
    expect(evaluateCondition(drop, points(0.86, 0.95), ctx).state).toBe('clear');
    expect(evaluateCondition(drop, points(0.5, null), ctx)).toMatchObject({ state: 'insufficient_history', reason: 'performance.accuracy has no reference value' });
    const rise = rule({ kind: 'relative_to_reference', direction: 'above', change: 0.1 }, 'performance.rmse');
    expect(evaluateCondition(rise, makeMetricPoints([2.3], { metric: 'performance.rmse', threshold: 2 }), ctx)).toMatchObject({ state: 'firing', threshold: 2.2 });
  });

  it('dynamic percentile: learns the band from the lookback windows before the latest (numpy linear quantile)', () => {
    const history = [3, 1, 4, 10, 5, 9, 2, 6, 8, 7];
    // numpy 1.24.2 on the history: np.quantile(h, 0.95) == 9.549999999999999, np.quantile(h, 1 - 0.95) == 1.4500000000000004
    const above = rule({ kind: 'dynamic', method: 'percentile', direction: 'above', lookback: 10, minHistory: 5 });
    expect(evaluateCondition(above, income([100, ...history, 9.6]), ctx)).toEqual({
      state: 'firing',
      value: 9.6,
      threshold: 9.549999999999999,
      reason: 'drift.statistic of income 9.6 above 9.55, the 95th percentile of the last 10 windows',
    });
    expect(evaluateCondition(above, income([...history, 9.5]), ctx).state).toBe('clear');
    const outside = rule({ kind: 'dynamic', method: 'percentile', direction: 'outside', lookback: 10, minHistory: 5 });
    expect(evaluateCondition(outside, income([...history, 1.4]), ctx)).toMatchObject({ state: 'firing', threshold: 1.4500000000000004 });
    expect(evaluateCondition(outside, income([...history, 5]), ctx).state).toBe('clear');
    const below = rule({ kind: 'dynamic', method: 'percentile', direction: 'below', percentile: 90, lookback: 10, minHistory: 5 });
    // np.quantile(h, 1 - 0.9) == 1.9
    expect(evaluateCondition(below, income([...history, 1.8]), ctx)).toMatchObject({ state: 'firing', threshold: 1.9 });
  });

  it('dynamic sigma: mean ± k·σ with the sample standard deviation', () => {
    const r = rule({ kind: 'dynamic', method: 'sigma', direction: 'above', k: 2, lookback: 5, minHistory: 3 });
    // mean 3, σ = √2.5 (ddof 1): edge 3 + 2·1.5811… = 6.1623
    const result = evaluateCondition(r, income([1, 2, 3, 4, 5, 6.2]), ctx);
    expect(result.state).toBe('firing');
    expect(result.threshold).toBeCloseTo(3 + 2 * Math.sqrt(2.5), 12);
    expect(result.reason).toBe('drift.statistic of income 6.2 above 6.162, mean + 2σ of the last 5 windows (mean 3, σ 1.581)');
    expect(evaluateCondition(r, income([1, 2, 3, 4, 5, 6.1]), ctx).state).toBe('clear');
  });

  it('dynamic: does not fire with less history than minHistory', () => {
    const r = rule({ kind: 'dynamic', method: 'sigma', direction: 'outside', lookback: 30, minHistory: 10 });
    expect(evaluateCondition(r, income([1, 1, 1, 1, 500]), ctx)).toMatchObject({
      state: 'insufficient_history',
      reason: 'drift.statistic of income: the dynamic threshold needs 10 windows of history, has 4',
    });
  });

  it('absence: fires once minutes have passed since the last record', () => {
    const r = makeAlertRule({ metric: 'volume.count', feature: null, condition: { kind: 'absence', minutes: 60 } });
    expect(evaluateCondition(r, [], { now: 75 * MINUTE, lastRecordAt: 0 })).toEqual({ state: 'firing', value: 75, threshold: 60, reason: 'no record for 75 minutes (limit 60)' });
    expect(evaluateCondition(r, [], { now: 60 * MINUTE, lastRecordAt: 0 }).state).toBe('firing');
    expect(evaluateCondition(r, [], { now: 59 * MINUTE, lastRecordAt: 0 })).toMatchObject({ state: 'clear', reason: 'last record 59 minutes ago (limit 60)' });
    expect(evaluateCondition(r, [], { now: 1e12, lastRecordAt: null })).toEqual({ state: 'clear', value: null, threshold: 60, reason: 'no data yet' });
    // Without a record time the latest window's time stands in.
    expect(evaluateCondition(r, makeMetricPoints([5], { metric: 'volume.count' }), { now: 61 * MINUTE, lastRecordAt: null }).state).toBe('firing');
  });

  it('does not decide on a window without a value, nor without any point', () => {
    const r = rule({ kind: 'threshold', direction: 'above', value: 0.2 });
    expect(evaluateCondition(r, income([0.9, null]), ctx)).toMatchObject({ state: 'insufficient_history', reason: 'drift.statistic of income has no value in the latest window (insufficient data)' });
    expect(evaluateCondition(r, [], ctx).state).toBe('insufficient_history');
  });

  it('names the segment in the reason', () => {
    const r = rule({ kind: 'threshold', direction: 'above', value: 0.2 });
    expect(evaluateCondition(r, makeMetricPoints([0.3], { feature: 'income', segment: 'eu' }), ctx).reason).toBe('drift.statistic of income in segment eu 0.3 above 0.2');
  });
});
