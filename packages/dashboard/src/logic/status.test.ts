import { describe, expect, it } from 'vitest';
import { statusRank, worstStatus } from './status.js';

describe('worstStatus', () => {
  it('ranks critical over warning over ok over no data', () => {
    expect(worstStatus(['ok', 'warning', 'insufficient_data'])).toBe('warning');
    expect(worstStatus(['ok', 'critical', 'warning'])).toBe('critical');
    expect(worstStatus(['insufficient_data', 'ok'])).toBe('ok');
    expect(worstStatus([])).toBe('insufficient_data');
    expect(statusRank('critical')).toBeLessThan(statusRank('ok'));
  });
});
