import { describe, expect, it } from 'vitest';
import { expectClose } from '../../test/close-to.js';
import { kolmogorovDistributionSf, kolmogorovLimitSf, smirnovSf } from './kolmogorov-distribution.js';

// [d, n, scipy.stats.kstwo.sf(d, n), scipy.stats.kstwo.cdf(d, n)] from scipy 1.10.1, chosen so that every branch
// of Simard & L'Ecuyer's selection is hit (the comment names it).
const KSTWO_SCIPY: readonly (readonly [number, number, number, number])[] = [
  [0.4, 1, 1.0, 0.0], // below the support (d ≤ 1/(2n))
  [0.3, 2, 0.98, 0.01999999999999999], // Ruben–Gambino, d ≤ 1/n
  [0.2, 5, 0.9616, 0.03840000000000002], // Ruben–Gambino, d = 1/n
  [0.7, 3, 0.05400000000000003, 0.946], // Ruben–Gambino, d ≥ 1 − 1/n
  [0.55, 10, 0.0022805103214843725, 0.9977194896785156], // d ≥ 1/2: 2·smirnov
  [0.15, 20, 0.7044671549442872, 0.29553284505571276], // n ≤ 140, Durbin matrix
  [0.1, 60, 0.5521961259289287, 0.44780387407107125], // n ≤ 140, Durbin matrix
  [0.2, 30, 0.15796916101547398, 0.842030838984526], // n ≤ 140, Pomeranz
  [0.3, 30, 0.006852243362913235, 0.9931477566370868], // n ≤ 140, Pomeranz
  [0.25, 50, 0.0030657620198697444, 0.9969342379801303], // n ≤ 140, Pomeranz
  [0.2, 100, 0.0005551927327988775, 0.9994448072672011], // n ≤ 140, Pomeranz (n d² = 4)
  [0.35, 50, 5.573523514803185e-6, 0.9999944264764852], // n ≤ 140, 2·smirnov
  [0.3, 139, 1.3664292848318286e-11, 0.9999999999863357], // n ≤ 140, 2·smirnov
  [0.004, 141, 1.0, 2.26485257163033e-186], // n > 140, Ruben–Gambino via Stirling
  [0.006, 141, 1.0, 4.936208952529276e-83], // n > 140, Ruben–Gambino via Stirling
  [0.026, 150, 0.9999042785702218, 9.572142977816033e-5], // n > 140, Durbin matrix
  [0.025, 200, 0.9993642592607782, 0.0006357407392217889], // n > 140, Durbin matrix
  [0.0078, 2000, 0.9996540753827607, 0.0003459246172392067], // n > 140, Durbin matrix (m = 31)
  [0.05, 200, 0.6802625495871704, 0.3197374504128296], // Pelz–Good
  [0.02, 5143, 0.03223251085215484, 0.9677674891478452], // Pelz–Good
  [0.005888888888888888, 5143, 0.9936993789419231, 0.006300621058076926], // Pelz–Good
  [0.0035, 100000, 0.17207486304834008, 0.8279251369516599], // Pelz–Good
  [0.0015, 500000, 0.21034190155828947, 0.7896580984417105], // Pelz–Good, n > 1e5
  [0.03, 5143, 0.000186755496995863, 0.9998132445461136], // n > 140, 2·smirnov
  [0.1443333333333333, 5143, 5.849796857793079e-94, 1.0], // 2·smirnov, deep tail (the ks_2samp reference's smallest p)
  [0.29, 5143, 0.0, 1.0], // n d² ≥ 370
  [0.004, 200000, 0.003314212822560255, 0.9966857871924533], // 2·smirnov, n = 2e5
  [0.005, 500000, 2.767991769909747e-11, 0.9999999999723204], // 2·smirnov, n = 5e5
  [0.0015, 2000000, 0.00024657290508461606, 0.9997534279512358], // 2·smirnov with Miller's n > 1e6 form
  [0.1, 1000000, 0.0, 1.0], // n d² ≥ 370
];

