import type { Alert } from '@bothub/core';
import { makeAlert } from '@bothub/testkit';
import { describe, expect, it } from 'vitest';
import { groupIncident } from './group-incident.js';

function drifting(id: string, feature: string, effectSize: number): Alert {
  const base = makeAlert();
  return makeAlert({ id, feature, evidence: { ...base.evidence, feature, value: 0.3, topFeatures: [{ feature, effectSize, drifted: true }] } });
}
const shareAlert = makeAlert({ id: 's', feature: null, evidence: { ...makeAlert().evidence, metric: 'drift.share', feature: null, value: 0.9, threshold: 0.5, topFeatures: [] } });

describe('groupIncident', () => {
  it('puts alerts of one window in one incident, largest effect first', () => {
    const incident = groupIncident('m1', 'w0', [drifting('a', 'age', 0.2), drifting('b', 'income', -0.8), shareAlert], null, 100, () => 'i1');
    expect(incident).toMatchObject({ id: 'i1', modelId: 'm1', windowId: 'w0', openedAt: 100, status: 'open', alertIds: ['a', 'b', 's'] });
    expect(incident.changes.map((c) => [c.alertId, c.effectSize])).toEqual([
      ['b', -0.8],
      ['s', expect.closeTo(0.4, 12)],
      ['a', 0.2],
    ]);
    expect(incident.changes[0]).toEqual({ alertId: 'b', metric: 'drift.statistic', feature: 'income', value: 0.3, effectSize: -0.8 });
  });

  it('joins the open incident of the same window and refreshes a re-fired alert', () => {
    const open = groupIncident('m1', 'w0', [drifting('a', 'age', 0.2)], null, 100, () => 'i1');
    const joined = groupIncident('m1', 'w0', [drifting('b', 'income', 0.5), drifting('a', 'age', 0.9)], open, 200, () => 'i2');
    expect(joined).toMatchObject({ id: 'i1', openedAt: 100, alertIds: ['a', 'b'] });
    expect(joined.changes.map((c) => [c.alertId, c.effectSize])).toEqual([['a', 0.9], ['b', 0.5]]);
  });

  it('opens a new incident for another window or after the open one resolved', () => {
    const open = groupIncident('m1', 'w0', [drifting('a', 'age', 0.2)], null, 100, () => 'i1');
    expect(groupIncident('m1', 'w1', [drifting('b', 'age', 0.2)], open, 200, () => 'i2')).toMatchObject({ id: 'i2', windowId: 'w1', alertIds: ['b'] });
    expect(groupIncident('m1', 'w0', [drifting('b', 'age', 0.2)], { ...open, status: 'resolved' }, 200, () => 'i3').id).toBe('i3');
  });

  it('puts changes without a size last and refuses alerts of another model or nothing at all', () => {
    const unsized = makeAlert({ id: 'u', feature: null, evidence: { ...makeAlert().evidence, value: null, topFeatures: [] } });
    expect(groupIncident('m1', null, [unsized, drifting('a', 'age', 0.1)], null, 0, () => 'i').changes.map((c) => c.alertId)).toEqual(['a', 'u']);
    expect(() => groupIncident('m2', 'w0', [makeAlert()], null, 0, () => 'i')).toThrow(/belongs to model m1, not m2/);
    expect(() => groupIncident('m1', 'w0', [], null, 0, () => 'i')).toThrow(RangeError);
  });
});
