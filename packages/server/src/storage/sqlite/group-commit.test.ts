import { describe, expect, it } from 'vitest';
import { GroupCommit } from './group-commit.js';

function recorder(failOn?: number) {
  const together: number[][] = [];
  const alone: number[] = [];
  const write = (n: number): string => {
    if (n === failOn) throw new Error(`cannot write ${n}`);
    return `wrote ${n}`;
  };
  const group = new GroupCommit<number, string>(
    (inputs) => {
      together.push([...inputs]);
      return inputs.map(write);
    },
    (input) => {
      alone.push(input);
      return write(input);
    },
  );
  return { group, together, alone };
}

describe('GroupCommit', () => {
  it('writes the requests of one event-loop turn together, in order, and answers each', async () => {
    const { group, together, alone } = recorder();
    const answers = await Promise.all([1, 2, 3].map((n) => group.submit(n)));
    expect(answers).toEqual(['wrote 1', 'wrote 2', 'wrote 3']);
    expect(together).toEqual([[1, 2, 3]]);
    expect(alone).toEqual([]);
    expect(await group.submit(4)).toBe('wrote 4');
    expect(alone).toEqual([4]);
  });

  it('retries each request alone when the shared write fails, so only the bad one fails', async () => {
    const { group, alone } = recorder(2);
    const settled = await Promise.allSettled([1, 2, 3].map((n) => group.submit(n)));
    expect(settled.map((s) => s.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect((settled[1] as PromiseRejectedResult).reason).toEqual(new Error('cannot write 2'));
    expect(alone).toEqual([1, 2, 3]);
  });

  it('flush() writes what is queued at once (before the database closes)', async () => {
    const { group, together } = recorder();
    const pending = [group.submit(1), group.submit(2)];
    group.flush();
    expect(together).toEqual([[1, 2]]);
    expect(await Promise.all(pending)).toEqual(['wrote 1', 'wrote 2']);
  });
});
