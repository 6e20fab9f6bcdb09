import { describe, expect, it } from 'vitest';
import { formatDemoMinute, formatDemoStatus } from './format-demo-status.js';

describe('formatDemoStatus', () => {
  it('prints demo time, phase, counts and alerts on one line', () => {
    const status = { model: 'credit-demo', phase: 'feature-shift' as const, minute: 52.4, recordsSent: 5200, labelsSent: 1500, windowsEvaluated: 10, alertsFiring: 1, alertsTotal: 2 };
    expect(formatDemoStatus(status)).toBe('0:52 feature-shift · 5,200 predictions · 1,500 labels · 10 windows evaluated · 1 alert firing (2 so far)');
    expect(formatDemoStatus({ ...status, recordsSent: 1, labelsSent: 0, windowsEvaluated: 1, alertsFiring: 0, alertsTotal: 0 })).toBe(
      '0:52 feature-shift · 1 prediction · 0 labels · 1 window evaluated · no alert yet',
    );
  });
  it('writes demo-minutes as h:mm', () => {
    expect(formatDemoMinute(0)).toBe('0:00');
    expect(formatDemoMinute(95.9)).toBe('1:35');
    expect(formatDemoMinute(600)).toBe('10:00');
  });
});
