import { describe, expect, it } from 'vitest';
import { expectClose } from '../test/close-to.js';
import { createRandom, sampleStandardNormal } from './random.js';
import { varianceInflationFactors } from './variance-inflation-factor.js';

/** Element-wise `expectClose` at relative `rel` (absolute 1e-12 near zero), after checking the lengths agree. */
function expectRelative(actual: ArrayLike<number>, expected: ArrayLike<number>, rel: number): void {
  expect(actual.length).toBe(expected.length);
  for (let i = 0; i < expected.length; i++) expectClose(actual[i]!, expected[i]!, { rel, abs: 1e-12 });
}

/** Integer data, exactly representable, so numpy and this test see the same numbers: u_j[i] = (7919·(j+1)·i + 104729·j) mod 1009. */
function baseColumns(n = 300): number[][] {
  return Array.from({ length: 5 }, (_, j) => Array.from({ length: n }, (_, i) => (i * 7919 * (j + 1) + 104729 * j) % 1009));
}

/** Case A: strongly collinear features (VIF 3e3–2e4). */
function caseA(): number[][] {
  const [u0, u1, u2, u3, u4] = baseColumns() as [number[], number[], number[], number[], number[]];
  return [
    u0,
    u1.map((x, i) => x + u0[i]!),
    u2.map((x, i) => 2 * x - u1[i]! + 3 * u0[i]!),
    u3,
    u0.map((x, i) => x + u1[i]! + u2[i]! + u3[i]! + (u4[i]! % 17)),
  ];
}

/** Case B: moderately correlated features (VIF 1.1–3.1). */
function caseB(): number[][] {
  const [u0, u1, u2, u3, u4] = baseColumns() as [number[], number[], number[], number[], number[]];
  return [
    u0,
    u1.map((x, i) => x + 0.5 * u0[i]!),
    u2.map((x, i) => x - u1[i]!),
    u3,
    u0.map((x, i) => x + u1[i]! + u2[i]! + u3[i]! + 3 * u4[i]!),
  ];
}

function pearson(x: number[], y: number[]): number {
  const n = x.length;
  const mx = x.reduce((a, b) => a + b, 0) / n;
  const my = y.reduce((a, b) => a + b, 0) / n;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    sxy += (x[i]! - mx) * (y[i]! - my);
    sxx += (x[i]! - mx) ** 2;
    syy += (y[i]! - my) ** 2;
  }
  return sxy / Math.sqrt(sxx * syy);
}

