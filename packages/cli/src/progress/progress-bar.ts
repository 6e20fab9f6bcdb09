import { basename } from 'node:path';
import cliProgress from 'cli-progress';

/** What a reader reports while it streams a file. */
export interface FileProgress {
  readonly file: string;
  readonly rows: number;
  readonly bytes: number;
  readonly totalBytes: number;
}

/** A progress display for files being read; `update` takes a reader's progress callback values. */
export interface ProgressBar {
  update(progress: FileProgress): void;
  /** Ends the current bar (prints its final state and a newline). */
  stop(): void;
}

/** Where the bar draws: a writable stream that may be a terminal. */
export interface ProgressStream extends NodeJS.WritableStream {
  readonly isTTY?: boolean;
}

/**
 * A progress bar per file on stderr — bytes read against the file size, rows, MB/s and a bytes-based ETA — when the
 * stream is a terminal and `quiet` is not set; a silent no-op otherwise (pipes and CI logs stay clean).
 * @example
 * const bar = createProgressBar({ quiet: options.quiet });
 * await readDatasets(ref, cur, { seed: 1, onProgress: (p) => bar.update(p) });
 * bar.stop();
 */
export function createProgressBar(options: { quiet?: boolean; stream?: ProgressStream; now?: () => number } = {}): ProgressBar {
  const stream: ProgressStream = options.stream ?? process.stderr;
  if (options.quiet === true || stream.isTTY !== true) return { update: () => undefined, stop: () => undefined };
  const now = options.now ?? (() => performance.now());
  let bar: cliProgress.SingleBar | undefined;
  let currentFile: string | undefined;
  let started = 0;

  const stop = (): void => {
    bar?.stop();
    bar = undefined;
    currentFile = undefined;
  };

  return {
    update(progress: FileProgress): void {
      if (progress.file !== currentFile) {
        stop();
        currentFile = progress.file;
        started = now();
        bar = new cliProgress.SingleBar(
          {
            stream,
            format: '{file} [{bar}] {percentage}% | {rows} rows | {speed} MB/s | ETA {eta_formatted}',
            barsize: 30,
            hideCursor: true,
            etaBuffer: 20,
            fps: 10,
          },
          cliProgress.Presets.shades_classic,
        );
        bar.start(Math.max(1, progress.totalBytes), 0, { file: basename(progress.file), rows: '0', speed: '0.0' });
      }
      const seconds = (now() - started) / 1000;
      const speed = seconds > 0 ? progress.bytes / 1e6 / seconds : 0;
      bar!.update(Math.min(progress.bytes, Math.max(1, progress.totalBytes)), {
        rows: progress.rows.toLocaleString('en-US'),
        speed: speed.toFixed(1),
      });
    },
    stop,
  };
}
