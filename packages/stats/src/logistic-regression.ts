import type { MatrixInput } from './matrix.js';
import { toMatrix } from './matrix.js';
import { requireSameLength } from './validate-input.js';

/** Settings of {@link fitLogisticRegression}. */
export interface LogisticRegressionOptions {
  /** L2 penalty λ on the coefficients (never on the intercept): scikit-learn's 1 / C. Default 1 (C = 1); 0 for plain maximum likelihood. */
  readonly l2?: number;
  /** Newton steps at most. Default 100. */
  readonly maxIterations?: number;
  /** Converged when every component of the Newton step is at most tolerance · (1 + |parameter|). Default 1e-10. */
  readonly tolerance?: number;
}

/** A fitted logistic regression: P(y = 1 | x) = 1 / (1 + exp(−(intercept + coefficients · x))). */
export interface LogisticRegressionResult {
  readonly intercept: number;
  /** One coefficient per column of x. */
  readonly coefficients: Float64Array;
  /** False when the Newton iteration stopped at maxIterations or met a singular Hessian (e.g. separable data with l2 = 0). */
  readonly converged: boolean;
  /** Newton steps taken. */
  readonly iterations: number;
}

const FN = 'fitLogisticRegression';

/**
 * Binary logistic regression with an intercept, fitted by Newton–Raphson (iteratively reweighted least squares) with
 * a backtracking line search. It minimizes the penalized negative log-likelihood
 * Σᵢ [log(1 + e^ηᵢ) − yᵢ·ηᵢ] + (λ/2)·‖w‖², ηᵢ = b + w·xᵢ, the objective of scikit-learn's
 * `LogisticRegression(C = 1/λ)` (the intercept is not penalized, as with its lbfgs solver). Newton converges
 * quadratically, so the gradient at the returned solution is zero to rounding. Cost O(iterations · n · p²).
 *
 * @param x one row of p finite features per observation (at least one column).
 * @param y the outcome of each row, 0 or 1; both must occur.
 * @throws RangeError for mismatched lengths, non-finite values, y outside {0, 1}, a single class, or invalid options.
 * @example
 * const fit = fitLogisticRegression([[0.1], [0.2], [0.3], [0.4]], [0, 1, 0, 1], { l2: 0 });
 * fit.converged; // true
 * -fit.intercept / fit.coefficients[0]!; // the x where P(y = 1) = 0.5
 */
