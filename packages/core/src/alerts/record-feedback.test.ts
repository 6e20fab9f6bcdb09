import { makeAlert } from '@bothub/testkit';
import { describe, expect, it } from 'vitest';
import { recordFeedback } from './record-feedback.js';

describe('recordFeedback', () => {
  it('stores the verdict on an alert in any status, replaces an earlier one and keeps both in the events', () => {
    const first = recordFeedback(makeAlert({ status: 'resolved' }), 'false', 'ana', 10, 'seasonal');
    expect(first.notify).toBeNull();
    expect(first.alert.feedback).toEqual({ verdict: 'false', by: 'ana', at: 10, note: 'seasonal' });
    const second = recordFeedback(first.alert, 'real', 'bo', 20);
    expect(second.alert.feedback).toEqual({ verdict: 'real', by: 'bo', at: 20, note: null });
    expect(second.alert.events.slice(-2)).toEqual([
      { at: 10, action: 'feedback', by: 'ana', note: 'false: seasonal' },
      { at: 20, action: 'feedback', by: 'bo', note: 'real' },
    ]);
  });

  it('refuses an unknown verdict', () => {
    expect(() => recordFeedback(makeAlert(), 'maybe' as 'real', 'ana', 0)).toThrow(RangeError);
  });
});
