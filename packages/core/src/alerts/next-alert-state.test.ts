import type { Alert, AlertRule, Evidence } from '@bothub/core';
import { makeAlert, makeAlertRule } from '@bothub/testkit';
import { describe, expect, it } from 'vitest';
import type { ConditionResult } from './evaluate-condition.js';
import { nextAlertState } from './next-alert-state.js';

const MINUTE = 60_000;
const firing: ConditionResult = { state: 'firing', value: 0.4, threshold: 0.2, reason: 'drift.statistic of income 0.4 above 0.2' };
const clear: ConditionResult = { state: 'clear', value: 0.1, threshold: 0.2, reason: 'drift.statistic of income 0.1 not above 0.2' };
const undecided: ConditionResult = { state: 'insufficient_history', value: null, threshold: null, reason: 'not yet' };
const key = { modelId: 'm1', versionId: null, segment: null, feature: 'income' };
const evidence: Evidence = { ...makeAlert().evidence, value: 0.4, reason: firing.reason };

function step(current: Alert | null, result: ConditionResult, now: number, rule: AlertRule = makeAlertRule()) {
  let ids = 0;
  return nextAlertState(current, result, { rule, key, now, evidence, newId: () => `new${++ids}` });
}

describe('nextAlertState', () => {
  it('opens a firing alert with its evidence and notifies', () => {
    const { alert, notify, changed } = step(null, firing, 5 * MINUTE);
    expect(notify).toBe('firing');
    expect(changed).toBe(true);
    expect(alert).toMatchObject({ id: 'new1', ruleId: 'r1', modelId: 'm1', feature: 'income', severity: 'warning', status: 'firing', firstFiredAt: 5 * MINUTE, lastFiredAt: 5 * MINUTE, fireCount: 1, clearWindows: 0, lastNotifiedAt: 5 * MINUTE, evidence });
    expect(alert!.events).toEqual([{ at: 5 * MINUTE, action: 'fired', by: 'system', note: firing.reason }]);
  });

  it('does nothing without an alert while clear, and on insufficient history', () => {
    expect(step(null, clear, 0)).toEqual({ alert: null, notify: null, changed: false });
    const open = makeAlert();
    expect(step(open, undecided, 0)).toEqual({ alert: open, notify: null, changed: false });
  });

  it('updates the one open alert on repeated firings instead of opening another', () => {
    const open = makeAlert({ fireCount: 2, clearWindows: 1, lastNotifiedAt: 0 });
    const { alert, notify, changed } = step(open, firing, 10 * MINUTE);
    expect(changed).toBe(true);
    expect(notify).toBeNull();
    expect(alert).toMatchObject({ id: 'a1', status: 'firing', fireCount: 3, clearWindows: 0, lastFiredAt: 10 * MINUTE, lastNotifiedAt: 0, evidence });
    expect(alert!.events).toHaveLength(1);
    expect(open.fireCount).toBe(2);
  });

  it('re-notifies a still-firing alert after renotifyMinutes, never an acknowledged one, never with 0', () => {
    const open = makeAlert({ lastNotifiedAt: 0 });
    const renotified = step(open, firing, 240 * MINUTE);
    expect(renotified.notify).toBe('renotify');
    expect(renotified.alert).toMatchObject({ lastNotifiedAt: 240 * MINUTE });
    expect(renotified.alert!.events.at(-1)).toEqual({ at: 240 * MINUTE, action: 'renotified', by: 'system', note: firing.reason });
    expect(step(open, firing, 239 * MINUTE).notify).toBeNull();
    expect(step(makeAlert({ status: 'acknowledged', lastNotifiedAt: 0 }), firing, 1000 * MINUTE).notify).toBeNull();
    expect(step(open, firing, 1000 * MINUTE, makeAlertRule({ renotifyMinutes: 0 })).notify).toBeNull();
  });

  it('resolves automatically after autoResolveWindows clear windows in a row', () => {
    let alert: Alert | null = makeAlert({ status: 'acknowledged' });
    const notified: (string | null)[] = [];
    for (let i = 1; i <= 3; i++) {
      const next = step(alert, clear, i * MINUTE);
      notified.push(next.notify);
      alert = next.alert;
    }
    expect(notified).toEqual([null, null, 'resolved']);
    expect(alert).toMatchObject({ status: 'resolved', clearWindows: 3, resolvedAt: 3 * MINUTE, resolvedBy: 'system', lastNotifiedAt: 3 * MINUTE });
    expect(alert!.events.at(-1)).toEqual({ at: 3 * MINUTE, action: 'resolved', by: 'system', note: `clear for 3 windows: ${clear.reason}` });
    // A firing in between starts the count again.
    const interrupted = step(step(makeAlert({ clearWindows: 2 }), firing, 0).alert, clear, MINUTE);
    expect(interrupted.alert).toMatchObject({ status: 'firing', clearWindows: 1 });
  });

  it('re-opens a resolved problem as a new alert after the cooldown, and stays quiet within it', () => {
    const resolved = makeAlert({ status: 'resolved', resolvedAt: 0, resolvedBy: 'system' });
    expect(step(resolved, firing, 59 * MINUTE)).toEqual({ alert: resolved, notify: null, changed: false });
    const reopened = step(resolved, firing, 60 * MINUTE);
    expect(reopened.notify).toBe('firing');
    expect(reopened.alert).toMatchObject({ id: 'new1', status: 'firing', fireCount: 1, firstFiredAt: 60 * MINUTE });
    expect(reopened.alert!.events[0]!.note).toBe(`${firing.reason} (fired again after alert a1 was resolved)`);
    expect(step(resolved, clear, 100 * MINUTE).changed).toBe(false);
  });
});