describe('varianceInflationFactors', () => {
  it('matches numpy lstsq regressions with an intercept (case A, strongly collinear)', () => {
    // VIF_j = 1/(1 − R²_j) with R²_j from np.linalg.lstsq (numpy 1.24.2), i.e. statsmodels' variance_inflation_factor with a constant:
    // /usr/bin/python3 -c "import numpy as np; n=300; u=np.array([[(i*7919*(j+1)+104729*j)%1009 for i in range(n)] for j in range(5)],float); X=np.array([u[0],u[1]+u[0],2*u[2]-u[1]+3*u[0],u[3],u[0]+u[1]+u[2]+u[3]+u[4]%17]).T; res=lambda y,A: y-A@np.linalg.lstsq(A,y,rcond=None)[0]; r2=lambda y,A: 1-res(y,A)@res(y,A)/((y-y.mean())@(y-y.mean())); print([repr(1/(1-r2(X[:,j],np.column_stack([np.ones(n),np.delete(X,j,1)])))) for j in range(5)])"
    const numpyVif = [14019.358974822371, 15801.891206452408, 10481.179501860459, 3486.777518615683, 11922.402809409004];
    const result = varianceInflationFactors(caseA());
    expectRelative(result.vif, numpyVif, 1e-9);
    expect(result.rank).toBe(5);
    // The exact values, from the inverse of the centred Gram matrix in rational arithmetic (Python fractions.Fraction, since
    // the data are integers): numpy's lstsq is itself off by ~2e-13 here; the pivoted QR gets within 1e-13.
    const exactVif = [14019.358974819428, 15801.89120645476, 10481.17950185777, 3486.7775186152744, 11922.402809415798];
    expectRelative(result.vif, exactVif, 1e-13);
  });

  it('matches numpy lstsq R² and VIF (case B, moderate correlation)', () => {
    // /usr/bin/python3 -c "import numpy as np; n=300; u=np.array([[(i*7919*(j+1)+104729*j)%1009 for i in range(n)] for j in range(5)],float); X=np.array([u[0],u[1]+0.5*u[0],u[2]-u[1],u[3],u[0]+u[1]+u[2]+u[3]+3*u[4]]).T; res=lambda y,A: y-A@np.linalg.lstsq(A,y,rcond=None)[0]; r2=lambda y,A: 1-res(y,A)@res(y,A)/((y-y.mean())@(y-y.mean())); print([repr(r2(X[:,j],np.column_stack([np.ones(n),np.delete(X,j,1)]))) for j in range(5)]); print([repr(1/(1-r2(X[:,j],np.column_stack([np.ones(n),np.delete(X,j,1)])))) for j in range(5)])"
    const numpyRSquared = [0.27996959657995935, 0.6760183296748028, 0.5682046862609739, 0.12098670912744047, 0.2803825068512461];
    const numpyVif = [1.3888302427927266, 3.0865943712070134, 2.3159121189638303, 1.1376392261456503, 1.3896271415309904];
    const result = varianceInflationFactors(caseB());
    expectRelative(result.vif, numpyVif, 1e-9);
    expectRelative(result.rSquared, numpyRSquared, 1e-9);
  });

  it('stays accurate when the VIF is huge (near-collinear, VIF ≈ 1.3e11)', () => {
    // Regression guard for the method: inverting the correlation matrix (np.linalg.inv(np.corrcoef(X.T))) is off by 3e-4 here
    // and numpy's lstsq by 6e-6; the values below are exact (rational arithmetic on the integer data, as in case A).
    const [u0, u1, u2] = baseColumns() as [number[], number[], number[]];
    const near = [u0.map((x, i) => x * 1000 + (u1[i]! % 3)), u0, u2];
    const exactVif = [128623626706.2489, 128623625782.73232, 1.0292818597947002];
    const result = varianceInflationFactors(near);
    expectRelative(result.vif, exactVif, 1e-9);
    expect(result.rank).toBe(3);
  });

  it('gives Infinity to every feature of an exact dependency and leaves the others unchanged', () => {
    // numpy lstsq on the same data returns R² = 1.0 (VIF inf) for columns 0, 3 and 5 and the case-A values for the rest.
    const a = caseA();
    const withSum = [...a, a[0]!.map((x, i) => x + a[3]![i]!)];
    const result = varianceInflationFactors(withSum);
    const numpyVif = [Infinity, 15801.891206452408, 10481.179501860459, Infinity, 11922.402809409004, Infinity];
    for (const j of [0, 3, 5]) {
      expect(result.vif[j]).toBe(Number.POSITIVE_INFINITY);
      expect(result.rSquared[j]).toBe(1);
    }
    expectRelative([result.vif[1]!, result.vif[2]!, result.vif[4]!], [numpyVif[1]!, numpyVif[2]!, numpyVif[4]!], 1e-9);
    expect(result.rank).toBe(5);
  });

  it('detects dependencies hidden by floating-point rounding (random data, x3 = 0.1·x1 + 0.7·x2 − 3.3)', () => {
    const rng = createRandom(5);
    const n = 1_000;
    const draw = (): number[] => Array.from({ length: n }, () => sampleStandardNormal(rng) * 1e3 + 17);
    const [x1, x2, x4, x5] = [draw(), draw(), draw(), draw()];
    const x3 = x1.map((v, i) => 0.1 * v + 0.7 * x2[i]! - 3.3);
    const result = varianceInflationFactors([x1, x2, x3, x4, x5]);
    expect(Array.from(result.vif.subarray(0, 3))).toEqual([Infinity, Infinity, Infinity]);
    const reduced = varianceInflationFactors([x1, x2, x4, x5]);
    expectRelative(result.vif.subarray(3), reduced.vif.subarray(2), 1e-12);
    expect(result.rank).toBe(4);
  });

  it('gives Infinity everywhere when there are no more rows than features', () => {
    // With n = 3 rows the centred data have rank ≤ 2, so each of 3 generic features is a combination of the others.
    const result = varianceInflationFactors([
      [1, 2, 4],
      [3, 1, 2],
      [0, 5, 1],
    ]);
    expect(Array.from(result.vif)).toEqual([Infinity, Infinity, Infinity]);
    expect(result.rank).toBe(2);
  });

  it('equals 1/(1 − r²) for two features (r = Pearson correlation)', () => {
    const x = [1.5, 2.25, 3, 4.75, 5, 7.5, 8, 8.5];
    const y = [2, 1, 4, 3, 6, 5, 9, 7];
    const r = pearson(x, y);
    const result = varianceInflationFactors([x, y]);
    expectRelative(result.vif, [1 / (1 - r * r), 1 / (1 - r * r)], 1e-13);
    expectRelative(result.rSquared, [r * r, r * r], 1e-13);
  });

  it('is 1 for uncorrelated features and for a single feature', () => {
    // Centred ±1 patterns are orthogonal: R² = 0.
    const result = varianceInflationFactors([
      [1, -1, 1, -1],
      [1, 1, -1, -1],
      [1, -1, -1, 1],
    ]);
    expectRelative(result.vif, [1, 1, 1], 1e-15);
    for (const r2 of result.rSquared) expect(Math.abs(r2)).toBeLessThan(1e-15);
    const single = varianceInflationFactors([[3, 1, 4, 1, 5]]);
    expect(Array.from(single.vif)).toEqual([1]);
    expect(Array.from(single.rSquared)).toEqual([0]);
  });

  it('is invariant to shifting and scaling features, and permutes with them', () => {
    const b = caseB();
    const base = varianceInflationFactors(b);
    // Power-of-two scales and integer shifts keep the data exact, so the factors agree to rounding.
    const exact = b.map((column, j) => column.map((x) => (j % 2 === 0 ? -(2 ** 20) : 2 ** -10) * x + 1000 * (j + 1)));
    expectRelative(varianceInflationFactors(exact).vif, base.vif, 1e-13);
    // Other affine maps round the data themselves (a shift of 1e5 on values near 0.3 keeps ~11 digits).
    const rounded = b.map((column, j) => column.map((x) => (j % 2 === 0 ? -1e6 : 3e-4) * x + 1e5 * (j + 1)));
    expectRelative(varianceInflationFactors(rounded).vif, base.vif, 1e-9);
    const permutation = [3, 0, 4, 2, 1];
    const permuted = varianceInflationFactors(permutation.map((j) => b[j]!));
    expectRelative(
      permuted.vif,
      permutation.map((j) => base.vif[j]!),
      1e-12,
    );
    // Typed arrays are accepted too.
    expectRelative(varianceInflationFactors(b.map((c) => Float64Array.from(c))).vif, base.vif, 0);
  });

  it('gives NaN to a constant feature and leaves it out of the other regressions', () => {
    const b = caseB();
    const withConstant = [b[0]!, new Array<number>(300).fill(0.1), ...b.slice(1)];
    const result = varianceInflationFactors(withConstant);
    expect(result.vif[1]).toBeNaN();
    expect(result.rSquared[1]).toBeNaN();
    const others = [0, 2, 3, 4, 5].map((j) => result.vif[j]!);
    expectRelative(others, varianceInflationFactors(b).vif, 1e-13);
    expect(result.rank).toBe(5);
    const allConstant = varianceInflationFactors([
      [2, 2, 2],
      [5, 5, 5],
    ]);
    expect(Array.from(allConstant.vif)).toEqual([NaN, NaN]);
    expect(allConstant.rank).toBe(0);
  });

  it('rejects empty input, short or mismatched columns and non-finite values', () => {
    expect(() => varianceInflationFactors([])).toThrow(/^varianceInflationFactors: columns must not be empty/);
    expect(() => varianceInflationFactors([[1]])).toThrow(/^varianceInflationFactors: columns\[0\] needs at least 2 values/);
    expect(() => varianceInflationFactors([[1, 2, 3], [1, 2]])).toThrow(/^varianceInflationFactors: columns\[1\] has 2 values but columns\[0\] has 3/);
    expect(() => varianceInflationFactors([[1, 2, 3], [1, Number.NaN, 3]])).toThrow(/^varianceInflationFactors: columns\[1\]\[1\] is NaN/);
    expect(() => varianceInflationFactors([[1, Number.POSITIVE_INFINITY, 3]])).toThrow(RangeError);
  });
});
