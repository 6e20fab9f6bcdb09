import { makeAlert } from '@bothub/testkit';
import { describe, expect, it } from 'vitest';
import { resolveAlert } from './resolve-alert.js';

describe('resolveAlert', () => {
  it('resolves a firing or acknowledged alert by hand and notifies', () => {
    for (const status of ['firing', 'acknowledged'] as const) {
      const { alert, notify } = resolveAlert(makeAlert({ status }), 'ana', 2000, 'fixed upstream');
      expect(notify).toBe('resolved');
      expect(alert).toMatchObject({ status: 'resolved', resolvedAt: 2000, resolvedBy: 'ana' });
      expect(alert.events.at(-1)).toEqual({ at: 2000, action: 'resolved', by: 'ana', note: 'fixed upstream' });
    }
  });

  it('refuses to resolve twice', () => {
    expect(() => resolveAlert(makeAlert({ status: 'resolved' }), 'ana', 0)).toThrow(new RangeError('resolveAlert: alert a1 is already resolved'));
  });
});
