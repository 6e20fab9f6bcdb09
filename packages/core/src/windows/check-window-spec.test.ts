import { describe, expect, it } from 'vitest';
import { checkWindowSpec } from './check-window-spec.js';

describe('checkWindowSpec', () => {
  it('accepts count windows and time windows whose size is a multiple of slide', () => {
    expect(checkWindowSpec({ kind: 'count', size: 1000, slide: 100 })).toBeNull();
    expect(checkWindowSpec({ kind: 'time', size: 3600 })).toBeNull();
    expect(checkWindowSpec({ kind: 'time', size: 3600, slide: 3600, lateness: 0 })).toBeNull();
    expect(checkWindowSpec({ kind: 'time', size: 6000, slide: 60 })).toBeNull();
  });

  it('names the field and the reason of each broken rule', () => {
    expect(checkWindowSpec({ kind: 'count', size: 10, lateness: 5 })).toMatchObject({ field: 'lateness', reason: expect.stringMatching(/only time windows/) as unknown });
    expect(checkWindowSpec({ kind: 'time', size: 60, slide: 120 })).toMatchObject({ field: 'slide', reason: expect.stringMatching(/cannot exceed its size/) as unknown });
    expect(checkWindowSpec({ kind: 'time', size: 3600, slide: 1000 })).toEqual({ field: 'slide', reason: 'time windows need size (3600) to be a multiple of slide (1000)' });
    expect(checkWindowSpec({ kind: 'time', size: 6060, slide: 60 })).toMatchObject({ field: 'slide', reason: expect.stringMatching(/more than 100 windows/) as unknown });
  });
});
