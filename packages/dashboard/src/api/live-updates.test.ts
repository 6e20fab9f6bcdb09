import { describe, expect, it } from 'vitest';
import { isStaleAfter } from './live-updates.js';

describe('isStaleAfter', () => {
  it('refreshes the fleet on every event', () => {
    expect(isStaleAfter(['fleet'], 'records.ingested', 'credit')).toBe(true);
  });
  it('refreshes only the evaluated model\'s data when a window is evaluated', () => {
    expect(isStaleAfter(['metrics', 'credit', 'drift.share'], 'window.evaluated', 'credit')).toBe(true);
    expect(isStaleAfter(['windows', 'credit'], 'window.evaluated', 'credit')).toBe(true);
    expect(isStaleAfter(['metrics', 'churn', 'drift.share'], 'window.evaluated', 'credit')).toBe(false);
    expect(isStaleAfter(['model', 'credit'], 'window.evaluated', 'credit')).toBe(false);
  });
  it('refreshes alerts when an alert changes', () => {
    expect(isStaleAfter(['alerts', { status: 'firing' }], 'alert.changed', 'credit')).toBe(true);
    expect(isStaleAfter(['alert', 'a1'], 'alert.changed', 'credit')).toBe(true);
    expect(isStaleAfter(['metrics', 'credit'], 'alert.changed', 'credit')).toBe(false);
  });
});
