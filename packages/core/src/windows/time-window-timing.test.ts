import { describe, expect, it } from 'vitest';
import { defaultLateness, timeWindowTiming } from './time-window-timing.js';

describe('timeWindowTiming', () => {
  it('converts seconds to milliseconds, tumbling when no slide, lateness 10 % of size by default', () => {
    expect(timeWindowTiming({ kind: 'time', size: 3600 })).toEqual({ sizeMs: 3_600_000, slideMs: 3_600_000, latenessMs: 360_000 });
    expect(timeWindowTiming({ kind: 'time', size: 60, slide: 30, lateness: 0 })).toEqual({ sizeMs: 60_000, slideMs: 30_000, latenessMs: 0 });
    expect(defaultLateness(1)).toBe(1);
    expect(defaultLateness(86_400)).toBe(8640);
  });

  it('refuses count windows and settings checkWindowSpec rejects', () => {
    expect(() => timeWindowTiming({ kind: 'count', size: 10 })).toThrow(/timeWindowTiming: a count window/);
    expect(() => timeWindowTiming({ kind: 'time', size: 100, slide: 30 })).toThrow(/timeWindowTiming: window.slide/);
  });
});
