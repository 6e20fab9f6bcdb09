import { makeAlert } from '@bothub/testkit';
import { describe, expect, it } from 'vitest';
import { acknowledgeAlert } from './acknowledge-alert.js';

describe('acknowledgeAlert', () => {
  it('records who acknowledged a firing alert and when, and notifies', () => {
    const { alert, notify } = acknowledgeAlert(makeAlert(), 'ana', 1000, 'on it');
    expect(notify).toBe('acknowledged');
    expect(alert).toMatchObject({ status: 'acknowledged', acknowledgedAt: 1000, acknowledgedBy: 'ana', lastNotifiedAt: 1000 });
    expect(alert.events.at(-1)).toEqual({ at: 1000, action: 'acknowledged', by: 'ana', note: 'on it' });
    expect(acknowledgeAlert(makeAlert(), 'ana', 1000).alert.events.at(-1)!.note).toBeNull();
  });

  it('refuses an alert that is acknowledged or resolved', () => {
    expect(() => acknowledgeAlert(makeAlert({ status: 'acknowledged' }), 'ana', 0)).toThrow(new RangeError('acknowledgeAlert: alert a1 is acknowledged; only a firing alert can be acknowledged'));
    expect(() => acknowledgeAlert(makeAlert({ status: 'resolved' }), 'ana', 0)).toThrow(RangeError);
  });
});
