import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createProgressBar } from './progress-bar.js';
import type { ProgressStream } from './progress-bar.js';

function fakeStream(isTTY: boolean): { stream: ProgressStream; output: () => string } {
  const stream = new PassThrough() as PassThrough & { isTTY?: boolean; columns?: number; cursorTo?: unknown; clearLine?: unknown; moveCursor?: unknown };
  let text = '';
  stream.on('data', (chunk: Buffer) => (text += chunk.toString()));
  if (isTTY) {
    stream.isTTY = true;
    stream.columns = 120;
    stream.cursorTo = (_x: number, _y?: number, callback?: () => void) => {
      callback?.();
      return true;
    };
    stream.clearLine = (_dir: number, callback?: () => void) => {
      callback?.();
      return true;
    };
    stream.moveCursor = (_dx: number, _dy: number, callback?: () => void) => {
      callback?.();
      return true;
    };
  }
  return { stream, output: () => text };
}

describe('createProgressBar', () => {
  it('draws rows, MB/s and the bar on a terminal', () => {
    const { stream, output } = fakeStream(true);
    let clock = 0;
    const bar = createProgressBar({ stream, now: () => clock });
    bar.update({ file: '/data/ref.csv', rows: 0, bytes: 0, totalBytes: 4_000_000 });
    clock = 1000;
    bar.update({ file: '/data/ref.csv', rows: 12_345, bytes: 2_000_000, totalBytes: 4_000_000 });
    bar.stop();
    const text = output();
    expect(text).toContain('ref.csv');
    expect(text).toContain('12,345 rows');
    expect(text).toContain('2.0 MB/s');
    expect(text).toContain('50%');
  });

  it('is silent when the stream is not a terminal, or when quiet', () => {
    const pipe = fakeStream(false);
    const bar = createProgressBar({ stream: pipe.stream });
    bar.update({ file: 'a.csv', rows: 10, bytes: 10, totalBytes: 100 });
    bar.stop();
    expect(pipe.output()).toBe('');
    const tty = fakeStream(true);
    const quiet = createProgressBar({ stream: tty.stream, quiet: true });
    quiet.update({ file: 'a.csv', rows: 10, bytes: 10, totalBytes: 100 });
    quiet.stop();
    expect(tty.output()).toBe('');
  });
});