// [n, d, scipy.special.smirnov(n, d)] from scipy 1.10.1.
const SMIRNOV_SCIPY: readonly (readonly [number, number, number])[] = [
  [5, 0.3, 0.34282],
  [10, 0.05, 0.9224335892010742], // d ≤ 1/n closed form
  [10, 0.1, 0.7642052309], // d = 1/n exactly
  [20, 0.02, 0.970863776549444],
  [100, 0.01, 0.9732196650552324],
  [100, 0.2, 0.0002775963664037337],
  [1000, 0.05, 0.006506037390545166],
  [7, 0.9, 9.999999999999985e-8], // d ≥ 1 − 1/n: (1 − d)ⁿ
  [2000000, 0.001, 0.018303432023617325], // Miller's approximation above n = 1e6
  [1200, 0.0005, 0.9990895324367185], // d ≤ 1/n closed form, large n
  [100, 0.025, 0.8681674982884928], // short alternating upper sum
  [400, 0.007, 0.9570979221999083], // short alternating upper sum
  [50, 0.03, 0.8964968080960984], // short alternating upper sum
  [30, 0.1, 0.5150661722374582],
];

// [x, scipy.special.kolmogorov(x)] from scipy 1.10.1.
const KOLMOGOROV_SCIPY: readonly (readonly [number, number])[] = [
  [0.05, 1.0],
  [0.3, 0.9999906941986655],
  [0.5, 0.9639452436648751],
  [0.82, 0.5119717052984973],
  [0.83, 0.4961909953505036],
  [1.0, 0.26999967167735456],
  [1.3581, 0.0499996304316674],
  [2.0, 0.0006709252557796953],
  [5.0, 3.8574996959278356e-22],
];

describe('kolmogorovDistributionSf', () => {
  it('matches scipy.stats.kstwo.sf on every branch', () => {
    for (const [d, n, sf] of KSTWO_SCIPY) expectClose(kolmogorovDistributionSf(d, n), sf, { rel: 1e-9, abs: 1e-300 });
  });

  it('matches scipy.stats.kstwo.cdf through 1 − sf where the CDF is computed directly', () => {
    for (const [d, n, , cdf] of KSTWO_SCIPY) {
      if (cdf > 1e-6 && cdf < 0.999) expectClose(1 - kolmogorovDistributionSf(d, n), cdf, { rel: 1e-8, abs: 1e-300 });
    }
  });

  it('is 1 below the support, 0 from d = 1 on, and between 0 and 1 elsewhere', () => {
    for (const n of [1, 2, 7, 50, 141, 1000, 123456]) {
      expect(kolmogorovDistributionSf(0, n)).toBe(1);
      expect(kolmogorovDistributionSf(-0.5, n)).toBe(1);
      expect(kolmogorovDistributionSf(0.5 / n, n)).toBe(1);
      expect(kolmogorovDistributionSf(1, n)).toBe(0);
      expect(kolmogorovDistributionSf(1.5, n)).toBe(0);
    }
  });

  it('decreases in d for fixed n across the branch boundaries', () => {
    for (const n of [3, 10, 40, 140, 141, 300, 5000, 100001]) {
      let previous = 1;
      for (let step = 1; step <= 400; step++) {
        const d = (step / 400) ** 2;
        const sf = kolmogorovDistributionSf(d, n);
        expect(sf).toBeGreaterThanOrEqual(0);
        expect(sf <= previous + 1e-12, `n=${n} d=${d}: ${sf} > ${previous}`).toBe(true);
        previous = sf;
      }
    }
  });

  it('has the hand-checkable Ruben–Gambino forms', () => {
    // 1/(2n) < d ≤ 1/n: P(D ≤ d) = n!/nⁿ (2nd − 1)ⁿ; n = 3, d = 0.25: 6/27 · 0.5³ = 1/36.
    expectClose(kolmogorovDistributionSf(0.25, 3), 1 - 1 / 36, { rel: 1e-15, abs: 1e-300 });
    // d ≥ 1 − 1/n: P(D ≥ d) = 2(1 − d)ⁿ.
    expectClose(kolmogorovDistributionSf(0.9, 4), 2 * 0.1 ** 4, { rel: 1e-12, abs: 1e-300 });
  });

  it('approaches the Kolmogorov limit as n grows', () => {
    for (const z of [0.6, 1, 1.5]) {
      expectClose(kolmogorovDistributionSf(z / Math.sqrt(200000), 200000), kolmogorovLimitSf(z), { rel: 5e-3, abs: 1e-300 });
    }
  });

  it('rejects a non-integer or non-positive n and a NaN d', () => {
    expect(() => kolmogorovDistributionSf(0.1, 0)).toThrow(RangeError);
    expect(() => kolmogorovDistributionSf(0.1, 2.5)).toThrow(/^kolmogorovDistributionSf: n must be an integer/);
    expect(() => kolmogorovDistributionSf(Number.NaN, 5)).toThrow(/^kolmogorovDistributionSf: d is NaN/);
  });
});

