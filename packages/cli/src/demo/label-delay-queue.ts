/** Ground truth that a producer learns some time after the prediction: labels wait here until their due time. */
export interface LabelDelayQueue<T> {
  push(item: T, dueAt: number): void;
  /** Removes and returns the items due at or before `now`, oldest first. */
  takeDue(now: number): T[];
  /** Removes and returns every item, due or not. */
  takeAll(): T[];
  readonly size: number;
}

/**
 * Items are pushed in order of due time (the demo's delay is constant), so the queue is first in, first out.
 * @example const queue = createLabelDelayQueue<Label>(); queue.push(label, t + 30 * 60_000); queue.takeDue(now);
 */
export function createLabelDelayQueue<T>(): LabelDelayQueue<T> {
  let items: { item: T; dueAt: number }[] = [];
  let head = 0;
  const compact = (): void => {
    // Drop the taken prefix once it dominates, so a long demo keeps a bounded array.
    if (head > 1024 && head * 2 > items.length) {
      items = items.slice(head);
      head = 0;
    }
  };
  return {
    push(item, dueAt) {
      const last = items[items.length - 1];
      if (last !== undefined && dueAt < last.dueAt) throw new RangeError(`LabelDelayQueue.push: due time ${dueAt} before the previous one (${last.dueAt})`);
      items.push({ item, dueAt });
    },
    takeDue(now) {
      const due: T[] = [];
      while (head < items.length && items[head]!.dueAt <= now) due.push(items[head++]!.item);
      compact();
      return due;
    },
    takeAll() {
      const all = items.slice(head).map((entry) => entry.item);
      items = [];
      head = 0;
      return all;
    },
    get size() {
      return items.length - head;
    },
  };
}
