import { describe, expect, it } from 'vitest';
import { createLabelDelayQueue } from './label-delay-queue.js';

describe('createLabelDelayQueue', () => {
  it('hands out the items due at a time, oldest first, and keeps the rest', () => {
    const queue = createLabelDelayQueue<string>();
    queue.push('a', 10);
    queue.push('b', 20);
    queue.push('c', 20);
    queue.push('d', 30);
    expect(queue.takeDue(5)).toEqual([]);
    expect(queue.takeDue(20)).toEqual(['a', 'b', 'c']);
    expect(queue.size).toBe(1);
    expect(queue.takeAll()).toEqual(['d']);
    expect(queue.size).toBe(0);
  });

  it('stays correct past its compaction of the taken prefix', () => {
    const queue = createLabelDelayQueue<number>();
    for (let i = 0; i < 5000; i++) queue.push(i, i);
    expect(queue.takeDue(2999)).toHaveLength(3000);
    expect(queue.size).toBe(2000);
    expect(queue.takeDue(3001)).toEqual([3000, 3001]);
  });

  it('refuses an item due before the previous one', () => {
    const queue = createLabelDelayQueue<string>();
    queue.push('a', 10);
    expect(() => {
      queue.push('b', 9);
    }).toThrow(RangeError);
  });
});