describe('smirnovSf', () => {
  it('matches scipy.special.smirnov', () => {
    for (const [n, d, sf] of SMIRNOV_SCIPY) expectClose(smirnovSf(n, d), sf, { rel: 1e-9, abs: 1e-300 });
  });

  it('has the hand-checkable small cases', () => {
    expect(smirnovSf(1, 0.3)).toBeCloseTo(0.7, 15);
    expect(smirnovSf(4, 0)).toBe(1);
    expect(smirnovSf(4, 1)).toBe(0);
    // n = 2, d = 0.6 ≥ 1 − 1/n: (1 − d)² = 0.16.
    expectClose(smirnovSf(2, 0.6), 0.16, { rel: 1e-14, abs: 1e-300 });
    // n = 2, d = 0.3: d Σ_{v=0,1} C(2,v)(d + v/2)^(v−1)(1 − d − v/2)^(2−v) = 0.49 + 2·0.3·0.2 = 0.61.
    expectClose(smirnovSf(2, 0.3), 0.61, { rel: 1e-14, abs: 1e-300 });
  });

  it('returns NaN outside [0, 1] and rejects a bad n', () => {
    expect(smirnovSf(5, -0.1)).toBeNaN();
    expect(smirnovSf(5, 1.1)).toBeNaN();
    expect(smirnovSf(5, Number.NaN)).toBeNaN();
    expect(() => smirnovSf(0, 0.5)).toThrow(/^smirnovSf: n must be an integer/);
  });

  it('is at most the two-sided tail and at least half of it', () => {
    for (const [d, n] of [[0.2, 30], [0.05, 500], [0.01, 20000]] as const) {
      const one = smirnovSf(n, d);
      const two = kolmogorovDistributionSf(d, n);
      expect(one).toBeLessThanOrEqual(two);
      expect(2 * one).toBeGreaterThanOrEqual(two);
    }
  });
});

describe('kolmogorovLimitSf', () => {
  it('matches scipy.special.kolmogorov on both series', () => {
    for (const [x, sf] of KOLMOGOROV_SCIPY) expectClose(kolmogorovLimitSf(x), sf, { rel: 1e-12, abs: 1e-300 });
  });

  it('is 1 at 0 and below, decreasing, and NaN for NaN', () => {
    expect(kolmogorovLimitSf(0)).toBe(1);
    expect(kolmogorovLimitSf(-1)).toBe(1);
    expect(kolmogorovLimitSf(Number.NaN)).toBeNaN();
    let previous = 1;
    for (let x = 0.01; x < 6; x += 0.01) {
      const sf = kolmogorovLimitSf(x);
      expect(sf).toBeLessThanOrEqual(previous);
      previous = sf;
    }
  });
});
