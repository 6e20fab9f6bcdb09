import { readlinkSync } from 'node:fs';
import { getPriority } from 'node:os';
import { describe, expect, it } from 'vitest';
import { lowerThreadPriority } from './lower-thread-priority.js';

describe('lowerThreadPriority', () => {
  it('sets the nice value of the calling thread on Linux, and reports false elsewhere', () => {
    if (process.platform !== 'linux') {
      expect(lowerThreadPriority(5)).toBe(false);
      return;
    }
    // The test's own thread (vitest runs tests in a worker or a fork, never in the runner itself).
    const thread = Number(readlinkSync('/proc/thread-self').split('/').pop());
    const target = Math.max(getPriority(thread), 5);
    expect(lowerThreadPriority(target)).toBe(true);
    expect(getPriority(thread)).toBe(target);
  });

  it('reports failure instead of throwing when the priority cannot be lowered', () => {
    expect(lowerThreadPriority(Number.NaN)).toBe(false);
  });
});
