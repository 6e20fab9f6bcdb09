/** Euler–Mascheroni constant γ. */
const EULER_GAMMA = 0.5772156649015329;

/**
 * c(n): the average path length of an unsuccessful search in a binary search tree built from n keys
 * (Liu, Ting & Zhou, "Isolation Forest", 2008). Isolation Forest uses it to normalise path lengths and to
 * estimate the unbuilt part of a tree below a leaf holding n samples.
 *
 * c(n) = 2(ln(n − 1) + γ) − 2(n − 1)/n for n > 2, c(2) = 1, and c(n) = 0 for n ≤ 1 — as scikit-learn's
 * `sklearn.ensemble._iforest._average_path_length`. Non-integer n > 1 (other than 2) follows the same formula, as
 * scikit-learn does; for 1 < n < 2 that gives values below 1 (negative near 1), which no tree produces.
 *
 * @throws RangeError when n is NaN, infinite or negative.
 * @example averagePathLength(256); // 10.244770920119917
 */
export function averagePathLength(n: number): number {
  if (!Number.isFinite(n) || n < 0) {
    throw new RangeError(`averagePathLength: n must be a finite number ≥ 0, got ${String(n)}`);
  }
  if (n <= 1) return 0;
  if (n === 2) return 1;
  return 2 * (Math.log(n - 1) + EULER_GAMMA) - (2 * (n - 1)) / n;
}