export function fitLogisticRegression(x: MatrixInput, y: ArrayLike<number>, options: LogisticRegressionOptions = {}): LogisticRegressionResult {
  const l2 = options.l2 ?? 1;
  const maxIterations = options.maxIterations ?? 100;
  const tolerance = options.tolerance ?? 1e-10;
  if (!(l2 >= 0 && Number.isFinite(l2))) throw new RangeError(`${FN}: l2 must be a finite number ≥ 0, got ${String(l2)}`);
  if (!(Number.isInteger(maxIterations) && maxIterations >= 1)) throw new RangeError(`${FN}: maxIterations must be an integer ≥ 1, got ${String(maxIterations)}`);
  if (!(tolerance > 0 && Number.isFinite(tolerance))) throw new RangeError(`${FN}: tolerance must be a finite number > 0, got ${String(tolerance)}`);
  const matrix = toMatrix(FN, 'x', x);
  requireSameLength(FN, 'y', y, 'x', { length: matrix.rows });
  let positives = 0;
  for (let i = 0; i < y.length; i++) {
    const v = y[i]!;
    if (v !== 0 && v !== 1) throw new RangeError(`${FN}: y[${i}] is ${String(v)}; outcomes must be 0 or 1`);
    positives += v;
  }
  if (positives === 0 || positives === y.length) throw new RangeError(`${FN}: y holds only ${positives === 0 ? 0 : 1}s; both outcomes must occur`);

  const { rows: n, cols: p, data } = matrix;
  const k = p + 1; // parameters: intercept first, then the coefficients
  const beta = new Float64Array(k);
  const gradient = new Float64Array(k);
  const hessian = new Float64Array(k * k);
  const step = new Float64Array(k);
  const trial = new Float64Array(k);

  const linear = (params: Float64Array, i: number): number => {
    let eta = params[0]!;
    for (let j = 0; j < p; j++) eta += params[j + 1]! * data[i * p + j]!;
    return eta;
  };
  const objective = (params: Float64Array): number => {
    let f = 0;
    for (let i = 0; i < n; i++) {
      const eta = linear(params, i);
      // log(1 + e^η) without overflow.
      f += (eta > 0 ? eta + Math.log1p(Math.exp(-eta)) : Math.log1p(Math.exp(eta))) - y[i]! * eta;
    }
    let penalty = 0;
    for (let j = 1; j < k; j++) penalty += params[j]! ** 2;
    return f + 0.5 * l2 * penalty;
  };

  let converged = false;
  let iterations = 0;
  let current = objective(beta);
  while (iterations < maxIterations) {
    gradient.fill(0);
    hessian.fill(0);
    for (let i = 0; i < n; i++) {
      const eta = linear(beta, i);
      const prob = eta >= 0 ? 1 / (1 + Math.exp(-eta)) : Math.exp(eta) / (1 + Math.exp(eta));
      const residual = prob - y[i]!;
      const weight = prob * (1 - prob);
      for (let a = 0; a < k; a++) {
        const xa = a === 0 ? 1 : data[i * p + a - 1]!;
        gradient[a] = gradient[a]! + residual * xa;
        for (let b = 0; b <= a; b++) {
          const xb = b === 0 ? 1 : data[i * p + b - 1]!;
          hessian[a * k + b] = hessian[a * k + b]! + weight * xa * xb;
        }
      }
    }
    for (let j = 1; j < k; j++) {
      gradient[j] = gradient[j]! + l2 * beta[j]!;
      hessian[j * k + j] = hessian[j * k + j]! + l2;
    }
    if (!solveCholesky(hessian, gradient, step, k)) break;
    iterations++;
    // Backtracking (Armijo) keeps every step a descent step; near the optimum the full Newton step is taken.
    let slope = 0;
    for (let j = 0; j < k; j++) slope += gradient[j]! * step[j]!;
    let t = 1;
    let next: number;
    for (;;) {
      for (let j = 0; j < k; j++) trial[j] = beta[j]! - t * step[j]!;
      next = objective(trial);
      if (next <= current - 1e-4 * t * slope || t < 1e-10) break;
      t /= 2;
    }
    beta.set(trial);
    current = next;
    let small = true;
    for (let j = 0; j < k; j++) if (Math.abs(step[j]!) > tolerance * (1 + Math.abs(beta[j]!))) small = false;
    if (small) {
      converged = true;
      break;
    }
  }
  return { intercept: beta[0]!, coefficients: beta.slice(1), converged, iterations };
}

/**
 * Solves A·s = b for the symmetric k×k matrix A (lower triangle filled, row-major) by Cholesky. Returns false when A
 * is not numerically positive definite.
 */
function solveCholesky(a: Float64Array, b: Float64Array, s: Float64Array, k: number): boolean {
  const l = new Float64Array(k * k);
  for (let i = 0; i < k; i++) {
    for (let j = 0; j <= i; j++) {
      let sum = a[i * k + j]!;
      for (let m = 0; m < j; m++) sum -= l[i * k + m]! * l[j * k + m]!;
      if (i === j) {
        if (!(sum > 1e-14 * Math.max(1, Math.abs(a[i * k + i]!)))) return false;
        l[i * k + i] = Math.sqrt(sum);
      } else {
        l[i * k + j] = sum / l[j * k + j]!;
      }
    }
  }
  for (let i = 0; i < k; i++) {
    let sum = b[i]!;
    for (let m = 0; m < i; m++) sum -= l[i * k + m]! * s[m]!;
    s[i] = sum / l[i * k + i]!;
  }
  for (let i = k - 1; i >= 0; i--) {
    let sum = s[i]!;
    for (let m = i + 1; m < k; m++) sum -= l[m * k + i]! * s[m]!;
    s[i] = sum / l[i * k + i]!;
  }
  return true;
}
