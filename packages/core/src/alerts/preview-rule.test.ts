import { makeAlertRule, makeMetricPoints } from '@bothub/testkit';
import { describe, expect, it } from 'vitest';
import { previewRule } from './preview-rule.js';

const HOUR = 3_600_000;

describe('previewRule', () => {
  const values = [0.1, 0.3, 0.4, 0.1, 0.1, 0.1, 0.5, null, 0.1];
  const history = [...makeMetricPoints(values, { feature: 'income' }), ...makeMetricPoints([0.9], { metric: 'drift.share' })];

  it('replays the rule window by window with the alert lifecycle: one alert per problem, auto-resolve, re-open after the cooldown', () => {
    const preview = previewRule(makeAlertRule({ feature: 'income' }), history);
    expect(preview.windowsEvaluated).toBe(9);
    expect(preview.firings.map((f) => f.windowId)).toEqual(['w1', 'w2', 'w6']);
    expect(preview.firings[0]).toEqual({ time: HOUR, windowId: 'w1', key: '*||income', value: 0.3, threshold: 0.2, reason: 'drift.statistic of income 0.3 above 0.2' });
    // w1 opens, w2 updates, w3–w5 clear three times (resolved at hour 5), w6 re-opens 60 minutes later.
    expect(preview.alertsOpened).toBe(2);
    expect(preview.firingShare).toBeCloseTo(3 / 9, 15);
  });

  it('holds re-opening back within the cooldown', () => {
    expect(previewRule(makeAlertRule({ feature: 'income', cooldownMinutes: 120 }), history).alertsOpened).toBe(1);
  });

  it('evaluates each series of a "*" rule separately, firings in time order', () => {
    const twoFeatures = [...makeMetricPoints([0.3, 0.1], { feature: 'b' }), ...makeMetricPoints([0.1, 0.3], { feature: 'a' })];
    const preview = previewRule(makeAlertRule({ feature: '*' }), twoFeatures);
    expect(preview.windowsEvaluated).toBe(4);
    expect(preview.firings.map((f) => [f.time, f.key])).toEqual([[0, '*||b'], [HOUR, '*||a']]);
    expect(preview.alertsOpened).toBe(2);
  });

  it('gives n_of_m the windows it needs, skipping windows without a value', () => {
    const rule = makeAlertRule({ feature: 'income', condition: { kind: 'n_of_m', direction: 'above', value: 0.2, n: 2, m: 3 } });
    const preview = previewRule(rule, makeMetricPoints([0.3, 0.1, null, 0.3, 0.1, 0.1], { feature: 'income' }));
    // At w3 the last three values are 0.3, 0.1, 0.3 (the empty w2 skipped): two crossings.
    expect(preview.firings.map((f) => f.windowId)).toEqual(['w3']);
  });

  it('replays absence from the gaps between windows, and checks once more at now', () => {
    const rule = makeAlertRule({ metric: 'volume.count', feature: null, condition: { kind: 'absence', minutes: 90 } });
    const points = makeMetricPoints([10, 10, 10, 10], { metric: 'volume.count' }).map((p, i) => ({ ...p, time: [0, 1, 3, 3.5][i]! * HOUR }));
    const replay = previewRule(rule, points, {});
    expect(replay.windowsEvaluated).toBe(4);
    expect(replay.firings).toEqual([{ time: 3 * HOUR, windowId: 'w2', key: '*||', value: 120, threshold: 90, reason: 'no record for 120 minutes (limit 90)' }]);
    const withNow = previewRule(rule, points, { now: 5 * HOUR, lastRecordAt: 3.5 * HOUR });
    expect(withNow.windowsEvaluated).toBe(5);
    expect(withNow.firings.at(-1)).toMatchObject({ time: 5 * HOUR, windowId: null, key: '*||', value: 90 });
    // The alert opened at hour 3 is still open (one clear window, not three): the second silence updates it.
    expect(withNow.alertsOpened).toBe(1);
  });

  it('reports nothing for an empty history, and "no data yet" for an absence rule checked at now', () => {
    expect(previewRule(makeAlertRule(), [])).toEqual({ windowsEvaluated: 0, firings: [], alertsOpened: 0, firingShare: 0 });
    const absence = makeAlertRule({ metric: 'volume.count', feature: null, condition: { kind: 'absence', minutes: 60 } });
    expect(previewRule(absence, [], { now: 10 * HOUR, lastRecordAt: null })).toEqual({ windowsEvaluated: 1, firings: [], alertsOpened: 0, firingShare: 0 });
  });
});
