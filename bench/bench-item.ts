/** A float64 array handed to both our code and the Python reference (as a numpy array of `shape`). */
export interface BenchArray {
  readonly values: Float64Array;
  readonly shape: readonly number[];
}

export type BenchData = Readonly<Record<string, BenchArray>>;

/**
 * One benchmark: the same work done by our code and, where a Python with the named modules is found, by the
 * reference library, on the same data in the same run.
 */
export interface BenchItem {
  /** What is measured, e.g. "KS two-sample, 1e6 vs 1e6, with p-value". */
  readonly name: string;
  /**
   * The targets from the issues: ratio ours/theirs at most `maxRatio`; our median at most `maxMedianMs`; the largest
   * `peakMemoryMb` that `ours` reports at most `maxPeakMemoryMb`.
   */
  readonly targets: { readonly maxRatio?: number; readonly maxMedianMs?: number; readonly maxPeakMemoryMb?: number };
  /** Timed repetitions for each side (median reported); default 5. */
  readonly repeats?: number;
  /** Whether to run `ours` once untimed first; default true (false for long end-to-end items). */
  readonly warmUp?: boolean;
  /** Builds the input data, deterministically (seeded). */
  makeData(): BenchData;
  /**
   * The work on our side: one call is one timed repetition (a promise is awaited). It may return `{ peakMemoryMb }`
   * (measured in a child process) and `{ checks: [{ label, ok }] }`, targets the item judges itself (e.g. records/s).
   */
  ours(data: BenchData): unknown;
  readonly reference?: {
    /** Human label, e.g. "scipy.stats.ks_2samp". */
    readonly label: string;
    /** Python modules that must import, e.g. ["numpy", "scipy"] or ["sklearn"]. */
    readonly modules: readonly string[];
    /** Python statements run once before timing; the inputs are numpy arrays in the dict `D` (e.g. D["reference"]). */
    readonly setup?: string;
    /** Python statements timed as one repetition (same work as `ours`). */
    readonly run: string;
  };
}
